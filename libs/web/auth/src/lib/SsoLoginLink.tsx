import { useTranslation } from 'react-i18next';
import { authApi, useApiQuery } from '@gugus/web-data-access';

/** "Log in with single sign-on", only when the API has an identity provider configured. */
export function SsoLoginLink() {
  const { t } = useTranslation('auth');
  const { data } = useApiQuery('sso-status', (signal) => authApi.ssoStatus(signal));
  if (!data?.enabled) return null;
  return (
    <div className="gu-login__sso">
      <p className="gu-login__or">{t('login.or')}</p>
      <a className="gu-button gu-button--secondary" href={authApi.ssoLoginUrl}>
        {t('login.sso')}
      </a>
    </div>
  );
}
