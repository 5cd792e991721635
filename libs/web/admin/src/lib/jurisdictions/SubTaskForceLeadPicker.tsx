import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyView, SubTaskForceView, TaskForceView } from '@gugus/contracts';
import { useSetSubTaskForceLead } from '@gugus/web-data-access';
import { ApiErrorAlert } from '@gugus/web-shared';
import { Button, SelectField } from '@gugus/web-ui';

export interface SubTaskForceLeadPickerProps {
  jurisdictionCode: string;
  sub: SubTaskForceView;
  agencies: ReadonlyMap<string, AgencyView>;
  onSaved: (view: TaskForceView) => void;
}

/** Names the Sub-TF's lead among its member agencies (the server checks membership too). */
export function SubTaskForceLeadPicker({ jurisdictionCode, sub, agencies, onSaved }: SubTaskForceLeadPickerProps) {
  const { t } = useTranslation('admin');
  const save = useSetSubTaskForceLead();
  const [agencyId, setAgencyId] = useState(sub.leadAgencyId ?? '');
  useEffect(() => setAgencyId(sub.leadAgencyId ?? ''), [sub.leadAgencyId]);
  const changed = agencyId !== (sub.leadAgencyId ?? '');

  const onSave = async () => {
    const view = await save.submit({ jurisdictionCode, kind: sub.kind, agencyId: agencyId || null });
    if (view) onSaved(view);
  };

  return (
    <div className="gu-subtf__lead-form" data-testid="sub-task-force-lead">
      <SelectField label={t('taskForce.lead')} name={`lead-${sub.kind}`} value={agencyId} onChange={(e) => setAgencyId(e.target.value)} error={save.fieldErrors['agencyId']}>
        <option value="">{t('taskForce.noLeadOption')}</option>
        {sub.memberAgencyIds.map((id) => (
          <option key={id} value={id}>
            {agencies.get(id)?.name ?? id}
          </option>
        ))}
      </SelectField>
      <div>
        <Button variant="secondary" disabled={!changed || save.isSubmitting} onClick={() => void onSave()} data-testid="save-lead">
          {save.isSubmitting ? t('taskForce.saving') : t('taskForce.saveLead')}
        </Button>
      </div>
      {save.error && !save.fieldErrors['agencyId'] && <ApiErrorAlert error={save.error} title={t('taskForce.saveFailed')} />}
    </div>
  );
}
