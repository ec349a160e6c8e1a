import { DeleteOutlined, PlusOutlined, ProfileOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes, type ReactNode } from 'react';
import { appendAt, listAt, pathKey, removeAt, type DocPath } from './document.js';
import { useEditorActions, useEditorSelect } from './editor-context.js';
import { RowDrawer } from './row-drawer.js';

export type RowColumn = {
  title: string;
  /** Renders the control for row `index`, given the row's path. */
  render: (rowPath: DocPath, index: number) => ReactNode;
  width?: number | string;
  align?: 'left' | 'right' | 'center';
  /** Stays in view when the table scrolls sideways on a narrow screen (the row's name). */
  fixed?: boolean;
};

/**
 * 可编辑表格: the rows of an array in the document, one control per cell, with add and remove.
 * Rows are keyed by index: the document holds no ids, and a row's path is its index.
 */
export function RowsTable(props: {
  path: DocPath;
  columns: readonly RowColumn[];
  newRow: () => unknown;
  addLabel: string;
  summary?: ReactNode;
  minRows?: number;
  testId?: string;
  /**
   * Below this width (px) the table scrolls sideways instead of squeezing its inputs, the # and fixed columns
   * staying in view. Kept under the editor's width at 1366 px, so there it never scrolls.
   */
  minWidth?: number;
  /** Further fields of a row, shown when the row is expanded. */
  expand?: (rowPath: DocPath, index: number) => ReactNode;
}) {
  // The number of rows, not the rows: a keystroke in a cell copies the list (immutable update) but must not
  // render the table again, only the cell's field.
  const count = useEditorSelect((e) => listAt(e.doc, props.path).length);
  const readOnly = useEditorSelect((e) => e.readOnly);
  const editor = useEditorActions();
  const [shown, setShown] = useState<number | null>(null);
  const fixedLeft = props.minWidth === undefined ? undefined : ('left' as const);
  const columns: TableColumnsType<number> = [
    { title: '#', width: 40, align: 'right', fixed: fixedLeft, render: (_: unknown, index: number) => index + 1 },
    ...props.columns.map((c) => ({
      title: c.title,
      width: c.width,
      align: c.align,
      fixed: c.fixed === true ? fixedLeft : undefined,
      render: (_: unknown, index: number) => c.render([...props.path, index], index),
    })),
    {
      title: '',
      width: 64,
      render: (_: unknown, index: number) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          <Button
            type="text"
            size="small"
            icon={<ProfileOutlined />}
            aria-label={`查看第 ${index + 1} 行详情`}
            title="查看整行"
            onClick={() => setShown(index)}
            data-testid="row-detail"
          />
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={`删除第 ${index + 1} 行`}
            disabled={readOnly || count <= (props.minRows ?? 0)}
            size="small"
            onClick={() => editor.update((doc) => removeAt(doc, props.path, index))}
          />
        </span>
      ),
    },
  ];
  return (
    <div data-path={pathKey(props.path)} data-testid={props.testId}>
      <Table<number>
        size="small"
        rowKey={(index) => index}
        dataSource={Array.from({ length: count }, (_, i) => i)}
        columns={columns}
        pagination={false}
        onRow={(index) => ({ 'data-path': pathKey([...props.path, index]) }) as HTMLAttributes<HTMLElement>}
        locale={{ emptyText: '暂无数据，点击下方按钮添加' }}
        summary={props.summary === undefined ? undefined : () => props.summary}
        tableLayout="fixed"
        scroll={props.minWidth === undefined ? undefined : { x: props.minWidth }}
        expandable={
          props.expand === undefined
            ? undefined
            : { expandedRowRender: (index) => props.expand?.([...props.path, index], index), columnWidth: 36 }
        }
      />
      <Button
        type="dashed"
        icon={<PlusOutlined />}
        block
        style={{ marginTop: 8 }}
        disabled={readOnly}
        onClick={() => editor.update((doc) => appendAt(doc, props.path, props.newRow()))}
      >
        {props.addLabel}
      </Button>
      <RowDrawer listPath={props.path} index={shown} onClose={() => setShown(null)} />
    </div>
  );
}
