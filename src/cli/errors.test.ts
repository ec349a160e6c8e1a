import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, jixiaoWith, SEED, tempDir } from './testing/run-cli.js';

const STACK = /^\s+at /m;

describe('file-system errors are one Chinese line naming the path, exit 2, never a stack trace', () => {
  it('a missing input file', async () => {
    for (const args of [
      ['import', 'nofile.xlsx'],
      ['export', 'nofile.yaml', '-o', 'o.json'],
    ]) {
      const { code, stderr } = await jixiao(...args);
      expect(code).toBe(2);
      expect(stderr).toContain(`文件不存在：${args[1] ?? ''}`);
      expect(stderr).not.toMatch(STACK);
    }
  });

  it('an output directory that does not exist (export does not create it)', async () => {
    const target = join(await tempDir(), 'nonexist', 'dir', 'o.json');
    const { code, stderr } = await jixiao('export', SEED, '-o', target);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`文件无法写入：${target}（目录不存在）`);
  });

  it('an output file where no file can be created, and an output that is a directory', async () => {
    const proc = await jixiao('report', SEED, '-f', 'md', '-o', '/proc/x.md');
    expect(proc.code).toBe(2);
    expect(proc.stderr.trim()).toBe('文件无法写入：/proc/x.md（该目录中不能新建文件）');
    const dir = await tempDir();
    const isDir = await jixiao('report', SEED, '-f', 'md', '-o', dir);
    expect(isDir.code).toBe(2);
    expect(isDir.stderr.trim()).toBe(`文件无法写入：${dir}（这是一个目录）`);
  });

  it('report --all into a path that is an existing file', async () => {
    const file = join(await tempDir(), 'existing.txt');
    await writeFile(file, 'x');
    const { code, stderr } = await jixiao('report', SEED, '--all', '-o', file);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`目录无法创建：${file}（已存在同名文件）`);
  });

  it('an unexpected failure is one line and exit 70; JIXIAO_DEBUG=1 adds the stack', async () => {
    // A file that is not a database at all: not a store fault (busy, full, read-only), so a fault of its own.
    const notADatabase = join(await tempDir(), 'not-a-database.sqlite');
    await writeFile(notADatabase, 'x'.repeat(4096));
    const args = ['export', '--dataset', '1', '--db', notADatabase, '-o', 'x.json'];
    const plain = await jixiao(...args);
    expect(plain.code).toBe(70);
    expect(plain.stderr).toMatch(/^内部错误：.+（设置 JIXIAO_DEBUG=1 可查看详细信息）\n$/);
    const debug = await jixiaoWith({ JIXIAO_DEBUG: '1' }, ...args);
    expect(debug.code).toBe(70);
    expect(debug.stderr).toMatch(STACK);
  });
});

describe('a database that cannot be opened', () => {
  it('is one Chinese line naming the cause, exit 2', async () => {
    const args = ['export', '--dataset', '1', '--db', '/proc/jixiao.sqlite', '-o', 'x.json'];
    expect(await jixiao(...args)).toMatchObject({
      code: 2,
      stderr: '数据库无法使用：数据库文件无法打开或读写（路径不存在、只读或无权限），或数据库服务器无法连接\n',
    });
  });
});

describe('report writes all files or none', () => {
  it('leaves nothing behind when the last of the four targets cannot be written', async () => {
    const dir = await tempDir();
    // The fourth format's target is taken by a directory, so the run must fail before writing the other three.
    await mkdir(join(dir, 'yuhua-2020.md'));
    const { code, stderr } = await jixiao('report', SEED, '--all', '-o', dir);
    expect(code).toBe(2);
    expect(stderr).toContain('yuhua-2020.md（这是一个目录）');
    expect(await readdir(dir)).toEqual(['yuhua-2020.md']);
  });
});

describe('numeric options are validated', () => {
  it.each([
    ['serve', '--port', 'abc'],
    ['serve', '--port', '70000'],
    ['export', '--dataset', 'abc', '-o', 'x.json'],
    ['export', '--dataset', '1', '--revision', '1.5', '-o', 'x.json'],
    ['import', SEED, '--base', 'x'],
    ['import', SEED, '--department', '-3'],
  ])('jixiao %s %s %s exits 2 with a Chinese message', async (...args) => {
    const { code, stderr } = await jixiao(...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(/选项 --\w+ 应为正整数/);
  });
});
