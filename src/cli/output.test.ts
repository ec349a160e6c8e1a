import { execFileSync } from 'node:child_process';
import { lstat, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, tempDir } from './testing/run-cli.js';

/**
 * `-o` writes a new or a regular file only (temporary file, then rename): anything else is one Chinese line naming
 * the path, exit 2, and left as it was. A directory is covered in errors.test.ts. One command run per test.
 */
describe('-o never follows or replaces a symbolic link, a device or a FIFO', () => {
  it('refuses a symbolic link and leaves both the link and the file it points to as they were', async () => {
    const dir = await tempDir();
    const real = join(dir, 'real.xlsx');
    const link = join(dir, 'link.xlsx');
    await writeFile(real, 'KEEP');
    await symlink(real, link);
    expect(await jixiao('template', '-o', link)).toEqual({
      code: 2,
      stdout: '',
      stderr: `文件无法写入：${link}（这是一个符号链接，不会跟随或替换）\n`,
    });
    expect(await readlink(link)).toBe(real);
    expect(await readFile(real, 'utf8')).toBe('KEEP');
  });

  it('refuses a device (/dev/null) and leaves it a device', async () => {
    expect(await jixiao('template', '-o', '/dev/null')).toEqual({
      code: 2,
      stdout: '',
      stderr: '文件无法写入：/dev/null（这不是普通文件（设备、管道或套接字），不会写入或替换）\n',
    });
    expect((await lstat('/dev/null')).isCharacterDevice()).toBe(true);
  });

  it('refuses a FIFO without opening it (which would block until a reader came)', async () => {
    const fifo = join(await tempDir(), 'pipe.xlsx');
    execFileSync('mkfifo', [fifo]);
    const { code, stderr } = await jixiao('template', '-o', fifo);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `文件无法写入：${fifo}（这不是普通文件（设备、管道或套接字），不会写入或替换）\n`,
    });
    expect((await lstat(fifo)).isFIFO()).toBe(true);
  });
});
