import { Breadcrumb } from 'antd';
import { api } from '../api/endpoints.js';
import { LoadError, Loading } from '../components/states.js';
import { DatasetEditor } from '../editor/dataset-editor.js';
import { href, Link } from '../router.js';
import { useLoad } from '../use-load.js';

/** 数据集: loads the working copy and opens the editor on it. */
export function DatasetPage(props: { id: number; tab: string | undefined }) {
  const loaded = useLoad(() => api.dataset(props.id), `dataset-${props.id}`);
  if (loaded.error !== undefined) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const detail = loaded.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={href.home()}>部门填报</Link> },
          ...(detail === undefined
            ? []
            : [
                { title: <Link to={href.department(detail.departmentId)}>{detail.departmentName}</Link> },
                { title: `${detail.fiscalYear} 年度` },
              ]),
        ]}
      />
      {detail === undefined ? (
        <Loading rows={14} />
      ) : (
        <DatasetEditor
          key={`${detail.id}-${detail.latestRevision.revisionNo}`}
          detail={detail}
          tab={props.tab}
          onReload={loaded.reload}
        />
      )}
    </>
  );
}
