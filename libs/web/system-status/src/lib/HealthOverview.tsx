import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useHealth } from '@gugus/web-data-access';
import { formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Button, Card } from '@gugus/web-ui';
import { ComponentCard } from './ComponentCard';
import { COMPONENT_NAMES, componentBadge, overallState } from './healthView';
import { OverallStatus } from './OverallStatus';

/** Overall status and one card per component, kept fresh by polling /health. */
export function HealthOverview() {
  const { t } = useTranslation('systemStatus');
  const headingId = useId();
  const { language } = useLanguage();
  const { report, error, isLoading, refresh } = useHealth();
  const state = overallState(report, error !== undefined);
  return (
    <div className="gu-health">
      {/* The check time sits outside the live region: it changes on every poll and would be announced each time. */}
      <div className="gu-health__live" aria-live="polite" aria-busy={isLoading}>
        <OverallStatus state={state} error={error} />
        <Card aria-labelledby={headingId}>
          <h2 id={headingId} className="gu-section-title">
            {t('components.heading')}
          </h2>
          <ul className="gu-components">
            {COMPONENT_NAMES.map((name) => (
              <ComponentCard key={name} name={name} badge={componentBadge(report?.components[name], state)} health={report?.components[name]} />
            ))}
          </ul>
        </Card>
      </div>
      <div className="gu-health__meta">
        {report && (
          <p className="gu-health__checked">
            {t('checkedAt', { time: formatDateTime(report.checkedAt, language) })}
            <span className="gu-health__version">{t('version', { version: report.version })}</span>
          </p>
        )}
        <Button variant="secondary" onClick={refresh}>
          {t('refresh')}
        </Button>
      </div>
    </div>
  );
}
