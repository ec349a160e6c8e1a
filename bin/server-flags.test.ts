import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_NODE_FLAGS } from './server-flags.js';

const read = (path: string) => readFileSync(new URL(`../${path}`, import.meta.url), 'utf8');

describe('the server runs with its node options wherever it is started', () => {
  it('npm start passes them to node', () => {
    const start = (JSON.parse(read('package.json')) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} bin/jixiao.js serve`);
  });

  it('the systemd unit in docs/operations.md passes them to node', () => {
    expect(read('docs/operations.md')).toContain(`ExecStart=/usr/bin/node ${SERVER_NODE_FLAGS.join(' ')} `);
  });
});
