import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { startServer, type TestServer } from './testing.js';

type FormScore = {
  name: string;
  title: string;
  total: string;
  grade: string;
  declaredTotal: string | null;
  declaredGrade: string | null;
  funds: { score: string | null } | null;
  levels: { name: string; packWeight: string | null; score: string }[];
  indicators: { level1: string; level2: string | null; name: string; weight: string; score: string }[];
};

describe.each(testStores())('the score route of a form document on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  /** A department of its own, the example saved as its first revision, and the score route's answer. */
  async function scoreOf(example: string, code: string) {
    const dep = await server.call('POST', '/api/departments', { code, name: `自评表计分${code}` }, {}, 'admin');
    expect(dep.status).toBe(201);
    const document: unknown = parse(await readFile(`examples/${example}.yaml`, 'utf8'));
    const created = await server.call('POST', '/api/datasets', { departmentId: dep.body['id'], document });
    expect(created.status).toBe(201);
    const score = await server.call('GET', `/api/datasets/${created.body['id'] as number}/score`);
    expect(score.status).toBe(200);
    return score.body as { kind: string; scored: boolean; forms: FormScore[] };
  }

  it('answers a 项目自评表 with the form’s own score: 99.64 优, its funds, levels and indicators', async () => {
    const answer = await scoreOf('mof-project-form-2020', 'FORM-P1');
    // No table of its own: null at the top level (not the empty table's "0.00 差"); the score is the form's.
    expect(answer).toMatchObject({ kind: 'projectForm', scored: true, total: null, grade: null });
    expect(answer.forms).toHaveLength(1);
    const form = answer.forms[0];
    expect(form).toMatchObject({
      name: '农村饮水安全巩固提升工程',
      title: '项目支出绩效自评表',
      total: '99.64',
      grade: '优',
      declaredTotal: '99.64',
      declaredGrade: '优',
      funds: { score: '9.64' },
    });
    expect(form?.levels.map((l) => [l.name, l.packWeight, l.score])).toEqual([
      ['产出', '50.00', '50.00'],
      ['效益', '30.00', '30.00'],
      ['满意度', '10.00', '10.00'],
    ]);
    expect(form?.indicators[0]).toMatchObject({
      level1: '产出',
      level2: '数量',
      name: '新建供水管网长度',
      weight: '15.00',
      score: '15.00',
    });
  });

  it('answers a 部门整体自评表 with the form’s own score: 95.49 优 (产出 49.00, 效益 27.00)', async () => {
    const answer = await scoreOf('hunan-department-form-2021', 'FORM-D1');
    expect(answer).toMatchObject({ kind: 'departmentForm', scored: true });
    const form = answer.forms[0];
    expect(form).toMatchObject({ name: '某市统计局', total: '95.49', grade: '优', funds: { score: '9.49' } });
    expect(form?.levels.map((l) => [l.name, l.score])).toEqual([
      ['产出', '49.00'],
      ['效益', '27.00'],
      ['满意度', '10.00'],
    ]);
    expect(form?.indicators[0]).toMatchObject({ name: '统计调查项目完成数', weight: '20.00', score: '20.00' });
  });

  it('answers a 决算说明 with nothing to score and no forms', async () => {
    const answer = await scoreOf('hunan-final-accounts-2021', 'FORM-F1');
    expect(answer).toMatchObject({ kind: 'finalAccounts', scored: false, total: null, grade: null, forms: [] });
  });
});
