// Source: standards.md §6 ("What real forms get wrong"): totals ≠ parts, a slip in a difference that propagates into
// a rate, "100 %" printed where more was spent, scores that ignore the printed rule, a total in a sub-score cell.
// Edge cases: a column the form does not print is never checked; over-execution is its own finding.
import { ratio, sumFen, type Fen, type Percent } from '../money/index.js';
import type { FormTable } from '../dataset/form-table.js';
import type { Finding } from '../findings/finding.js';
import { parsePoints, sumPoints, type Points } from '../scoring/points.js';
import { FORM_BASIS_LABEL, type FundsEvaluation, type FundsLine } from './funds-block.js';
import { amountsDiffer, amt, at, finding, pct, pointsDiffer, pts, type FormPlace } from './form-finding.js';
import { printedAsFull, rateAsPrinted } from './rate-check.js';
import type { FormScore } from './score-form.js';

type Funds = NonNullable<FormTable['funds']>;
const CELLS = [
  ['yearStartBudget', '年初预算数'],
  ['fullYearBudget', '全年预算数'],
  ['actual', '全年执行数'],
] as const;

function lineKey(line: FundsLine): (string | number)[] {
  return line.index === null ? ['funds', 'declaredTotal'] : ['funds', 'rows', line.index];
}

function lineName(line: FundsLine): string {
  return line.index === null ? '年度资金总额' : `资金来源“${line.source}”`;
}

/** Each cell of the printed 年度资金总额 row against the sum of the source rows. */
function totalRowFindings(funds: Funds, place: FormPlace): Finding[] {
  const printed = funds.declaredTotal;
  if (printed === undefined || funds.rows.length === 0) return [];
  const out: Finding[] = [];
  for (const [key, label] of CELLS) {
    const cell = printed[key];
    if (cell === undefined || funds.rows.every((r) => r[key] === undefined)) continue;
    const sum = sumFen(funds.rows.map((r) => r[key] ?? (0n as Fen)));
    if (!amountsDiffer(cell, sum, funds.rows.length, place.unit)) continue;
    out.push(
      finding(
        'error',
        'FORM_FUNDS_TOTAL_MISMATCH',
        `“${place.name}”年度资金总额的${label}填 ${amt(cell, place.unit)}，各来源行合计为 ${amt(sum, place.unit)}，相差 ${amt((cell - sum) as Fen, place.unit)}。`,
        at(place, 'funds', 'declaredTotal', key),
        { declared: amt(cell, place.unit), computed: amt(sum, place.unit) },
      ),
    );
  }
  return out;
}

/** The rate the printed (wrong) total amounts give, when a printed total cell differs from the sum of its rows. */
function rateFromPrintedTotal(
  funds: Funds,
  total: FundsLine,
  place: FormPlace,
): { rate: Percent; cell: string } | null {
  const printed = funds.declaredTotal;
  if (printed === undefined || funds.rows.length === 0 || total.budget === null || total.actual === null) return null;
  const n = funds.rows.length;
  const actual =
    printed.actual !== undefined && amountsDiffer(printed.actual, total.actual, n, place.unit) ? printed.actual : null;
  const basisCell = total.basis === 'availableBudget' ? undefined : printed[total.basis];
  const budget = basisCell !== undefined && amountsDiffer(basisCell, total.budget, n, place.unit) ? basisCell : null;
  if (actual === null && budget === null) return null;
  const rate = ratio(actual ?? total.actual, budget ?? total.budget);
  if (rate === null) return null;
  const cell =
    actual !== null
      ? `全年执行数 ${amt(actual, place.unit)}`
      : `${FORM_BASIS_LABEL[total.basis]} ${amt(budget ?? total.budget, place.unit)}`;
  return { rate, cell };
}

