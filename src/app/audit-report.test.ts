import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDataset } from '../domain/dataset/parse.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { computeFigures } from '../domain/figures/compute.js';
import { nationalPack } from '../domain/scoring/packs/builtin-packs.js';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { buildReportModel } from '../report/model/build-report.js';
import { reportInputFor } from '../report/model/report-input.js';
import { drawCharts } from '../report/render/chart-images.js';
import { renderReport } from '../report/render/index.js';
import { auditReport, draftYaml, type AuditReport } from './audit-report.js';

const SEED_TEXT = new URL('../../examples/seed/yuhua-2020-report.txt', import.meta.url);
const SEED_DATASET = new URL('../../examples/yuhua-2020.yaml', import.meta.url);

async function audited(bytes: Uint8Array, name: string): Promise<AuditReport> {
  const result = await auditReport(bytes, name);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function draftOf(report: AuditReport): Dataset {
  const parsed = parseDataset(report.draft);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.dataset;
}

/** Findings other than those of a printed 自评表 (the rendered report has the form annex the seed text lacks). */
const dataFindings = (report: AuditReport) =>
  report.findings.filter((f) => !f.code.startsWith('FORM_')).map((f) => `${f.verdict} ${f.code} ${f.pathText}`);

const KEY_AMOUNTS = [
  'yearStartBudgetTotal',
  'incomeTotal',
  'incomeBasic',
  'incomeProject',
  'expenditureTotal',
  'expenditureBasic',
  'expenditureProject',
  'personnel',
  'publicUse',
  'threePublicBudget',
  'threePublicActual',
  'yearEndBalance',
] as const;

let seed: Dataset;
let text: AuditReport;
const rendered = new Map<'docx' | 'pdf', AuditReport>();

// Rendering the seed as DOCX and PDF takes seconds on an idle machine and up to a minute under load.
beforeAll(async () => {
  const read = await readDatasetFile(fileURLToPath(SEED_DATASET));
  if (!read.ok) throw new Error('seed dataset does not parse');
  seed = read.dataset;
  text = await audited(new Uint8Array(await readFile(SEED_TEXT)), 'yuhua-2020-report.txt');
  const model = buildReportModel({ dataset: seed });
  const charts = drawCharts(model);
  for (const format of ['docx', 'pdf'] as const)
    rendered.set(format, await audited(new Uint8Array(await renderReport(model, format, charts)), `seed.${format}`));
}, 240_000);

describe('jixiao audit on the seed report text', () => {
  it('recovers the key figures of the transcribed dataset: budget, income, expenditure, splits, 三公', () => {
    const ours = computeFigures(draftOf(text)).amounts;
    const theirs = computeFigures(seed).amounts;
    for (const key of KEY_AMOUNTS) expect(ours[key].value, key).toBe(theirs[key].value);
  });

  it('recovers all six projects with their budgets, supplementary money, actuals, returns and carry-forward', () => {
    const ours = computeFigures(draftOf(text)).projects;
    const theirs = computeFigures(seed).projects;
    expect(ours.map((p) => p.name)).toEqual(theirs.map((p) => p.name));
    for (const [i, p] of ours.entries()) {
      const q = theirs[i];
      expect([p.yearStartBudget, p.fullYearBudget, p.actual], p.name).toEqual([
        q?.yearStartBudget,
        q?.fullYearBudget,
        q?.actual,
      ]);
    }
  });

  it('recovers both detail tables line by line and the payment progress', () => {
    const draft = draftOf(text);
    const lines = (d: Dataset) => d.basicExpenditure?.lines.map((l) => [l.code, l.amount]);
    expect(lines(draft)).toEqual(lines(seed));
    expect(draft.projectExpenditure?.lines.map((l) => l.amount)).toEqual(
      seed.projectExpenditure?.lines.map((l) => l.amount),
    );
    expect(draft.paymentProgress?.points).toEqual(seed.paymentProgress?.points);
  });

  it('reports the seed’s three rounding slips (596.06/596.04, 549.69/549.67, 840.75/840.74) and no error', () => {
    expect(text.counts.error).toBe(0);
    const rounding = text.findings.filter((f) => f.verdict === 'rounding');
    expect(rounding.map((f) => [f.figures?.['declared'], f.figures?.['computed']])).toEqual(
      expect.arrayContaining([
        ['840.74万元', '840.75万元'],
        ['549.67万元', '549.69万元'],
        ['596.04万元', '596.06万元'],
      ]),
    );
    const lines = rounding.find((f) => f.pathText === '$.declared.basicLinesTotal');
    expect(lines).toMatchObject({ place: '二、（一）基本支出情况 表1 第19行第2列', quote: '合计 596.04' });
  });

  it('gives the same data findings as jixiao check on the transcribed dataset', () => {
    expect(
      dataFindings(text)
        .filter((f) => f.startsWith('rounding'))
        .sort(),
    ).toEqual([
      'rounding BALANCE_MISMATCH $.projects',
      'rounding LINES_MISMATCH $.basicExpenditure.lines',
      'rounding TOTAL_MISMATCH $.declared.basicLinesTotal',
      'rounding TOTAL_MISMATCH $.declared.expenditureTotal',
      'rounding TOTAL_MISMATCH $.declared.personnel',
    ]);
  });

  it('writes the draft as YAML that reads back as a dataset', async () => {
    const { parse } = await import('yaml');
    const yaml = draftYaml(text, 'yuhua-2020-report.txt');
    expect(yaml.startsWith('# 由 jixiao audit 从 yuhua-2020-report.txt')).toBe(true);
    expect(parseDataset(parse(yaml)).ok).toBe(true);
  });
});

describe.each(['docx', 'pdf'] as const)('jixiao audit on the seed rendered as %s', (format) => {
  it('agrees with the text: the same figures and the same data findings', () => {
    const report = rendered.get(format);
    if (report === undefined) throw new Error('not rendered');
    expect(report.format).toBe(format);
    expect(dataFindings(report)).toEqual(dataFindings(text));
    const amounts = computeFigures(draftOf(report)).amounts;
    const expected = computeFigures(draftOf(text)).amounts;
    for (const key of KEY_AMOUNTS) expect(amounts[key].value, key).toBe(expected[key].value);
  });
});

describe('auditReport refusals', () => {
  it('refuses a scanned PDF with PDF_NO_TEXT in Chinese', async () => {
    const pdf =
      '%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n';
    const result = await auditReport(new TextEncoder().encode(pdf), 'scan.pdf');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ kind: 'INVALID', findings: [{ code: 'PDF_NO_TEXT' }] });
  });
});

