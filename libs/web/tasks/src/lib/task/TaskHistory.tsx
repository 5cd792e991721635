import { useTranslation } from 'react-i18next';
import type { TaskHistoryEntry } from '@gugus/web-data-access';
import { useLanguage } from '@gugus/web-i18n';
import { Card } from '@gugus/web-ui';
import { wib } from '../shared/format';

/** Everything that happened to the task, oldest first, times in WIB. */
export function TaskHistory({ history }: { history: readonly TaskHistoryEntry[] }) {
  const { t } = useTranslation('tasks');
  const { language } = useLanguage();
  return (
    <Card data-testid="task-history">
      <h2 className="gu-tasks__section-title">{t('task.history.title')}</h2>
      <ol className="gu-tasks__history">
        {history.map((entry, i) => {
          const note = typeof entry.detail['note'] === 'string' ? entry.detail['note'] : undefined;
          const comments = Array.isArray(entry.detail['comments']) ? entry.detail['comments'].length : 0;
          return (
            <li key={i} className="gu-tasks__history-entry" data-testid="history-entry" data-kind={entry.kind}>
              <span className="gu-tasks__history-kind">{t(`task.history.kinds.${entry.kind}`)}</span>
              <span className="gu-tasks__meta">
                {entry.actor?.name ?? t('task.history.system')} · <time dateTime={entry.at}>{wib(entry.at, language)}</time>
                {comments > 0 && ` · ${t('task.history.comments', { count: comments })}`}
              </span>
              {note && <span className="gu-tasks__history-note">{t('task.history.note', { note })}</span>}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
