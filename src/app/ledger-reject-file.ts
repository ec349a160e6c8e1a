import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvField } from '../ingest/ledger/csv-line.js';
import type { LedgerReject } from '../ingest/ledger/read-ledger.js';

/**
 * 拒收文件: rejected lines as UTF-8 CSV with BOM (行号,代码,原因,原始行), written to a temporary file beside the target
 * and renamed over it at the end, so the target is written whole or not at all.
 */
export class RejectFile {
  private readonly fd: number;
  private readonly temporary: string;
  private pending: string[] = [];

  constructor(private readonly path: string) {
    this.temporary = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
    this.fd = openSync(this.temporary, 'w');
    writeSync(this.fd, '\uFEFF行号,代码,原因,原始行\n');
  }

  add(reject: LedgerReject): void {
    this.pending.push(`${reject.line},${reject.code},${csvField(reject.message)},${csvField(reject.text)}`);
    if (this.pending.length >= 1000) this.flush();
  }

  private flush(): void {
    if (this.pending.length > 0) writeSync(this.fd, `${this.pending.join('\n')}\n`);
    this.pending = [];
  }

  finish(): void {
    this.flush();
    closeSync(this.fd);
    renameSync(this.temporary, this.path);
  }

  abandon(): void {
    closeSync(this.fd);
    rmSync(this.temporary, { force: true });
  }
}
