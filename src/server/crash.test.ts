import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../app/audit.js';
import { renderDataset } from '../app/import-export.js';
import { parseDataset } from '../domain/dataset/parse.js';
import type { Dataset } from '../domain/dataset/schema.js';
import { readDatasetFile } from '../ingest/read-dataset.js';
import { openStore } from '../store/connect.js';
import { freePort, login, serveProcess, type ServeProcess } from './crash-server.js';

/**
 * 崩溃安全: the real `jixiao serve` on a SQLite file is killed with SIGKILL while an editor saves (PUT, each save
 * based on the last acknowledged revision) and imports workbooks (through the worker pool), then restarted on the
 * same file, a few times. Afterwards, with the server stopped: every acknowledged write is there with exactly the
 * content it was acknowledged with, none twice; revision numbers run 1..n without a gap, each revision whole (its
 * document parses and validates, its audit entry is there); SQLite's integrity check passes; and the audit chain
 * verifies as `jixiao log verify` does.
 */

/** When each round's kill comes after the round's writes have started (ms): varied, so it lands mid-request. */
const KILL_DELAYS_MS = [0, 173, 401, 57];
const EDITOR = { name: 'yuhua', password: 'jixiao-yuhua-demo' };

type Ack = { datasetId: number; revisionNo: number; contact: string; document: unknown; what: 'save' | 'import' };
type Detail = { latestRevision: { revisionNo: number }; document: { department: Record<string, unknown> } };
type Written = { writtenRevision: number; document: unknown; unchanged?: boolean; id: number };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('crash safety under SIGKILL', { timeout: 1_200_000 }, () => {
  let dir: string;
  let server: ServeProcess | undefined;
  let seed: Dataset;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-crash-'));
    const read = await readDatasetFile('examples/yuhua-2020.yaml');
    if (!read.ok) throw new Error('seed unreadable');
    seed = read.dataset;
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The seed as a 2021 workbook with its own contact (a workbook import is a new revision of dataset 2021). */
  async function workbook(contact: string): Promise<Uint8Array<ArrayBuffer>> {
    const dataset = { ...seed, fiscalYear: 2021, department: { ...seed.department, contact } };
    const rendered = await renderDataset(dataset, 'xlsx');
    if (!rendered.ok) throw new Error(rendered.error.message);
    return new Uint8Array(rendered.value);
  }

  it('keeps every acknowledged save and import whole, numbers revisions without gaps, and the file sound', async () => {
    const file = join(dir, 'jixiao.sqlite');
    const port = await freePort();
    const books = await Promise.all(Array.from({ length: 6 }, (_, k) => workbook(`导入联系人-${k}`)));
    server = await serveProcess(file, port);
    let headers = await login(server.url, EDITOR.name, EDITOR.password);
    // Dataset 1 is the seed (2020); dataset 2 is created by a first workbook import (2021).
    const created = await fetch(`${server.url}/api/import?format=xlsx&departmentId=1`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/octet-stream' },
      body: books[0] ?? null,
    });
    expect(created.status).toBe(201);
    const importedId = ((await created.json()) as Written).id;
    const acks: Ack[] = [];
    const attempted = new Set<string>();
    let serial = 0;
    // One import counter across rounds: consecutive imports always carry a different workbook, so none is
    // "unchanged" because the last (possibly killed, unacknowledged) import of the round before wrote the same one.
    let importSerial = 0;

    for (const [round, delay] of KILL_DELAYS_MS.entries()) {
      const live = server;
      const latest = async (id: number) => {
        const response = await fetch(`${live.url}/api/datasets/${id}`, { headers });
        return (await response.json()) as Detail;
      };
      const start = await latest(1);
      let importBase = (await latest(importedId)).latestRevision.revisionNo;
      let saveBase = start.latestRevision.revisionNo;
      let stopped = false;
      let roundSaves = 0;
      let roundImports = 0;

      const saves = async () => {
        while (!stopped) {
          const contact = `崩溃测试联系人-${round}-${++serial}`;
          attempted.add(contact);
          const document = { ...start.document, department: { ...start.document.department, contact } };
          try {
            const response = await fetch(`${live.url}/api/datasets/1`, {
              method: 'PUT',
              headers: { ...headers, 'content-type': 'application/json' },
              body: JSON.stringify({ baseRevision: saveBase, document }),
            });
            const text = await response.text();
            // 503 (BUSY / UNAVAILABLE) is the server refusing under overload, nothing written: try again.
            if (response.status === 503) {
              await pause(500);
              continue;
            }
            if (response.status !== 200) throw new Error(`save → ${response.status}: ${text}`);
            const written = JSON.parse(text) as Written;
            acks.push({
              datasetId: 1,
              revisionNo: written.writtenRevision,
              contact,
              document: written.document,
              what: 'save',
            });
            saveBase = written.writtenRevision;
            roundSaves += 1;
          } catch (error) {
            if (stopped) return; // killed in the middle: this save is not acknowledged
            throw error;
          }
        }
      };
      const imports = async () => {
        while (!stopped) {
          const k = ++importSerial;
          const contact = `导入联系人-${k % books.length}`;
          try {
            const response = await fetch(
              `${live.url}/api/datasets/${importedId}/import?format=xlsx&baseRevision=${importBase}`,
              {
                method: 'POST',
                headers: { ...headers, 'content-type': 'application/octet-stream' },
                body: books[k % books.length] ?? null,
              },
            );
            const text = await response.text();
            if (response.status === 503) {
              await pause(500);
              continue;
            }
            if (response.status !== 200) throw new Error(`import → ${response.status}: ${text}`);
            const written = JSON.parse(text) as Written;
            importBase = written.writtenRevision;
            if (written.unchanged === true) continue;
            acks.push({
              datasetId: importedId,
              revisionNo: written.writtenRevision,
              contact,
              document: written.document,
              what: 'import',
            });
            roundImports += 1;
          } catch (error) {
            if (stopped) return;
            throw error;
          }
        }
      };
      const running = Promise.all([saves(), imports()]);
      // Kill once the round has saved and imported, after a varied delay, while both loops have requests in flight.
      // A workbook import runs in the worker pool; on a loaded 2-core machine one can take tens of seconds.
      const deadline = Date.now() + 180_000;
      while ((roundSaves < 2 || roundImports < 1) && Date.now() < deadline) await pause(10);
      await pause(delay);
      stopped = true;
      await live.kill();
      await running;
      server = await serveProcess(file, port);
      headers = await login(server.url, EDITOR.name, EDITOR.password);
    }
    await server.stop();
    server = undefined;
    console.log(
      `crash safety: ${KILL_DELAYS_MS.length} SIGKILLs, ${acks.filter((a) => a.what === 'save').length} acknowledged saves, ` +
        `${acks.filter((a) => a.what === 'import').length} acknowledged imports, ${attempted.size} saves attempted`,
    );
    expect(acks.filter((a) => a.what === 'save').length).toBeGreaterThanOrEqual(2 * KILL_DELAYS_MS.length);
    expect(acks.filter((a) => a.what === 'import').length).toBeGreaterThanOrEqual(KILL_DELAYS_MS.length);

    // The file itself: SQLite's own check, then every revision, then the audit chain.
    const raw = new Database(file, { readonly: true });
    try {
      expect(raw.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      expect(raw.pragma('foreign_key_check')).toEqual([]);
    } finally {
      raw.close();
    }
    const store = await openStore({ dialect: 'sqlite', file });
    try {
      const db = store.db;
      const revisions = await db
        .selectFrom('revisions')
        .select(['dataset_id', 'revision_no', 'based_on', 'document'])
        .orderBy('dataset_id')
        .orderBy('revision_no')
        .execute();
      const audit = await db
        .selectFrom('audit_log')
        .select(['entity_id', 'action', 'detail'])
        .where('action', 'in', ['dataset.create', 'dataset.import', 'revision.save'])
        .execute();
      const audited = new Set(
        audit.map((a) => `${a.entity_id}/${(JSON.parse(a.detail) as { revisionNo?: number }).revisionNo ?? '?'}`),
      );
      for (const id of [1, importedId]) {
        const own = revisions.filter((r) => r.dataset_id === id);
        expect(own.map((r) => r.revision_no)).toEqual(own.map((_, i) => i + 1));
        for (const r of own) {
          expect(r.based_on).toBe(r.revision_no === 1 ? null : r.revision_no - 1);
          expect(parseDataset(JSON.parse(r.document)).ok).toBe(true);
          expect(audited.has(`${id}/${r.revision_no}`)).toBe(true);
        }
      }
      for (const ack of acks) {
        const stored = revisions.find((r) => r.dataset_id === ack.datasetId && r.revision_no === ack.revisionNo);
        expect(stored, `${ack.what} ${ack.datasetId}/${ack.revisionNo}`).toBeDefined();
        const document = JSON.parse(stored?.document ?? 'null') as { department: { contact?: string } };
        expect(document).toEqual(ack.document);
        expect(document.department.contact).toBe(ack.contact);
      }
      // A save is never stored twice: each contact a save sent is in at most one revision of dataset 1.
      const contacts = revisions
        .filter((r) => r.dataset_id === 1)
        .map((r) => (JSON.parse(r.document) as { department: { contact?: string } }).department.contact ?? '');
      for (const contact of attempted) expect(contacts.filter((c) => c === contact).length).toBeLessThanOrEqual(1);
      const verdict = await verifyLog({ store, now: () => new Date() });
      expect(verdict.ok && verdict.value.problems).toEqual([]);
      expect(verdict.ok && verdict.value.entries).toBeGreaterThan(acks.length);
    } finally {
      await store.close();
    }
  });

  // Item 4 of issue 14's kill in the middle of a ledger import is ledger-crash.test.ts (its own child process).
});
