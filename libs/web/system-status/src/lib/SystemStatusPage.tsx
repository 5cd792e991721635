import { useTranslation } from 'react-i18next';
import { HealthOverview } from './HealthOverview';
import { SystemCheckPanel } from './SystemCheckPanel';
import './SystemStatusPage.css';

/** Health of PostgreSQL and Temporal, and an on-demand end-to-end system check. */
export function SystemStatusPage() {
  const { t } = useTranslation('systemStatus');
  return (
    <div className="gu-status-page">
      <header className="gu-page-header">
        <h1 className="gu-page-title">{t('title')}</h1>
        <p className="gu-muted">{t('intro')}</p>
      </header>
      <HealthOverview />
      <SystemCheckPanel />
    </div>
  );
}
