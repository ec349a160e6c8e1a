// Source: standards.md §2 (project identity 全年预算 = 实际支出 + 上缴财政 + 结转结余) and §3 (执行率).
import { parsePercent, type Fen } from '../money/index.js';
import type { AmountFigure } from '../figures/amount-figure.js';
import type { Finding } from '../findings/finding.js';
import { statedBasisRate } from '../figures/projects.js';
import { amountText, compareAmount, comparePercent, differenceText, percentText } from '../figures/compare.js';
import type { Check } from './context.js';

/** PROJECT_IDENTITY: actual + returned + carried forward must equal year-start budget + supplementary. */
export const checkProjectIdentity: Check = ({ dataset, figures }) =>
  figures.projects.flatMap((p): Finding[] => {
    const project = dataset.projects[p.index];
    // A form that does not say what happened to unspent money states no identity: nothing is assumed.
    if (project?.returnedToTreasury === undefined && project?.carriedForward === undefined) return [];
    if (p.actual > p.fullYearBudget) return []; // OVER_EXECUTION says it
    const accountedFor = (p.actual + p.returnedToTreasury + p.carriedForward) as Fen;
    const budget: AmountFigure = { value: p.fullYearBudget, parts: 5 };
    const { severity, difference } = compareAmount(budget, accountedFor, dataset.unit);
    if (severity === null) return [];
    const unit = dataset.unit;
    return [
      {
        severity,
        code: 'PROJECT_IDENTITY',
        message: `项目“${p.name}”：全年预算 ${amountText(p.fullYearBudget, unit)}（年初 ${amountText(p.yearStartBudget, unit)} + 追加 ${amountText(p.supplementary, unit)}），而实际支出 + 上缴财政 + 结转结余 = ${amountText(accountedFor, unit)}，相差 ${differenceText(difference, unit)}。`,
        path: ['projects', p.index],
        figures: {
          fullYearBudget: amountText(p.fullYearBudget, unit),
          accountedFor: amountText(accountedFor, unit),
          difference: differenceText(difference, unit),
        },
      },
    ];
  });

/** A project's stated execution rate against actual ÷ year-start budget (the seed's basis; full-year when there is no year-start budget). */
export const checkProjectDeclaredRates: Check = ({ dataset, figures }) =>
  dataset.projects.flatMap((project, index): Finding[] => {
    const statedText = project.declared?.executionRate;
    const p = figures.projects[index];
    if (statedText === undefined || p === undefined) return [];
    const stated = parsePercent(statedText);
    const { rate: computed, basisLabel } = statedBasisRate(p);
    if (!stated.ok || computed === null) return [];
    const { severity, difference } = comparePercent(computed, stated.percent);
    if (severity === null) return [];
    return [
      {
        severity,
        code: 'RATE_MISMATCH',
        message: `项目“${p.name}”执行率：报告所述 ${percentText(stated.percent)}，按实际支出 ÷ ${basisLabel}计算为 ${percentText(computed)}，相差 ${percentText(difference)}。`,
        path: ['projects', index, 'declared', 'executionRate'],
        figures: {
          declared: percentText(stated.percent),
          computed: percentText(computed),
          difference: percentText(difference),
        },
      },
    ];
  });
