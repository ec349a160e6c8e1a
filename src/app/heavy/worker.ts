import { parentPort, workerData } from 'node:worker_threads';
import { isDocumentTask, runHeavyTask, type HeavyTask } from './tasks.js';
import { configuredWorkerNice, lowerThisThreadPriority } from './thread-priority.js';

const given = (workerData as { nice?: unknown } | null)?.nice;
lowerThisThreadPriority(typeof given === 'number' ? given : configuredWorkerNice());

/** A worker of the heavy-work pool: one task at a time, answered with its result or its error message. */
/** Whether this worker has loaded the document libraries (its first report or workbook task loads them). */
let documentsLoaded = false;

/**
 * Loads the document libraries before the first document task and says so: the pool then starts that task's time
 * budget again, so a second or so of loading (more on a busy machine) is not counted as the task's own work.
 */
async function loadFor(task: HeavyTask): Promise<void> {
  if (documentsLoaded || !isDocumentTask(task)) return;
  await import('./document-tasks.js');
  documentsLoaded = true;
  parentPort?.postMessage({ loaded: true });
}

parentPort?.on('message', (task: HeavyTask) => {
  loadFor(task)
    .then(() => runHeavyTask(task))
    .then(
      // Copied, not transferred: a small Buffer may share Node's pool ArrayBuffer with other buffers.
      (result) => parentPort?.postMessage({ ok: true, result }),
      (error: unknown) =>
        parentPort?.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) }),
    );
});
parentPort?.postMessage({ ready: true });
