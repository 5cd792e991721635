import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { canManageOrgs, useAuth } from '@gugus/web-auth';
import { useAgency, useJurisdiction, usePeople, usePositions, useTaskForce } from '@gugus/web-data-access';
import { Card, Loading, PageHeader, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { ActiveCard } from '../shared/ActiveCard';
import { ChangeHistory } from '../shared/ChangeHistory';
import { grantableRolesIn } from '../shared/grantable';
import { adminPaths } from '../shared/paths';
import { useJurisdictionTrail } from '../shared/useJurisdictionTrail';
import { useOrgLabels } from '../shared/useOrgLabels';
import { AddPersonForm } from './AddPersonForm';
import { AddPositionForm } from './AddPositionForm';
import { EditAgencyForm } from './EditAgencyForm';
import { PeopleList } from './PeopleList';
import { PositionList } from './PositionList';
import '../shared/admin.css';

/** One agency: its positions (with holders) and people; administrators add positions and people, edit or deactivate the agency here. */
export function AgencyPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const labels = useOrgLabels();
  const positionsId = useId();
  const peopleId = useId();
  const { me } = useAuth();
  const agency = useAgency(id);
  const positions = usePositions(agency.data?.id);
  const people = usePeople(agency.data?.id);
  const jurisdiction = useJurisdiction(agency.data?.jurisdictionCode);
  const trail = useJurisdictionTrail(jurisdiction.data);
  const taskForce = useTaskForce(agency.data?.jurisdictionCode);
  const [changes, setChanges] = useState(0);
  if (agency.isLoading && !agency.data) return <Loading label={tc('loading')} />;
  if (!agency.data) return agency.error ? <ApiErrorAlert error={agency.error} /> : null;
  const { jurisdictionCode, name, kind, active } = agency.data;
  const saved = () => {
    agency.reload();
    setChanges((n) => n + 1);
  };
  const mayManage = me ? canManageOrgs(me.grants, jurisdictionCode) : false;
  const grantable = grantableRolesIn(me, jurisdictionCode);
  return (
    <div className="gu-admin" data-testid="agency-page">
      <PageHeader
        title={name}
        breadcrumbs={[...trail, { label: t('agencies.title'), to: adminPaths.agencies(jurisdictionCode) }]}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={
          <>
            <Tag>{labels.agencyKind(kind)}</Tag> {!active && <Tag tone="accent">{t('agency.inactive')}</Tag>}
          </>
        }
      />
      <p>
        {/* What the agency offers to case plans lives in the province's directory of service providers. */}
        <Link to={`/direktori-layanan?provinsi=${jurisdictionCode.slice(0, 2)}`} data-testid="agency-directory-link">
          {t('agency.directory')}
        </Link>
      </p>
      <div className={mayManage ? 'gu-admin__columns' : undefined}>
        <div className="gu-admin__stack">
          <Card aria-labelledby={positionsId}>
            <h2 id={positionsId} className="gu-admin__section-title">
              {t('agency.positions')}
            </h2>
            {positions.isLoading && <Loading label={tc('loading')} />}
            {positions.error && <ApiErrorAlert error={positions.error} />}
            {positions.data && <PositionList positions={positions.data} />}
          </Card>
          <Card aria-labelledby={peopleId}>
            <h2 id={peopleId} className="gu-admin__section-title">
              {t('agency.people')}
            </h2>
            {people.isLoading && <Loading label={tc('loading')} />}
            {people.error && <ApiErrorAlert error={people.error} />}
            {people.data && <PeopleList people={people.data} />}
          </Card>
          <ChangeHistory subject="agency" id={id} reloadKey={changes} />
        </div>
        {mayManage && (
          <div className="gu-admin__stack">
            {grantable.length > 0 && <AddPositionForm agencyId={id} grantableRoles={grantable} onAdded={positions.reload} />}
            <AddPersonForm agencyId={id} onAdded={people.reload} />
            <EditAgencyForm key={agency.data.version} agency={agency.data} subTaskForces={taskForce.data?.subTaskForces} onSaved={saved} />
            <ActiveCard key={`active-${agency.data.version}`} subject="agency" id={id} version={agency.data.version} active={active} onChanged={saved} />
          </div>
        )}
      </div>
    </div>
  );
}
