// npm run build:cli — compiles src into dist with tsc, then writes dist/.build-stamp with the time the build
// STARTED: bin/jixiao.js runs dist only when no source file changed after that moment, so an edit made while a
// build was running is never run stale.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const startedAt = Date.now();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
mkdirSync('dist', { recursive: true });
writeFileSync('dist/.build-stamp', JSON.stringify({ startedAt }));
