import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useAuth } from './AuthContext';
import { primaryRole } from './grants';
import { LOGIN_PATH } from './paths';
import './AccountMenu.css';

/** Header area: the person's name and most senior role with a logout button, or a login link. */
export function AccountMenu() {
  const { t } = useTranslation('auth');
  const { t: tOrgs } = useTranslation('orgs');
  const { status, me, logout } = useAuth();
  const navigate = useNavigate();
  const [leaving, setLeaving] = useState(false);
  if (status === 'restoring') return null;
  if (!me) {
    return (
      <Link className="gu-account__login" to={LOGIN_PATH}>
        {t('account.login')}
      </Link>
    );
  }
  const role = primaryRole(me.grants);
  const onLogout = async () => {
    setLeaving(true);
    await logout();
    setLeaving(false);
    void navigate(LOGIN_PATH, { replace: true });
  };
  return (
    <div className="gu-account" role="group" aria-label={t('account.label')} data-testid="account">
      <div className="gu-account__who">
        <span className="gu-account__name" data-testid="account-name">
          {me.name}
        </span>
        <span className="gu-account__role" data-testid="account-role">
          {role ? tOrgs(`roles.${role}`) : t('account.noRole')}
        </span>
      </div>
      <button type="button" className="gu-account__logout" onClick={() => void onLogout()} disabled={leaving} data-testid="logout">
        {leaving ? t('account.loggingOut') : t('account.logout')}
      </button>
    </div>
  );
}