describe('reading a 项目自评表 that Jixiao printed (DOCX)', () => {
  it('names the department from 主管部门, each funds row by its source, and labels every figure in Chinese', async () => {
    const read = await readDatasetFile(
      fileURLToPath(new URL('../../examples/mof-project-form-2020.yaml', import.meta.url)),
    );
    if (!read.ok) throw new Error('example does not parse');
    const model = buildReportModel(reportInputFor(read.dataset, nationalPack()));
    const docx = await renderReport(model, 'docx', drawCharts(model));
    const report = await audited(new Uint8Array(docx), 'form.docx');
    expect([report.kind, report.department, report.fiscalYear]).toEqual(['projectForm', '某县水利局', 2020]);
    expect(report.sections).toEqual(['附件（自评表）']);
    const sources = report.figures.filter((f) => f.pathText.endsWith('.source')).map((f) => f.value);
    expect(sources).toEqual(['当年财政拨款', '上年结转资金', '其他资金']);
    expect(report.figures.find((f) => f.pathText.endsWith('.scope'))?.value).toBe('项目支出绩效自评表');
    expect(report.figures.filter((f) => /[A-Za-z]/u.test(f.label + f.value)).map((f) => f.label)).toEqual([]);
    expect(draftOf(report).forms[0]?.funds?.rows.map((r) => r.source)).toEqual(sources);
  }, 120_000);
});
