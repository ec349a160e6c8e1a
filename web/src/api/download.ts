import { ApiError, failureOf } from './http.js';

/** How far a download is: waiting for the server to make the file, then bytes received (of total, when known). */
export type DownloadProgress = { phase: 'waiting' } | { phase: 'receiving'; received: number; total: number | null };

/** The file name the server gave (RFC 6266 `filename*=UTF-8''…` first), else the last part of the address. */
export function fileNameOf(disposition: string | null, url: string): string {
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition ?? '');
  if (extended?.[1] !== undefined) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition ?? '');
  if (plain?.[1] !== undefined) return plain[1].trim();
  return url.split('?')[0]?.split('/').pop() ?? '下载文件';
}

/**
 * Fetches a file the server makes on demand (a report, a workbook) and reports its progress; the page stays usable
 * meanwhile. `signal` cancels it. The caller saves the blob (saveBlob).
 */
export async function fetchDownload(
  url: string,
  onProgress: (progress: DownloadProgress) => void,
  signal?: AbortSignal,
): Promise<{ blob: Blob; fileName: string }> {
  onProgress({ phase: 'waiting' });
  let response: Response;
  try {
    response = await fetch(url, { signal });
  } catch (error) {
    if (signal?.aborted === true) throw error;
    throw new ApiError(0, null, '无法连接服务器，请检查网络或稍后重试');
  }
  if (!response.ok) throw await failureOf(url, response);
  const length = Number(response.headers.get('content-length'));
  const total = Number.isFinite(length) && length > 0 ? length : null;
  const chunks: Uint8Array[] = [];
  let received = 0;
  const reader = response.body?.getReader();
  if (reader !== undefined) {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      received += value.byteLength;
      onProgress({ phase: 'receiving', received, total });
    }
  }
  const type = response.headers.get('content-type') ?? 'application/octet-stream';
  return {
    blob: new Blob(chunks as BlobPart[], { type }),
    fileName: fileNameOf(response.headers.get('content-disposition'), url),
  };
}

/** Hands a fetched file to the browser's own download (its list, its folder). */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file by the next task; the object URL can go then.
  window.setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
