import { useTranslation } from 'react-i18next';
import type { TaskView } from '@gugus/web-data-access';
import { Card } from '@gugus/web-ui';
import { CommentList } from './CommentList';
import { useTaskContextView } from './taskContextViews';

/**
 * What the process told the task about itself: its process's own facts (through the view that process
 * registered for the context's `kind`) and, for a revision, the comments to address.
 */
export function TaskContext({ view }: { view: TaskView }) {
  const { t } = useTranslation('tasks');
  const ProcessFacts = useTaskContextView(view.context.kind);
  const comments = ProcessFacts?.showsReturnedComments ? [] : view.returnedComments;
  const formShown = view.status === 'open' && view.can.act && Boolean(view.form);
  if (!ProcessFacts && !comments.length) return null;
  return (
    <Card data-testid="task-context">
      <h2 className="gu-tasks__section-title">{t('task.context.title')}</h2>
      {ProcessFacts && <ProcessFacts view={view} />}
      {comments.length > 0 && (
        <div className="gu-tasks__returned" data-testid="returned-comments">
          <h3 className="gu-tasks__subtitle">{t('task.returned.title')}</h3>
          <p className="gu-tasks__muted">{t('task.returned.intro')}</p>
          <CommentList comments={comments} schema={view.form?.schema} idPrefix={formShown ? 'root' : undefined} />
        </div>
      )}
    </Card>
  );
}
