// commander's own texts in Chinese: the help layout (headings, [options], defaults) and the usage errors it raises.
// Loaded at every start, like main.ts: commander only.
import { Help, type CommanderError, type HelpConfiguration } from 'commander';
import { EXIT_INVALID_INPUT } from './fail.js';

const TITLES: Readonly<Record<string, string>> = {
  'Usage:': '用法：',
  'Arguments:': '参数：',
  'Options:': '选项：',
  'Global Options:': '全局选项：',
  'Commands:': '命令：',
};

const EXTRA_INFO: Readonly<Record<string, string>> = {
  choices: '可选值',
  default: '默认',
  preset: '预设',
  env: '环境变量',
};

const base = new Help();

const localTerms = (text: string) => text.replace(/\[options\]/g, '[选项]').replace(/\[command\]/g, '[命令]');

/** `说明 (default: "x", env: Y)` → `说明（默认："x"，环境变量：Y）`; an empty list default (`[]`) says nothing. */
function localExtraInfo(description: string): string {
  return description.replace(/ ?\(((?:choices|default|preset|env): .*)\)$/, (_match, inner: string) => {
    const parts = inner
      .split(/, (?=(?:choices|default|preset|env): )/)
      .filter((part) => part !== 'default: []')
      .map((part) => part.replace(/^(\w+): /, (_m, key: string) => `${EXTRA_INFO[key] ?? key}：`));
    return parts.length === 0 ? '' : `（${parts.join('，')}）`;
  });
}

/** Columns as a terminal shows them: a CJK character or full-width punctuation takes two. */
function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  return width;
}

/** One line cut to `width` columns between any two Chinese characters or at a space, never before closing punctuation. */
function wrapLine(line: string, width: number): string {
  const chunks = line.match(/\s*(?:[\u2e80-\uffff]|[^\s\u2e80-\uffff]+)/gu) ?? [];
  const lines: string[] = [];
  let current = '';
  for (const chunk of chunks) {
    const fits = displayWidth(current + chunk) <= width || /^[，。、；：！？）》」]/.test(chunk);
    if (current === '' || fits) current += chunk;
    else {
      lines.push(current);
      current = chunk.trimStart();
    }
  }
  return [...lines, current].join('\n');
}

/** For `configureHelp`: Chinese headings and placeholders, padding and wrapping by display columns. */
export const CHINESE_HELP: HelpConfiguration = {
  // Chinese titles end in a full-width colon, which needs no space after it.
  formatHelp(cmd, helper) {
    return Help.prototype.formatHelp.call(helper, cmd, helper).replace(/^用法： /, '用法：');
  },
  styleTitle: (title) => TITLES[title] ?? title,
  boxWrap: (text, width) =>
    width < base.minWidthToWrap
      ? text
      : text
          .split('\n')
          .map((line) => wrapLine(line, width))
          .join('\n'),
  commandUsage: (cmd) => localTerms(base.commandUsage(cmd)),
  subcommandTerm: (cmd) => localTerms(base.subcommandTerm(cmd)),
  optionDescription: (option) => localExtraInfo(base.optionDescription(option)),
  argumentDescription: (argument) => localExtraInfo(base.argumentDescription(argument)),
  displayWidth,
};

const quoted = "'([^']*)'";

/** commander's English usage errors, matched on its message (commander 14) and said in Chinese. */
const ERRORS: readonly [RegExp, (...groups: string[]) => string][] = [
  [new RegExp(`^error: unknown option ${quoted}`), (flag) => `未知选项：${flag}`],
  [new RegExp(`^error: unknown command ${quoted}`), (name) => `未知命令：${name}`],
  [new RegExp(`^error: missing required argument ${quoted}`), (name) => `缺少参数：<${name}>`],
  [new RegExp(`^error: option ${quoted} argument missing`), (flags) => `选项 ${flags} 缺少取值`],
  [new RegExp(`^error: required option ${quoted} not specified`), (flags) => `缺少必需的选项：${flags}`],
  [
    /^error: too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./,
    (name, expected, got) => `参数过多：${name === '' ? '' : `${name} `}最多接受 ${expected} 个参数，收到 ${got} 个`,
  ],
  [
    new RegExp(`^error: option ${quoted} argument ${quoted} is invalid\\.`),
    (flags, value) => `选项 ${flags} 的取值无效：${value}`,
  ],
  [
    new RegExp(`^error: command-argument value ${quoted} is invalid for argument ${quoted}\\.`),
    (value, name) => `参数 <${name}> 的取值无效：${value}`,
  ],
];

/** `(Did you mean --json?)` → `（是否想用 --json？）`; `(Did you mean one of a, b?)` → `（是否想用 a、b 之一？）`. */
function localSuggestion(text: string): string {
  const match = /\(Did you mean (one of )?(.+)\?\)/.exec(text);
  if (match === null) return '';
  return `（是否想用 ${(match[2] ?? '').split(', ').join('、')}${match[1] === undefined ? '' : ' 之一'}？）`;
}

/**
 * The Chinese line for an error commander prints (`error: unknown option '--jsn'\n(Did you mean --json?)` →
 * `未知选项：--jsn（是否想用 --json？）`). Our own `program.error` messages are Chinese already and pass unchanged.
 */
export function chineseCommanderError(text: string): string {
  if (!text.startsWith('error: ')) return text;
  for (const [pattern, say] of ERRORS) {
    const match = pattern.exec(text);
    if (match !== null)
      return `${say(...match.slice(1).map((g: string | undefined) => g ?? ''))}${localSuggestion(text)}\n`;
  }
  // A commander error not listed above (none of our commands can raise one today): its English, marked as a usage error.
  return `命令行有误：${text.slice('error: '.length)}`;
}

/**
 * The exit code for how commander ended a run: 0 after --help, `help` or --version, the code a command gave
 * `program.error`, and 2 for every usage error (unknown option or command, missing or excess arguments, a command
 * group such as `jixiao user` without its subcommand).
 */
export function exitCodeFor(error: CommanderError): number {
  if (error.exitCode === 0) return 0;
  if (error.code === 'commander.error') return error.exitCode;
  return EXIT_INVALID_INPUT;
}