function rateFindings(line: FundsLine, place: FormPlace, wrong: { rate: Percent; cell: string } | null): Finding[] {
  const printed = line.declaredRate;
  if (printed === null || line.rate === null) return [];
  if (rateAsPrinted(printed, line.rate, { actual: line.actual, budget: line.budget, unit: place.unit })) return [];
  const path = at(place, ...lineKey(line), line.index === null ? 'rate' : 'declaredRate');
  const figures = { declared: pct(printed), computed: pct(line.rate) };
  const basis = FORM_BASIS_LABEL[line.basis];
  if (wrong !== null && wrong.rate === printed) {
    const message = `“${place.name}”${lineName(line)}执行率填 ${pct(printed)}，系按表中有误的${wrong.cell}算出；按各来源行合计应为 ${pct(line.rate)}（全年执行数 ÷ ${basis}）。`;
    return [finding('error', 'FORM_RATE_FROM_WRONG_FIGURE', message, path, figures)];
  }
  if (printedAsFull(printed, line.rate)) {
    const why = line.rate > 10_000n ? '实际支出超过预算' : '并未全部执行';
    const message = `“${place.name}”${lineName(line)}执行率填 100%，但${why}：全年执行数 ÷ ${basis} = ${pct(line.rate)}。`;
    return [finding('error', 'FORM_RATE_PRINTED_FULL', message, path, figures)];
  }
  const message = `“${place.name}”${lineName(line)}执行率填 ${pct(printed)}，按全年执行数 ÷ ${basis}计算为 ${pct(line.rate)}。`;
  return [finding('error', 'FORM_RATE_MISMATCH', message, path, figures)];
}

/** A printed 占比 of a source row against its 全年执行数 ÷ the total's. */
function shareFindings(line: FundsLine, total: FundsLine, place: FormPlace): Finding[] {
  const printed = line.declaredShare;
  if (printed === null || line.share === null) return [];
  if (rateAsPrinted(printed, line.share, { actual: line.actual, budget: total.actual, unit: place.unit })) return [];
  const message = `“${place.name}”${lineName(line)}占比填 ${pct(printed)}，按本行全年执行数 ${amt(line.actual ?? (0n as Fen), place.unit)} ÷ 年度资金总额全年执行数 ${amt(total.actual ?? (0n as Fen), place.unit)} 计算为 ${pct(line.share)}。`;
  return [
    finding('error', 'FORM_SHARE_MISMATCH', message, at(place, ...lineKey(line), 'declaredShare'), {
      declared: pct(printed),
      computed: pct(line.share),
    }),
  ];
}

function overExecution(line: FundsLine, place: FormPlace): Finding[] {
  if (line.actual === null || line.budget === null || line.budget < 0n || line.actual <= line.budget) return [];
  const message = `“${place.name}”${lineName(line)}全年执行数 ${amt(line.actual, place.unit)} 超过${FORM_BASIS_LABEL[line.basis]} ${amt(line.budget, place.unit)}（超支 ${amt((line.actual - line.budget) as Fen, place.unit)}），须说明超预算支出的依据。`;
  return [
    finding('warning', 'FORM_OVER_EXECUTION', message, at(place, ...lineKey(line)), {
      actual: amt(line.actual, place.unit),
      budget: amt(line.budget, place.unit),
    }),
  ];
}

function scoreFindings(line: FundsLine, place: FormPlace, fundsWeight: Points, formTotal: Points | null): Finding[] {
  const declared = line.declaredScore;
  if (declared === null) return [];
  const path = at(place, ...lineKey(line), line.index === null ? 'score' : 'declaredScore');
  const ceiling = line.weight ?? fundsWeight;
  if (declared > ceiling) {
    const total = formTotal !== null && declared === formTotal ? '，与表的总分相同，疑将总分填入此格' : '';
    const message = `“${place.name}”${lineName(line)}得分填 ${pts(declared)}，超过分值 ${pts(ceiling)}${total}。`;
    return [finding('error', 'FORM_CELL_MISPLACED', message, path, { declared: pts(declared), weight: pts(ceiling) })];
  }
  if (line.score === null || !pointsDiffer(declared, line.score)) return [];
  const message = `“${place.name}”${lineName(line)}得分填 ${pts(declared)}，按规则计算为 ${pts(line.score)}（${line.explanation?.text ?? ''}）`;
  return [
    finding('error', 'FORM_DECLARED_SCORE_MISMATCH', message, path, {
      declared: pts(declared),
      computed: pts(line.score),
    }),
  ];
}

