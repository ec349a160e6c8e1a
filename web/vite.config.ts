import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/** Vendor groups kept apart so that a page loads only what it draws (antd everywhere, echarts on the bureau pages). */
const CHUNK_GROUPS: readonly { name: string; test: RegExp; priority: number }[] = [
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 40 },
  {
    name: 'echarts',
    test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor|tslib)[\\/]/,
    priority: 30,
  },
  { name: 'domain', test: /[\\/]src[\\/]domain[\\/]|node_modules[\\/]zod[\\/]/, priority: 20 },
  {
    name: 'antd',
    test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[\w-]+|@babel[\\/]runtime|dayjs)[\\/]/,
    priority: 10,
  },
];

/**
 * echarts-for-react imports tslib without declaring it; npm nests tslib under echarts only. Resolve it from there
 * rather than adding a dependency for a helper library.
 */
const tslibMain = createRequire(createRequire(import.meta.url).resolve('echarts/package.json')).resolve('tslib');
const tslib = join(dirname(tslibMain), 'tslib.es6.js');

export default defineConfig({
  root,
  plugins: [react(), precompress(join(root, 'dist'))],
  resolve: { alias: { tslib } },
  // The domain core uses bigint literals (integer fen): ES2022 is the floor.
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
    rolldownOptions: { output: { codeSplitting: { groups: [...CHUNK_GROUPS] } } },
  },
  server: {
    port: 5173,
    proxy: { '/api': process.env['JIXIAO_API'] ?? 'http://127.0.0.1:8080' },
  },
});
