// One part of a ledger read on a worker thread (read-ledger.ts splits a large file at line boundaries). It checks
// and sums its lines as the sequential reader does, with its own voucher set; the main thread merges the sums and
// the set, or reads the part again itself when the part cannot be merged as it is (see read-parallel.ts).
import { closeSync, openSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { CodeTable } from './code-table.js';
import { LedgerAggregates } from './ledger-aggregates.js';
import { LedgerLineReader } from './ledger-line.js';
import { newScanState, scanRange } from './ledger-scan.js';
import type { PartReject, PartResult, PartTask } from './ledger-part.js';
import { VoucherSet } from './voucher-set.js';

async function readPart(task: PartTask): Promise<PartResult> {
  const fd = openSync(task.path, 'r');
  try {
    const shape = {
      departmentCodes: new Array<string>(task.departments).fill(''),
      economicCodes: new Array<string>(task.economicCodes).fill(''),
      pairs: [],
    };
    const aggregates = new LedgerAggregates(shape);
    const vouchers = new VoucherSet(task.expectedLines);
    const reader = new LedgerLineReader({ codes: CodeTable.fromSnapshot(task.codes) }, vouchers, aggregates, task.year);
    const state = newScanState(task.encoding);
    const rejects: PartReject[] = [];
    let tooMany = false;
    const stop = await scanRange(fd, task.from, task.to, reader, state, {
      onReject: (line, code, bytes) => {
        if (rejects.length >= task.maxRejects) tooMany = true;
        else rejects.push({ line, code, bytes: new Uint8Array(bytes) });
      },
    });
    if (
      stop !== null ||
      tooMany ||
      reader.overflow ||
      (state.encoding !== task.encoding && task.encoding !== 'undecided')
    )
      return { ok: false };
    return {
      ok: true,
      encoding: state.encoding,
      lineNo: state.lineNo,
      linesRead: state.linesRead,
      accepted: reader.acceptedCount,
      rejected: state.rejected,
      rejectedByCode: state.rejectedByCode,
      rejects,
      aggregates: aggregates.state(),
      voucherSlots: vouchers.slotsView,
      voucherCount: vouchers.size,
    };
  } finally {
    closeSync(fd);
  }
}

const result = await readPart(workerData as PartTask);
const transfer = result.ok
  ? [
      result.aggregates.cellKeys.buffer,
      result.aggregates.sums.buffer,
      result.aggregates.counts.buffer,
      result.aggregates.daily.buffer,
      result.aggregates.dailyCounts.buffer,
      result.voucherSlots.buffer,
    ]
  : [];
parentPort!.postMessage(result, transfer as ArrayBuffer[]);
