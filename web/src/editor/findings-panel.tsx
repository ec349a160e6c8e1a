import { Badge, Card, Empty, Segmented, Tag, Typography } from 'antd';
import { memo, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { countBySeverity, formatPath, type Finding, type Severity } from '../../../src/domain/findings/finding.js';
import { SEVERITY_COLOR, SEVERITY_LABEL } from '../format.js';
import { describePath } from './field-labels.js';
import { sameValue } from './same-value.js';
import { PART_TABS, tabOfPath } from './parts.js';

type Filter = Severity | 'all';

/** The findings by the page that holds their field, in page order. */
function byTab(findings: readonly Finding[]): { label: string; items: Finding[] }[] {
  return PART_TABS.map((t) => ({ label: t.label, items: findings.filter((f) => tabOfPath(f.path) === t.key) })).filter(
    (g) => g.items.length > 0,
  );
}

/** 技术信息: the stable code and the JSON path, for support and programs, folded away. */
function TechInfo(props: { finding: Finding }) {
  return (
    <details className="jx-tech" data-testid="tech-info">
      <summary>技术信息</summary>
      <code>{props.finding.code}</code> <code>{formatPath(props.finding.path)}</code>
    </details>
  );
}

/** Shows "向下滚动查看更多" while the list holds more than it shows. */
function ScrollingList(props: { children: ReactNode; total: number }) {
  const box = useRef<HTMLDivElement>(null);
  const [more, setMore] = useState(false);
  const measure = () => {
    const el = box.current;
    if (el !== null) setMore(el.scrollTop + el.clientHeight < el.scrollHeight - 4);
  };
  // Before the next frame, not in the commit: a layout effect forced a layout of the whole page on every update of
  // the list (~6 ms a keystroke whose findings changed), before the figures reached the screen.
  useEffect(() => {
    const frame = window.requestAnimationFrame(measure);
    return () => window.cancelAnimationFrame(frame);
  });
  return (
    <div className={more ? 'jx-scroll-wrap jx-scroll-more' : 'jx-scroll-wrap'}>
      <div ref={box} className="jx-findings-scroll" onScroll={measure} data-testid="findings-scroll">
        {props.children}
      </div>
      {more ? (
        <div className="jx-scroll-hint" data-testid="scroll-hint">
          共 {props.total} 条，向下滚动查看更多
        </div>
      ) : null}
    </div>
  );
}

/**
 * The severity's tag, rendered only when the severity changes: a keystroke in an amount rewrites a dozen messages of
 * the seed, and an antd Tag's render (its style hooks) cost more than the rest of the finding's.
 */
const SeverityTag = memo(function SeverityTag(props: { severity: Severity }) {
  return <Tag color={SEVERITY_COLOR[props.severity]}>{SEVERITY_LABEL[props.severity]}</Tag>;
});

/** Where a finding is, in words, computed once per path (paths repeat from one keystroke to the next). */
const PLACES = new Map<string, string>();
function placeOf(path: Finding['path']): string {
  const key = formatPath(path);
  let place = PLACES.get(key);
  if (place === undefined) {
    place = describePath(path);
    // Bounded for a long session across many documents: starting again only costs the descriptions.
    if (PLACES.size >= 10_000) PLACES.clear();
    PLACES.set(key, place);
  }
  return place;
}

/** One finding; renders again only when what it says changes (most keystrokes change one or two messages). */
const FindingItem = memo(
  function FindingItem(props: { finding: Finding; onOpen: (finding: Finding) => void }) {
    const { finding } = props;
    return (
      <div className="jx-finding-item" data-testid="finding" data-code={finding.code}>
        <button type="button" className="jx-finding" onClick={() => props.onOpen(finding)}>
          <SeverityTag severity={finding.severity} />
          <span className="jx-finding-message">{finding.message}</span>
          <span className="jx-finding-path">{placeOf(finding.path)}</span>
        </button>
        <TechInfo finding={finding} />
      </div>
    );
  },
  (a, b) => a.onOpen === b.onOpen && sameValue(a.finding, b.finding),
);

/** The findings by page; renders again only when they (or the filter) change, not on every keystroke. */
const FindingsList = memo(function FindingsList(props: {
  shown: readonly Finding[];
  all: boolean;
  onOpen: (finding: Finding) => void;
}) {
  return props.shown.length === 0 ? (
    <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={props.all ? '没有发现问题' : '此类没有发现'} />
  ) : (
    <ScrollingList total={props.shown.length}>
      {byTab(props.shown).map((group) => (
        <section key={group.label} data-testid="findings-group" data-tab={group.label}>
          <div className="jx-findings-group">
            {group.label}（{group.items.length}）
          </div>
          {group.items.map((finding, index) => (
            <FindingItem key={`${finding.code}-${index}`} finding={finding} onOpen={props.onOpen} />
          ))}
        </section>
      ))}
    </ScrollingList>
  );
});

/** The filter by severity, with the counts; renders when a count (or the filter) changes. */
const FilterBar = memo(function FilterBar(props: {
  filter: Filter;
  onChange: (filter: Filter) => void;
  total: number;
  error: number;
  warning: number;
  info: number;
}) {
  return (
    <Segmented<Filter>
      size="small"
      block
      value={props.filter}
      onChange={props.onChange}
      options={[
        { value: 'all', label: `全部 ${props.total}` },
        { value: 'error', label: `错误 ${props.error}` },
        { value: 'warning', label: `警告 ${props.warning}` },
        { value: 'info', label: `提示 ${props.info}` },
      ]}
    />
  );
});

/**
 * 审核发现: exactly what `jixiao check` lists for the document being edited (the same `selfEvaluate`), grouped by
 * the page of their field, in words; each one opens its field. Codes and paths only under 技术信息.
 */
export function FindingsPanel(props: {
  findings: readonly Finding[];
  stale: boolean;
  onOpen: (finding: Finding) => void;
  /** Below the filter (采用计算数). */
  actions?: ReactNode;
}) {
  const [filter, setFilter] = useState<Filter>('all');
  const counts = countBySeverity(props.findings);
  const shown = useMemo(
    () => (filter === 'all' ? props.findings : props.findings.filter((f) => f.severity === filter)),
    [filter, props.findings],
  );
  return (
    <Card
      size="small"
      title={
        <span>
          审核发现 <Badge count={counts.error} color="red" showZero={false} />{' '}
          <Badge count={counts.warning} color="orange" showZero={false} />
        </span>
      }
      data-testid="findings"
      data-errors={counts.error}
      data-warnings={counts.warning}
      data-infos={counts.info}
    >
      <FilterBar
        filter={filter}
        onChange={setFilter}
        total={props.findings.length}
        error={counts.error}
        warning={counts.warning}
        info={counts.info}
      />
      {props.actions}
      {props.stale ? (
        <Typography.Paragraph type="warning" style={{ margin: '8px 0 0' }}>
          有字段未通过校验，右侧数字为最近一次有效输入的计算结果。
        </Typography.Paragraph>
      ) : null}
      <FindingsList shown={shown} all={filter === 'all'} onOpen={props.onOpen} />
    </Card>
  );
}
