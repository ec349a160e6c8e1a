import { z } from 'zod';
import { auditUploadedReport } from '../../app/audit-upload.js';
import type { AppContext } from '../../app/context.js';
import { SIGNED_IN } from '../access.js';
import { send } from '../reply.js';
import { responses } from '../responses.js';
import { UPLOAD_BODY_LIMIT } from './files.js';
import type { ZodApp } from './types.js';

const auditQuery = z.object({
  fileName: z.string().max(200).optional().meta({ description: '原文件名（可选；.html 按网页读取）' }),
});

/** The JSON of `jixiao audit --json`: found figures with their sources, findings, unplaced figures, the draft. */
const auditResponse = z.looseObject({
  ok: z.literal(true),
  format: z.string(),
  kind: z.string(),
  findings: z.array(z.looseObject({ code: z.string(), message: z.string(), verdict: z.string() })),
  figures: z.array(z.looseObject({ pathText: z.string(), value: z.string() })),
  unplaced: z.array(z.looseObject({ label: z.string(), reason: z.string() })),
  draft: z.record(z.string(), z.unknown()),
});

/**
 * POST /api/audit-report: the body is the report file itself (Word .docx, PDF, Excel .xlsx, HTML or text, any
 * content type); it is read in the worker pool, its figures extracted into a draft dataset and checked. Nothing is
 * stored.
 */
export function auditReportRoutes(app: ZodApp, ctx: AppContext): void {
  void app.register((scope: ZodApp) => {
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    scope.post(
      '/api/audit-report',
      {
        config: { access: { roles: SIGNED_IN } },
        bodyLimit: UPLOAD_BODY_LIMIT,
        schema: {
          tags: ['导入导出'],
          summary: '核对已有报告：识别数字、生成数据集草稿并核对（不保存）',
          description:
            '请求体为报告文件本身（.docx、.pdf、.xlsx、.html、.txt；文本可为 UTF-8 或 GBK），不超过 10 MB。返回识别出的数字及其出处、核对发现（报告所述、应为、相差、舍入或错误）、未归位的数字和数据集草稿。扫描版 PDF 返回 400 PDF_NO_TEXT。',
          querystring: auditQuery,
          response: responses(200, auditResponse),
        },
      },
      async (req, reply) => {
        const body = req.body;
        const bytes = Buffer.isBuffer(body)
          ? body
          : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body ?? ''));
        return send(reply, await auditUploadedReport(ctx, new Uint8Array(bytes), req.query.fileName ?? ''));
      },
    );
    return Promise.resolve();
  });
}
