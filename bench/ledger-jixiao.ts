/**
 * The timed side of `npm run bench:ledger` for Jixiao: budgets, then the ledger's year peeked and the ledger read,
 * checked and summed (the import without the store). bench/ledger.ts bundles this file with esbuild (as `npm run
 * build:cli` does the CLI), so start-up is node's and the bundle's, not TypeScript's compilation. Prints one line
 * of JSON.
 */
import { readBudgets } from '../src/ingest/ledger/read-budgets.js';
import { peekLedgerYear, readLedger, startLedgerWorker } from '../src/ingest/ledger/read-ledger.js';
import { VoucherSet } from '../src/ingest/ledger/voucher-set.js';
import { formatScaled } from '../src/domain/money/index.js';

const [ledger, budgets, threads] = process.argv.slice(2);
const started = performance.now();
// The reader's second thread, started before the budgets are read so that its start overlaps them.
const worker = threads === '1' ? undefined : startLedgerWorker();
const index = await readBudgets(budgets!);
if (!index.ok) throw new Error(JSON.stringify(index.issues));
const budgetsMs = performance.now() - started;
// The year, peeked from the first lines as the import does (src/app/ledger-import.ts) and given to the reader.
const year = peekLedgerYear(ledger!);
if (year === null) throw new Error('no year');
const read = await readLedger(ledger!, {
  budgets: index.budgets,
  vouchers: new VoucherSet(),
  year,
  ...(worker === undefined ? {} : { worker }),
  ...(threads === undefined ? {} : { threads: Number(threads) }),
});
if (!read.ok) throw new Error(JSON.stringify(read.issue));
const ms = performance.now() - started;
// performance.now() counts from the process's start: the wall time a user waits, start-up included.
const wallMs = performance.now();
const usage = process.resourceUsage();
const rssMb = usage.maxRSS / 1024;
// Where the peak goes: V8's heap (budgets, code) against buffers outside it (the voucher set, the sums).
const { heapTotal, arrayBuffers } = process.memoryUsage();
const { summary } = read;
const groups = new Set<string>();
for (const c of summary.aggregates.cells())
  groups.add(`${c.departmentCode}|${c.projectCode}|${c.economicCode}|${c.month}`);
console.log(
  JSON.stringify({
    ms,
    budgetsMs,
    startMs: started,
    wallMs,
    rssMb,
    // Fresh pages touched up to here (on a virtual machine each costs a trap to the host on first touch).
    minorFaults: usage.minorPageFault,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    total: formatScaled(summary.acceptedTotal, 2),
    groups: groups.size,
    rows: summary.accepted,
    linesRead: summary.linesRead,
    rejected: summary.rejected,
    workerParts: summary.workerParts,
    heapMb: heapTotal / 2 ** 20,
    buffersMb: arrayBuffers / 2 ** 20,
  }),
);
