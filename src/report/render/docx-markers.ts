import { randomBytes } from 'node:crypto';
import { Paragraph } from 'docx';

/** Unguessable per process, so that no report text can be taken for a marker. */
const NONCE = randomBytes(9).toString('base64url');

const markerText = (index: number) => `jixiao-body-${NONCE}-${index}`;

/** What docx writes for a marker: a paragraph with no properties around one plain run. */
const markerXml = (index: number) => `<w:p><w:r><w:t xml:space="preserve">${markerText(index)}</w:t></w:r></w:p>`;

/** A bare paragraph standing for the `index`th run of body XML written by Jixiao (docx.ts). */
export class Marker extends Paragraph {
  constructor(readonly index: number) {
    super({ text: markerText(index) });
  }
}

/** document.xml with each marker paragraph replaced by its run of XML; every marker must be there exactly once. */
export function replaceMarkers(xml: string, runs: readonly string[]): string {
  let out = xml;
  runs.forEach((run, index) => {
    const pieces = out.split(markerXml(index));
    if (pieces.length !== 2) throw new Error(`body marker ${index} found ${pieces.length - 1} times in document.xml`);
    out = pieces[0] + run + pieces[1];
  });
  return out;
}
