import { useTranslation } from 'react-i18next';
import type { ActionPointStatus, MeetingStatus } from '@gugus/web-data-access';
import { formatNumber, useLanguage } from '@gugus/web-i18n';

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('meetings');
  return (
    <span className={`gu-meetings__status gu-meetings__status--${status}`} data-testid="meeting-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function PointStatusTag({ status }: { status: ActionPointStatus }) {
  const { t } = useTranslation('meetings');
  return (
    <span className={`gu-meetings__status gu-meetings__point--${status}`} data-testid="point-status" data-status={status}>
      {t(`meeting.pointStatus.${status}`)}
    </span>
  );
}

/** "Action points: 1 of 3 done" with a bar; the words carry it, the bar repeats it. */
export function PointProgress({ open, done }: { open: number; done: number }) {
  const { t } = useTranslation('meetings');
  const { language } = useLanguage();
  const total = open + done;
  if (!total) return <span className="gu-meetings__muted">{t('list.noActionPoints')}</span>;
  return (
    <span className="gu-meetings__progress" data-testid="point-progress" data-open={open} data-done={done}>
      <span>{t('list.actionPoints', { done: formatNumber(done, language), total: formatNumber(total, language) })}</span>
      <span className="gu-meetings__bar-track" aria-hidden="true">
        <span className="gu-meetings__bar-fill" style={{ width: `${Math.round((done / total) * 100)}%` }} />
      </span>
    </span>
  );
}
