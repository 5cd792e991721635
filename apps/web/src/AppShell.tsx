import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { AccountMenu, canReadAudit, useAuth } from '@gugus/web-auth';
import { canReadCases, casePaths } from '@gugus/web-cases/nav';
import { SUPPORTED_LANGUAGES, useLanguage } from '@gugus/web-i18n';
import { canReadMeetings, meetingPaths } from '@gugus/web-meetings/nav';
import { canReadSettings, processSettingsPaths } from '@gugus/web-process-settings/nav';
import { NotificationBell } from '@gugus/web-notifications';
import { canReadPlans, planPaths } from '@gugus/web-plans/nav';
import { canReadReports, reportPaths } from '@gugus/web-reports/nav';
import { AppLayout, LanguageSwitch, type NavItem } from '@gugus/web-ui';

export function AppShell() {
  const { t } = useTranslation('common');
  const { t: tf } = useTranslation('forms');
  const { t: tp } = useTranslation('processSettings');
  const { t: tt } = useTranslation('tasks');
  const { t: tm } = useTranslation('meetings');
  const { t: tpl } = useTranslation('plans');
  const { t: tk } = useTranslation('cases');
  const { t: tr } = useTranslation('reports');
  const { language, setLanguage } = useLanguage();
  const { me } = useAuth();
  const languageOptions = SUPPORTED_LANGUAGES.map((code) => ({
    value: code,
    label: code.toUpperCase(),
    name: t(`languageSwitch.names.${code}`),
  }));
  // Sections appear once someone is logged in; the audit trail only for roles that may read it. A person's
  // daily work stays in the bar; the registers, forms, settings, calendar, audit and status sit under "More",
  // so the bar is one line at 1280 px for every role.
  const navItems: NavItem[] = me
    ? [
        { to: '/tugas', label: tt('nav') },
        ...(canReadCases(me.grants) ? [{ to: casePaths.list, label: tk('nav') }] : []),
        ...(canReadPlans(me.grants) ? [{ to: planPaths.list, label: tpl('nav') }] : []),
        ...(canReadMeetings(me.grants) ? [{ to: meetingPaths.list, label: tm('nav') }] : []),
        ...(canReadReports(me.grants) ? [{ to: reportPaths.periodic, label: tr('nav') }] : []),
      ]
    : [
        { to: reportPaths.publicFigures, label: t('nav.publicFigures') },
        { to: '/status', label: t('nav.status') },
      ];
  const moreItems: NavItem[] = me
    ? [
        { to: '/wilayah', label: t('nav.jurisdictions') },
        { to: '/instansi', label: t('nav.agencies') },
        { to: '/formulir', label: tf('nav') },
        ...(canReadSettings(me.grants) ? [{ to: processSettingsPaths.settings, label: tp('nav.settings') }] : []),
        { to: processSettingsPaths.calendar, label: tp('nav.calendar') },
        ...(canReadAudit(me.grants) ? [{ to: '/audit', label: t('nav.audit') }] : []),
        { to: '/status', label: t('nav.status') },
      ]
    : [];
  return (
    <AppLayout
      productName={t('app.name')}
      subtitle={t('app.subtitle')}
      skipLinkLabel={t('skipLink')}
      navLabel={t('nav.label')}
      navItems={navItems}
      moreItems={moreItems}
      moreLabel={t('nav.more')}
      languageSwitch={<LanguageSwitch label={t('languageSwitch.label')} value={language} options={languageOptions} onChange={setLanguage} />}
      account={
        <>
          {me && <NotificationBell personId={me.personId} />}
          <AccountMenu />
        </>
      }
      footer={t('footer')}
    >
      <Outlet />
    </AppLayout>
  );
}
