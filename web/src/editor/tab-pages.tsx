import { memo, type ReactNode } from 'react';
import type { Dataset } from '../../../src/domain/dataset/schema.js';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import { ProblemsTab } from './problems-tab.js';
import { ReportTab } from './report-tab.js';
import { ScoreTab } from './score-tab.js';
import type { PartKey, ResultKey } from './parts.js';
import { BasicInfoTab } from './tabs/basic-info-tab.js';
import { DeclaredTab } from './tabs/declared-tab.js';
import { ExpenditureTab } from './tabs/expenditure-tab.js';
import { FormsTab } from './tabs/forms-tab.js';
import { IncomeTab } from './tabs/income-tab.js';
import { IndicatorsTab } from './tabs/indicators-tab.js';
import { NarrativeTab } from './tabs/narrative-tab.js';
import { PaymentTab } from './tabs/payment-tab.js';
import { ProjectsTab } from './tabs/projects-tab.js';
import { ThreePublicTab } from './tabs/three-public-tab.js';

const PART_PAGES: Readonly<Record<PartKey, () => ReactNode>> = {
  basic: () => <BasicInfoTab />,
  forms: () => <FormsTab />,
  income: () => <IncomeTab />,
  expenditure: () => <ExpenditureTab />,
  threePublic: () => <ThreePublicTab />,
  projects: () => <ProjectsTab />,
  payment: () => <PaymentTab />,
  indicators: () => <IndicatorsTab />,
  narrative: () => <NarrativeTab />,
  declared: () => <DeclaredTab />,
};

/** The page of one part of the dataset; its fields read the editor state themselves, so it renders only once. */
export const PartPage = memo(function PartPage(props: { tab: PartKey }) {
  return PART_PAGES[props.tab]();
});

export type ResultPageProps = {
  tab: ResultKey;
  datasetId: number;
  revision: number;
  unsaved: boolean;
  dataset: Dataset | null;
  figures: Figures | null;
  /** The printed 自评表 of the dataset, each scored (the last document that parsed). */
  forms: readonly FormEvaluation[];
};

const RESULT_PAGES: Readonly<Record<ResultKey, (p: ResultPageProps) => ReactNode>> = {
  score: (p) => <ScoreTab dataset={p.dataset} figures={p.figures} forms={p.forms} />,
  problems: (p) => <ProblemsTab datasetId={p.datasetId} dataset={p.dataset} figures={p.figures} />,
  report: (p) => <ReportTab datasetId={p.datasetId} revision={p.revision} unsaved={p.unsaved} />,
};

/** The page of one result (score, problems, report). */
export function ResultPage(props: ResultPageProps) {
  return RESULT_PAGES[props.tab](props);
}
