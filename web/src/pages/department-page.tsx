import { Card, Empty, List, Space, Tag, Typography } from 'antd';
import { api } from '../api/endpoints.js';
import { isEditorOf } from '../auth/permissions.js';
import { useUser } from '../auth/session-store.js';
import { PublishedTag } from '../components/published-tag.js';
import { StateTag } from '../components/state-tag.js';
import { LoadError, Loading } from '../components/states.js';
import { wirePercentText } from '../wire-format.js';
import { href, Link } from '../router.js';
import { useLoad } from '../use-load.js';
import { NewYearDialog } from './new-year-dialog.js';

/** 部门工作台: a department's datasets by year; a new year starts from the latest one. */
export function DepartmentPage(props: { id: number }) {
  const loaded = useLoad(
    async () =>
      (await api.datasets()).filter((d) => d.departmentId === props.id).sort((a, b) => b.fiscalYear - a.fiscalYear),
    `department-${props.id}`,
  );
  const department = useLoad(() => api.department(props.id), `department-info-${props.id}`);
  const user = useUser();
  const mayCreate = user !== null && isEditorOf(user, props.id);
  if (loaded.error !== undefined) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  if (loaded.loading) return <Loading rows={6} />;
  const list = loaded.data ?? [];
  const latest = list[0];
  const name = department.data?.name ?? latest?.departmentName ?? '部门';
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div
        style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: 12 }}
      >
        <Typography.Title level={3} style={{ margin: 0 }}>
          {name}
        </Typography.Title>
        <Space>
          {user !== null && user.role !== 'editor' ? <Link to={href.compare(props.id)}>历年对比</Link> : null}
          {mayCreate ? <NewYearDialog departmentId={props.id} departmentName={name} latest={latest} /> : null}
        </Space>
      </div>
      <Card>
        {list.length === 0 ? (
          <Empty description="该部门还没有数据集" />
        ) : (
          <List
            dataSource={list}
            renderItem={(d) => (
              <List.Item
                actions={[
                  <Link key="edit" to={href.dataset(d.id)}>
                    填报
                  </Link>,
                  <Link key="report" to={href.dataset(d.id, 'report')}>
                    报告
                  </Link>,
                ]}
              >
                <List.Item.Meta
                  title={<Link to={href.dataset(d.id)}>{d.fiscalYear} 年度</Link>}
                  description={`第 ${d.latestRevision.revisionNo} 版 · ${d.latestRevision.author} · ${d.latestRevision.createdAt.slice(0, 16).replace('T', ' ')}`}
                />
                <Space>
                  <span>执行率 {wirePercentText(d.latestRevision.keyFigures.executionRate)}</span>
                  <Tag color={d.latestRevision.keyFigures.errorCount > 0 ? 'red' : 'green'}>
                    错误 {d.latestRevision.keyFigures.errorCount}
                  </Tag>
                  <StateTag state={d.state} label={d.stateLabel} revision={d.stateRevision} />
                  <PublishedTag dataset={d} />
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
