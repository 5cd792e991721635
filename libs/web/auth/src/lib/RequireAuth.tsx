import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { Loading } from '@gugus/web-ui';
import { useAuth } from './AuthContext';
import { LOGIN_PATH, type FromState } from './paths';

/** Route wrapper: its child routes need a session; without one the login page opens, then comes back. */
export function RequireAuth() {
  const { t } = useTranslation('auth');
  const { status } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Loading label={t('restoring')} />;
  if (status === 'signedOut') {
    const state: FromState = { from: { pathname: location.pathname, search: location.search } };
    return <Navigate to={LOGIN_PATH} replace state={state} />;
  }
  return <Outlet />;
}
