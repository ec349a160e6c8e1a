import { readFile } from 'node:fs/promises';

/** The seed report (examples/seed), kept in the repository as the specification. */
export const SEED_REPORT = new URL('../../../examples/seed/yuhua-2020-report.txt', import.meta.url);
export const SEED_DATASET = new URL('../../../examples/yuhua-2020.yaml', import.meta.url);

/** Sections 一 and 二 of the seed: from its first section heading to section 三. */
export async function seedSectionsOneAndTwo(): Promise<string> {
  const text = await readFile(SEED_REPORT, 'utf8');
  const start = text.indexOf('部门、单位基本情况');
  const end = text.indexOf('三、部门整体支出绩效情况');
  return text.slice(start, end);
}

/** Every sentence (split at 。 and line ends) that states a number, except table rows (tab-indented lines). */
export function figureSentences(text: string): string[] {
  const prose = text
    .split('\n')
    .filter((line) => !line.startsWith('\t'))
    .join('\n');
  return prose
    .split(/[。\n]/)
    .map((s) => s.replace(/\s+/g, '').replace(/[，,；]$/, ''))
    .filter((s) => /\d/.test(s));
}

/** The numbers of a sentence as values ("300" and "300.00" are the same number). */
export function numbersOf(sentence: string): string[] {
  return [...sentence.matchAll(/\d+(?:\.\d+)?/g)].map((m) => String(Number(m[0])));
}

/** A detail table of the seed: its rows ("基本工资", "69.84") up to and including 合计. */
export async function seedTables(): Promise<[string, string][][]> {
  const lines = (await seedSectionsOneAndTwo()).split('\n');
  const tables: [string, string][][] = [];
  let current: [string, string][] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const cell = lines[i]?.startsWith('\t') === true ? lines[i]?.trim() : undefined;
    if (cell === '明细支出内容') current = [];
    else if (current !== null && cell !== undefined && cell !== '金额（单位：万元）' && cell !== '') {
      const value = lines[i + 1]?.trim() ?? '';
      current.push([cell, value]);
      i += 1;
      if (cell === '合计') {
        tables.push(current);
        current = null;
      }
    }
  }
  return tables;
}
