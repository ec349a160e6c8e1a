/**
 * The timed side of `npm run bench:ledger` for DuckDB (the reference): read_csv with the columns typed (金额
 * DECIMAL(18,2)) and one GROUP BY department, project, code, month. Bundled like ledger-jixiao.ts; one line of JSON.
 */
import { DuckDBInstance } from '@duckdb/node-api';

const [ledger] = process.argv.slice(2);
const started = performance.now();
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
const columns = `{'凭证号': 'VARCHAR', '支付日期': 'DATE', '部门编码': 'VARCHAR', '项目编码': 'VARCHAR', '经济分类编码': 'VARCHAR', '金额': 'DECIMAL(18,2)', '收款人': 'VARCHAR'}`;
const reader = await connection.runAndReadAll(`
  SELECT count(*) AS groups, sum(s)::VARCHAR AS total, sum(n)::BIGINT AS rows FROM (
    SELECT 部门编码, 项目编码, 经济分类编码, month(支付日期) AS m, sum(金额) AS s, count(*) AS n
    FROM read_csv('${ledger!.replaceAll("'", "''")}', header = true, columns = ${columns})
    GROUP BY ALL)`);
const [row] = reader.getRows();
const ms = performance.now() - started;
console.log(
  JSON.stringify({
    ms,
    wallMs: performance.now(),
    rssMb: process.resourceUsage().maxRSS / 1024,
    groups: Number(row![0]),
    total: String(row![1]),
    rows: Number(row![2]),
  }),
);
