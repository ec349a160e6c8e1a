import { FileSearchOutlined } from '@ant-design/icons';
import { Alert, Button, List, Space, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../api/endpoints.js';
import type { AuditAnswer, AuditFindingWire } from '../api/types.js';
import { href, navigate } from '../router.js';
import { ExistingReportFindings } from './existing-report-findings.js';
import { existingYearOf, ImportReportIntoExisting, type ExistingYear } from './import-report-into-existing.js';

type Read = { fileName: string; answer: AuditAnswer };

/** The report's words become a JSON file for the ordinary import (all or nothing, refused for a year it has). */
function draftFile(read: Read): File {
  const name = read.fileName.replace(/\.[^.]*$/, '') || '报告';
  return new File([JSON.stringify(read.answer.draft)], `${name}.json`, { type: 'application/json' });
}

function countOf(findings: readonly AuditFindingWire[], verdict: AuditFindingWire['verdict']): number {
  return findings.filter((f) => f.verdict === verdict).length;
}

/**
 * 导入已有报告: last year's report as published (Word, PDF, Excel, web page or text) is read on the server; the
 * officer sees what was recognised, what does not add up and what could not be placed, then creates a draft
 * dataset of this department from it. Nothing is written before 以此新建草稿.
 */
export function ImportExistingReport(props: { departmentId: number; departmentName: string }) {
  const [busy, setBusy] = useState(false);
  const [read, setRead] = useState<Read | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [existing, setExisting] = useState<ExistingYear | null>(null);
  const readFile = async (file: File) => {
    setBusy(true);
    setError(null);
    setExisting(null);
    setRead(null);
    try {
      setRead({ fileName: file.name, answer: await api.auditReport(file) });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const create = async () => {
    if (read === null) return;
    setBusy(true);
    try {
      const answer = await api.importNew(props.departmentId, draftFile(read));
      if (answer.saved) navigate(href.dataset(answer.id));
    } catch (e) {
      const year = existingYearOf(e);
      if (year === null) setError(e instanceof Error ? e.message : String(e));
      setExisting(year);
    } finally {
      setBusy(false);
    }
  };
  const answer = read?.answer;
  const otherDepartment =
    answer?.department != null && answer.department !== '' && answer.department !== props.departmentName;
  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="import-report">
      <Typography.Paragraph type="secondary">
        选择已有的自评报告或自评表（Word、PDF、Excel、网页或文本文件），识别其中的数字并核对，再以此新建草稿。扫描版 PDF
        无法识别。
      </Typography.Paragraph>
      <Upload
        accept=".docx,.pdf,.xlsx,.html,.htm,.txt"
        showUploadList={false}
        disabled={busy}
        beforeUpload={(file) => {
          void readFile(file);
          return false;
        }}
      >
        <Button icon={<FileSearchOutlined />} loading={busy && read === null} data-testid="import-report-file">
          选择报告文件
        </Button>
      </Upload>
      {error === null ? null : <Alert type="error" showIcon message={error} data-testid="import-report-error" />}
      {existing === null || read === null ? null : (
        <ImportReportIntoExisting existing={existing} file={draftFile(read)} year={read.answer.fiscalYear} />
      )}
      {read === null || answer === undefined ? null : (
        <>
          <Alert
            type="info"
            showIcon
            data-testid="import-report-summary"
            message={`${read.fileName}：${answer.fiscalYear ?? '年度不明'}${answer.fiscalYear === null ? '' : ' 年度'}，识别数字 ${answer.figures.length} 个，未归位 ${answer.unplaced.length} 项`}
            description={`核对发现 ${answer.findings.length} 条：错误 ${countOf(answer.findings, 'error')}，警告 ${countOf(answer.findings, 'warning')}，舍入差异 ${countOf(answer.findings, 'rounding')}，提示 ${countOf(answer.findings, 'info')}。新建后可在编辑页逐项核对和修改。`}
          />
          {otherDepartment ? (
            <Alert
              type="warning"
              showIcon
              data-testid="import-report-department"
              message={`报告中的部门为“${answer.department}”，不是“${props.departmentName}”；请确认选择的文件。`}
            />
          ) : null}
          <ExistingReportFindings answer={answer} />
          {answer.unplaced.length === 0 ? null : (
            <List
              size="small"
              header={`未归位的数字（${answer.unplaced.length} 项，请在编辑页补录）`}
              dataSource={answer.unplaced}
              style={{ maxHeight: 200, overflowY: 'auto' }}
              renderItem={(u, i) => (
                <List.Item key={i}>
                  <Space direction="vertical" size={0}>
                    <span>
                      <Tag>{u.label}</Tag>
                      {u.value}
                      {u.place === undefined ? null : <Typography.Text type="secondary">（{u.place}）</Typography.Text>}
                    </span>
                    <Typography.Text type="secondary">{u.reason}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
          <Button type="primary" loading={busy} onClick={() => void create()} data-testid="import-report-create">
            以此新建草稿
          </Button>
        </>
      )}
    </Space>
  );
}
