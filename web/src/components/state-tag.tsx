import { Tag } from 'antd';
import type { WorkflowState } from '../api/types.js';

const COLOR: Readonly<Record<WorkflowState, string>> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  published: 'blue',
};

/** 审核状态 as the server names it (stateLabel), coloured by the state. */
export function StateTag(props: { state: WorkflowState; label: string; revision?: number | null }) {
  const revision = props.revision ?? null;
  return (
    <Tag color={COLOR[props.state]} data-testid="state-tag" data-state={props.state}>
      {props.label}
      {revision === null || props.state === 'draft' ? '' : ` · 第 ${revision} 版`}
    </Tag>
  );
}
