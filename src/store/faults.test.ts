import { describe, expect, it } from 'vitest';
import { storeFaultOf } from './faults.js';

const err = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('storeFaultOf', () => {
  it('names busy, full, read-only and unavailable databases of both dialects, and nothing else', () => {
    expect(storeFaultOf(err('SQLITE_BUSY'))?.kind).toBe('busy');
    expect(storeFaultOf(err('SQLITE_BUSY_SNAPSHOT'))?.kind).toBe('busy');
    expect(storeFaultOf(err('SQLITE_FULL'))?.message).toBe('数据库所在磁盘已满，未保存；已记录，请联系管理员');
    expect(storeFaultOf(err('SQLITE_READONLY_DBMOVED'))?.kind).toBe('read-only');
    expect(storeFaultOf(err('SQLITE_IOERR_WRITE'))?.kind).toBe('unavailable');
    expect(storeFaultOf(err('53100'))?.kind).toBe('full');
    expect(storeFaultOf(err('40001'))?.kind).toBe('busy');
    expect(storeFaultOf(new Error('cannot rollback - no transaction is active'))?.kind).toBe('unavailable');
    expect(storeFaultOf(new Error('迁移失败', { cause: err('SQLITE_READONLY') }))?.kind).toBe('read-only');
    expect(storeFaultOf(err('SQLITE_CONSTRAINT_UNIQUE'))).toBeNull();
    expect(storeFaultOf(err('23505'))).toBeNull();
    expect(storeFaultOf(new Error('boom'))).toBeNull();
  });
});
