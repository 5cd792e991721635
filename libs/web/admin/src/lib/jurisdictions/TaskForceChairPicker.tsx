import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Role, type AgencyView, type PositionView, type TaskForceView } from '@gugus/contracts';
import { orgsApi, useApiQuery, useSetTaskForceChair } from '@gugus/web-data-access';
import { ApiErrorAlert } from '@gugus/web-shared';
import { Button, SelectField } from '@gugus/web-ui';

export interface TaskForceChairPickerProps {
  taskForce: TaskForceView;
  agencies: readonly AgencyView[];
  /** May this person change it? Otherwise the chair is only shown. */
  editable: boolean;
  onSaved: (view: TaskForceView) => void;
}

interface Candidate {
  position: PositionView;
  agency: AgencyView;
}

/** Active positions with the chair role across the jurisdiction's agencies: the chair is one of them. */
function useChairCandidates(agencies: readonly AgencyView[]) {
  const key = agencies.length ? `chair-candidates:${agencies.map((a) => a.id).join(',')}` : undefined;
  return useApiQuery<Candidate[]>(key, async (signal) => {
    const lists = await Promise.all(agencies.map(async (agency) => (await orgsApi.positions(agency.id, signal)).map((position) => ({ position, agency }))));
    return lists.flat().filter((c) => c.position.active && c.position.roles.includes(Role.CHAIR));
  });
}

const label = (c: Candidate) => `${c.position.title} — ${c.agency.name}${c.position.holder ? ` (${c.position.holder.fullName})` : ''}`;

/**
 * Who chairs the task force: the position whose holder (or acting official) approves minutes and
 * receives escalations. Without one, processes fall back to any position with the chair role.
 */
export function TaskForceChairPicker({ taskForce, agencies, editable, onSaved }: TaskForceChairPickerProps) {
  const { t } = useTranslation('admin');
  const headingId = useId();
  // Only someone who may change the chair reads every agency's positions (others may not read them).
  const candidates = useChairCandidates(editable ? agencies : []);
  const save = useSetTaskForceChair();
  const [positionId, setPositionId] = useState(taskForce.chairPositionId ?? '');
  useEffect(() => setPositionId(taskForce.chairPositionId ?? ''), [taskForce.chairPositionId]);
  const current = candidates.data?.find((c) => c.position.id === taskForce.chairPositionId);

  const onSave = async () => {
    const view = await save.submit({ jurisdictionCode: taskForce.jurisdictionCode, positionId: positionId || null });
    if (view) onSaved(view);
  };

  return (
    <section aria-labelledby={headingId} className="gu-admin__stack" data-testid="task-force-chair">
      <h3 id={headingId} className="gu-admin__subheading">
        {t('taskForce.chair')}
      </h3>
      <p className="gu-muted">{!taskForce.chairPositionId ? t('taskForce.noChair') : current ? label(current) : editable && candidates.data ? t('taskForce.chairElsewhere') : t('taskForce.chairSet')}</p>
      {editable && candidates.data && (
        <>
          <SelectField label={t('taskForce.chairPosition')} hint={t('taskForce.chairHint')} name="chairPositionId" value={positionId} onChange={(e) => setPositionId(e.target.value)} error={save.fieldErrors['positionId']}>
            <option value="">{t('taskForce.noChairOption')}</option>
            {candidates.data.map((c) => (
              <option key={c.position.id} value={c.position.id}>
                {label(c)}
              </option>
            ))}
          </SelectField>
          <div>
            <Button variant="secondary" disabled={positionId === (taskForce.chairPositionId ?? '') || save.isSubmitting} onClick={() => void onSave()} data-testid="save-chair">
              {save.isSubmitting ? t('taskForce.saving') : t('taskForce.saveChair')}
            </Button>
          </div>
        </>
      )}
      {candidates.error && <ApiErrorAlert error={candidates.error} />}
      {save.error && !save.fieldErrors['positionId'] && <ApiErrorAlert error={save.error} title={t('taskForce.saveFailed')} />}
    </section>
  );
}
