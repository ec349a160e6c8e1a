import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../app/audit.js';
import { importDataset } from '../app/import-export.js';
import { seedIfEmpty } from '../app/seed.js';
import { createUser } from '../app/users.js';
import type { Store } from '../store/connect.js';
import { testStores } from '../store/testing.js';
import { call, signIn, startServer, TEST_PASSWORD, type TestServer } from './testing.js';

type Detail = { latestRevision: { revisionNo: number }; document: Record<string, unknown>; state: string };
type Finding = { severity: string; key: string; pathText: string };
type AuditRow = { action: string; actor: string; detail: Record<string, unknown>; departmentId: number | null };

describe.each(testStores())('review workflow and audit log on $dialect', ({ open }) => {
  let store: Store;
  let server: TestServer;
  /** The seed's editor only (department 1), and the editor of another department (2). */
  let own: Record<string, string>;
  let other: Record<string, string>;
  const system = { kind: 'system', label: '测试' } as const;

  const asOwn = (method: string, path: string, body?: unknown) => call(server.base, method, path, body, own);
  const asReviewer = async (method: string, path: string, body?: unknown) =>
    server.call(method, path, body, {}, 'reviewer');
  const detail = async () => (await asOwn('GET', '/api/datasets/1')).body as unknown as Detail;
  const explained = async (revisionNo: number) => {
    const findings = (await asOwn('GET', `/api/datasets/1/findings?revision=${revisionNo}`)).body[
      'findings'
    ] as Finding[];
    return Object.fromEntries(
      findings.filter((f) => f.severity === 'warning').map((f) => [f.key, '年中追加项目，执行期跨年']),
    );
  };
  const audit = async (query = '') =>
    (await server.call('GET', `/api/audit${query}`, undefined, {}, 'admin')).body as unknown as AuditRow[];

  beforeAll(async () => {
    store = await open();
    server = await startServer(store);
    await seedIfEmpty(server.ctx, 'examples/yuhua-2020.yaml');
    const seed = await import('node:fs').then((fs) => fs.readFileSync('examples/yuhua-2020.yaml', 'utf8'));
    const second = await importDataset(server.ctx, {
      format: 'yaml',
      content: seed.replaceAll('长沙市雨花区行政审批服务局', '另一局'),
      actor: system,
    });
    expect(second.ok).toBe(true);
    for (const [name, departmentIds] of [
      ['own-editor', [1]],
      ['other-editor', [2]],
    ] as const) {
      const created = await createUser(
        server.ctx,
        { name, displayName: name, role: 'editor', departmentIds, password: TEST_PASSWORD },
        system,
      );
      expect(created.ok).toBe(true);
    }
    own = await signIn(server.base, 'own-editor', TEST_PASSWORD);
    other = await signIn(server.base, 'other-editor', TEST_PASSWORD);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
  });

  it("refuses another department's dataset by id and changes nothing", async () => {
    const before = await detail();
    const document = before.document;
    const asOther = (method: string, path: string, body?: unknown) => call(server.base, method, path, body, other);
    expect((await asOther('GET', '/api/datasets/1')).status).toBe(404);
    expect((await asOther('PUT', '/api/datasets/1', { baseRevision: 1, document })).status).toBe(404);
    expect((await asOther('GET', '/api/datasets/1/report?format=md')).status).toBe(404);
    const yaml = { ...other, 'content-type': 'application/yaml' };
    const upload = await call(server.base, 'POST', '/api/import?departmentId=1&baseRevision=1', 'a: 1', yaml);
    expect(upload.status).toBe(404);
    const listed = (await asOther('GET', '/api/datasets')).body as unknown as { id: number }[];
    expect(listed.map((d) => d.id)).toEqual([2]);
    expect((await asOther('GET', '/api/overview?year=2020')).body).toHaveLength(1);
    expect(await detail()).toEqual(before);
    const refused = (await audit('?action=request.refused')).map((r) => r.detail['route']);
    expect(refused).toEqual(expect.arrayContaining(['/api/datasets/:id', '/api/import']));
  });

  it('does not show an unpublished report to the public', async () => {
    const anonymous = await call(server.base, 'GET', '/api/public/reports/1?format=md');
    expect(anonymous.status).toBe(404);
    expect((await call(server.base, 'GET', '/api/public/reports')).body).toEqual([]);
    expect((await call(server.base, 'GET', '/api/datasets/1/report?format=md')).status).toBe(401);
  });

  it('refuses to submit with an error finding or an unexplained warning, naming each', async () => {
    const { document } = await detail();
    const basic = document['basicExpenditure'] as Record<string, unknown>;
    const broken = { ...document, basicExpenditure: { ...basic, actual: '1' } };
    expect((await asOwn('PUT', '/api/datasets/1', { baseRevision: 1, document: broken })).status).toBe(200);
    const withError = await asOwn('POST', '/api/datasets/1/submit', { revisionNo: 2, explanations: {} });
    expect(withError.status).toBe(409);
    expect(withError.body['message']).toMatch(/^第 2 版有 \d+ 处错误(、\d+ 条警告未说明原因)?，不能提交$/);
    expect((await asOwn('PUT', '/api/datasets/1', { baseRevision: 2, document })).status).toBe(200);
    const unexplained = await asOwn('POST', '/api/datasets/1/submit', { revisionNo: 3, explanations: {} });
    expect(unexplained.body['message']).toBe('第 3 版有 4 条警告未说明原因，不能提交');
    const blocking = (unexplained.body['details'] as { blocking: Finding[] }).blocking;
    expect(blocking.map((f) => f.severity)).toEqual(['warning', 'warning', 'warning', 'warning']);
    expect((await detail()).state).toBe('draft');
  });

  it('freezes the submitted revision: no edits, no approval of another, no publication before approval', async () => {
    const explanations = await explained(3);
    const stale = await asOwn('POST', '/api/datasets/1/submit', { revisionNo: 2, explanations });
    expect(stale.body['message']).toBe('只能提交最新版本（第 3 版），请刷新后再提交');
    const submitted = await asOwn('POST', '/api/datasets/1/submit', { revisionNo: 3, explanations });
    expect(submitted.body).toMatchObject({ state: 'submitted', stateLabel: '已提交', stateRevision: 3 });
    const { document } = await detail();
    const edit = await asOwn('PUT', '/api/datasets/1', {
      baseRevision: 3,
      document: { ...document, fiscalYear: 2020 },
    });
    expect(edit).toMatchObject({ status: 409, body: { message: '第 3 版已提交审核，退回前不能修改，未保存' } });
    expect((await detail()).latestRevision.revisionNo).toBe(3);
    expect((await asReviewer('POST', '/api/datasets/1/publish', { revisionNo: 3 })).body['message']).toBe(
      '当前状态为“已提交”，不能发布',
    );
    expect((await asReviewer('POST', '/api/datasets/1/approve', { revisionNo: 2 })).status).toBe(409);
  });

  it('returns with a comment on a field; the department answers, corrects and submits again', async () => {
    expect((await asReviewer('POST', '/api/datasets/1/return', { revisionNo: 3 })).body['message']).toBe(
      '退回须写明意见：请填写退回意见，或先对字段提出审核意见',
    );
    const comment = await asReviewer('POST', '/api/datasets/1/comments', {
      revisionNo: 3,
      path: '$.department.contact',
      body: '联系人请写全名',
    });
    expect(comment).toMatchObject({
      status: 201,
      body: { path: '$.department.contact', body: '联系人请写全名', roleLabel: '财政局审核人', revisionNo: 3 },
    });
    const returned = await asReviewer('POST', '/api/datasets/1/return', { revisionNo: 3 });
    expect(returned.body).toMatchObject({ state: 'returned', stateRevision: 3 });
    const reply = await asOwn('POST', '/api/datasets/1/comments', {
      revisionNo: 3,
      body: '已改为全名',
      replyTo: comment.body['id'],
    });
    expect(reply.body).toMatchObject({ replyTo: comment.body['id'], roleLabel: '部门填报人' });
    const late = await asReviewer('POST', '/api/datasets/1/comments', { revisionNo: 3, body: '退回后不再评论' });
    expect(late.status).toBe(409);
    const { document } = await detail();
    const department = { ...(document['department'] as object), contact: '张三丰' };
    expect(
      (await asOwn('PUT', '/api/datasets/1', { baseRevision: 3, document: { ...document, department } })).status,
    ).toBe(200);
    const again = await asOwn('POST', '/api/datasets/1/submit', { revisionNo: 4, explanations: await explained(4) });
    expect(again.body).toMatchObject({ state: 'submitted', stateRevision: 4 });
    const comments = (await asOwn('GET', '/api/datasets/1/comments?revision=3')).body as unknown as { body: string }[];
    expect(comments.map((c) => c.body)).toEqual(['联系人请写全名', '已改为全名']);
  });

  it('approves and publishes exactly the submitted revision, recording who, when and which', async () => {
    expect((await asReviewer('POST', '/api/datasets/1/approve', { revisionNo: 4 })).body).toMatchObject({
      state: 'approved',
      stateRevision: 4,
    });
    expect((await asReviewer('POST', '/api/datasets/1/publish', { revisionNo: 3 })).status).toBe(409);
    const published = await asReviewer('POST', '/api/datasets/1/publish', { revisionNo: 4 });
    expect(published.body).toMatchObject({ revisionNo: 4, publishedBy: '测试reviewer（test-reviewer）' });
    const workflow = (await asOwn('GET', '/api/datasets/1/workflow')).body as {
      state: string;
      steps: { action: string; revisionNo: number; actor: string; explanations: object }[];
    };
    expect(workflow.state).toBe('published');
    expect(workflow.steps.map((s) => [s.action, s.revisionNo])).toEqual([
      ['submit', 3],
      ['return', 3],
      ['submit', 4],
      ['approve', 4],
      ['publish', 4],
    ]);
    expect(Object.values(workflow.steps[0]?.explanations ?? {})).toHaveLength(4);
    const report = await call(server.base, 'GET', '/api/public/reports/1?format=md');
    expect(report.status).toBe(200);
    expect(String(report.body['text'])).toContain('2020年度雨花区行政审批服务局部门整体支出预算绩效自评报告');
    // The portal's 自评表（Excel）: the published report's tables as a workbook (a zip: "PK").
    const workbook = await fetch(`${server.base}/api/public/reports/1?format=xlsx`);
    expect(workbook.status).toBe(200);
    expect(workbook.headers.get('content-type')).toContain('spreadsheetml');
    expect(
      Buffer.from(await workbook.arrayBuffer())
        .subarray(0, 2)
        .toString('latin1'),
    ).toBe('PK');
  });

  it('logs every step, draft read, download and rename, chained so that an edited or deleted row is found', async () => {
    await asOwn('GET', '/api/datasets/1/report?format=md');
    const renamed = await server.call('PATCH', '/api/departments/2', { name: '另一局（更名）' }, {}, 'admin');
    expect(renamed.status).toBe(200);
    const entries = await audit('?limit=500');
    const actions = new Set(entries.map((e) => e.action));
    for (const action of ['workflow.submit', 'workflow.return', 'workflow.approve', 'revision.publish', 'comment.add'])
      expect(actions).toContain(action);
    expect(entries.find((e) => e.action === 'report.download')).toMatchObject({
      actor: 'own-editor（own-editor）',
      departmentId: 1,
    });
    expect(entries.find((e) => e.action === 'dataset.read')).toBeDefined();
    expect(entries.find((e) => e.action === 'department.update')?.detail).toMatchObject({
      name: '另一局（更名）',
      before: { name: '另一局' },
    });
    const byDepartment = await audit('?departmentId=2');
    expect(byDepartment.every((e) => e.departmentId === 2)).toBe(true);
    expect((await audit('?user=own-editor（own-editor）')).every((e) => e.actor === 'own-editor（own-editor）')).toBe(
      true,
    );

    expect(await verifyLog(server.ctx)).toMatchObject({ ok: true, value: { problems: [] } });
    const victim = entries.find((e) => e.action === 'workflow.approve') as unknown as { id: number };
    await sql`update audit_log set actor = ${'某人'} where id = ${victim.id}`.execute(store.db);
    const edited = await verifyLog(server.ctx);
    expect(edited.ok && edited.value.problems).toEqual([{ id: victim.id, message: '内容被修改（校验值不符）' }]);
    await sql`delete from audit_log where id = ${victim.id}`.execute(store.db);
    const deleted = await verifyLog(server.ctx);
    expect(deleted.ok && deleted.value.problems).toEqual([
      { id: expect.any(Number) as unknown, message: '其前的记录被删除或修改（链接断开）' },
    ]);
  });

  it('refuses to serve a publication whose content was changed in the database', async () => {
    await sql`update revisions set document = replace(document, '张三丰', '李四') where dataset_id = 1 and revision_no = 4`.execute(
      store.db,
    );
    const answer = await call(server.base, 'GET', '/api/public/reports/1?format=md');
    expect(answer.status).toBe(500);
    expect(answer.body).toMatchObject({ error: 'INTEGRITY' });
    const verdict = await verifyLog(server.ctx);
    expect(verdict.ok && verdict.value.problems.at(-1)?.message).toBe(
      '数据集 1 已公开的第 4 版内容与发布时的校验值不符',
    );
  });
});
