import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { canManageOrgs, useAuth } from '@gugus/web-auth';
import { useAgency, useJurisdiction, usePeople, usePosition } from '@gugus/web-data-access';
import { Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { adminPaths } from '../shared/paths';
import { useJurisdictionTrail } from '../shared/useJurisdictionTrail';
import { DelegateForm } from './DelegateForm';
import { DelegationList } from './DelegationList';
import { HolderCard } from './HolderCard';
import { HolderHistory } from './HolderHistory';
import { MoveHolderForm } from './MoveHolderForm';
import '../shared/admin.css';
import './PositionPage.css';

/** A position: its holder, the history of holders with handover notes, and its acting officials. */
export function PositionPage() {
  const { id = '' } = useParams();
  const { t: tc } = useTranslation('common');
  const { me } = useAuth();
  const position = usePosition(id);
  const agency = useAgency(position.data?.agencyId);
  const jurisdiction = useJurisdiction(agency.data?.jurisdictionCode);
  const trail = useJurisdictionTrail(jurisdiction.data);
  const mayManage = me && position.data ? canManageOrgs(me.grants, position.data.jurisdictionCode) : false;
  const people = usePeople(mayManage ? position.data?.agencyId : undefined);
  if (position.isLoading) return <Loading label={tc('loading')} />;
  if (!position.data) return position.error ? <ApiErrorAlert error={position.error} /> : null;
  const current = position.data;
  const crumbs = agency.data ? [...trail, { label: agency.data.name, to: adminPaths.agency(agency.data.id) }] : trail;
  return (
    <div className="gu-admin" data-testid="position-page">
      <PageHeader title={current.title} breadcrumbs={crumbs} breadcrumbsLabel={tc('breadcrumbs')} intro={agency.data?.name} />
      {position.error && <ApiErrorAlert error={position.error} />}
      <div className={mayManage ? 'gu-admin__columns' : undefined}>
        <div className="gu-admin__stack">
          <HolderCard position={current} />
          <HolderHistory history={current.history} />
          <DelegationList delegations={current.delegations} />
        </div>
        {mayManage && (
          <div className="gu-admin__stack">
            {people.error && <ApiErrorAlert error={people.error} />}
            <MoveHolderForm position={current} people={people.data ?? []} onMoved={position.reload} />
            <DelegateForm position={current} people={people.data ?? []} onDelegated={position.reload} />
          </div>
        )}
      </div>
    </div>
  );
}
