import { exitFatal, EXIT_INVALID_INPUT } from './fail.js';
import { quietOnClosedPipe } from './output.js';
import { createProgram } from './program.js';

// A reader that stops early (`jixiao check FILE | head -1`) closes the pipe: the rest of the output is dropped and
// the command ends with its own exit code, never a "write EPIPE" stack trace. Any other failure to write is exit 2.
quietOnClosedPipe(process.stdout, (code) => {
  process.stderr.write(`标准输出无法写入（${code}）\n`);
  process.exit(EXIT_INVALID_INPUT);
});
quietOnClosedPipe(process.stderr, () => process.exit(EXIT_INVALID_INPUT));

// One handler for whatever a command throws: file errors become `文件无法写入：<path>（…）` with exit 2, anything
// else one Chinese line with exit 70 (the stack only with JIXIAO_DEBUG=1) — never a raw stack trace.
process.on('unhandledRejection', exitFatal);
try {
  await createProgram().parseAsync(process.argv);
} catch (error) {
  exitFatal(error);
}
