/**
 * 部门经济分类科目 (departmental economic classification, MoF 2017 edition): the codes a budget line may use.
 * Classes are 3 digits, items (款) 5 digits. Only this table names them; a dataset line may give the code alone.
 * Source: 财政部《2017年政府收支分类科目》部门预算支出经济分类; see docs/standards.md §2.
 */

/** How a basic-expenditure line counts: 人员经费 (301 + 303) or 日常公用经费 (everything else, chiefly 302). */
export type BasicExpenditureKind = 'personnel' | 'publicUse';

export type EconomicClass = { code: string; name: string; kind: BasicExpenditureKind };
export type EconomicItem = { code: string; name: string; classCode: string };

export const ECONOMIC_CLASSES: readonly EconomicClass[] = [
  { code: '301', name: '工资福利支出', kind: 'personnel' },
  { code: '302', name: '商品和服务支出', kind: 'publicUse' },
  { code: '303', name: '对个人和家庭的补助', kind: 'personnel' },
  { code: '307', name: '债务利息及费用支出', kind: 'publicUse' },
  { code: '309', name: '资本性支出（基本建设）', kind: 'publicUse' },
  { code: '310', name: '资本性支出', kind: 'publicUse' },
  { code: '311', name: '对企业补助（基本建设）', kind: 'publicUse' },
  { code: '312', name: '对企业补助', kind: 'publicUse' },
  { code: '313', name: '对社会保障基金补助', kind: 'publicUse' },
  { code: '399', name: '其他支出', kind: 'publicUse' },
];

const ITEM_NAMES: Readonly<Record<string, string>> = {
  '30101': '基本工资',
  '30102': '津贴补贴',
  '30103': '奖金',
  '30106': '伙食补助费',
  '30107': '绩效工资',
  '30108': '机关事业单位基本养老保险缴费',
  '30109': '职业年金缴费',
  '30110': '职工基本医疗保险缴费',
  '30111': '公务员医疗补助缴费',
  '30112': '其他社会保障缴费',
  '30113': '住房公积金',
  '30114': '医疗费',
  '30199': '其他工资福利支出',
  '30201': '办公费',
  '30202': '印刷费',
  '30203': '咨询费',
  '30204': '手续费',
  '30205': '水费',
  '30206': '电费',
  '30207': '邮电费',
  '30208': '取暖费',
  '30209': '物业管理费',
  '30211': '差旅费',
  '30212': '因公出国（境）费用',
  '30213': '维修（护）费',
  '30214': '租赁费',
  '30215': '会议费',
  '30216': '培训费',
  '30217': '公务接待费',
  '30218': '专用材料费',
  '30224': '被装购置费',
  '30225': '专用燃料费',
  '30226': '劳务费',
  '30227': '委托业务费',
  '30228': '工会经费',
  '30229': '福利费',
  '30231': '公务用车运行维护费',
  '30239': '其他交通费用',
  '30240': '税金及附加费用',
  '30299': '其他商品和服务支出',
  '30301': '离休费',
  '30302': '退休费',
  '30303': '退职（役）费',
  '30304': '抚恤金',
  '30305': '生活补助',
  '30306': '救济费',
  '30307': '医疗费补助',
  '30308': '助学金',
  '30309': '奖励金',
  '30310': '个人农业生产补贴',
  '30311': '代缴社会保险费',
  '30399': '其他对个人和家庭的补助',
  '31001': '房屋建筑物购建',
  '31002': '办公设备购置',
  '31003': '专用设备购置',
  '31005': '基础设施建设',
  '31006': '大型修缮',
  '31007': '信息网络及软件购置更新',
  '31013': '公务用车购置',
  '31099': '其他资本性支出',
  '39999': '其他支出',
};

export const ECONOMIC_ITEMS: readonly EconomicItem[] = Object.entries(ITEM_NAMES).map(([code, name]) => ({
  code,
  name,
  classCode: code.slice(0, 3),
}));

const classByCode = new Map(ECONOMIC_CLASSES.map((c) => [c.code, c]));
const itemByCode = new Map(ECONOMIC_ITEMS.map((i) => [i.code, i]));

/** The class (类) of a 3- or 5-digit code, or undefined if the code is not in the table. */
export function economicClassOf(code: string): EconomicClass | undefined {
  if (code.length === 3) return classByCode.get(code);
  if (code.length === 5 && itemByCode.has(code)) return classByCode.get(code.slice(0, 3));
  return undefined;
}

/** The standard name of a known code (class or item). */
export function economicName(code: string): string | undefined {
  return itemByCode.get(code)?.name ?? classByCode.get(code)?.name;
}
