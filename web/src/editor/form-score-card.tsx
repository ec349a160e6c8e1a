import { Card, Statistic, Table, Typography } from 'antd';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import { formatPoints, type Points } from '../../../src/domain/scoring/points.js';
import { explanationText } from './explanation-text.js';
import { GradeStatistic } from './grade-statistic.js';

/** One line of a form's score table: the funds block's scored lines first, then each indicator. */
type Line = { key: string; level1: string; level2: string; name: string; weight: Points | null; score: Points | null };

function lines(evaluation: FormEvaluation): Line[] {
  const funds = evaluation.score.funds;
  // The lines the funds score adds up: the 年度资金总额 line when it carries the 分值, else (a per-row funds score)
  // the source rows that do — a row's own printed 分值 beside a scored total is not counted twice.
  const scored =
    funds === null ? [] : funds.total.weight !== null ? [funds.total] : funds.rows.filter((l) => l.weight !== null);
  return [
    ...scored.map((l) => ({
      key: `funds-${l.index ?? 'total'}`,
      level1: '预算执行率',
      level2: '',
      name: l.source,
      weight: l.weight,
      score: l.score,
    })),
    ...evaluation.score.indicators.map((s) => ({
      key: `indicator-${s.index}`,
      level1: s.indicator.level1,
      level2: s.indicator.level2 ?? '',
      name: s.indicator.name,
      weight: s.weight,
      score: s.score,
    })),
  ];
}

const points = (value: Points | null) => (value === null ? '—' : formatPoints(value));

/** 得分 of one printed 自评表, scored on its own: 一级 / 二级 / 三级 指标, 分值, 得分, then 总分 and 等级. */
export function FormScoreCard(props: { evaluation: FormEvaluation }) {
  const { form, score } = props.evaluation;
  return (
    <Card
      size="small"
      title={`${score.convention.title}：${form.name === '' ? '（未填名称）' : form.name}`}
      style={{ marginTop: 16 }}
      data-testid="form-score"
    >
      <div style={{ display: 'flex', gap: 48, flexWrap: 'wrap' }}>
        <Statistic title="总分" value={formatPoints(score.total)} suffix="分" data-testid="form-score-total" />
        <GradeStatistic grade={score.grade} />
        {form.declaredTotal === undefined ? null : (
          <Statistic title="表中所填总分" value={form.declaredTotal} suffix={form.declaredGrade ?? ''} />
        )}
        {score.levels.map((l) => (
          <Statistic
            key={l.name}
            title={`${l.name}指标`}
            value={formatPoints(l.score)}
            suffix={`/ ${formatPoints(l.packWeight ?? l.indicatorWeight)}`}
          />
        ))}
      </div>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {explanationText(score.totalExplanation.text)}
      </Typography.Paragraph>
      <Table<Line>
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={lines(props.evaluation)}
        columns={[
          { title: '一级指标', dataIndex: 'level1', width: 110 },
          { title: '二级指标', dataIndex: 'level2', width: 130 },
          { title: '三级指标', dataIndex: 'name' },
          { title: '分值', width: 80, align: 'right', render: (_, l) => points(l.weight) },
          { title: '得分', width: 80, align: 'right', render: (_, l) => <strong>{points(l.score)}</strong> },
        ]}
      />
    </Card>
  );
}
