import { Breadcrumb } from 'antd';
import { api } from '../api/endpoints.js';
import type { User } from '../api/review-types.js';
import type { DatasetDetail } from '../api/types.js';
import { mayEdit } from '../auth/permissions.js';
import { useUser } from '../auth/session-store.js';
import { LoadError, Loading } from '../components/states.js';
import { StateTag } from '../components/state-tag.js';
import { DatasetEditor } from '../editor/dataset-editor.js';
import { ReviewContext } from '../review/review-context.js';
import { ReviewPanel } from '../review/review-panel.js';
import { StateBanner } from '../review/state-banner.js';
import { lastExplanations } from '../review/threads.js';
import { useReviewState } from '../review/use-review-state.js';
import { WorkflowActions } from '../review/workflow-bar.js';
import { href, Link } from '../router.js';
import { useLoad } from '../use-load.js';

/** The editor with the review around it: state, the role's actions, comments beside the fields. */
function ReviewedEditor(props: { detail: DatasetDetail; user: User; tab: string | undefined; onReload: () => void }) {
  const { detail, user } = props;
  const { review, workflow, reload } = useReviewState(detail, user);
  const readOnly = !mayEdit(user, detail.departmentId, detail.state);
  const changed = () => {
    props.onReload();
    reload();
  };
  return (
    <ReviewContext.Provider value={review}>
      <DatasetEditor
        key={`${detail.id}-${detail.latestRevision.revisionNo}`}
        detail={detail}
        tab={props.tab}
        onReload={props.onReload}
        readOnly={readOnly}
        banner={<StateBanner user={user} dataset={detail} readOnly={readOnly} />}
        actions={(save) => (
          <WorkflowActions
            dataset={detail}
            user={user}
            save={save}
            previousExplanations={lastExplanations(workflow)}
            fieldComments={review.threads.length}
            onChanged={changed}
          />
        )}
        side={(open) => <ReviewPanel onOpen={open} />}
      />
    </ReviewContext.Provider>
  );
}

/** 数据集: loads the working copy and opens the editor on it, read-only where the user's role or the state says so. */
export function DatasetPage(props: { id: number; tab: string | undefined }) {
  const loaded = useLoad(() => api.dataset(props.id), `dataset-${props.id}`);
  const user = useUser();
  if (loaded.error !== undefined) return <LoadError error={loaded.error} onRetry={loaded.reload} />;
  const detail = loaded.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 8 }}
        items={[
          { title: <Link to={href.home()}>部门数据</Link> },
          ...(detail === undefined
            ? []
            : [
                { title: <Link to={href.department(detail.departmentId)}>{detail.departmentName}</Link> },
                { title: `${detail.fiscalYear} 年度` },
                { title: <StateTag state={detail.state} label={detail.stateLabel} revision={detail.stateRevision} /> },
              ]),
        ]}
      />
      {detail === undefined || user === null ? (
        <Loading rows={14} />
      ) : (
        <ReviewedEditor detail={detail} user={user} tab={props.tab} onReload={loaded.reload} />
      )}
    </>
  );
}
