import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { canManageOrgs, useAuth } from '@gugus/web-auth';
import { useAllAgencies, useJurisdiction, useTaskForce } from '@gugus/web-data-access';
import { Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useJurisdictionTrail } from '../shared/useJurisdictionTrail';
import { AddAgencyForm } from './AddAgencyForm';
import { AgencyList } from './AgencyList';
import '../shared/admin.css';

/** The agencies of one jurisdiction, and (for administrators) a form to add one. */
export function AgenciesPage() {
  const { code = '' } = useParams();
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const headingId = useId();
  const { me } = useAuth();
  const jurisdiction = useJurisdiction(code);
  const agencies = useAllAgencies(code);
  const taskForce = useTaskForce(code);
  const trail = useJurisdictionTrail(jurisdiction.data);
  const mayManage = me ? canManageOrgs(me.grants, code) : false;
  const name = jurisdiction.data?.name ?? code;
  return (
    <div className="gu-admin" data-testid="agencies-page">
      <PageHeader title={t('agencies.title')} intro={t('agencies.intro', { name })} breadcrumbs={trail} breadcrumbsLabel={tc('breadcrumbs')} />
      {jurisdiction.error && <ApiErrorAlert error={jurisdiction.error} />}
      <div className={mayManage ? 'gu-admin__columns' : undefined}>
        <Card aria-labelledby={headingId}>
          <h2 id={headingId} className="gu-admin__section-title">
            {t('agencies.listHeading')}
          </h2>
          {agencies.isLoading && <Loading label={tc('loading')} />}
          {agencies.error && <ApiErrorAlert error={agencies.error} />}
          {agencies.data && <AgencyList agencies={agencies.data} />}
        </Card>
        {mayManage && <AddAgencyForm jurisdictionCode={code} subTaskForces={taskForce.data?.subTaskForces} onAdded={agencies.reload} />}
      </div>
    </div>
  );
}
