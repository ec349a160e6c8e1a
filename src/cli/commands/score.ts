import type { Command } from 'commander';
import { selfEvaluate } from '../../domain/self-evaluation-table/self-evaluate.js';
import { selfEvaluationToJson } from '../../domain/self-evaluation-table/to-json.js';
import { resolveRulePack } from '../../ingest/read-rule-pack.js';
import { EXIT_INVALID_INPUT, loadDatasetOrExit } from '../load.js';
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
      const resolved = await resolveRulePack(options.pack, loaded.dataset.rulePack, file);
      if (!resolved.ok) {
        if (json) writeJson({ ok: false, errors: resolved.errors });
        else for (const error of resolved.errors) process.stderr.write(`${findingText(error)}\n`);
        process.exit(EXIT_INVALID_INPUT);
      }
      const evaluation = selfEvaluate(loaded.dataset, resolved.pack);
      const findings = evaluation.score.findings.map((f) => ({ ...f, location: loaded.locate(f.path) }));
      if (json) {
        writeJson({ ok: true, ...selfEvaluationToJson(evaluation, loaded.dataset.unit), findings });
        return;
      }
      process.stdout.write(`${selfEvaluationText(evaluation.table, evaluation.problems)}\n`);
      if (findings.length > 0) {
        process.stdout.write(`\n评分发现（${findingsSummary(findings)}）\n`);
        for (const finding of findings) process.stdout.write(`${findingText(finding)}\n`);
      }
    });
}
