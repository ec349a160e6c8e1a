import JSZip from 'jszip';

/** Limits on an uploaded workbook, checked before exceljs inflates it (a zip bomb must not reach memory). */
export type WorkbookLimits = { maxUncompressedBytes: number; maxEntries: number; maxRowsPerSheet: number };

export const WORKBOOK_LIMITS: Readonly<WorkbookLimits> = {
  /** Sum of the entries' uncompressed sizes: a filled template is well under 1 MB. */
  maxUncompressedBytes: 50 * 1024 * 1024,
  /** A workbook has a few dozen parts; thousands of entries mean something else. */
  maxEntries: 1000,
  /** Filled rows per sheet (a department has at most a few hundred lines). */
  maxRowsPerSheet: 10_000,
};

export type ZipVerdict = { ok: true } | { ok: false; code: 'XLSX_UNREADABLE' | 'XLSX_TOO_LARGE'; message: string };

/** The size an entry's central directory record declares (jszip keeps it without inflating anything). */
function declaredSize(entry: JSZip.JSZipObject): number {
  const size = (entry as unknown as { _data?: { uncompressedSize?: unknown } })._data?.uncompressedSize;
  return typeof size === 'number' && Number.isFinite(size) ? size : Number.POSITIVE_INFINITY;
}

const MB = 1024 * 1024;

/**
 * Reads only the zip's central directory and refuses a workbook that would inflate beyond the limits. jszip
 * checks while inflating that each entry's real size matches the declared one, so a lying header fails later too.
 */
export async function checkWorkbookZip(
  data: Buffer | Uint8Array,
  limits: Readonly<WorkbookLimits> = WORKBOOK_LIMITS,
): Promise<ZipVerdict> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    return { ok: false, code: 'XLSX_UNREADABLE', message: '不是有效的 Excel 工作簿（.xlsx）' };
  }
  const entries = Object.values(zip.files);
  if (entries.length > limits.maxEntries) {
    return {
      ok: false,
      code: 'XLSX_TOO_LARGE',
      message: `工作簿包含 ${entries.length} 个部件，超过上限 ${limits.maxEntries}，未导入`,
    };
  }
  const total = entries.reduce((sum, e) => sum + (e.dir ? 0 : declaredSize(e)), 0);
  if (total > limits.maxUncompressedBytes) {
    const size = Number.isFinite(total) ? `${(total / MB).toFixed(1)} MB` : '大小未知';
    return {
      ok: false,
      code: 'XLSX_TOO_LARGE',
      message: `工作簿解压后${size}，超过上限 ${limits.maxUncompressedBytes / MB} MB，未导入`,
    };
  }
  const inflated = await inflatedWithin(entries, limits.maxUncompressedBytes);
  if (inflated !== 'within') {
    const message =
      inflated === 'over'
        ? `工作簿实际解压后超过上限 ${limits.maxUncompressedBytes / MB} MB（与其声明的大小不符），未导入`
        : '不是有效的 Excel 工作簿（.xlsx）';
    return { ok: false, code: inflated === 'over' ? 'XLSX_TOO_LARGE' : 'XLSX_UNREADABLE', message };
  }
  return { ok: true };
}

type StreamHelper = {
  on(event: 'data', f: (chunk: Uint8Array) => void): StreamHelper;
  on(event: 'end', f: () => void): StreamHelper;
  on(event: 'error', f: (e: Error) => void): StreamHelper;
  resume(): StreamHelper;
  pause(): StreamHelper;
};

/**
 * Inflates every entry as a stream, counting bytes and keeping none, and stops the moment the total passes the
 * limit: a zip whose headers lie about its sizes is refused at the limit, never inflated to its real size.
 */
async function inflatedWithin(
  entries: readonly JSZip.JSZipObject[],
  limit: number,
): Promise<'within' | 'over' | 'broken'> {
  let total = 0;
  for (const entry of entries) {
    if (entry.dir) continue;
    const verdict = await new Promise<'within' | 'over' | 'broken'>((resolve) => {
      const stream = (entry as unknown as { internalStream: (type: string) => StreamHelper }).internalStream(
        'uint8array',
      );
      stream
        .on('data', (chunk) => {
          total += chunk.length;
          if (total > limit) {
            stream.pause();
            resolve('over');
          }
        })
        .on('end', () => resolve('within'))
        .on('error', () => resolve('broken'))
        .resume();
    });
    if (verdict !== 'within') return verdict;
  }
  return 'within';
}
