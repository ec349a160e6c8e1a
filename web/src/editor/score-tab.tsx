import { Alert, Card, Descriptions, Statistic, Table, Typography } from 'antd';
import { useMemo } from 'react';
import type { Dataset } from '../../../src/domain/dataset/schema.js';
import type { Figures } from '../../../src/domain/figures/compute.js';
import type { FormEvaluation } from '../../../src/domain/forms/evaluate-forms.js';
import { packForDataset } from '../../../src/domain/scoring/packs/builtin-packs.js';
import { formatPoints } from '../../../src/domain/scoring/points.js';
import { scoreDataset, type DatasetScore } from '../../../src/domain/scoring/score-dataset.js';
import type { IndicatorScore } from '../../../src/domain/scoring/score-indicator.js';
import { hasOwnSelfEvaluationTable, nothingToScore } from '../../../src/domain/self-evaluation-table/score-subject.js';
import { percentText } from '../format.js';
import { explanationText } from './explanation-text.js';
import { FormScoreCard } from './form-score-card.js';
import { GradeStatistic } from './grade-statistic.js';

export { explanationText };

function IndicatorTable(props: { title: string; scores: readonly IndicatorScore[] }) {
  if (props.scores.length === 0) return null;
  return (
    <Card size="small" title={props.title} style={{ marginTop: 16 }}>
      <Table<IndicatorScore>
        size="small"
        pagination={false}
        rowKey="index"
        dataSource={[...props.scores]}
        columns={[
          { title: '指标', render: (_, s) => `${s.indicator.level1} / ${s.indicator.level2} / ${s.indicator.name}` },
          { title: '分值', width: 70, align: 'right', render: (_, s) => formatPoints(s.weight) },
          { title: '得分', width: 70, align: 'right', render: (_, s) => <strong>{formatPoints(s.score)}</strong> },
          {
            title: '说明',
            render: (_, s) => <Typography.Text type="secondary">{explanationText(s.explanation.text)}</Typography.Text>,
          },
        ]}
      />
    </Card>
  );
}

/**
 * 得分: the score under the dataset's rule pack, computed in the browser, each part with its explanation. A narrative
 * report shows its own 自评表 and then any printed forms it carries; a 项目 or 部门整体自评表 document only its forms,
 * each scored on its own; a 决算说明 says it has nothing to score.
 */
export function ScoreTab(props: {
  dataset: Dataset | null;
  figures: Figures | null;
  forms: readonly FormEvaluation[];
}) {
  const { dataset, figures } = props;
  const pack = dataset === null ? null : packForDataset(dataset.rulePack);
  const score = useMemo(
    () => (dataset === null || figures === null || pack === null ? null : scoreDataset(dataset, pack, figures)),
    [dataset, figures, pack],
  );
  if (dataset === null) return <Alert type="warning" showIcon message="数据有错误，修正后显示得分。" />;
  if (score === null) return <Alert type="error" showIcon message={`未知的评分规则包：${dataset.rulePack ?? ''}`} />;
  if (nothingToScore(dataset))
    return <Alert data-testid="score" type="info" showIcon message="本文档没有绩效自评表，无可评分的内容" />;
  const forms = props.forms.map((f) => <FormScoreCard key={f.index} evaluation={f} />);
  if (!hasOwnSelfEvaluationTable(dataset))
    return (
      <div data-testid="score">
        <Typography.Paragraph type="secondary" data-testid="score-pack">
          评分规则：{pack?.title}。每张自评表单独计分。
        </Typography.Paragraph>
        {forms}
      </div>
    );
  return (
    <>
      <ReportScore score={score} packTitle={pack?.title ?? ''} />
      {forms.length === 0 ? null : (
        <>
          <Typography.Title level={5} style={{ marginTop: 24 }}>
            所附自评表（各表单独计分，不计入上述总分）
          </Typography.Title>
          {forms}
        </>
      )}
    </>
  );
}

/** The narrative report's own 自评表: total, grade, execution, the department's and the projects' indicators. */
function ReportScore(props: { score: DatasetScore; packTitle: string }) {
  const { score } = props;
  return (
    <div data-testid="score">
      <Card size="small">
        <div style={{ display: 'flex', gap: 48, flexWrap: 'wrap' }}>
          <Statistic title="总分" value={formatPoints(score.total)} suffix="分" />
          <GradeStatistic grade={score.grade} />
          <Statistic
            title="预算执行率得分"
            value={formatPoints(score.execution.score)}
            suffix={`/ ${formatPoints(score.execution.weight)}`}
          />
          {score.levels.map((l) => (
            <Statistic
              key={l.level1}
              title={`${l.level1}指标`}
              value={formatPoints(l.score)}
              suffix={`/ ${formatPoints(l.packWeight)}`}
            />
          ))}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }} data-testid="score-pack">
          评分规则：{props.packTitle}
        </Typography.Paragraph>
        <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>
          {explanationText(score.totalExplanation.text)}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title="预算执行率" style={{ marginTop: 16 }}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label="执行率">{percentText(score.execution.rate)}</Descriptions.Item>
          <Descriptions.Item label="得分">{formatPoints(score.execution.score)}</Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{explanationText(score.execution.explanation.text)}</Typography.Text>
      </Card>
      {score.indicators.length === 0 ? (
        <Alert
          style={{ marginTop: 16 }}
          type="info"
          showIcon
          message="尚未填报部门整体绩效指标，产出、效益、满意度得分为 0。请在“绩效指标”页添加。"
        />
      ) : null}
      <IndicatorTable title="部门整体绩效指标" scores={score.indicators} />
      <IndicatorTable title="项目绩效指标（不计入总分）" scores={score.projectIndicators} />
      {score.findings.length === 0 ? null : (
        <Card size="small" title="评分提示" style={{ marginTop: 16 }}>
          {score.findings.map((f, i) => (
            <Typography.Paragraph key={i} style={{ marginBottom: 4 }}>
              {f.message}
            </Typography.Paragraph>
          ))}
        </Card>
      )}
    </div>
  );
}
