import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { canManageOrgs, useAuth } from '@gugus/web-auth';
import { useAgency, useJurisdiction, usePeople, usePosition } from '@gugus/web-data-access';
import { Card, Loading, PageHeader, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { ActiveCard } from '../shared/ActiveCard';
import { ChangeHistory } from '../shared/ChangeHistory';
import { grantableRolesIn } from '../shared/grantable';
import { adminPaths } from '../shared/paths';
import { useOrgLabels } from '../shared/useOrgLabels';
import { useJurisdictionTrail } from '../shared/useJurisdictionTrail';
import { DelegateForm } from './DelegateForm';
import { DelegationList } from './DelegationList';
import { EditPositionForm } from './EditPositionForm';
import { HolderCard } from './HolderCard';
import { HolderHistory } from './HolderHistory';
import { MoveHolderForm } from './MoveHolderForm';
import '../shared/admin.css';
import './PositionPage.css';

/** A position: its holder, the history of holders with handover notes, its acting officials, and its change history; administrators edit or deactivate it. */
export function PositionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const labels = useOrgLabels();
  const { me } = useAuth();
  const position = usePosition(id);
  const agency = useAgency(position.data?.agencyId);
  const jurisdiction = useJurisdiction(agency.data?.jurisdictionCode);
  const trail = useJurisdictionTrail(jurisdiction.data);
  const mayManage = me && position.data ? canManageOrgs(me.grants, position.data.jurisdictionCode) : false;
  const people = usePeople(mayManage ? position.data?.agencyId : undefined);
  const [changes, setChanges] = useState(0);
  if (position.isLoading && !position.data) return <Loading label={tc('loading')} />;
  if (!position.data) return position.error ? <ApiErrorAlert error={position.error} /> : null;
  const current = position.data;
  // Moving the position or appointing a Plt. gives its roles: offered only when the user may grant them all, and never to the user.
  const grantable = grantableRolesIn(me, current.jurisdictionCode);
  const notGrantable = current.roles.filter((role) => !grantable.includes(role));
  // Never the user themselves, nor anyone deactivated (the API refuses both).
  const candidates = (people.data ?? []).filter((p) => p.id !== me?.personId && p.active);
  const saved = () => {
    position.reload();
    setChanges((n) => n + 1);
  };
  const crumbs = agency.data ? [...trail, { label: agency.data.name, to: adminPaths.agency(agency.data.id) }] : trail;
  return (
    <div className="gu-admin" data-testid="position-page">
      <PageHeader
        title={current.title}
        breadcrumbs={crumbs}
        breadcrumbsLabel={tc('breadcrumbs')}
        intro={agency.data?.name}
        aside={!current.active && <Tag tone="accent">{t('agency.inactive')}</Tag>}
      />
      {position.error && <ApiErrorAlert error={position.error} />}
      <div className={mayManage ? 'gu-admin__columns' : undefined}>
        <div className="gu-admin__stack">
          <HolderCard position={current} />
          <HolderHistory history={current.history} />
          <DelegationList delegations={current.delegations} />
          <ChangeHistory subject="position" id={id} reloadKey={changes} />
        </div>
        {mayManage && (
          <div className="gu-admin__stack">
            {people.error && <ApiErrorAlert error={people.error} />}
            {notGrantable.length === 0 ? (
              <>
                <MoveHolderForm position={current} people={candidates} onMoved={position.reload} />
                <DelegateForm position={current} people={candidates} onDelegated={position.reload} />
                <EditPositionForm key={current.version} position={current} grantableRoles={grantable} onSaved={saved} />
                <ActiveCard key={`active-${current.version}`} subject="position" id={id} version={current.version} active={current.active} onChanged={saved} />
              </>
            ) : (
              <Card data-testid="grant-limited">
                <p className="gu-muted">{t('position.grantLimited', { roles: notGrantable.map((role) => labels.role(role)).join(', ') })}</p>
              </Card>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
