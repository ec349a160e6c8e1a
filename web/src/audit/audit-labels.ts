/** Chinese names for the audit log's codes that the API sends without a label (roles, entity kinds). */
const ROLE: Readonly<Record<string, string>> = {
  editor: '部门填报人',
  reviewer: '财政局审核人',
  admin: '系统管理员',
};

const ENTITY: Readonly<Record<string, string>> = {
  dataset: '数据集',
  datasets: '数据集',
  revision: '修订版本',
  department: '部门',
  departments: '部门',
  user: '账号',
  users: '账号',
  session: '登录',
  comment: '审核意见',
  publication: '公开',
  report: '报告',
  workflow: '审核流程',
  request: '请求',
};

/** A role code as Chinese; an unknown code is not shown (it stays in 技术信息). */
export const roleLabel = (role: string | null): string => (role === null ? '' : (ROLE[role] ?? ''));

export const entityLabel = (entity: string | null): string => (entity === null ? '—' : (ENTITY[entity] ?? '其他'));
