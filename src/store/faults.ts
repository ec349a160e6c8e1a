/**
 * 数据库故障: what a database error says about the store, not about the request. Busy (locked by another
 * process, too many connections, a serialization failure) is worth retrying; full and read-only are not, until an
 * operator acts. Anything else is not a store fault (null).
 */
export type StoreFault = { kind: 'busy' | 'full' | 'read-only' | 'unavailable'; message: string };

const SQLITE: Readonly<Record<string, StoreFault['kind']>> = {
  SQLITE_BUSY: 'busy',
  SQLITE_LOCKED: 'busy',
  SQLITE_FULL: 'full',
  SQLITE_READONLY: 'read-only',
  SQLITE_CANTOPEN: 'unavailable',
  SQLITE_IOERR: 'unavailable',
  SQLITE_PROTOCOL: 'busy',
};

const POSTGRES: Readonly<Record<string, StoreFault['kind']>> = {
  '40001': 'busy', // serialization_failure
  '40P01': 'busy', // deadlock_detected
  '55P03': 'busy', // lock_not_available
  '53300': 'busy', // too_many_connections
  '57P03': 'unavailable', // cannot_connect_now
  '53100': 'full', // disk_full
  '25006': 'read-only', // read_only_sql_transaction
  '08006': 'unavailable', // connection_failure
};

const MESSAGES: Readonly<Record<StoreFault['kind'], string>> = {
  busy: '数据库繁忙（被其他进程锁定），请稍后重试',
  full: '数据库所在磁盘已满，未保存；已记录，请联系管理员',
  'read-only': '数据库为只读，无法保存；已记录，请联系管理员',
  unavailable: '数据库暂时无法访问，未保存；已记录，请稍后重试',
};

export function storeFaultOf(error: unknown, depth = 0): StoreFault | null {
  // A migration or a use case may wrap the database's error: its cause says what happened.
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause !== undefined && depth < 5) {
    const inner = storeFaultOf(cause, depth + 1);
    if (inner !== null) return inner;
  }
  const e = error as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  const base = code.startsWith('SQLITE_') ? code.split('_').slice(0, 2).join('_') : code;
  const kind =
    SQLITE[base] ??
    POSTGRES[code] ??
    (code === 'ECONNREFUSED' || code === 'ECONNRESET' ? 'unavailable' : undefined) ??
    // better-sqlite3 reports a failed write whose rollback also failed as "cannot rollback": the disk is the cause.
    (typeof e?.message === 'string' && e.message.includes('cannot rollback') ? 'unavailable' : undefined);
  return kind === undefined ? null : { kind, message: MESSAGES[kind] };
}
