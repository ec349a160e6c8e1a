import { REWRITE_MARK } from '../domain/checks/prose-checks.js';
import type { DatasetDocument } from '../ingest/dataset-json.js';

type Json = unknown;
type Obj = Record<string, Json>;
const isObj = (v: Json): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: Json): Json[] => (Array.isArray(v) ? v : []);
const pick = (o: Obj, keys: readonly string[]): Obj =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
const zeroed = (o: Obj, keys: readonly string[]): Obj =>
  Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, '0']));

/** Prose: kept, but marked for rewriting when it names the old year (its figures and events are last year's). */
function prose(text: Json, oldYear: number): Json {
  if (typeof text !== 'string' || text.startsWith(REWRITE_MARK)) return text;
  return new RegExp(`${oldYear}\\s*年`).test(text) ? `${REWRITE_MARK}${text}` : text;
}
const proseList = (v: Json, oldYear: number) => list(v).map((p) => prose(p, oldYear));

function department(d: Obj, oldYear: number): Obj {
  return { ...d, intro: proseList(d['intro'], oldYear), functions: proseList(d['functions'], oldYear) };
}

function income(i: Obj): Obj {
  return {
    sources: list(i['sources'])
      .filter(isObj)
      .map((s) => ({ source: s['source'], basic: '0', project: '0' })),
  };
}

function basicExpenditure(b: Obj): Obj {
  const t = isObj(b['threePublic']) ? b['threePublic'] : undefined;
  const items = ['overseasTravel', 'vehiclePurchase', 'vehicleOperation', 'reception'];
  const threePublic =
    t === undefined
      ? undefined
      : Object.fromEntries(items.filter((k) => isObj(t[k])).map((k) => [k, { budget: '0', actual: '0' }]));
  const lines = list(b['lines'])
    .filter(isObj)
    .map((l) => ({ ...pick(l, ['code', 'label']), amount: '0' }));
  return {
    yearStartBudget: '0',
    actual: '0',
    lines,
    ...(threePublic === undefined ? {} : { threePublic }),
  };
}

/** A continuing project: its name and kind of spending, with the new year's figures still to come (zeros). */
function project(p: Obj, oldYear: number): Obj {
  const note = prose(p['note'], oldYear);
  return { name: p['name'], yearStartBudget: '0', actual: '0', ...(note === undefined ? {} : { note }) };
}

const INDICATOR_STRUCTURE = [
  'level1',
  'level2',
  'name',
  'project',
  'direction',
  'target',
  'targetText',
  'unit',
  'weight',
];
const FORM_INDICATOR_STRUCTURE = ['level1', 'level2', 'name', 'target', 'direction', 'weight', 'linksTo'];

function form(f: Obj, oldYear: number): Obj {
  const funds = isObj(f['funds']) ? f['funds'] : undefined;
  const amounts = ['yearStartBudget', 'fullYearBudget', 'actual'];
  return {
    ...pick(f, ['scope', 'name', 'code', 'department', 'implementer']),
    ...(funds === undefined
      ? {}
      : {
          funds: {
            rows: list(funds['rows'])
              .filter(isObj)
              .map((r) => ({ ...pick(r, ['source', 'weight']), ...zeroed(r, amounts) })),
          },
        }),
    annualTargets: list(f['annualTargets'])
      .filter(isObj)
      .map((t) => ({ target: prose(t['target'], oldYear) })),
    indicators: list(f['indicators'])
      .filter(isObj)
      .map((i) => pick(i, FORM_INDICATOR_STRUCTURE)),
  };
}

function narrative(n: Obj, oldYear: number): Obj {
  const out: Obj = {};
  for (const [key, value] of Object.entries(n)) {
    if (key === 'problemReviews') continue; // reviews of last year's drafted problems
    if (key === 'achievements') {
      out[key] = list(value)
        .filter(isObj)
        .map((s) => ({
          ...s,
          paragraphs: proseList(s['paragraphs'], oldYear),
          ...(s['subsections'] === undefined
            ? {}
            : {
                subsections: list(s['subsections'])
                  .filter(isObj)
                  .map((u) => ({ ...u, paragraphs: proseList(u['paragraphs'], oldYear) })),
              }),
        }));
    } else out[key] = proseList(value, oldYear);
  }
  return out;
}

/**
 * 以上年为基础新建: next year's document from last year's. Carries what carries — the department's facts, the
 * projects (as continuing, figures zero), the indicator and form structure without actuals, the prose (marked
 * for rewriting where it names the old year) — and never stated figures (`declared`), scores, budget
 * adjustments, payment figures or problem reviews. Pure.
 */
export function rolloverDocument(old: DatasetDocument): DatasetDocument {
  const oldYear = Number(old['fiscalYear']);
  const doc: Obj = {
    schemaVersion: old['schemaVersion'],
    kind: old['kind'],
    fiscalYear: oldYear + 1,
    unit: old['unit'],
    ...pick(old, ['rulePack']),
    department: department(isObj(old['department']) ? old['department'] : {}, oldYear),
  };
  if (isObj(old['income'])) doc['income'] = income(old['income']);
  if (isObj(old['basicExpenditure'])) doc['basicExpenditure'] = basicExpenditure(old['basicExpenditure']);
  doc['projects'] = list(old['projects'])
    .filter(isObj)
    .map((p) => project(p, oldYear));
  doc['forms'] = list(old['forms'])
    .filter(isObj)
    .map((f) => form(f, oldYear));
  doc['indicators'] = list(old['indicators'])
    .filter(isObj)
    .map((i) => pick(i, INDICATOR_STRUCTURE));
  const targets = isObj(old['selfEvaluation']) ? list(old['selfEvaluation']['annualTargets']).filter(isObj) : [];
  doc['selfEvaluation'] = {
    annualTargets: targets.map((t) => ({
      target: prose(t['target'], oldYear),
      actual: `${REWRITE_MARK}本年度实际完成情况`,
    })),
  };
  doc['declared'] = {};
  doc['narrative'] = narrative(isObj(old['narrative']) ? old['narrative'] : {}, oldYear);
  return doc;
}
