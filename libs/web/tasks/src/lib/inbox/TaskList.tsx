import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { TaskSummary } from '@gugus/web-data-access';
import { useLanguage } from '@gugus/web-i18n';
import { wib } from '../shared/format';
import { isKnownStep, processName } from '../shared/labels';
import { taskPaths } from '../shared/paths';
import { DueBadges, TaskStatusTag } from '../shared/TaskBadges';

export interface TaskListProps {
  tasks: readonly TaskSummary[];
  /** Show whom each task is for (the agency and jurisdiction scopes mix assignees). */
  showAssignee: boolean;
}

/**
 * The inbox rows: a table on wide screens; below 48rem each row stacks into a card with its own labels
 * (Tasks.css), so phones get cards from the same markup.
 */
export function TaskList({ tasks, showAssignee }: TaskListProps) {
  const { t } = useTranslation('tasks');
  const { t: to } = useTranslation('orgs');
  const { language } = useLanguage();
  return (
    <table className="gu-tasks__table" data-testid="task-list">
      <thead>
        <tr>
          <th scope="col">{t('inbox.columns.task')}</th>
          {showAssignee && <th scope="col">{t('inbox.columns.assignee')}</th>}
          <th scope="col">{t('inbox.columns.due')}</th>
          <th scope="col">{t('inbox.columns.status')}</th>
        </tr>
      </thead>
      <tbody>
        {tasks.map((task) => (
          <tr key={task.id} className={task.overdue ? 'gu-tasks__row gu-tasks__row--overdue' : 'gu-tasks__row'} data-testid="task-row" data-step={task.step} data-task-id={task.id}>
            <td className="gu-tasks__cell-task">
              <Link to={taskPaths.task(task.id)} className="gu-tasks__title">
                {task.title[language]}
              </Link>
              <span className="gu-tasks__meta">
                {isKnownStep(task.step) ? t(`steps.${task.step}`) : task.step} · {processName(task.processKey, language)}
              </span>
              {task.claimedBy && <span className="gu-tasks__meta">{t('inbox.claimedBy', { name: task.claimedBy.name ?? t('task.someone') })}</span>}
            </td>
            {showAssignee && (
              <td data-label={t('inbox.columns.assignee')}>
                <span>{task.assignee.agencyName ?? t('inbox.unknownAgency')}</span>
                <span className="gu-tasks__meta">
                  {to(`roles.${task.assignee.role}`)}
                  {task.assignee.positionTitle ? ` · ${task.assignee.positionTitle}` : ''}
                </span>
              </td>
            )}
            <td data-label={t('inbox.columns.due')}>
              <time dateTime={task.dueAt}>{wib(task.dueAt, language)}</time>
              <DueBadges overdue={task.overdue} dueSoon={task.dueSoon} escalated={task.escalated} />
              {task.completedAt && <span className="gu-tasks__meta">{t('inbox.completedAt', { date: wib(task.completedAt, language) })}</span>}
            </td>
            <td data-label={t('inbox.columns.status')}>
              <TaskStatusTag status={task.status} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
