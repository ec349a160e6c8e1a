/** Stable codes of the ledger reader's findings: one per kind of rejected line, and the whole-file refusals. */
export type LedgerRejectCode =
  | 'LEDGER_COLUMN_COUNT'
  | 'LEDGER_BAD_VOUCHER'
  | 'LEDGER_BAD_DATE'
  | 'LEDGER_DATE_OUT_OF_YEAR'
  | 'LEDGER_BAD_AMOUNT'
  | 'LEDGER_UNKNOWN_DEPARTMENT'
  | 'LEDGER_UNKNOWN_PROJECT'
  | 'LEDGER_UNKNOWN_ECONOMIC_CODE'
  | 'LEDGER_DUPLICATE_VOUCHER';

export type LedgerFileCode =
  | 'LEDGER_ENCODING'
  | 'LEDGER_HEADER'
  | 'LEDGER_EMPTY'
  | 'LEDGER_NO_YEAR'
  | 'LEDGER_TOTAL_OVERFLOW'
  | 'BUDGET_HEADER'
  | 'BUDGET_COLUMN_COUNT'
  | 'BUDGET_BAD_CODE'
  | 'BUDGET_BAD_AMOUNT'
  | 'BUDGET_DUPLICATE_LINE';

/** A problem with a line: where (1-based line of the file), which rule, and the reason in Chinese. */
export type LedgerIssue<C extends string = LedgerRejectCode | LedgerFileCode> = {
  line: number;
  code: C;
  message: string;
};

export const REJECT_REASONS: Readonly<Record<LedgerRejectCode, string>> = {
  LEDGER_COLUMN_COUNT: '列数不是 7（凭证号、支付日期、部门编码、项目编码、经济分类编码、金额、收款人），或引号未闭合',
  LEDGER_BAD_VOUCHER: '凭证号应为 1–40 位字母、数字或 - _ /',
  LEDGER_BAD_DATE: '支付日期不是有效日期（应为 YYYY-MM-DD）',
  LEDGER_DATE_OUT_OF_YEAR: '支付日期不在本账的年度内',
  LEDGER_BAD_AMOUNT: '金额应为以元为单位、最多 2 位小数的数字（如 1234.56），整数部分不超过 12 位',
  LEDGER_UNKNOWN_DEPARTMENT: '部门编码不在预算表中',
  LEDGER_UNKNOWN_PROJECT: '项目编码不在该部门的预算表中',
  LEDGER_UNKNOWN_ECONOMIC_CODE: '经济分类编码不在预算表中',
  LEDGER_DUPLICATE_VOUCHER: '凭证号已导入过（本文件前文或以前的导入），不重复计入',
};
