// Starts a ledger part worker from the sources: TypeScript through tsx, like src/app/heavy/worker-bootstrap.js.
import { register } from 'tsx/esm/api';

register();
await import('./ledger-worker.ts');
