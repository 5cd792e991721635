import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PositionView, Role } from '@gugus/contracts';
import { useUpdatePosition } from '@gugus/web-data-access';
import { CheckboxField, CheckboxGroup, TextField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';
import { useOrgLabels } from '../shared/useOrgLabels';

export interface EditPositionFormProps {
  position: PositionView;
  /** The roles the user may hand out here; a position with other roles is edited by someone who may. */
  grantableRoles: readonly Role[];
  onSaved: () => void;
}

/** Title, roles and "represents the agency" of a position; changing roles changes its holder's rights at once. */
export function EditPositionForm({ position, grantableRoles, onSaved }: EditPositionFormProps) {
  const { t } = useTranslation('admin');
  const labels = useOrgLabels();
  const [title, setTitle] = useState(position.title);
  const [roles, setRoles] = useState<Role[]>(position.roles);
  const [representsAgency, setRepresentsAgency] = useState(position.representsAgency);
  const update = useUpdatePosition();
  const onSubmit = async () => {
    if (await update.submit({ id: position.id, version: position.version, title: title.trim(), roles, representsAgency })) onSaved();
  };
  return (
    <FormCard
      title={t('orgEdit.position.heading')}
      intro={t('orgEdit.position.intro')}
      submitLabel={t('orgEdit.save')}
      isSubmitting={update.isSubmitting}
      error={update.error}
      onSubmit={() => void onSubmit()}
      data-testid="edit-position-form"
    >
      <TextField label={t('agency.addPosition.title')} name="title" required minLength={3} maxLength={200} value={title} onChange={(e) => setTitle(e.target.value)} error={update.fieldErrors['title']} />
      <CheckboxGroup
        legend={t('agency.addPosition.roles')}
        hint={t('agency.addPosition.rolesHint')}
        name="roles"
        options={grantableRoles.map((role) => ({ value: role, label: labels.role(role) }))}
        value={roles}
        onChange={setRoles}
        error={update.fieldErrors['roles']}
      />
      <CheckboxField label={t('agency.addPosition.representsAgency')} checked={representsAgency} onChange={(e) => setRepresentsAgency(e.target.checked)} />
    </FormCard>
  );
}
