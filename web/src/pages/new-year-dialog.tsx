import { PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Form, InputNumber, Modal, Radio, Select, Space, Typography, message } from 'antd';
import { useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_KIND_LABELS, type DocumentKind } from '../../../src/domain/dataset/form-table.js';
import { api } from '../api/endpoints.js';
import type { DatasetSummary } from '../api/types.js';
import { emptyDocument } from '../editor/document.js';
import { href, navigate } from '../router.js';
import { ImportExistingReport } from './import-existing-report.js';
import { ImportNewDataset } from './import-new-dataset.js';

type Way = 'blank' | 'rollover' | 'import' | 'report';

/**
 * 新建年度: a department's new dataset from a blank form of a chosen document kind, from its latest year (the
 * server carries over only what carries; prose naming the old year comes marked 【待改写】), from a file, or from
 * an existing report (导入已有报告: its figures read and checked, then a draft).
 */
export function NewYearDialog(props: {
  departmentId: number;
  departmentName: string;
  latest: DatasetSummary | undefined;
}) {
  const [open, setOpen] = useState(false);
  const [way, setWay] = useState<Way>(props.latest === undefined ? 'blank' : 'rollover');
  const [year, setYear] = useState<number>((props.latest?.fiscalYear ?? new Date().getFullYear() - 1) + 1);
  const [kind, setKind] = useState<DocumentKind>('report');
  const [busy, setBusy] = useState(false);
  const create = async () => {
    setBusy(true);
    try {
      const created =
        way === 'rollover' && props.latest !== undefined
          ? await api.rollover(props.latest.id)
          : await api.createDataset(props.departmentId, emptyDocument(year, props.departmentName, kind));
      setOpen(false);
      navigate(href.dataset(created.id));
    } catch (e) {
      void message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)} data-testid="new-year">
        新建年度
      </Button>
      <Modal
        open={open}
        title="新建年度数据集"
        width={way === 'report' ? 760 : undefined}
        onCancel={() => setOpen(false)}
        footer={
          way === 'import' || way === 'report' ? (
            <Button onClick={() => setOpen(false)}>关闭</Button>
          ) : (
            <Button type="primary" loading={busy} onClick={() => void create()} data-testid="new-year-create">
              新建
            </Button>
          )
        }
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <Radio.Group value={way} onChange={(e) => setWay(e.target.value as Way)} data-testid="new-year-way">
            <Radio value="blank">空白表</Radio>
            <Radio value="rollover" disabled={props.latest === undefined}>
              以上年为基础
            </Radio>
            <Radio value="import">导入文件</Radio>
            <Radio value="report">导入已有报告</Radio>
          </Radio.Group>
          {way === 'blank' ? (
            <Form layout="vertical" component="div">
              <Form.Item label="预算年度">
                <InputNumber
                  aria-label="预算年度"
                  min={2000}
                  max={2100}
                  value={year}
                  onChange={(v) => setYear(v ?? year)}
                />
              </Form.Item>
              <Form.Item label="文档类型">
                <Select
                  aria-label="文档类型"
                  value={kind}
                  onChange={setKind}
                  options={DOCUMENT_KINDS.map((k) => ({ value: k, label: DOCUMENT_KIND_LABELS[k] }))}
                  data-testid="new-year-kind"
                />
              </Form.Item>
            </Form>
          ) : null}
          {way === 'rollover' && props.latest !== undefined ? (
            <Alert
              type="info"
              message={`以 ${props.latest.fiscalYear} 年度为基础新建 ${props.latest.fiscalYear + 1} 年度`}
              description="沿用部门情况、项目（金额清零）、绩效指标与自评表的结构（不含实际完成值）；不沿用任何金额、报告陈述数和问题审阅。提到上年年份的文字保留并标为“【待改写】”，改写前作为错误列出。"
            />
          ) : null}
          {way === 'import' ? (
            <>
              <Typography.Paragraph type="secondary">
                选择 Excel 工作簿或 YAML / JSON 文件，按文件中的年度新建；该年度已存在时请在其编辑页导入。
              </Typography.Paragraph>
              <ImportNewDataset departmentId={props.departmentId} label="选择文件" />
            </>
          ) : null}
          {way === 'report' ? (
            <ImportExistingReport departmentId={props.departmentId} departmentName={props.departmentName} />
          ) : null}
        </Space>
      </Modal>
    </>
  );
}
