import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { NATIONAL_CODE } from '@gugus/contracts';
import { useJurisdictions } from '@gugus/web-data-access';
import { Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { adminPaths } from '../shared/paths';
import { JurisdictionList } from './JurisdictionList';
import '../shared/admin.css';

const PROVINCES = { level: 'province' } as const;

/** The 38 provinces (and the national level); choosing one opens its task force and regencies. */
export function JurisdictionsPage() {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const provinces = useJurisdictions(PROVINCES);
  return (
    <div className="gu-admin">
      <PageHeader title={t('jurisdictions.title')} intro={t('jurisdictions.intro')} />
      <p>
        <Link to={adminPaths.jurisdiction(NATIONAL_CODE)}>{t('jurisdictions.nationalLink')}</Link>
      </p>
      {provinces.error && <ApiErrorAlert error={provinces.error} />}
      {provinces.isLoading && <Loading label={tc('loading')} />}
      {provinces.data && (
        <JurisdictionList title={t('jurisdictions.provinces')} filterLabel={t('jurisdictions.filterProvinces')} items={provinces.data} data-testid="province-list" />
      )}
    </div>
  );
}
