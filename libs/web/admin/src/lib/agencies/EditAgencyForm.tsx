import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, SUB_TASK_FORCE_KINDS, type AgencyKind, type AgencyView, type SubTaskForceKind, type SubTaskForceView } from '@gugus/contracts';
import { useUpdateAgency } from '@gugus/web-data-access';
import { CheckboxGroup, SelectField, TextField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';
import { useOrgLabels } from '../shared/useOrgLabels';

export interface EditAgencyFormProps {
  agency: AgencyView;
  /** Sub-TFs of the jurisdiction's task force; undefined when it has none yet. */
  subTaskForces: readonly SubTaskForceView[] | undefined;
  onSaved: () => void;
}

const isAgencyKind = (value: string): value is AgencyKind => (AGENCY_KINDS as readonly string[]).includes(value);

/** Name, kind and Sub-TF memberships of an agency, as they are now; saved against the version shown. */
export function EditAgencyForm({ agency, subTaskForces, onSaved }: EditAgencyFormProps) {
  const { t } = useTranslation('admin');
  const labels = useOrgLabels();
  const [name, setName] = useState(agency.name);
  const [kind, setKind] = useState<AgencyKind>(agency.kind);
  const [memberships, setMemberships] = useState<SubTaskForceKind[]>(agency.subTaskForceKinds);
  const update = useUpdateAgency();
  const available = SUB_TASK_FORCE_KINDS.filter((k) => subTaskForces?.some((s) => s.kind === k));
  const onSubmit = async () => {
    if (await update.submit({ id: agency.id, version: agency.version, name: name.trim(), kind, subTaskForces: memberships })) onSaved();
  };
  return (
    <FormCard
      title={t('orgEdit.agency.heading')}
      submitLabel={t('orgEdit.save')}
      isSubmitting={update.isSubmitting}
      error={update.error}
      onSubmit={() => void onSubmit()}
      data-testid="edit-agency-form"
    >
      <TextField label={t('agencies.add.name')} name="name" required minLength={3} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={update.fieldErrors['name']} />
      <SelectField label={t('agencies.add.kind')} name="kind" required value={kind} onChange={(e) => isAgencyKind(e.target.value) && setKind(e.target.value)} error={update.fieldErrors['kind']}>
        {AGENCY_KINDS.map((k) => (
          <option key={k} value={k}>
            {labels.agencyKind(k)}
          </option>
        ))}
      </SelectField>
      {available.length > 0 && (
        <CheckboxGroup
          legend={t('agencies.add.subTaskForces')}
          hint={t('orgEdit.agency.subTaskForcesHint')}
          name="subTaskForces"
          options={available.map((k) => ({ value: k, label: labels.subTaskForce(k) }))}
          value={memberships}
          onChange={setMemberships}
          error={update.fieldErrors['subTaskForces']}
        />
      )}
    </FormCard>
  );
}
