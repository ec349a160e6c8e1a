import type { Command } from 'commander';

export function registerAudit(program: Command): void {
  program
    .command('audit')
    .description(
      '核对已有报告：从 Word、PDF、Excel、网页或文本中识别数字，生成数据集草稿，并核对其中的合计、占比与执行率',
    )
    .argument('<file>', '报告文件（.docx / .pdf / .xlsx / .html / .txt）')
    .option('--json', '以 JSON 输出')
    .option('--draft <out>', '将识别出的数据集草稿写入文件（YAML）')
    // The body (readers, pdf.js, the domain core) loads only when this command runs.
    .action(async (file: string, options: { json?: boolean; draft?: string }) =>
      (await import('../actions/audit.js')).audit(file, options),
    );
}
