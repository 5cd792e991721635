import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router-dom';
import { SUPPORTED_LANGUAGES, useLanguage } from '@gugus/web-i18n';
import { AppLayout, LanguageSwitch } from '@gugus/web-ui';

export function AppShell() {
  const { t } = useTranslation('common');
  const { language, setLanguage } = useLanguage();
  const languageOptions = SUPPORTED_LANGUAGES.map((code) => ({
    value: code,
    label: code.toUpperCase(),
    name: t(`languageSwitch.names.${code}`),
  }));
  return (
    <AppLayout
      productName={t('app.name')}
      subtitle={t('app.subtitle')}
      skipLinkLabel={t('skipLink')}
      navLabel={t('nav.label')}
      navItems={[{ to: '/status', label: t('nav.status') }]}
      languageSwitch={<LanguageSwitch label={t('languageSwitch.label')} value={language} options={languageOptions} onChange={setLanguage} />}
      footer={t('footer')}
    >
      <Outlet />
    </AppLayout>
  );
}
