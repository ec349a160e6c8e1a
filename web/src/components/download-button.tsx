import { DownloadOutlined, LoadingOutlined } from '@ant-design/icons';
import { Button, message } from 'antd';
import { useRef, useState, type ReactNode } from 'react';
import { fetchDownload, saveBlob, type DownloadProgress } from '../api/download.js';

/** 正在生成… / 45% / 1.2 MB: what the button says while its file is on the way. */
export function progressText(progress: DownloadProgress): string {
  if (progress.phase === 'waiting') return '正在生成…';
  if (progress.total !== null) return `正在下载 ${Math.floor((progress.received * 100) / progress.total)}%`;
  return `已接收 ${(progress.received / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * 下载: a file the server makes on demand. The button shows how far it is (generating, then per cent), the rest of
 * the page stays usable (a download goes on when the user opens another tab), a second click cancels, and a refusal shows the server's message. The address stays on
 * the link, so it can also be opened or copied as usual.
 */
export function DownloadButton(props: {
  href: string;
  children: ReactNode;
  testId?: string;
  size?: 'small' | 'middle';
}) {
  const [progress, setProgress] = useState<DownloadProgress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const start = async () => {
    if (abort.current !== null) {
      abort.current.abort();
      return;
    }
    const controller = new AbortController();
    abort.current = controller;
    try {
      const { blob, fileName } = await fetchDownload(props.href, setProgress, controller.signal);
      saveBlob(blob, fileName);
    } catch (error) {
      if (controller.signal.aborted) void message.info('已取消下载');
      else void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      abort.current = null;
      setProgress(null);
    }
  };
  return (
    <Button
      size={props.size}
      // Not antd's `loading`, which would swallow the click that cancels.
      icon={progress === null ? <DownloadOutlined /> : <LoadingOutlined />}
      href={props.href}
      title={progress === null ? undefined : '再次点击取消下载'}
      onClick={(event) => {
        event.preventDefault();
        void start();
      }}
      data-testid={props.testId}
      data-downloading={progress === null ? undefined : 'true'}
    >
      {progress === null ? props.children : progressText(progress)}
    </Button>
  );
}
