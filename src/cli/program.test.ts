import { describe, expect, it } from 'vitest';
import { chineseCommanderError } from './commander-text.js';
import { createProgram } from './program.js';

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

type Run = { code: number; out: string; err: string };

/** Runs `jixiao ...args` in-process up to where commander stops it (help, version or a usage error). */
async function jixiao(...args: string[]): Promise<Run> {
  const run: Run = { code: -1, out: '', err: '' };
  const program = createProgram({
    writeOut: (text) => (run.out += text),
    writeErr: (text) => (run.err += text),
    exit: (code) => {
      throw new Exit(code);
    },
    helpWidth: 80,
  });
  try {
    await program.parseAsync(args, { from: 'user' });
  } catch (error) {
    if (!(error instanceof Exit)) throw error;
    run.code = error.code;
  }
  return run;
}

const ENGLISH = /Usage|Options|Commands|Arguments|display help|output the version|error:|default:/;

describe('help is Chinese', () => {
  it('jixiao --help: 用法, 选项, 命令 and the help and version options in Chinese, exit 0', async () => {
    const { code, out, err } = await jixiao('--help');
    expect({ code, err }).toEqual({ code: 0, err: '' });
    expect(out).toMatch(/^用法：jixiao \[选项\] \[命令\]\n/);
    expect(out).toContain('\n选项：\n  -V, --version          显示版本号\n  -h, --help             显示帮助\n');
    expect(out).toContain('\n命令：\n  compute [选项] <file>  计算数据集的全部派生数');
    expect(out).toContain('  help [命令]            显示某个命令的帮助');
    expect(out).not.toMatch(ENGLISH);
  });

  it.each([
    ['check', '--help'],
    ['help', 'check'],
    ['user', 'add', '--help'],
    ['log', 'verify', '--help'],
  ])('jixiao %s %s has no English heading and exits 0', async (...args) => {
    const { code, out } = await jixiao(...args);
    expect(code).toBe(0);
    expect(out).toMatch(/^用法：jixiao /);
    expect(out).not.toMatch(ENGLISH);
  });

  it('wraps descriptions by display columns: no help line is wider than 80 columns', async () => {
    const { out } = await jixiao('--help');
    const width = (line: string) => [...line].reduce((w, c) => w + ((c.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1), 0);
    const tooWide = out.split('\n').filter((line) => width(line) > 82); // closing punctuation may hang by one character
    expect(tooWide).toEqual([]);
  });

  it('prints the version and exits 0', async () => {
    expect(await jixiao('--version')).toEqual({ code: 0, out: '0.1.0\n', err: '' });
  });
});

describe('usage errors are Chinese and exit 2', () => {
  const hint = '（使用 --help 查看用法）\n';
  it.each([
    [['chek', 'x.yaml'], '未知命令：chek（是否想用 check？）\n'],
    [['check', '--jsn', 'x.yaml'], '未知选项：--jsn（是否想用 --json？）\n'],
    [['--frobnicate'], '未知选项：--frobnicate\n'],
    [['check'], '缺少参数：<file>\n'],
    [['check', 'a.yaml', 'b.yaml'], '参数过多：check 最多接受 1 个参数，收到 2 个\n'],
    [['user', 'add', 'li'], '缺少必需的选项：--role <role>\n'],
    [['user', 'add', 'li', '--role'], '选项 --role <role> 缺少取值\n'],
    [['export', '--dataset', 'abc', '-o', 'x.json'], '选项 --dataset 应为正整数（收到 abc）\n'],
  ])('jixiao %j', async (args, message) => {
    expect(await jixiao(...args)).toEqual({ code: 2, out: '', err: message + hint });
  });

  it('a command group without its subcommand prints its help on stderr and exits 2', async () => {
    const { code, out, err } = await jixiao('user');
    expect({ code, out }).toEqual({ code: 2, out: '' });
    expect(err).toMatch(/^用法：jixiao user \[选项\] \[命令\]\n/);
  });
});

describe('chineseCommanderError', () => {
  it.each([
    ["error: unknown command 'x'\n(Did you mean one of a, b?)\n", '未知命令：x（是否想用 a、b 之一？）\n'],
    ['error: too many arguments. Expected 0 arguments but got 1.\n', '参数过多：最多接受 0 个参数，收到 1 个\n'],
    ["error: option '--port <n>' argument 'x' is invalid. 不是数字\n", '选项 --port <n> 的取值无效：x\n'],
    ["error: command-argument value 'x' is invalid for argument 'file'.\n", '参数 <file> 的取值无效：x\n'],
    [
      "error: option '-a' cannot be used with option '-b'\n",
      "命令行有误：option '-a' cannot be used with option '-b'\n",
    ],
    ['选项 --port 应为正整数（收到 abc）\n', '选项 --port 应为正整数（收到 abc）\n'],
  ])('%j', (english, chinese) => {
    expect(chineseCommanderError(english)).toBe(chinese);
  });
});
