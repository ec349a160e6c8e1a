import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { storeFaultOf } from '../store/faults.js';
import type { AppError } from '../app/context.js';
import type { LocatedFinding } from '../ingest/located-yaml.js';
import { findingText, writeJson } from './output.js';

/** Exit code for input that cannot be read, validated or written (2), as opposed to a dataset with error findings (1). */
export const EXIT_INVALID_INPUT = 2;

/** Exit code for a fault of the program itself (EX_SOFTWARE from sysexits.h). */
export const EXIT_INTERNAL = 70;

/** Prints located findings (as JSON on stdout with `--json`, else Chinese text on stderr) and exits 2. */
export function exitInvalid(findings: readonly LocatedFinding[], json: boolean, heading?: string): never {
  if (json) writeJson({ ok: false, errors: findings });
  else {
    if (heading !== undefined) process.stderr.write(`${heading}\n`);
    for (const finding of findings) process.stderr.write(`${findingText(finding)}\n`);
  }
  process.exit(EXIT_INVALID_INPUT);
}

/** Every problem of a use case as `项目!C7: 不是有效金额：abc` (or file:line, or JSON path); exit 2, or 1 otherwise. */
export function exitWithAppError(error: AppError): never {
  process.stderr.write(`${error.message}\n`);
  if (error.kind === 'INVALID') {
    for (const f of error.findings) process.stderr.write(`${f.location ?? f.pathText}: ${f.message}\n`);
  }
  process.exit(error.kind === 'INVALID' ? EXIT_INVALID_INPUT : 1);
}

const WRITE_SYSCALLS = new Set(['write', 'rename', 'unlink', 'rmdir', 'copyfile', 'ftruncate', 'utime', 'chmod']);

function operation(syscall: string): string {
  if (syscall === 'mkdir') return '目录无法创建';
  if (syscall === 'scandir') return '目录无法读取';
  if (WRITE_SYSCALLS.has(syscall)) return '文件无法写入';
  return syscall === 'open' || syscall === 'read' ? '文件无法读取' : '文件无法访问';
}

function reason(code: string, syscall: string, path: string): string {
  if (code === 'ENOENT') {
    if (syscall === 'mkdir') return '上级路径无法创建';
    if (!WRITE_SYSCALLS.has(syscall)) return '文件不存在';
    return existsSync(dirname(path)) ? '该目录中不能新建文件' : '目录不存在';
  }
  const reasons: Record<string, string> = {
    EACCES: '没有权限',
    EPERM: '没有权限',
    EEXIST: '已存在同名文件',
    EISDIR: '这是一个目录',
    ESYMLINK: '这是一个符号链接，不会跟随或替换',
    ENOTREG: '这不是普通文件（设备、管道或套接字），不会写入或替换',
    ENOTDIR: '路径中有一段不是目录',
    EROFS: '只读文件系统',
    ENOSPC: '磁盘空间不足',
  };
  return reasons[code] ?? code;
}

/**
 * The Chinese one-liner for a file-system error (`文件无法写入：out/a.md（目录不存在）`), or null when `error` is
 * not one. Commands read inputs as located findings; this is the net for everything else (outputs, databases).
 */
export function fileErrorMessage(error: unknown): string | null {
  const e = error as Partial<NodeJS.ErrnoException> | null;
  if (typeof e?.code !== 'string' || typeof e.syscall !== 'string') return null;
  if (e.code === 'EADDRINUSE' || e.code === 'EADDRNOTAVAIL') {
    const at = e as { address?: string; port?: number };
    return `无法监听 ${at.address ?? ''}:${at.port ?? ''}（${e.code === 'EADDRINUSE' ? '端口已被占用' : '地址不可用'}）`;
  }
  if (typeof e.path !== 'string') return null;
  return `${operation(e.syscall)}：${e.path}（${reason(e.code, e.syscall, e.path)}）`;
}

/** Why a command could not use its database, as the operator at the command line needs to hear it. */
const STORE_FAULT_REASONS = {
  busy: '被其他进程锁定，请稍后重试',
  full: '磁盘已满',
  'read-only': '数据库或其所在的文件系统为只读',
  unavailable: '数据库文件无法打开或读写（路径不存在、只读或无权限），或数据库服务器无法连接',
} as const;

/** The last word on any error a command throws: a Chinese line and exit 2 for file errors, else exit 70. */
export function exitFatal(error: unknown): never {
  const fault = storeFaultOf(error);
  const message =
    fileErrorMessage(error) ?? (fault === null ? null : `数据库无法使用：${STORE_FAULT_REASONS[fault.kind]}`);
  if (process.env['JIXIAO_DEBUG'] === '1')
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  if (message !== null) {
    process.stderr.write(`${message}\n`);
    process.exit(EXIT_INVALID_INPUT);
  }
  const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
  process.stderr.write(`内部错误：${detail}（设置 JIXIAO_DEBUG=1 可查看详细信息）\n`);
  process.exit(EXIT_INTERNAL);
}
