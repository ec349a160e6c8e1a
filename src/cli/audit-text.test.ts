import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { auditReport } from '../app/audit-report.js';
import { auditText } from './audit-text.js';

describe('jixiao audit text', () => {
  it('prints what was read, each finding with its place, the report’s figure, what it should be and the difference', async () => {
    const bytes = await readFile(new URL('../../examples/seed/yuhua-2020-report.txt', import.meta.url));
    const result = await auditReport(new Uint8Array(bytes), 'yuhua-2020-report.txt');
    if (!result.ok) throw new Error(result.error.message);
    const text = auditText(result.value);
    expect(text).toContain('文档：文本，部门整体支出绩效自评报告；长沙市雨花区行政审批服务局 2020 年度；金额单位 万元');
    expect(text).toContain(
      '[舍入] TOTAL_MISMATCH  二、（一）基本支出情况 表1 第19行第2列\n' +
        '    基本支出明细合计：报告所述 596.04万元，按原始数据计算为 596.06万元，相差 0.02万元，在舍入容差（17 项 × 0.005 = 0.085万元）以内，属舍入差异。\n' +
        '    报告所述 596.04万元，应为 596.06万元，相差 0.02万元\n' +
        '    原文：“合计 596.04”',
    );
    expect(text).toContain('  项目“24小时政务服务自助大厅建设经费”结转结余：88.91    二、（二）项目支出情况 第34段');
    expect(text).toMatch(/共 9 条：错误 0，警告 4，提示 5（其中舍入差异 5）\n$/u);
  });
});
