import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskView } from '@gugus/web-data-access';
import { formatDate, formatDateTime, formatNumber, useLanguage } from '@gugus/web-i18n';
import { meetingPaths } from './paths';

/**
 * What a coordination-meeting task says about its meeting on the task page (registered for context kind
 * `meeting` where the app builds the task page): the meeting with a link, its time, the action point and
 * its due date, the minutes round, and (a plenary overdue) by when one was due.
 */
export function MeetingTaskFacts({ view }: { view: TaskView }) {
  const { t } = useTranslation('tasks');
  const { t: tm } = useTranslation('meetings');
  const { language } = useLanguage();
  const c = view.context;
  if (c.kind !== 'meeting') return null;
  const round = c.round && c.round > 1 && view.step.startsWith('minutes') ? c.round : undefined;
  return (
    <>
      <dl className="gu-tasks__facts">
        <div>
          <dt>{t('task.context.meeting')}</dt>
          <dd>
            <Link to={meetingPaths.meeting(c.meetingId)} data-testid="task-meeting-link">
              {c.meetingTitle}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('task.context.scheduledAt')}</dt>
          <dd>
            <time dateTime={c.scheduledAt}>{`${formatDateTime(c.scheduledAt, language, { seconds: false })} WIB`}</time>
          </dd>
        </div>
        {c.description && (
          <div>
            <dt>{t('task.context.actionPoint')}</dt>
            <dd>{c.description}</dd>
          </div>
        )}
        {c.dueDate && (
          <div>
            <dt>{t('task.context.actionPointDue')}</dt>
            <dd>{formatDate(c.dueDate, language)}</dd>
          </div>
        )}
        {c.plenaryDueBy && (
          <div>
            <dt>{tm('taskFacts.plenaryDueBy')}</dt>
            <dd>
              <time dateTime={c.plenaryDueBy}>{`${formatDateTime(c.plenaryDueBy, language, { seconds: false })} WIB`}</time>
            </dd>
          </div>
        )}
        {round && (
          <div>
            <dt>{t('task.context.round')}</dt>
            <dd>{formatNumber(round, language)}</dd>
          </div>
        )}
      </dl>
      {c.autoScheduled === true && <p className="gu-tasks__muted">{t('task.context.autoScheduled')}</p>}
    </>
  );
}
