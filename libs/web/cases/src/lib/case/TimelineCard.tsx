import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CaseReadPurpose, CaseView } from '@gugus/contracts';
import { useCaseTimeline } from '@gugus/web-data-access';
import { formatShortDateTime, useLanguage } from '@gugus/web-i18n';
import { Card, Loading, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';

/**
 * The steps of the case's processes (issue 11, "a timeline of steps"): each task with its agency, when it
 * opened, when it is due and when it was done — titles carry the coded id only, and no answer is shown
 * here (each step's form opens on its task page for whoever may read it).
 */
export function TimelineCard({ view, purpose }: { view: CaseView; purpose: CaseReadPurpose }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { t: tt } = useTranslation('tasks');
  const { language } = useLanguage();
  const timeline = useCaseTimeline(view.code, purpose);
  const items = timeline.data?.items ?? [];
  return (
    <Card data-testid="case-timeline">
      <h2 className="gu-cases__section-title">{t('page.timeline')}</h2>
      {timeline.error && <ApiErrorAlert error={timeline.error} />}
      {timeline.isLoading && !timeline.data && <Loading label={tc('loading')} />}
      {timeline.data && !items.length && <p className="gu-cases__muted">{t('timeline.none')}</p>}
      {items.length > 0 && (
        <ol className="gu-cases__consent-list" data-testid="timeline-list">
          {items.map((item) => (
            <li key={item.taskId} className="gu-cases__consent-item" data-testid="timeline-item" data-step={item.step} data-status={item.status}>
              <div className="gu-cases__consent-line">
                {item.agency.id ? <Link to={`/tugas/${item.taskId}`}>{item.title[language]}</Link> : <span>{item.title[language]}</span>} <Tag tone={item.status === 'open' ? 'accent' : 'primary'}>{tt(`status.${item.status}`, { defaultValue: item.status })}</Tag>
              </div>
              <p className="gu-cases__muted">
                {tt(`steps.${item.step}`, { defaultValue: item.step })} · {item.agency.id ? (item.agency.name ?? item.agency.id) : t('timeline.ownerAgency')} · {t('timeline.opened', { at: formatShortDateTime(item.createdAt, language) })}
                {item.completedAt ? ` · ${t('timeline.done', { at: formatShortDateTime(item.completedAt, language) })}` : ` · ${t('timeline.due', { at: formatShortDateTime(item.dueAt, language) })}`}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
