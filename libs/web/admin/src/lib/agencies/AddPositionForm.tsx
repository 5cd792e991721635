import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@gugus/contracts';
import { useCreatePosition } from '@gugus/web-data-access';
import { CheckboxField, CheckboxGroup, TextField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';
import { useOrgLabels } from '../shared/useOrgLabels';

export interface AddPositionFormProps {
  agencyId: string;
  /** The roles the user may hand out here (the server's grant table); only these are offered. */
  grantableRoles: readonly Role[];
  onAdded: () => void;
}

/** Title and roles of a new position; rights belong to the position, not to whoever holds it. */
export function AddPositionForm({ agencyId, grantableRoles, onAdded }: AddPositionFormProps) {
  const { t } = useTranslation('admin');
  const labels = useOrgLabels();
  const [title, setTitle] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [representsAgency, setRepresentsAgency] = useState(false);
  const create = useCreatePosition();

  const onSubmit = async () => {
    if (await create.submit({ agencyId, title: title.trim(), roles, representsAgency })) {
      setTitle('');
      setRoles([]);
      setRepresentsAgency(false);
      onAdded();
    }
  };

  return (
    <FormCard
      title={t('agency.addPosition.heading')}
      submitLabel={t('agency.addPosition.submit')}
      isSubmitting={create.isSubmitting}
      error={create.error}
      success={create.result && t('agency.addPosition.done', { title: create.result.title })}
      onSubmit={() => void onSubmit()}
      data-testid="add-position-form"
    >
      <TextField label={t('agency.addPosition.title')} name="title" required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={create.fieldErrors['title']} />
      <CheckboxGroup
        legend={t('agency.addPosition.roles')}
        hint={grantableRoles.length < ROLES.length ? `${t('agency.addPosition.rolesHint')} ${t('agency.addPosition.rolesLimited')}` : t('agency.addPosition.rolesHint')}
        name="roles"
        options={grantableRoles.map((role) => ({ value: role, label: labels.role(role) }))}
        value={roles}
        onChange={setRoles}
        error={create.fieldErrors['roles']}
      />
      <CheckboxField label={t('agency.addPosition.representsAgency')} checked={representsAgency} onChange={(e) => setRepresentsAgency(e.target.checked)} />
    </FormCard>
  );
}
