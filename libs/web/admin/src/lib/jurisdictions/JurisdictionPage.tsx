import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useJurisdiction } from '@gugus/web-data-access';
import { Loading, PageHeader, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { adminPaths } from '../shared/paths';
import { useJurisdictionTrail } from '../shared/useJurisdictionTrail';
import { useOrgLabels } from '../shared/useOrgLabels';
import { RegencyList } from './RegencyList';
import { TaskForcePanel } from './TaskForcePanel';
import '../shared/admin.css';

/** One jurisdiction: its task force, and for a province the regencies and cities in it. */
export function JurisdictionPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const labels = useOrgLabels();
  const { data: jurisdiction, error, isLoading } = useJurisdiction(code);
  const trail = useJurisdictionTrail(jurisdiction);
  if (isLoading) return <Loading label={tc('loading')} />;
  if (!jurisdiction) return error ? <ApiErrorAlert error={error} /> : null;
  return (
    <div className="gu-admin" data-testid="jurisdiction-page" data-code={jurisdiction.code}>
      <PageHeader
        title={jurisdiction.name}
        breadcrumbs={trail.slice(0, -1)}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={
          <>
            <Tag tone="primary">{labels.level(jurisdiction.level)}</Tag>
            <Tag>{t('jurisdictions.code', { code: jurisdiction.code })}</Tag>
          </>
        }
      />
      <p className="gu-admin__links">
        <Link to={adminPaths.agencies(jurisdiction.code)} data-testid="agencies-link">
          {t('jurisdictions.agenciesLink')}
        </Link>
      </p>
      <div className={jurisdiction.level === 'province' ? 'gu-admin__columns' : undefined}>
        <TaskForcePanel key={jurisdiction.code} jurisdiction={jurisdiction} />
        {jurisdiction.level === 'province' && <RegencyList provinceCode={jurisdiction.code} />}
      </div>
    </div>
  );
}
