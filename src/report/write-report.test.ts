import { execFileSync } from 'node:child_process';
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { unsafeTargetCode, writeAllOrNothing } from './write-report.js';

const temp = () => mkdtemp(join(tmpdir(), 'jixiao-write-'));

describe('writeAllOrNothing', () => {
  it('writes every file, creating the directory when asked, and overwrites an existing one', async () => {
    const dir = join(await temp(), 'out');
    await writeAllOrNothing([{ path: join(dir, 'a.md'), bytes: 'A' }], { createDirectories: true });
    await writeAllOrNothing(
      [
        { path: join(dir, 'a.md'), bytes: 'A2' },
        { path: join(dir, 'b.html'), bytes: Buffer.from('B') },
      ],
      { createDirectories: false },
    );
    expect((await readdir(dir)).sort()).toEqual(['a.md', 'b.html']);
    expect(await readFile(join(dir, 'a.md'), 'utf8')).toBe('A2');
  });

  it('leaves neither targets nor temporary files when the third file cannot be written', async () => {
    const dir = await temp();
    const files = [
      { path: join(dir, 'a.md'), bytes: 'A' },
      { path: join(dir, 'b.md'), bytes: 'B' },
      // /proc exists but accepts no new files: the failure comes while writing, after every target was verified.
      { path: '/proc/jixiao-c.md', bytes: 'C' },
    ];
    await expect(writeAllOrNothing(files, { createDirectories: true })).rejects.toMatchObject({
      code: 'ENOENT',
      syscall: 'write',
      path: '/proc/jixiao-c.md',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses before writing anything when a target is a directory or its directory is missing', async () => {
    const dir = await temp();
    await mkdir(join(dir, 'taken.md'));
    const first = { path: join(dir, 'first.md'), bytes: '1' };
    await expect(
      writeAllOrNothing([first, { path: join(dir, 'taken.md'), bytes: '2' }], { createDirectories: false }),
    ).rejects.toMatchObject({ code: 'EISDIR', path: join(dir, 'taken.md') });
    const missing = join(dir, 'no', 'such', 'x.json');
    await expect(
      writeAllOrNothing([first, { path: missing, bytes: '3' }], { createDirectories: false }),
    ).rejects.toMatchObject({ code: 'ENOENT', path: missing });
    await writeFile(join(dir, 'marker'), '');
    expect((await readdir(dir)).sort()).toEqual(['marker', 'taken.md']);
  });

  it('never follows or replaces a symbolic link: neither the link nor the file it points to changes', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'real.md'), 'KEEP');
    await symlink(join(dir, 'real.md'), join(dir, 'link.md'));
    await symlink(join(dir, 'missing.md'), join(dir, 'dangling.md'));
    for (const name of ['link.md', 'dangling.md'])
      await expect(
        writeAllOrNothing([{ path: join(dir, name), bytes: 'NEW' }], { createDirectories: false }),
      ).rejects.toMatchObject({ code: 'ESYMLINK', syscall: 'write', path: join(dir, name) });
    expect(await readFile(join(dir, 'real.md'), 'utf8')).toBe('KEEP');
    expect(await readlink(join(dir, 'link.md'))).toBe(join(dir, 'real.md'));
    expect((await readdir(dir)).sort()).toEqual(['dangling.md', 'link.md', 'real.md']);
  });

  it('never writes to or replaces a device or a FIFO', async () => {
    const dir = await temp();
    execFileSync('mkfifo', [join(dir, 'pipe.md')]);
    for (const path of ['/dev/null', join(dir, 'pipe.md')])
      await expect(writeAllOrNothing([{ path, bytes: 'NEW' }], { createDirectories: false })).rejects.toMatchObject({
        code: 'ENOTREG',
        path,
      });
    expect((await lstat('/dev/null')).isCharacterDevice()).toBe(true);
    expect((await lstat(join(dir, 'pipe.md'))).isFIFO()).toBe(true);
    expect(await readdir(dir)).toEqual(['pipe.md']);
  });

  it('names what a target is: absent or a regular file may be written', async () => {
    const dir = await temp();
    await writeFile(join(dir, 'file.md'), '');
    expect(await unsafeTargetCode(join(dir, 'absent.md'))).toBeNull();
    expect(await unsafeTargetCode(join(dir, 'file.md'))).toBeNull();
    expect(await unsafeTargetCode(dir)).toBe('EISDIR');
    expect(await unsafeTargetCode('/dev/full')).toBe('ENOTREG');
  });
});
