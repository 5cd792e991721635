import { useTranslation } from 'react-i18next';
import type { SystemCheckStatus, SystemCheckView } from '@gugus/contracts';
import { formatDateTime, formatNumber, useLanguage } from '@gugus/web-i18n';
import { StatusBadge, type BadgeStatus } from '@gugus/web-ui';

const BADGE: Record<SystemCheckStatus, BadgeStatus> = {
  requested: 'pending',
  running: 'pending',
  completed: 'up',
  failed: 'down',
};

/** Progress and outcome of one system check run. */
export function SystemCheckResult({ check }: { check: SystemCheckView }) {
  const { t } = useTranslation('systemStatus');
  const { language } = useLanguage();
  const time = (iso: string | null) => (iso ? t('systemCheck.time', { time: formatDateTime(iso, language) }) : t('systemCheck.none'));
  const rows: [string, string][] = [
    [t('systemCheck.fields.stage'), check.stage ? t(`systemCheck.stage.${check.stage}`) : t('systemCheck.none')],
    [t('systemCheck.fields.attempts'), formatNumber(check.attempts, language)],
    [t('systemCheck.fields.databaseVersion'), check.databaseVersion ?? t('systemCheck.none')],
    [t('systemCheck.fields.requestedAt'), time(check.requestedAt)],
    [t('systemCheck.fields.completedAt'), time(check.completedAt)],
    [t('systemCheck.fields.id'), check.id],
  ];
  return (
    <div className="gu-check" data-status={check.status}>
      <p className="gu-check__summary">{t(`systemCheck.summary.${check.status}`)}</p>
      <dl className="gu-check__fields">
        <div className="gu-check__row">
          <dt>{t('systemCheck.fields.status')}</dt>
          <dd>
            <StatusBadge status={BADGE[check.status]} label={t(`systemCheck.status.${check.status}`)} />
          </dd>
        </div>
        {rows.map(([label, value]) => (
          <div className="gu-check__row" key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
