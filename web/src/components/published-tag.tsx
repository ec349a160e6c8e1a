import { Tag } from 'antd';
import { publishedRevisionNo } from '../api/revision-of.js';
import type { DatasetSummary } from '../api/types.js';

/**
 * 已公开 with the published revision: a later save does not unpublish it, so the tag names which revision the
 * public portal shows when the working copy has moved on.
 */
export function PublishedTag(props: { dataset: DatasetSummary }) {
  const published = publishedRevisionNo(props.dataset);
  if (published === null || published === undefined) return null;
  const current = props.dataset.latestRevision.revisionNo;
  return <Tag color="blue">{published === current ? '已公开' : `已公开第 ${published} 版`}</Tag>;
}
