import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGENCY_KINDS, SUB_TASK_FORCE_KINDS, type AgencyKind, type SubTaskForceKind, type SubTaskForceView } from '@gugus/contracts';
import { useCreateAgency } from '@gugus/web-data-access';
import { CheckboxGroup, SelectField, TextField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';
import { useOrgLabels } from '../shared/useOrgLabels';

export interface AddAgencyFormProps {
  jurisdictionCode: string;
  /** Sub-TFs of the jurisdiction's task force; undefined when it has none yet. */
  subTaskForces: readonly SubTaskForceView[] | undefined;
  onAdded: () => void;
}

const isAgencyKind = (value: string): value is AgencyKind => (AGENCY_KINDS as readonly string[]).includes(value);

/** Name, kind and Sub-TF memberships of a new agency in this jurisdiction. */
export function AddAgencyForm({ jurisdictionCode, subTaskForces, onAdded }: AddAgencyFormProps) {
  const { t } = useTranslation('admin');
  const labels = useOrgLabels();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<AgencyKind | ''>('');
  const [memberships, setMemberships] = useState<SubTaskForceKind[]>([]);
  const create = useCreateAgency();
  const available = SUB_TASK_FORCE_KINDS.filter((k) => subTaskForces?.some((s) => s.kind === k));

  const onSubmit = async () => {
    if (!kind) return;
    const created = await create.submit({ jurisdictionCode, name: name.trim(), kind, subTaskForces: memberships });
    if (created) {
      setName('');
      setKind('');
      setMemberships([]);
      onAdded();
    }
  };

  return (
    <FormCard
      title={t('agencies.add.heading')}
      submitLabel={t('agencies.add.submit')}
      isSubmitting={create.isSubmitting}
      error={create.error}
      success={create.result && t('agencies.add.done', { name: create.result.name })}
      onSubmit={() => void onSubmit()}
      data-testid="add-agency-form"
    >
      <TextField label={t('agencies.add.name')} name="name" required minLength={3} maxLength={200} value={name} onChange={(e) => setName(e.target.value)} error={create.fieldErrors['name']} />
      <SelectField
        label={t('agencies.add.kind')}
        name="kind"
        required
        value={kind}
        onChange={(e) => setKind(isAgencyKind(e.target.value) ? e.target.value : '')}
        error={create.fieldErrors['kind']}
      >
        <option value="">{t('agencies.add.kindPlaceholder')}</option>
        {AGENCY_KINDS.map((k) => (
          <option key={k} value={k}>
            {labels.agencyKind(k)}
          </option>
        ))}
      </SelectField>
      {available.length > 0 ? (
        <CheckboxGroup
          legend={t('agencies.add.subTaskForces')}
          hint={t('agencies.add.subTaskForcesHint')}
          name="subTaskForces"
          options={available.map((k) => ({ value: k, label: labels.subTaskForce(k) }))}
          value={memberships}
          onChange={setMemberships}
          error={create.fieldErrors['subTaskForces']}
        />
      ) : (
        <p className="gu-muted">{t('agencies.add.noTaskForce')}</p>
      )}
    </FormCard>
  );
}
