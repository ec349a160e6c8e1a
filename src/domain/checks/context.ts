import type { Dataset } from '../dataset/schema.js';
import type { Figures } from '../figures/compute.js';
import type { Finding } from '../findings/finding.js';

/** What every check receives: the dataset and the figures derived from it. */
export type CheckContext = { dataset: Dataset; figures: Figures };

/** A check takes plain data and returns findings; it never does I/O. */
export type Check = (context: CheckContext) => Finding[];
