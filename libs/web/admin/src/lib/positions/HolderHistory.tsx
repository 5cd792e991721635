import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '@gugus/contracts';
import { formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Card, Tag } from '@gugus/web-ui';

/** Every holder of the position, newest first, with the handover note each left behind. */
export function HolderHistory({ history }: { history: readonly AssignmentView[] }) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const headingId = useId();
  // Handovers can happen twice in a day, so the time matters here.
  const when = (iso: string) => t('position.history.time', { time: formatDateTime(iso, language, { seconds: false }) });
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId} className="gu-admin__section-title">
        {t('position.history.heading')}
      </h2>
      {history.length === 0 ? (
        <p className="gu-muted">{t('position.history.empty')}</p>
      ) : (
        <ol className="gu-rows gu-history" data-testid="holder-history">
          {history.map((entry) => (
            <li key={`${entry.personId}-${entry.startedAt}`} className="gu-rows__item" data-testid="history-entry" data-current={entry.endedAt === null}>
              <span className="gu-rows__title">
                {entry.personName} {entry.endedAt === null && <Tag tone="primary">{t('position.history.currentHolder')}</Tag>}
              </span>
              <span className="gu-rows__meta">
                {t('position.history.period', {
                  from: when(entry.startedAt),
                  to: entry.endedAt ? when(entry.endedAt) : t('position.history.current'),
                })}
              </span>
              {entry.endedAt !== null &&
                (entry.handoverNote ? (
                  <figure className="gu-history__note">
                    <figcaption>{t('position.history.note')}</figcaption>
                    <blockquote data-testid="handover-note">{entry.handoverNote}</blockquote>
                  </figure>
                ) : (
                  <span className="gu-rows__meta">{t('position.history.noNote')}</span>
                ))}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
