// npm run build:cli — compiles src into dist with tsc, bundles the CLI's entry (dist/cli/main.js) with esbuild, then
// writes dist/.build-stamp with the time the build STARTED: bin/jixiao.js runs dist only when no source file changed
// after that moment, so an edit made while a build was running is never run stale.
//
// The bundle (issue 15, goal 1): loading ~300 small ES modules (zod alone is 95) cost more than the work of
// `jixiao compute`, so main.js holds commander, every command's declaration and — as lazily imported chunks — the
// light commands (compute, check, score) with the domain core, zod and yaml. The other commands' actions stay
// tsc's files in dist/cli/actions (imported by path as before): they read files next to themselves (fonts, workers,
// migrations) or load native modules, which a bundle would move.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import process from 'node:process';

const BUNDLED_ACTIONS = ['compute', 'check', 'score'];

const startedAt = Date.now();
// Until this build is complete, dist/ is not a build of anything: bin/jixiao.js and the worker threads started from
// the sources (bin/fresh-build.js) then run the TypeScript, never files tsc or esbuild is still writing.
rmSync('dist/.build-stamp', { force: true });
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const result = spawnSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);

// esbuild is installed with tsx (a dependency), so a fresh `npm ci` has it.
const { build } = await import(require.resolve('esbuild'));
for (const name of readdirSync('dist/cli')) if (name.startsWith('chunk-')) rmSync(`dist/cli/${name}`);
await build({
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  chunkNames: 'chunk-[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
  // Bundled CommonJS (commander) calls require() for Node's own modules.
  banner: {
    js: "import { createRequire as createRequire_ } from 'node:module'; const require = createRequire_(import.meta.url);",
  },
  plugins: [
    {
      // `import { z } from 'zod'` is zod's whole namespace as one value, which keeps all of zod (0.75 MB) in a
      // bundle; `import * as z` is the same object, and esbuild keeps only what is used (0.17 MB).
      name: 'zod-namespace',
      setup(esbuild) {
        esbuild.onLoad({ filter: /[\\/]src[\\/].*\.ts$/ }, (args) => ({
          contents: readFileSync(args.path, 'utf8').replace(
            /^import \{ z \} from 'zod';$/gm,
            "import * as z from 'zod';",
          ),
          loader: 'ts',
        }));
      },
    },
    {
      // Only the Chinese locale is used (`z.locales.zhCN`); the other ~50 would be bundled for nothing.
      name: 'zod-locale-zh-cn',
      setup(esbuild) {
        esbuild.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
          /[\\/]node_modules[\\/]zod[\\/]/.test(args.importer)
            ? { path: 'zh-CN only', namespace: 'zod-locales' }
            : undefined,
        );
        esbuild.onLoad({ filter: /.*/, namespace: 'zod-locales' }, () => ({
          contents: "export { default as zhCN } from 'zod/v4/locales/zh-CN.js';",
          resolveDir: process.cwd(),
        }));
      },
    },
    {
      name: 'unbundled-actions',
      setup(esbuild) {
        // commands/x.ts imports '../actions/x.js'; from dist/cli/main.js that file is './actions/x.js'.
        esbuild.onResolve({ filter: /^\.\.\/actions\// }, (args) =>
          BUNDLED_ACTIONS.some((name) => args.path === `../actions/${name}.js`)
            ? undefined
            : { path: args.path.replace(/^\.\.\//, './'), external: true },
        );
      },
    },
  ],
});
mkdirSync('dist', { recursive: true });
// Written whole or not at all (a reader never sees half a stamp).
writeFileSync('dist/.build-stamp.tmp', JSON.stringify({ startedAt }));
renameSync('dist/.build-stamp.tmp', 'dist/.build-stamp');
