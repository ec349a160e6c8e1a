// The child of ledger-crash.test.ts: the real `importLedger` on a SQLite file, stopped inside its transaction —
// after the third batch of sums is written — until the parent kills it with SIGKILL.
import { writeSync } from 'node:fs';
import type { KyselyPlugin } from 'kysely';
import { CLI_ACTOR } from '../app/actor.js';
import { importLedger } from '../app/ledger-import.js';
import { openStore } from '../store/connect.js';

const [file, ledgerPath, budgetsPath] = process.argv.slice(2) as [string, string, string];
let sumBatches = 0;
const stopMidway: KyselyPlugin = {
  transformQuery(args) {
    const node = args.node;
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === 'ledger_cells' && ++sumBatches === 3) {
      writeSync(1, 'mid-transaction\n');
      // Blocks the thread with the transaction open (and its writes made) until the parent's SIGKILL.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
    }
    return node;
  },
  transformResult: (args) => Promise.resolve(args.result),
};
const store = await openStore({ dialect: 'sqlite', file });
await importLedger({ store: { ...store, db: store.db.withPlugin(stopMidway) }, now: () => new Date() }, CLI_ACTOR, {
  ledgerPath,
  budgetsPath,
});
writeSync(1, 'committed\n');
