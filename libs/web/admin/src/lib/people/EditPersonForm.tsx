import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView } from '@gugus/contracts';
import { useUpdatePerson } from '@gugus/web-data-access';
import { TextField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';

/** Name and e-mail (the login) of a person, saved against the version shown. */
export function EditPersonForm({ person, onSaved }: { person: PersonView; onSaved: () => void }) {
  const { t } = useTranslation('admin');
  const [fullName, setFullName] = useState(person.fullName);
  const [email, setEmail] = useState(person.email);
  const update = useUpdatePerson();
  const onSubmit = async () => {
    if (await update.submit({ id: person.id, version: person.version, fullName: fullName.trim(), email: email.trim() })) onSaved();
  };
  return (
    <FormCard
      title={t('orgEdit.person.heading')}
      intro={t('orgEdit.person.intro')}
      submitLabel={t('orgEdit.save')}
      isSubmitting={update.isSubmitting}
      error={update.error}
      onSubmit={() => void onSubmit()}
      data-testid="edit-person-form"
    >
      <TextField label={t('agency.addPerson.fullName')} name="fullName" autoComplete="off" required minLength={2} maxLength={200} value={fullName} onChange={(e) => setFullName(e.target.value)} error={update.fieldErrors['fullName']} />
      <TextField label={t('agency.addPerson.email')} name="email" type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} error={update.fieldErrors['email']} />
    </FormCard>
  );
}
