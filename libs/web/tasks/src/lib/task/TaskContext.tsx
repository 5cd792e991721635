import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskView } from '@gugus/web-data-access';
import { formatDate, formatNumber, useLanguage } from '@gugus/web-i18n';
import { Card } from '@gugus/web-ui';
import { wib } from '../shared/format';
import { taskPaths } from '../shared/paths';
import { CommentList } from './CommentList';

const text = (value: unknown): string | undefined => (typeof value === 'string' && value ? value : undefined);

/** What the process told the task about itself: the meeting, the action point, comments to address. */
export function TaskContext({ view }: { view: TaskView }) {
  const { t } = useTranslation('tasks');
  const { language } = useLanguage();
  const c = view.context;
  const meetingId = text(c['meetingId']);
  const meetingTitle = text(c['meetingTitle']);
  const scheduledAt = text(c['scheduledAt']);
  const description = text(c['description']);
  const pointDue = text(c['dueDate']);
  const round = typeof c['round'] === 'number' && c['round'] > 1 && view.step.startsWith('minutes') ? c['round'] : undefined;
  const comments = view.returnedComments;
  const formShown = view.status === 'open' && view.can.act && Boolean(view.form);
  if (!meetingTitle && !description && !comments.length) return null;
  return (
    <Card data-testid="task-context">
      <h2 className="gu-tasks__section-title">{t('task.context.title')}</h2>
      <dl className="gu-tasks__facts">
        {meetingTitle && (
          <div>
            <dt>{t('task.context.meeting')}</dt>
            <dd>
              {meetingId ? (
                <Link to={taskPaths.meeting(meetingId)} data-testid="task-meeting-link">
                  {meetingTitle}
                </Link>
              ) : (
                meetingTitle
              )}
            </dd>
          </div>
        )}
        {scheduledAt && (
          <div>
            <dt>{t('task.context.scheduledAt')}</dt>
            <dd>
              <time dateTime={scheduledAt}>{wib(scheduledAt, language)}</time>
            </dd>
          </div>
        )}
        {description && (
          <div>
            <dt>{t('task.context.actionPoint')}</dt>
            <dd>{description}</dd>
          </div>
        )}
        {pointDue && (
          <div>
            <dt>{t('task.context.actionPointDue')}</dt>
            <dd>{formatDate(pointDue, language)}</dd>
          </div>
        )}
        {round && (
          <div>
            <dt>{t('task.context.round')}</dt>
            <dd>{formatNumber(round, language)}</dd>
          </div>
        )}
      </dl>
      {c['autoScheduled'] === true && <p className="gu-tasks__muted">{t('task.context.autoScheduled')}</p>}
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
