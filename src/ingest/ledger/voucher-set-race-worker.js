// The second thread of voucher-set.test.ts: inserts voucher ids into a shared set as the later part of a file, at
// the same time as the test's own thread, and answers which of them it counted. Plain JavaScript through tsx, like
// ledger-worker-bootstrap.js.
import { Buffer } from 'node:buffer';
import { parentPort, workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { hashVoucher, VoucherSet } = await import('./voucher-set.ts');
const set = VoucherSet.later(workerData.shared);
const go = new Int32Array(workerData.go);
const hash = new Uint32Array(2);
Atomics.store(go, 1, 1);
while (Atomics.load(go, 0) === 0);
const counted = [];
for (let i = 0; i < workerData.count; i++) {
  const id = Buffer.from(`V${i}`);
  hashVoucher(id, 0, id.length, hash);
  if (set.add(hash[0], hash[1])) counted.push(i);
}
parentPort.postMessage({ counted, size: set.size });
