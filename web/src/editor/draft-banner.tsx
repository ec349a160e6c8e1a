import { Alert, Button, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { DatasetDocument } from '../api/types.js';
import { clearDrafts, readDraft, type Draft } from './drafts.js';

/** The draft kept for this dataset, unless it holds nothing the loaded document does not. */
function draftToOffer(datasetId: number, loaded: DatasetDocument): Draft | null {
  const draft = readDraft(datasetId);
  if (draft === null) return null;
  if (JSON.stringify(draft.document) === JSON.stringify(loaded)) {
    clearDrafts(datasetId);
    return null;
  }
  return draft;
}

/**
 * 发现未保存的修改: on opening the editor, the draft this browser kept (an edit not yet saved when the page was
 * reloaded or closed) is offered back — 恢复 puts it in the editor on the revision it was based on, 丢弃 removes it.
 */
export function DraftBanner(props: {
  datasetId: number;
  loaded: DatasetDocument;
  latestRevision: number;
  onRestore: (document: DatasetDocument, baseRevision: number) => void;
}) {
  const [draft, setDraft] = useState<Draft | null>(() => draftToOffer(props.datasetId, props.loaded));
  if (draft === null) return null;
  const older = draft.baseRevision < props.latestRevision;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="draft-banner"
      title={`发现未保存的修改（${dayjs(draft.savedAt).format('YYYY年M月D日 HH:mm')}）`}
      description={
        older
          ? `这些修改基于第 ${draft.baseRevision} 版，之后已有第 ${props.latestRevision} 版；恢复后保存时将逐项比较两者，由您决定保留哪一份。`
          : '这些修改在本浏览器中暂存，尚未保存为新版本。'
      }
      action={
        <Space>
          <Button
            size="small"
            type="primary"
            onClick={() => {
              props.onRestore(draft.document, draft.baseRevision);
              setDraft(null);
            }}
          >
            恢复
          </Button>
          <Button
            size="small"
            onClick={() => {
              clearDrafts(props.datasetId);
              setDraft(null);
            }}
          >
            丢弃
          </Button>
        </Space>
      }
    />
  );
}
