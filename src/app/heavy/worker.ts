import { parentPort, workerData } from 'node:worker_threads';
import { runHeavyTask, type HeavyTask } from './tasks.js';
import { configuredWorkerNice, lowerThisThreadPriority } from './thread-priority.js';

const given = (workerData as { nice?: unknown } | null)?.nice;
lowerThisThreadPriority(typeof given === 'number' ? given : configuredWorkerNice());

/** A worker of the heavy-work pool: one task at a time, answered with its result or its error message. */
parentPort?.on('message', (task: HeavyTask) => {
  runHeavyTask(task).then(
    // Copied, not transferred: a small Buffer may share Node's pool ArrayBuffer with other buffers.
    (result) => parentPort?.postMessage({ ok: true, result }),
    (error: unknown) =>
      parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
parentPort?.postMessage({ ready: true });
