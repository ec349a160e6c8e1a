import { launchBrowser, pageAs } from './browser.js';
import { apiLogin, startServer } from './server.js';

const server = await startServer();
const browser = await launchBrowser();
try {
  const anon = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  await anon.goto(`${server.url}/#/`);
  await anon.getByTestId('login-form').waitFor();
  await anon.screenshot({ path: '/tmp/shots/login.png' });
  const editor = await apiLogin(server.url, 'yuhua');
  const { findings } = await editor.json<{ findings: { severity: string; key: string }[] }>(
    'GET',
    '/api/datasets/1/findings?revision=1',
  );
  const explanations = Object.fromEntries(findings.filter((f) => f.severity === 'warning').map((f) => [f.key, '说明']));
  const ed = await pageAs(browser, server.url, 'yuhua', '#/datasets/1/basic');
  await ed.getByRole('button', { name: /提交审核/ }).click();
  await ed.getByTestId('explanation').first().waitFor();
  await ed.screenshot({ path: '/tmp/shots/submit.png' });
  await editor.json('POST', '/api/datasets/1/submit', { revisionNo: 1, explanations });
  const reviewer = await apiLogin(server.url, 'reviewer');
  await reviewer.json('POST', '/api/datasets/1/comments', {
    revisionNo: 1,
    body: '联系人请写全名。',
    path: '$.department.contact',
  });
  await reviewer.json('POST', '/api/datasets/1/comments', {
    revisionNo: 1,
    body: '请核对项目执行率。',
    path: '$.projects[1].actual',
  });
  await reviewer.json('POST', '/api/datasets/1/comments', { revisionNo: 1, body: '报告整体请再校对一遍。' });
  const rv = await pageAs(browser, server.url, 'reviewer', '#/bureau');
  await rv.getByTestId('queue-submitted').waitFor();
  await rv.waitForTimeout(800);
  await rv.screenshot({ path: '/tmp/shots/bureau.png' });
  await rv.goto(`${server.url}/#/datasets/1/basic`);
  await rv.locator('[data-comment-for="department.contact"]').click();
  await rv.waitForTimeout(500);
  await rv.screenshot({ path: '/tmp/shots/reviewer-editor.png' });
  await reviewer.json('POST', '/api/datasets/1/return', { revisionNo: 1, comment: '请修改' });
  await ed.reload();
  await ed.getByTestId('review-panel').waitFor();
  await ed.waitForTimeout(500);
  await ed.screenshot({ path: '/tmp/shots/editor-returned.png' });
  await rv.goto(`${server.url}/#/audit`);
  await rv.getByTestId('audit-table').waitFor();
  await rv.waitForTimeout(500);
  await rv.screenshot({ path: '/tmp/shots/audit.png' });
  await rv.goto(`${server.url}/#/`);
  await rv.waitForTimeout(1000);
  await rv.screenshot({ path: '/tmp/shots/home.png' });
} finally {
  await browser.close();
  await server.stop();
}
