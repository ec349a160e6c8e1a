import { memo, useMemo, type ReactNode } from 'react';
import { parseDataset } from '../../../src/domain/dataset/parse.js';
import type { Dataset } from '../../../src/domain/dataset/schema.js';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import { ProblemsTab } from './problems-tab.js';
import { ReportTab } from './report-tab.js';
import { ScoreTab } from './score-tab.js';
import { useEditorSelect } from './editor-context.js';
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

type ResultProps = {
  tab: ResultKey;
  datasetId: number;
  revision: number;
  unsaved: boolean;
  dataset: Dataset | null;
  figures: Figures | null;
  /** The printed 自评表 of the dataset, each scored (the last document that parsed). */
  forms: readonly FormEvaluation[];
};

const NO_FORMS: readonly FormEvaluation[] = [];

const RESULT_PAGES: Readonly<Record<ResultKey, (p: ResultProps) => ReactNode>> = {
  score: (p) => <ScoreTab dataset={p.dataset} figures={p.figures} forms={p.forms} />,
  problems: (p) => <ProblemsTab datasetId={p.datasetId} dataset={p.dataset} figures={p.figures} />,
  report: (p) => <ReportTab datasetId={p.datasetId} revision={p.revision} unsaved={p.unsaved} />,
};

/**
 * The parsed document of the latest analysis that passed, while `active`: a result page the user left stays
 * mounted (antd keeps visited tabs) but does not parse or render again on every keystroke elsewhere.
 */
function useLiveDataset(active: boolean): Dataset | null {
  const of = useEditorSelect(
    (e) => (e.analysis.ok ? e.analysed : null),
    (a, b) => !active || a === b,
  );
  return useMemo(() => {
    if (of === null) return null;
    const parsed = parseDataset(of);
    return parsed.ok ? parsed.dataset : null;
  }, [of]);
}

/** The page of one result (score, problems, report), of the latest analysis that passed. */
export const ResultPage = memo(function ResultPage(props: {
  tab: ResultKey;
  active: boolean;
  datasetId: number;
  revision: number;
  unsaved: boolean;
}) {
  const { active } = props;
  const dataset = useLiveDataset(active);
  const figures = useEditorSelect(
    (e) => (e.analysis.ok ? e.figures : null),
    (a, b) => !active || a === b,
  );
  const forms = useEditorSelect(
    (e) => (e.analysis.ok ? e.forms : NO_FORMS),
    (a, b) => !active || a === b,
  );
  return RESULT_PAGES[props.tab]({ ...props, dataset, figures, forms });
});
