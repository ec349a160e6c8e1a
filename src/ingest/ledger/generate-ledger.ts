import { closeSync, openSync, writeSync } from 'node:fs';
import { daysInYear, dateText } from './ledger-fields.js';
import { LEDGER_HEADER } from './read-ledger.js';

/** The shape of a synthetic ledger (benchmarks, tests): the same options always give the same bytes. */
export type LedgerSpec = {
  rows: number;
  departments?: number;
  projectsPerDepartment?: number;
  year?: number;
  seed?: number;
};

export type GeneratedLedger = { rows: number; totalFen: bigint; departments: number; budgetLines: number };

/** 30 部门经济分类 codes: 20 for basic expenditure (工资福利, 商品和服务), 10 more that projects use. */
const BASIC_CODES = [
  '30101',
  '30102',
  '30103',
  '30106',
  '30107',
  '30108',
  '30109',
  '30110',
  '30112',
  '30113',
  '30199',
  '30201',
  '30202',
  '30205',
  '30206',
  '30207',
  '30211',
  '30213',
  '30228',
  '30239',
];
const PROJECT_CODES = ['30214', '30215', '30216', '30217', '30226', '30227', '31002', '31003', '31007', '39999'];
const PAYEES = [
  '长沙某科技有限公司',
  '湖南某建设工程有限公司',
  '某某会计师事务所',
  '国网长沙供电公司',
  '中国电信长沙分公司',
  '职工工资专户',
];

/** mulberry32: a small, fast, seedable generator (numbers in [0, 1)); good enough for synthetic data and tests. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const departmentCode = (d: number) => String(430100000 + d);
const projectCode = (d: number, p: number) => `${departmentCode(d)}P${String(p + 1).padStart(2, '0')}`;
const projectEconomic = (d: number, p: number, k: number) => PROJECT_CODES[(d + p * 3 + k) % PROJECT_CODES.length]!;
const yuan = (fen: number) => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** Writes the budgets CSV of a synthetic ledger: every department's basic codes and its projects' three codes. */
export function writeSyntheticBudgets(path: string, spec: LedgerSpec): number {
  const departments = spec.departments ?? 1000;
  const projects = spec.projectsPerDepartment ?? 10;
  const lines = ['部门编码,项目编码,经济分类编码,年初预算,调整数,项目名称'];
  for (let d = 0; d < departments; d++) {
    for (const code of BASIC_CODES) lines.push(`${departmentCode(d)},,${code},2000000.00,0.00,`);
    for (let p = 0; p < projects; p++) {
      for (let k = 0; k < 3; k++) {
        lines.push(
          `${departmentCode(d)},${projectCode(d, p)},${projectEconomic(d, p, k)},1500000.00,${k === 0 ? '200000.00' : '0.00'},项目${p + 1}`,
        );
      }
    }
  }
  writeFileWhole(path, `${lines.join('\n')}\n`);
  return lines.length - 1;
}

function writeFileWhole(path: string, text: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes a synthetic ledger of `rows` payments: departments and days drawn at random (spending back-loaded, as in
 * real years), 60 % basic expenditure, amounts from 0.01 to 100,000.00 元. Returns the exact total.
 */
export function writeSyntheticLedger(path: string, spec: LedgerSpec): GeneratedLedger {
  const departments = spec.departments ?? 1000;
  const projects = spec.projectsPerDepartment ?? 10;
  const year = spec.year ?? 2020;
  const next = seededRandom(spec.seed ?? 20201231);
  const dates = Array.from({ length: daysInYear(year) }, (_, i) => dateText(year, i + 1));
  const fd = openSync(path, 'w');
  let totalFen = 0;
  try {
    writeSync(fd, `${LEDGER_HEADER.join(',')}\n`);
    let batch: string[] = [];
    for (let row = 0; row < spec.rows; row++) {
      const d = Math.floor(next() * departments);
      const basic = next() < 0.6 || projects === 0;
      const p = Math.floor(next() * projects);
      const economic = basic
        ? BASIC_CODES[Math.floor(next() * BASIC_CODES.length)]!
        : projectEconomic(d, p, Math.floor(next() * 3));
      const date = dates[Math.floor(Math.sqrt(next()) * dates.length)]!;
      const fen = 1 + Math.floor(next() * 10_000_000);
      totalFen += fen;
      const payee = PAYEES[row % PAYEES.length]!;
      batch.push(
        `V${year}${String(row).padStart(9, '0')},${date},${departmentCode(d)},${basic ? '' : projectCode(d, p)},${economic},${yuan(fen)},${payee}`,
      );
      if (batch.length === 20_000) {
        writeSync(fd, `${batch.join('\n')}\n`);
        batch = [];
      }
    }
    if (batch.length > 0) writeSync(fd, `${batch.join('\n')}\n`);
  } finally {
    closeSync(fd);
  }
  return {
    rows: spec.rows,
    totalFen: BigInt(totalFen),
    departments,
    budgetLines: departments * (BASIC_CODES.length + projects * 3),
  };
}
