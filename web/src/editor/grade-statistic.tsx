import { Statistic, Tag } from 'antd';

const GRADE_COLOR: Readonly<Record<string, string>> = { 优: 'green', 良: 'blue', 中: 'orange', 差: 'red' };

/** 等级 as the 得分 tab shows it, for the report's own 自评表 and for each printed form alike. */
export function GradeStatistic(props: { grade: string }) {
  return (
    <Statistic
      title="等级"
      valueRender={() => (
        <Tag color={GRADE_COLOR[props.grade]} style={{ fontSize: 20, padding: '4px 12px' }}>
          {props.grade}
        </Tag>
      )}
    />
  );
}
