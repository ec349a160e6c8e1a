import { createInterface } from 'node:readline';

/** Reads all of standard input (a password piped in: `echo … | jixiao user passwd NAME`), without the newline. */
async function readPiped(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** Asks once at the terminal without echoing what is typed. */
function ask(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const write = (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput.bind(rl);
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(question)) write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write('\n');
      resolve(answer);
    });
  });
}

/**
 * The new password: piped on standard input, or typed twice at a prompt. Returns null when the two typed ones
 * differ.
 */
export async function readNewPassword(): Promise<string | null> {
  if (!process.stdin.isTTY) return readPiped();
  const first = await ask('新密码：');
  const second = await ask('再输入一次：');
  return first === second ? first : null;
}
