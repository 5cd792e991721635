import { useTranslation } from 'react-i18next';
import type { ComponentHealth } from '@gugus/contracts';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { StatusBadge, type BadgeStatus } from '@gugus/web-ui';
import type { ComponentName } from './healthView';

export interface ComponentCardProps {
  name: ComponentName;
  badge: BadgeStatus;
  /** Only shown when the badge comes from it (not while loading or unreachable). */
  health: ComponentHealth | undefined;
}

const KNOWN_REASONS = ['timeout', 'unreachable'] as const;
type KnownReason = (typeof KNOWN_REASONS)[number];
const isKnownReason = (reason: string): reason is KnownReason => (KNOWN_REASONS as readonly string[]).includes(reason);

export function ComponentCard({ name, badge, health }: ComponentCardProps) {
  const { t } = useTranslation('systemStatus');
  const { language } = useLanguage();
  const showDetails = badge === 'up' || badge === 'down';
  const reason = health?.reason;
  return (
    <li className="gu-component" data-testid={`component-${name}`} data-status={badge}>
      <div className="gu-component__head">
        <h3 className="gu-component__name">{t(`components.${name}`)}</h3>
        <StatusBadge status={badge} label={t(`componentStatus.${badge}`)} />
      </div>
      {showDetails && health?.latencyMs !== undefined && (
        <p className="gu-component__detail">{t('latency', { latency: formatNumber(health.latencyMs, language) })}</p>
      )}
      {showDetails && reason && (
        <p className="gu-component__detail">{t('reason', { reason: isKnownReason(reason) ? t(`reasons.${reason}`) : reason })}</p>
      )}
      {!showDetails && badge === 'unknown' && <p className="gu-component__detail">{t('unknownDetail')}</p>}
    </li>
  );
}