function weightFindings(funds: Funds, evaluation: FundsEvaluation, score: FormScore, place: FormPlace): Finding[] {
  const expected = score.convention.funds.weight;
  const printedText = funds.declaredTotal?.weight;
  const printed = printedText === undefined ? null : parsePoints(printedText);
  const rowWeights = evaluation.rows.map((r) => r.weight).filter((w): w is Points => w !== null);
  const rowSum = score.convention.funds.perRow && rowWeights.length > 0 ? sumPoints(rowWeights) : null;
  const out: Finding[] = [];
  const stated = printed ?? rowSum;
  if (stated !== null && stated !== expected) {
    const message = `“${place.name}”资金分值 ${pts(stated)} 分，规则包规定${score.convention.title}为 ${pts(expected)} 分，请核对分值或选用相符的规则包。`;
    const path = printed !== null ? at(place, 'funds', 'declaredTotal', 'weight') : at(place, 'funds', 'rows');
    out.push(finding('error', 'FORM_WEIGHT_MISMATCH', message, path, { declared: pts(stated), pack: pts(expected) }));
  }
  if (printed !== null && rowSum !== null && printed !== rowSum) {
    const message = `“${place.name}”年度资金总额的分值填 ${pts(printed)}，各来源行分值合计为 ${pts(rowSum)}。`;
    out.push(
      finding('error', 'FORM_FUNDS_TOTAL_MISMATCH', message, at(place, 'funds', 'declaredTotal', 'weight'), {
        declared: pts(printed),
        computed: pts(rowSum),
      }),
    );
  }
  return out;
}

/** 全年预算数 ≠ 年初预算数 on a row that prints both, and no reason given. */
function adjustmentFindings(funds: Funds, place: FormPlace): Finding[] {
  if ((funds.adjustmentReason ?? '').trim() !== '') return [];
  const lines = funds.rows.length > 0 ? funds.rows : funds.declaredTotal === undefined ? [] : [funds.declaredTotal];
  const adjusted = lines.filter(
    (r) => r.yearStartBudget !== undefined && r.fullYearBudget !== undefined && r.yearStartBudget !== r.fullYearBudget,
  );
  if (adjusted.length === 0) return [];
  const first = adjusted[0];
  const detail =
    first === undefined || first.yearStartBudget === undefined || first.fullYearBudget === undefined
      ? ''
      : `（年初 ${amt(first.yearStartBudget, place.unit)}，全年 ${amt(first.fullYearBudget, place.unit)}）`;
  const message = `“${place.name}”全年预算数与年初预算数不同${detail}，未说明预算调整的原因。`;
  return [finding('warning', 'FORM_ADJUSTMENT_REASON_MISSING', message, at(place, 'funds', 'adjustmentReason'))];
}

/** Every finding of a funds block: printed totals, rates, scores, weights, over-execution, adjustments. */
export function fundsFindings(form: FormTable, score: FormScore, place: FormPlace): Finding[] {
  const funds = form.funds;
  const evaluation = score.funds;
  if (funds === undefined || evaluation === null) return [];
  const formTotal = form.declaredTotal === undefined ? null : parsePoints(form.declaredTotal);
  const wrong = rateFromPrintedTotal(funds, evaluation.total, place);
  const weight = score.convention.funds.weight;
  const lines = [...evaluation.rows, evaluation.total];
  return [
    ...totalRowFindings(funds, place),
    ...weightFindings(funds, evaluation, score, place),
    ...lines.flatMap((l) => rateFindings(l, place, l.index === null ? wrong : null)),
    ...evaluation.rows.flatMap((l) => shareFindings(l, evaluation.total, place)),
    ...lines.flatMap((l) => scoreFindings(l, place, weight, formTotal)),
    ...lines.flatMap((l) => overExecution(l, place)),
    ...adjustmentFindings(funds, place),
  ];
}

/** The rate a wrong printed total gives, for a linked 预算执行率 indicator that copied it. */
export function wrongTotalRate(
  form: FormTable,
  score: FormScore,
  place: FormPlace,
): { rate: Percent; cell: string } | null {
  return form.funds === undefined || score.funds === null
    ? null
    : rateFromPrintedTotal(form.funds, score.funds.total, place);
}
