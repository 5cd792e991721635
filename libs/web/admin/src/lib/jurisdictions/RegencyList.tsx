import { useTranslation } from 'react-i18next';
import { useJurisdictions } from '@gugus/web-data-access';
import { Loading } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { JurisdictionList } from './JurisdictionList';

/** The regencies and cities of a province, filterable by name (some provinces have 27 or more). */
export function RegencyList({ provinceCode }: { provinceCode: string }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const { data, error, isLoading } = useJurisdictions({ level: 'regency', parentCode: provinceCode });
  if (isLoading) return <Loading label={tc('loading')} />;
  if (error) return <ApiErrorAlert error={error} />;
  return <JurisdictionList key={provinceCode} title={t('jurisdictions.regencies')} filterLabel={t('jurisdictions.filterRegencies')} items={data ?? []} data-testid="regency-list" />;
}
