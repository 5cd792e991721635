import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router-dom';
import { Alert, Card } from '@gugus/web-ui';
import { useAuth } from './AuthContext';
import { LoginForm } from './LoginForm';
import { returnPath } from './paths';
import { SsoLoginLink } from './SsoLoginLink';
import './LoginPage.css';

/** The login page; afterwards the browser goes where it was going (or to the home page). */
export function LoginPage() {
  const { t } = useTranslation('auth');
  const { status, signOutReason } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const target = returnPath(location.state);
  if (status === 'signedIn') return <Navigate to={target} replace />;
  return (
    <div className="gu-login">
      <Card className="gu-login__card" aria-labelledby="login-title">
        <h1 id="login-title" className="gu-login__title">
          {t('login.title')}
        </h1>
        <p className="gu-login__intro">{t('login.intro')}</p>
        {signOutReason === 'expired' && <Alert tone="info">{t('login.sessionEnded')}</Alert>}
        {signOutReason === 'logout' && (
          <Alert tone="info" data-testid="logged-out">
            {t('login.loggedOut')}
          </Alert>
        )}
        <LoginForm onLoggedIn={() => void navigate(target, { replace: true })} />
        <SsoLoginLink />
      </Card>
    </div>
  );
}
