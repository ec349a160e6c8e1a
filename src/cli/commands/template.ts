import type { Command } from 'commander';

export function registerTemplate(program: Command): void {
  program
    .command('template')
    .description('生成空白 Excel 填报模板（基本情况、收入、支出明细、三公经费、项目、支付进度、绩效指标、文字部分）')
    .option('-o, --output <file>', '输出文件', 'jixiao-模板.xlsx')
    // exceljs loads only when this command runs.
    .action(async (options: { output: string }) => (await import('../actions/template.js')).template(options));
}
