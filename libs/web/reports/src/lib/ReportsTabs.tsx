import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router-dom';
import { reportPaths } from './paths';

/** The report screens, one click apart (the app's nav has a single "Laporan" entry, to stay on one line). */
export function ReportsTabs() {
  const { t } = useTranslation('reports');
  const tabs = [
    { to: reportPaths.periodic, label: t('tabs.periodic') },
    { to: reportPaths.dashboard, label: t('tabs.dashboard') },
    { to: reportPaths.caseFigures, label: t('tabs.caseFigures') },
  ];
  return (
    <nav className="gu-reports__tabs" aria-label={t('tabs.label')}>
      {tabs.map((tab) => (
        <NavLink key={tab.to} to={tab.to} className={({ isActive }) => `gu-reports__tab${isActive ? ' gu-reports__tab--active' : ''}`}>
          {tab.label}
        </NavLink>
      ))}
    </nav>
  );
}
