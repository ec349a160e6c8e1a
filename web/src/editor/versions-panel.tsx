import { App, Button, Drawer, Empty, List, Modal, Select, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/endpoints.js';
import { ApiError } from '../api/http.js';
import { writtenRevisionNo } from '../api/revision-of.js';
import type { DatasetDocument, RevisionSummary } from '../api/types.js';
import { Person } from '../components/person.js';
import { changeLines, type ChangeLine } from './change-lines.js';

const SHOWN = 20;
const SUMMARY_LINES = 3;

/** Documents of revisions, fetched once each. */
function useRevisionDocuments(datasetId: number) {
  const cache = useRef(new Map<number, Promise<DatasetDocument>>());
  return useCallback(
    (no: number) => {
      let found = cache.current.get(no);
      if (found === undefined) {
        found = api.revision(datasetId, no).then((r) => r.document);
        found.catch(() => cache.current.delete(no));
        cache.current.set(no, found);
      }
      return found;
    },
    [datasetId],
  );
}

function Lines(props: { lines: readonly ChangeLine[] | undefined; limit?: number; testId?: string }) {
  if (props.lines === undefined) return <Typography.Text type="secondary">正在比较…</Typography.Text>;
  if (props.lines.length === 0) return <Typography.Text type="secondary">内容没有变化</Typography.Text>;
  const shown = props.limit === undefined ? props.lines : props.lines.slice(0, props.limit);
  return (
    <ul className="jx-change-lines" data-testid={props.testId}>
      {shown.map((line, i) => (
        <li key={i}>{line.text}</li>
      ))}
      {shown.length < props.lines.length ? <li>等共 {props.lines.length} 处修改</li> : null}
    </ul>
  );
}

/** 两个版本的差异: any two revisions, chosen by number. */
function Compare(props: { list: RevisionSummary[]; documentOf: (no: number) => Promise<DatasetDocument> }) {
  const newest = props.list[0]?.revisionNo ?? 1;
  const [from, setFrom] = useState(Math.max(1, newest - 1));
  const [to, setTo] = useState(newest);
  const [lines, setLines] = useState<ChangeLine[] | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setLines(undefined);
    void Promise.all([props.documentOf(from), props.documentOf(to)]).then(
      ([a, b]) => live && setLines(changeLines(a, b)),
    );
    return () => {
      live = false;
    };
  }, [from, to, props.documentOf]);
  const options = props.list.map((r) => ({ value: r.revisionNo, label: `第 ${r.revisionNo} 版` }));
  return (
    <div className="jx-compare" data-testid="version-compare">
      <Space wrap style={{ marginBottom: 8 }}>
        比较
        <Select size="small" value={from} onChange={setFrom} options={options} aria-label="比较的起始版本" />
        与
        <Select size="small" value={to} onChange={setTo} options={options} aria-label="比较的目标版本" />
      </Space>
      <Lines lines={lines} testId="version-diff" />
    </div>
  );
}

export type VersionsPanelProps = {
  datasetId: number;
  /** The revision the editor is based on (the latest it knows). */
  revision: number;
  /** The editor holds edits not yet saved: restoring would drop them, so it waits. */
  unsaved: boolean;
  readOnly: boolean;
  /** A restore wrote revision `revisionNo` with `document`. */
  onRestored: (document: DatasetDocument, revisionNo: number) => void;
};

/**
 * 版本: every revision with its author, time and what it changed (in words), the differences between any two,
 * and 恢复 — the old content saved as a new revision on top of the latest (a 409 is respected, never overridden).
 */
