import { Button, Card, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { auditApi } from '../api/accounts.js';
import { api } from '../api/endpoints.js';
import type { AuditEntry } from '../api/review-types.js';
import { AuditFilters, type AuditFilter } from '../audit/audit-filters.js';
import { AuditTable } from '../audit/audit-table.js';
import { LoadError } from '../components/states.js';
import { useLoad } from '../use-load.js';

const PAGE = 100;

/** Every action seen so far with its Chinese label: the API names actions, the page offers them as filters. */
function mergeActions(known: Map<string, string>, entries: readonly AuditEntry[]): Map<string, string> {
  const next = new Map(known);
  for (const e of entries) if (!next.has(e.action)) next.set(e.action, e.actionLabel);
  return next;
}

/** 操作日志 (reviewers and administrators): the audit log, newest first, filtered on the server, 100 at a time. */
export function AuditPage() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [entries, setEntries] = useState<AuditEntry[]>([]);
  const [actions, setActions] = useState<Map<string, string>>(new Map());
  const [actors, setActors] = useState<ReadonlySet<string>>(new Set());
  const [state, setState] = useState<{ loading: boolean; error?: Error; more: boolean }>({
    loading: true,
    more: false,
  });
  const [nonce, setNonce] = useState(0);
  const departments = useLoad(() => api.departments(), 'departments');

  const load = async (before: number | undefined, append: boolean) => {
    setState((s) => ({ ...s, loading: true }));
    try {
      const page = await auditApi.entries({ ...filter, limit: PAGE, before });
      setEntries((old) => (append ? [...old, ...page] : page));
      setActions((known) => mergeActions(known, page));
      setActors((known) => new Set([...known, ...page.map((e) => e.actor)]));
      setState({ loading: false, more: page.length === PAGE });
    } catch (e) {
      setState({ loading: false, more: false, error: e instanceof Error ? e : new Error(String(e)) });
    }
  };
  useEffect(() => {
    void load(undefined, false);
    // `load` reads the filter; the filter (and 刷新) decide when to fetch again.
  }, [filter, nonce]);

  const names = new Map((departments.data ?? []).map((d) => [d.id, d.name]));
  const departmentName = (id: number | null) => (id === null ? '—' : (names.get(id) ?? `部门 ${id}`));
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        操作日志
      </Typography.Title>
      <Card
        size="small"
        title={
          <AuditFilters
            departments={departments.data ?? []}
            actors={[...actors].sort((a, b) => a.localeCompare(b, 'zh'))}
            actions={[...actions].map(([value, label]) => ({ value, label }))}
            value={filter}
            onChange={setFilter}
          />
        }
        extra={<Button onClick={() => setNonce((n) => n + 1)}>刷新</Button>}
      >
        {state.error === undefined ? (
          <>
            <AuditTable entries={entries} departmentName={departmentName} loading={state.loading} />
            {state.more ? (
              <Button
                block
                style={{ marginTop: 12 }}
                loading={state.loading}
                onClick={() => void load(entries.at(-1)?.id, true)}
              >
                加载更早的记录
              </Button>
            ) : null}
          </>
        ) : (
          <LoadError error={state.error} onRetry={() => setNonce((n) => n + 1)} />
        )}
      </Card>
    </Space>
  );
}
