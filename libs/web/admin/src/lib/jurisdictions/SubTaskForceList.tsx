import { useTranslation } from 'react-i18next';
import { SUB_TASK_FORCE_KINDS, type AgencyView, type SubTaskForceView, type TaskForceView } from '@gugus/contracts';
import { useOrgLabels } from '../shared/useOrgLabels';
import { SubTaskForceLeadPicker } from './SubTaskForceLeadPicker';
import './SubTaskForceList.css';

export interface SubTaskForceListProps {
  subTaskForces: readonly SubTaskForceView[];
  /** Agencies of the jurisdiction by ID, when the reader may see them; otherwise only counts are shown. */
  agencies: ReadonlyMap<string, AgencyView> | undefined;
  /** Set to let this person name each Sub-TF's lead (administrators and the secretariat). */
  editLeads?: { jurisdictionCode: string; onSaved: (view: TaskForceView) => void };
}

/** The Sub-TFs in their official order and numbering (1–6; regencies have no 4), with lead and members. */
export function SubTaskForceList({ subTaskForces, agencies, editLeads }: SubTaskForceListProps) {
  const { t } = useTranslation('admin');
  const labels = useOrgLabels();
  const ordered = [...subTaskForces].sort((a, b) => SUB_TASK_FORCE_KINDS.indexOf(a.kind) - SUB_TASK_FORCE_KINDS.indexOf(b.kind));
  const name = (id: string) => agencies?.get(id)?.name ?? id;
  return (
    <ol className="gu-subtf">
      {ordered.map((sub) => (
        <li key={sub.id} className="gu-subtf__item" data-testid="sub-task-force" data-kind={sub.kind}>
          <span className="gu-subtf__number" aria-hidden="true">
            {SUB_TASK_FORCE_KINDS.indexOf(sub.kind) + 1}
          </span>
          <div className="gu-subtf__body">
            <h4 className="gu-subtf__name">{labels.subTaskForce(sub.kind)}</h4>
            {editLeads && agencies && sub.memberAgencyIds.length > 0 ? (
              <SubTaskForceLeadPicker jurisdictionCode={editLeads.jurisdictionCode} sub={sub} agencies={agencies} onSaved={editLeads.onSaved} />
            ) : (
              <p className="gu-subtf__meta">
                {t('taskForce.lead')}: {sub.leadAgencyId ? name(sub.leadAgencyId) : t('taskForce.noLead')}
              </p>
            )}
            {sub.memberAgencyIds.length === 0 ? (
              <p className="gu-subtf__meta">{t('taskForce.noMembers')}</p>
            ) : agencies ? (
              <ul className="gu-subtf__members" aria-label={t('taskForce.members')}>
                {sub.memberAgencyIds.map((id) => (
                  <li key={id}>{name(id)}</li>
                ))}
              </ul>
            ) : (
              <p className="gu-subtf__meta">{t('taskForce.membersCount', { count: sub.memberAgencyIds.length })}</p>
            )}
          </div>
        </li>
      ))}
    </ol>
  );
}
