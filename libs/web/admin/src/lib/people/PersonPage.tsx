import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { canManageOrgs, useAuth } from '@gugus/web-auth';
import { useAgency, useJurisdiction, usePerson } from '@gugus/web-data-access';
import { Loading, PageHeader, Tag } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { ActiveCard } from '../shared/ActiveCard';
import { ChangeHistory } from '../shared/ChangeHistory';
import { adminPaths } from '../shared/paths';
import { useJurisdictionTrail } from '../shared/useJurisdictionTrail';
import { EditPersonForm } from './EditPersonForm';
import '../shared/admin.css';

/** One person of an agency: administrators edit their name and e-mail or deactivate them; the change history below. */
export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const { me } = useAuth();
  const person = usePerson(id);
  const agency = useAgency(person.data?.agencyId);
  const jurisdiction = useJurisdiction(agency.data?.jurisdictionCode);
  const trail = useJurisdictionTrail(jurisdiction.data);
  const [changes, setChanges] = useState(0);
  if (person.isLoading && !person.data) return <Loading label={tc('loading')} />;
  if (!person.data) return person.error ? <ApiErrorAlert error={person.error} /> : null;
  const current = person.data;
  const mayManage = me ? canManageOrgs(me.grants, current.jurisdictionCode) : false;
  const saved = () => {
    person.reload();
    setChanges((n) => n + 1);
  };
  const crumbs = agency.data ? [...trail, { label: agency.data.name, to: adminPaths.agency(agency.data.id) }] : trail;
  return (
    <div className="gu-admin" data-testid="person-page">
      <PageHeader
        title={current.fullName}
        breadcrumbs={crumbs}
        breadcrumbsLabel={tc('breadcrumbs')}
        intro={current.email}
        aside={!current.active && <Tag tone="accent">{t('agency.inactive')}</Tag>}
      />
      <div className={mayManage ? 'gu-admin__columns' : undefined}>
        <div className="gu-admin__stack">
          <ChangeHistory subject="person" id={id} reloadKey={changes} />
        </div>
        {mayManage && (
          <div className="gu-admin__stack">
            <EditPersonForm key={current.version} person={current} onSaved={saved} />
            {current.id !== me?.personId && <ActiveCard key={`active-${current.version}`} subject="person" id={id} version={current.version} active={current.active} onChanged={saved} />}
          </div>
        )}
      </div>
    </div>
  );
}
