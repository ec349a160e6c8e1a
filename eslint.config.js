import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Modules that do I/O or read the environment: the pure core may import none of them. */
const IO_MODULES = [
  'fs',
  'fs/promises',
  'path',
  'child_process',
  'net',
  'http',
  'https',
  'os',
  'process',
  'worker_threads',
  'dgram',
  'readline',
];
const ioPatterns = IO_MODULES.flatMap((m) => [m, `node:${m}`]);

/** Each layer imports only from layers below it (ARCHITECTURE.md). */
const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: forbidden, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'out/**', 'dist/**', 'web/dist/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioPatterns.map((name) => ({ name, message: 'src/domain is pure: no I/O (ARCHITECTURE.md).' })),
          patterns: [
            {
              group: ['**/ingest/**', '**/report/**', '**/store/**', '**/server/**', '**/cli/**', '**/app/**'],
              message: 'src/domain imports nothing above it.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'src/domain is pure: no process.' },
        { name: 'fetch', message: 'src/domain is pure: no I/O.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'src/domain is pure: pass the time in.' },
      ],
    },
  },
  layer(
    ['src/ingest/**/*.ts'],
    ['**/report/**', '**/store/**', '**/server/**', '**/cli/**', '**/app/**'],
    'src/ingest imports only domain.',
  ),
  layer(
    ['src/report/**/*.ts'],
    ['**/store/**', '**/server/**', '**/cli/**', '**/app/**'],
    'src/report imports only domain (and ingest).',
  ),
  layer(
    ['src/store/**/*.ts'],
    ['**/report/**', '**/server/**', '**/cli/**', '**/app/**'],
    'src/store imports only domain.',
  ),
  layer(['src/app/**/*.ts'], ['**/server/**', '**/cli/**'], 'src/app is below server and cli.'),
  layer(['src/server/**/*.ts'], ['**/cli/**'], 'src/server does not import the CLI.'),
);
