import { Alert } from 'antd';
import type { User } from '../api/review-types.js';
import type { DatasetSummary } from '../api/types.js';

/** What the banner over the editor says, by role and state; null: nothing worth a banner. */
function bannerOf(user: User, dataset: DatasetSummary): { type: 'info' | 'warning' | 'success'; text: string } | null {
  const n = dataset.stateRevision;
  const editor = user.role === 'editor';
  switch (dataset.state) {
    case 'submitted':
      return editor
        ? { type: 'info', text: `已提交审核，等待财政局审核；第 ${n} 版` }
        : { type: 'info', text: `第 ${n} 版已提交审核：可在字段旁或“审核意见”中提出意见，然后退回或审核通过。` };
    case 'approved':
      return editor
        ? { type: 'success', text: `已审核通过，等待财政局公开；第 ${n} 版` }
        : { type: 'success', text: `第 ${n} 版已审核通过，可以发布。` };
    case 'returned':
      return editor
        ? { type: 'warning', text: `第 ${n} 版已退回：请按审核意见修改、答复后重新提交审核。` }
        : { type: 'warning', text: `第 ${n} 版已退回部门修改。` };
    case 'published':
    case 'draft':
      return null;
  }
}

/** 状态提示 over the editor; a frozen revision is read-only for the editor too, and says why. */
export function StateBanner(props: { user: User; dataset: DatasetSummary; readOnly: boolean }) {
  const banner = bannerOf(props.user, props.dataset);
  // Reviewers and administrators never change a department's figures: say so once, not by failing saves.
  const note = props.readOnly && props.user.role !== 'editor' ? '只读查看，不能修改部门填报的数据。' : '';
  if (banner === null && note === '') return null;
  return (
    <Alert
      type={banner?.type ?? 'info'}
      showIcon
      style={{ marginBottom: 12 }}
      data-testid="state-banner"
      message={banner?.text ?? note}
      description={banner === null || note === '' ? undefined : note}
    />
  );
}
