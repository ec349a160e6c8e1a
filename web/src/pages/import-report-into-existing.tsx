import { Alert, Button } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import { ImportPreview, previewOf, type ImportPreviewData } from '../editor/import-preview.js';
import { href, navigate } from '../router.js';

/** The dataset a draft's year already has (409 of POST /api/import), to import into after showing the changes. */
export type ExistingYear = { datasetId: number; latestRevision: number; message: string };

export function existingYearOf(error: unknown): ExistingYear | null {
  if (!(error instanceof ApiError) || error.status !== 409) return null;
  const details = (error.body as { details?: { datasetId?: unknown; latestRevision?: unknown } } | null)?.details;
  if (typeof details?.datasetId !== 'number' || typeof details.latestRevision !== 'number') return null;
  return { datasetId: details.datasetId, latestRevision: details.latestRevision, message: error.message };
}

/**
 * The department already has the report's year: its draft can go in as a new revision of that dataset, but only
 * after the change list (as an import in the editor shows it) and 确认导入.
 */
export function ImportReportIntoExisting(props: { existing: ExistingYear; file: File; year: number | null }) {
  const [preview, setPreview] = useState<ImportPreviewData | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { datasetId, latestRevision } = props.existing;
  const run = async (step: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await step();
    } catch (e) {
      setPreview(null);
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const show = () =>
    run(async () => {
      const current = await api.dataset(datasetId);
      const answer = await api.importFile(datasetId, latestRevision, props.file, true);
      if (!answer.saved) setPreview(previewOf(props.file, current.document, answer.document));
    });
  const confirm = () =>
    run(async () => {
      await api.importFile(datasetId, latestRevision, props.file);
      navigate(href.dataset(datasetId));
    });
  return (
    <>
      <Alert
        type="warning"
        showIcon
        data-testid="import-report-existing"
        message={props.existing.message}
        description={error}
        action={
          <Button size="small" loading={busy} onClick={() => void show()} data-testid="import-report-into-existing">
            导入到已有的{props.year === null ? '' : ` ${props.year} `}年度（先查看修改）
          </Button>
        }
      />
      <ImportPreview
        preview={preview}
        unsaved={false}
        busy={busy}
        onCancel={() => setPreview(null)}
        onConfirm={() => void confirm()}
      />
    </>
  );
}