export function VersionsPanel(props: VersionsPanelProps) {
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [list, setList] = useState<RevisionSummary[] | null>(null);
  const [summaries, setSummaries] = useState<ReadonlyMap<number, ChangeLine[]>>(new Map());
  const [restoring, setRestoring] = useState<{ revisionNo: number; lines: ChangeLine[]; doc: DatasetDocument } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);
  const documentOf = useRevisionDocuments(props.datasetId);

  const load = useCallback(async () => {
    const revisions = (await api.revisions(props.datasetId)).slice(0, SHOWN);
    setList(revisions);
    for (const r of revisions) {
      const before = r.basedOn ?? (r.revisionNo > 1 ? r.revisionNo - 1 : null);
      if (before === null) continue;
      void Promise.all([documentOf(before), documentOf(r.revisionNo)]).then(([a, b]) =>
        setSummaries((m) => new Map(m).set(r.revisionNo, changeLines(a, b))),
      );
    }
  }, [props.datasetId, documentOf]);
  useEffect(() => {
    if (open) load().catch((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)));
  }, [open, load, props.revision, message]);

  const askRestore = async (revisionNo: number) => {
    const [latest, old] = await Promise.all([documentOf(props.revision), documentOf(revisionNo)]);
    setRestoring({ revisionNo, lines: changeLines(latest, old), doc: old });
  };
  const restore = async () => {
    if (restoring === null) return;
    setBusy(true);
    try {
      const saved = await api.save(props.datasetId, props.revision, restoring.doc);
      const written = writtenRevisionNo(saved, props.revision);
      props.onRestored(restoring.doc, written);
      void message.success(`已将第 ${restoring.revisionNo} 版的内容保存为第 ${written} 版`);
      setRestoring(null);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409)
        void message.error('恢复前已有他人保存了新版本，未作任何修改；请查看最新版本后再决定是否恢复。');
      else void message.error(e instanceof Error ? e.message : String(e));
      setRestoring(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="versions-button">
        版本
      </Button>
      <Drawer title="版本" size={720} open={open} onClose={() => setOpen(false)} data-testid="versions">
        {list === null ? null : list.length === 0 ? (
          <Empty description="还没有版本" />
        ) : (
          <>
            <Compare list={list} documentOf={documentOf} />
            <List
              dataSource={list}
              renderItem={(r) => (
                <List.Item
                  data-testid="version"
                  data-revision={r.revisionNo}
                  actions={
                    r.revisionNo === props.revision || props.readOnly
                      ? []
                      : [
                          <Button
                            key="restore"
                            size="small"
                            disabled={props.unsaved}
                            title={props.unsaved ? '请先保存或放弃当前修改' : undefined}
                            onClick={() => void askRestore(r.revisionNo)}
                            data-testid="version-restore"
                          >
                            恢复此版本
                          </Button>,
                        ]
                  }
                >
                  <List.Item.Meta
                    title={
                      <Space wrap>
                        <strong>第 {r.revisionNo} 版</strong>
                        {r.revisionNo === props.revision ? <Tag color="green">当前</Tag> : null}
                        {r.publishedAt === null ? null : <Tag color="blue">已公开</Tag>}
                        <Person label={r.author} />
                        <Typography.Text type="secondary">
                          {dayjs(r.createdAt).format('YYYY年M月D日 HH:mm')}
                        </Typography.Text>
                      </Space>
                    }
                    description={
                      r.basedOn === null && r.revisionNo === 1 ? (
                        '创建数据集'
                      ) : (
                        <Lines lines={summaries.get(r.revisionNo)} limit={SUMMARY_LINES} />
                      )
                    }
                  />
                </List.Item>
              )}
            />
          </>
        )}
      </Drawer>
      <Modal
        open={restoring !== null}
        title={`恢复第 ${restoring?.revisionNo ?? ''} 版`}
        okText={`保存为第 ${props.revision + 1} 版`}
        cancelText="取消"
        confirmLoading={busy}
        onOk={() => void restore()}
        onCancel={() => setRestoring(null)}
      >
        <Typography.Paragraph>
          恢复不会删除任何版本：第 {restoring?.revisionNo} 版的内容将作为新的一版保存在第 {props.revision}{' '}
          版之后。与当前版本相比，将有以下修改：
        </Typography.Paragraph>
        <div className="jx-scroll-list">
          <Lines lines={restoring?.lines} testId="restore-changes" />
        </div>
      </Modal>
    </>
  );
}
