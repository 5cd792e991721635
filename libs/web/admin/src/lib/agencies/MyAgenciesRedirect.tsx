import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router-dom';
import { homeJurisdiction, useAuth } from '@gugus/web-auth';
import { EmptyState } from '@gugus/web-ui';
import { adminPaths } from '../shared/paths';

/** "Agencies" in the navigation: the agencies of the jurisdiction of the reader's own position. */
export function MyAgenciesRedirect() {
  const { t } = useTranslation('admin');
  const { me } = useAuth();
  const code = me && homeJurisdiction(me.grants);
  if (!code) return <EmptyState title={t('agencies.title')} message={t('agencies.noGrant')} />;
  return <Navigate to={adminPaths.agencies(code)} replace />;
}
