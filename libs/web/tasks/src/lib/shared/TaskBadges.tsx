import { useTranslation } from 'react-i18next';
import type { TaskStatus } from '@gugus/web-data-access';

export interface DueBadgesProps {
  overdue?: boolean;
  dueSoon?: boolean;
  escalated?: boolean;
}

/** Overdue / due soon / escalated, in words (colour only repeats them). */
export function DueBadges({ overdue, dueSoon, escalated }: DueBadgesProps) {
  const { t } = useTranslation('tasks');
  if (!overdue && !dueSoon && !escalated) return null;
  return (
    <span className="gu-tasks__badges">
      {overdue && (
        <span className="gu-tasks__badge gu-tasks__badge--overdue" data-testid="badge-overdue">
          {t('badge.overdue')}
        </span>
      )}
      {!overdue && dueSoon && (
        <span className="gu-tasks__badge gu-tasks__badge--soon" data-testid="badge-due-soon">
          {t('badge.dueSoon')}
        </span>
      )}
      {escalated && (
        <span className="gu-tasks__badge gu-tasks__badge--escalated" data-testid="badge-escalated">
          {t('badge.escalated')}
        </span>
      )}
    </span>
  );
}

/** A task's status as a small label. */
export function TaskStatusTag({ status }: { status: TaskStatus }) {
  const { t } = useTranslation('tasks');
  return (
    <span className={`gu-tasks__status gu-tasks__status--${status}`} data-testid="task-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}
