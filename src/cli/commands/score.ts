import type { Command } from 'commander';
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import { selfEvaluationToJson } from '../../domain/self-evaluation-table/to-json.js';
import { loadDatasetOrExit, loadPackOrExit } from '../load.js';
import { findingsSummary, findingText, writeJson } from '../output.js';
import { selfEvaluationText } from '../score-text.js';

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('按评分规则包评分：预算执行率、绩效指标、总分与等级，输出部门整体支出绩效自评表及自动识别的问题')
    .argument('<file>', '数据集文件（.yaml / .yml / .json）')
    .option('--pack <name|path>', '评分规则包：内置名称（national、hunan）或规则包文件路径；缺省用数据集的 rulePack')
    .option('--json', '以 JSON 输出（得分为两位小数字符串）')
    .action(async (file: string, options: { pack?: string; json?: boolean }) => {
      const json = options.json === true;
      const loaded = await loadDatasetOrExit(file, json);
      const evaluation = selfEvaluate(loaded.dataset, await loadPackOrExit(options.pack, loaded, file, json));
      // The same findings as `jixiao check` and the report's 数据核对提示 (data checks, scoring, stale reviews).
      const findings = evaluation.findings.map((f) => ({ ...f, location: loaded.locate(f.path) }));
      if (json) {
        writeJson({ ok: true, ...selfEvaluationToJson(evaluation, loaded.dataset.unit), findings });
        return;
      }
      process.stdout.write(`${selfEvaluationText(evaluation.table, evaluation.problems)}\n`);
      if (findings.length > 0) {
        process.stdout.write(`\n核对与评分发现（${findingsSummary(findings)}）\n`);
        for (const finding of findings) process.stdout.write(`${findingText(finding)}\n`);
      }
    });
}
