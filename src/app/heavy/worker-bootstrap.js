// Starts a heavy-work worker thread: TypeScript through tsx, like bin/jixiao.js (no build step).
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
