import { evaluateRevisionDocument } from '../overview-evaluate.js';
import { readTextUpload } from '../read-upload-text.js';
import { analyseDocument, prepareDraft } from '../revision-evaluation.js';
import type { DocumentTask, HeavyResult, HeavyTask } from './task-types.js';

export type { DocumentTask, HeavyResult, HeavyTask } from './task-types.js';

const DOCUMENT_TASKS: ReadonlySet<HeavyTask['kind']> = new Set([
  'report',
  'report-set',
  'read-workbook',
  'audit-report',
  'write-workbook',
]);

/** A task that renders or reads a document (`document-tasks.ts`). */
export function isDocumentTask(task: HeavyTask): task is DocumentTask {
  return DOCUMENT_TASKS.has(task.kind);
}

/** Runs a task where it is called: in a worker of the pool, or inline (the CLI, a server without a pool). */
export async function runHeavyTask(task: HeavyTask): Promise<HeavyResult> {
  switch (task.kind) {
    case 'analyse':
    case 'draft':
    case 'read-upload':
    case 'overviews':
      return runEvaluationTask(task);
    case 'report':
    case 'report-set':
    case 'read-workbook':
    case 'audit-report':
    case 'write-workbook':
      // Loaded on first use: the server's HTTP thread, which hands these to its workers, never loads them at all
      // (about 150 MB and seconds of start-up on a busy machine).
      return (await import('./document-tasks.js')).runDocumentTask(task);
  }
}

/** The parse-and-evaluate tasks behind reads, saves, uploads and the overview. */
function runEvaluationTask(task: Extract<HeavyTask, { kind: 'analyse' | 'draft' | 'read-upload' | 'overviews' }>) {
  switch (task.kind) {
    case 'analyse': {
      const analysed = analyseDocument(task.document, task.revisionNo);
      if (analysed === null) return { kind: 'refused', message: `修订版本 ${task.revisionNo} 的数据无法解析` } as const;
      return { kind: 'analysis', ...analysed } as const;
    }
    case 'draft':
      return { kind: 'draft', draft: prepareDraft(task.input, task.previous) } as const;
    case 'read-upload':
      return { kind: 'upload', read: readTextUpload(task.upload) } as const;
    case 'overviews':
      return {
        kind: 'overviews',
        overviews: task.documents.map((d) => evaluateRevisionDocument(d.text, d.revisionNo)),
      } as const;
  }
}
