import { fileURLToPath } from 'node:url';

/** Path of the bundled seed example (雨花区行政审批服务局 2020), for tests, benchmarks and first start. */
export const SEED_EXAMPLE_PATH = fileURLToPath(new URL('../../examples/yuhua-2020.yaml', import.meta.url));
