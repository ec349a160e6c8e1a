import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { hashVoucher, VoucherSet } from './voucher-set.js';

const hashOf = (id: string) => {
  const out = new Uint32Array(2);
  const bytes = Buffer.from(id);
  hashVoucher(bytes, 0, bytes.length, out);
  return [out[0]!, out[1]!] as const;
};

describe('VoucherSet', () => {
  it('adds each hash once, through growth, and keeps them through its stored chunks', () => {
    const set = new VoucherSet(4);
    for (let i = 0; i < 50_000; i++) expect(set.add(...hashOf(`V${i}`))).toBe(true);
    for (let i = 0; i < 50_000; i += 7) expect(set.add(...hashOf(`V${i}`))).toBe(false);
    expect(set.size).toBe(50_000);
    const copy = new VoucherSet();
    for (const chunk of set.chunks(4096)) copy.addChunk(chunk);
    expect(copy.size).toBe(50_000);
    expect(copy.has(...hashOf('V49999'))).toBe(true);
    expect(copy.has(...hashOf('V50000'))).toBe(false);
  });

  it('keeps a hash of (0, 0) apart from an empty slot', () => {
    const set = new VoucherSet();
    expect(set.add(0, 0)).toBe(true);
    expect(set.add(0, 0)).toBe(false);
    expect(set.size).toBe(1);
  });

  it('shared and every slot taken (more than the headroom past a check): fails at once instead of probing for ever', () => {
    const first = new VoucherSet(1);
    const shared = first.share(0, 0);
    const later = VoucherSet.later(shared);
    let added = 0;
    for (let i = 0; i < shared.capacity; i++) if ((i % 2 === 0 ? first : later).add(...hashOf(`V${i}`))) added++;
    expect(added).toBe(shared.capacity);
    expect(() => first.add(...hashOf('one more'))).toThrow('凭证号去重表已满');
    expect(() => later.has(...hashOf('one more'))).toThrow('凭证号去重表已满');
  });

  it('shared: the later part counts only what the first has not, and the first takes over what the later counted', () => {
    const first = new VoucherSet(16);
    first.add(...hashOf('stored'));
    const later = VoucherSet.later(first.share(100, 10));
    expect(first.add(...hashOf('A'))).toBe(true);
    expect(later.add(...hashOf('A'))).toBe(false); // earlier in the file
    expect(later.add(...hashOf('stored'))).toBe(false); // an earlier import
    expect(later.add(...hashOf('B'))).toBe(true);
    expect(later.add(...hashOf('B'))).toBe(false); // twice in the later part
    expect(first.taken).toBe(0);
    expect(first.add(...hashOf('B'))).toBe(true); // met earlier in the file than the later part's B
    expect(first.taken).toBe(1);
    expect(first.add(...hashOf('B'))).toBe(false);
    first.unshare(later.size);
    expect(first.size).toBe(3);
    const copy = new VoucherSet();
    for (const chunk of first.chunks()) copy.addChunk(chunk);
    expect([...copy.chunks()]).toEqual([...first.chunks()]);
    expect(['stored', 'A', 'B'].map((id) => copy.has(...hashOf(id)))).toEqual([true, true, true]);
  });

  it('shared: the tail (read by the worker after its part) sits between the first part and the later one', () => {
    const first = new VoucherSet(16);
    const worker = VoucherSet.later(first.share(100, 10));
    first.add(...hashOf('A'));
    worker.add(...hashOf('L'));
    worker.readTail();
    expect(worker.add(...hashOf('A'))).toBe(false); // the first part is earlier
    expect(worker.add(...hashOf('T'))).toBe(true);
    expect(worker.add(...hashOf('T'))).toBe(false); // twice in the tail
    expect(worker.conflict).toBe(false);
    expect(worker.add(...hashOf('L'))).toBe(false);
    expect(worker.conflict).toBe(true); // the later part counted it, but the tail's is earlier in the file
    expect(first.add(...hashOf('T'))).toBe(true); // the first part takes over the tail's, as the later part's
    expect(first.taken).toBe(1);
  });
  it('shared between two threads inserting the same vouchers at once: each counted once, the first part wins', async () => {
    const count = 100_000;
    const first = new VoucherSet(16);
    const go = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(new URL('./voucher-set-race-worker.js', import.meta.url), {
      workerData: { shared: first.share(count, 1000), go: go.buffer, count },
    });
    const done = new Promise<{ counted: number[]; size: number }>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
    while (Atomics.load(go, 1) === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    Atomics.store(go, 0, 1);
    let counted = 0;
    for (let i = 0; i < count; i++) if (first.add(...hashOf(`V${i}`))) counted++;
    const theirs = await done;
    await worker.terminate();
    // Every id is the first part's: inserted by it, or taken over from the later part (which counted it first).
    expect(counted).toBe(count);
    expect(first.taken).toBe(theirs.counted.length);
    first.unshare(theirs.size);
    expect(first.size).toBe(count);
    for (let i = 0; i < count; i++) expect(first.add(...hashOf(`V${i}`))).toBe(false);
  });
});
