import { describe, expect, it } from 'vitest';
import { annexHeading, coverDate, titleLines } from './cover.js';

describe('titleLines', () => {
  it.each([
    [
      '2020年度雨花区行政审批服务局部门整体支出预算绩效自评报告',
      ['2020年度雨花区行政审批服务局', '部门整体支出预算绩效自评报告'],
    ],
    ['2020年度测试局部门整体支出预算绩效自评报告', ['2020年度测试局部门整体支出', '预算绩效自评报告']],
    ['（2020年度）项目支出绩效自评表', ['（2020年度）项目支出绩效自评表']],
    [
      '某某某某某某某某某某某某某某某某某某某某某某某某某某某某',
      ['某某某某某某某某某某某某某某某某某某某某某某某某某某某某'],
    ],
  ])('cuts %s between words, as evenly as it can', (title, lines) => {
    expect(titleLines(title, 20)).toEqual(lines);
  });
});

describe('coverDate', () => {
  it('prints the date in China time, in Arabic numerals without leading zeros', () => {
    expect(coverDate(new Date('2021-03-04T17:00:00Z'))).toBe('2021年3月5日');
    expect(coverDate(new Date('2021-12-31T15:59:59Z'))).toBe('2021年12月31日');
  });
});

describe('annexHeading', () => {
  it('splits 附件N from the annex title, and leaves other headings whole', () => {
    expect(annexHeading('附件2：农村饮水项目支出绩效自评表')).toEqual({
      label: '附件2',
      title: '农村饮水项目支出绩效自评表',
    });
    expect(annexHeading('附：数据核对提示')).toEqual({ title: '附：数据核对提示' });
  });
});
