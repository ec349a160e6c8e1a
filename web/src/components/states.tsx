import { Button, Result, Skeleton } from 'antd';
import { ApiError } from '../api/http.js';

/** 加载中: a skeleton with the page's rough shape, so nothing jumps when the data arrives. */
export function Loading(props: { rows?: number }) {
  return <Skeleton active paragraph={{ rows: props.rows ?? 8 }} />;
}

/** 出错: the API's Chinese message, and a retry. A missing route (404) names itself for the developers. */
export function LoadError(props: { error: Error; onRetry?: () => void }) {
  const status = props.error instanceof ApiError ? props.error.status : 0;
  return (
    <Result
      status={status === 404 ? '404' : 'warning'}
      title={status === 404 ? '未找到' : '加载失败'}
      subTitle={props.error.message}
      extra={props.onRetry === undefined ? null : <Button onClick={props.onRetry}>重试</Button>}
    />
  );
}
