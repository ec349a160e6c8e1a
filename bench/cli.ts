/**
 * npm run bench:cli — start-up of the compiled CLI (issue 15, goal 1). Wall time, median of RUNS, of the peer
 * `node -e ''`, of `node bin/jixiao.js --version` and of `node bin/jixiao.js compute examples/yuhua-2020.yaml`,
 * interleaved so that a change in the machine's load hits all three alike; prints version ÷ peer (goal ≤ 2) and
 * compute in ms (goal < 300) and ÷ peer, with os.loadavg(), the summary last. It measures dist/ and builds nothing
 * else: when dist/ is missing or older than a source it runs `npm run build:cli` first.
 * Usage: npm run bench:cli [-- RUNS]
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv[2] ?? '11');
const root = fileURLToPath(new URL('..', import.meta.url));

/** A module resolve hook that reports an import of tsx on stderr. */
const TSX_HOOK = [
  'export async function resolve(specifier, context, next) {',
  "  if (specifier.startsWith('tsx')) process.stderr.write('<tsx>');",
  '  return next(specifier, context);',
  '}',
].join('\n');
const hookUrl = `data:text/javascript,${encodeURIComponent(TSX_HOOK)}`;
const register = `import { register } from 'node:module'; register(${JSON.stringify(hookUrl)});`;

/**
 * Whether `node bin/jixiao.js` would run the TypeScript through tsx (dist/ missing or older than a source) rather
 * than dist/: asked of bin/jixiao.js itself, so the answer follows its rule whatever that becomes.
 */
function runsTypeScript(): boolean {
  const args = ['--import', `data:text/javascript,${encodeURIComponent(register)}`, 'bin/jixiao.js', '--version'];
  return spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' }).stderr.includes('<tsx>');
}

/** Stops the run: figures of the TypeScript through tsx would say nothing about the compiled CLI. */
function fail(message: string): never {
  console.error(`bench:cli: ${message}`);
  process.exit(1);
}

if (runsTypeScript()) {
  console.log('dist/ is missing or older than a source: npm run build:cli');
  if (spawnSync('npm', ['run', 'build:cli'], { cwd: root, stdio: 'inherit' }).status !== 0) fail('the build failed');
  if (runsTypeScript()) fail('bin/jixiao.js still runs the TypeScript after the build (a source changed meanwhile?)');
}

const subjects = [
  { name: "node -e ''", args: ['-e', ''] },
  { name: 'jixiao --version', args: ['bin/jixiao.js', '--version'] },
  { name: 'jixiao compute <seed>', args: ['bin/jixiao.js', 'compute', 'examples/yuhua-2020.yaml'] },
] as const;

/** Wall milliseconds of one run, spawn and exit included; a failed command ends the benchmark. */
function once(args: readonly string[]): number {
  const start = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (run.status !== 0) fail(`node ${args.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(' ');

const loadBefore = load();
for (const s of subjects) once(s.args); // warm-up: the file cache, not counted
const times = subjects.map((): number[] => []);
for (let i = 0; i < runs; i++) subjects.forEach((s, k) => times[k]?.push(once(s.args)));
// A source edited meanwhile (the tree is shared) would have sent bin/jixiao.js to tsx for some of the runs.
if (runsTypeScript()) fail('a source file changed during the run; run again');

const [peer = 0, version = 0, compute = 0] = times.map(median);
console.log(`CLI 启动基准 / CLI start-up: median of ${runs} runs each, interleaved, compiled dist/`);
console.log(`load average ${loadBefore} before, ${load()} after (1, 5, 15 min; ${availableParallelism()} cores)`);
subjects.forEach((s, k) => {
  const ms = [peer, version, compute][k] ?? 0;
  console.log(`${s.name.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms  ${(ms / peer).toFixed(2).padStart(6)} × peer`);
});
const ok = (pass: boolean) => (pass ? 'met' : 'NOT met');
console.log(
  `summary: --version ${(version / peer).toFixed(2)} × node -e '' (goal ≤ 2, ${ok(version <= 2 * peer)}); ` +
    `compute ${compute.toFixed(0)} ms wall, ${(compute / peer).toFixed(2)} × node -e '' (goal < 300 ms, ` +
    `${ok(compute < 300)}); load ${loadavg()[0]?.toFixed(2)}`,
);
