import { Table, Tag, Typography } from 'antd';
import type { AuditEntry } from '../api/review-types.js';
import { Person } from '../components/person.js';
import { entityLabel, roleLabel } from './audit-labels.js';

const when = (at: string) => at.slice(0, 19).replace('T', ' ');

/** The entry as the server recorded it, for whoever needs the codes; folded away by default. */
function TechnicalInfo(props: { entry: AuditEntry }) {
  const { entry } = props;
  return (
    <details>
      <summary>技术信息</summary>
      <pre className="jx-pre">
        {JSON.stringify(
          { action: entry.action, entity: entry.entity, entityId: entry.entityId, detail: entry.detail },
          null,
          2,
        )}
      </pre>
    </details>
  );
}

/** 操作日志: newest first; each row who, when, what, on which object, with the raw record folded away. */
export function AuditTable(props: {
  entries: readonly AuditEntry[];
  departmentName: (id: number | null) => string;
  loading: boolean;
}) {
  return (
    <Table<AuditEntry>
      rowKey="id"
      size="small"
      loading={props.loading}
      data-testid="audit-table"
      dataSource={[...props.entries]}
      pagination={false}
      locale={{ emptyText: '没有符合条件的记录' }}
      expandable={{ expandedRowRender: (entry) => <TechnicalInfo entry={entry} /> }}
      columns={[
        { title: '时间', width: 170, render: (_, e) => when(e.at) },
        {
          title: '操作人',
          width: 320,
          render: (_, e) => (
            <span>
              <Person label={e.actor} />{' '}
              {roleLabel(typeof e.actorRole === 'string' ? e.actorRole : null) === '' ? null : (
                <Tag>{roleLabel(typeof e.actorRole === 'string' ? e.actorRole : null)}</Tag>
              )}
            </span>
          ),
        },
        {
          title: '操作',
          width: 180,
          render: (_, e) => <span data-testid="audit-action">{e.actionLabel}</span>,
        },
        {
          title: '对象',
          width: 140,
          render: (_, e) => (
            <Typography.Text>
              {entityLabel(e.entity)}
              {e.entityId === null ? '' : ` ${e.entityId}`}
            </Typography.Text>
          ),
        },
        { title: '部门', render: (_, e) => props.departmentName(e.departmentId) },
      ]}
    />
  );
}
