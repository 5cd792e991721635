import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreatePerson } from '@gugus/web-data-access';
import { TextField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';

/** Name, e-mail and initial password of a new person in this agency. */
export function AddPersonForm({ agencyId, onAdded }: { agencyId: string; onAdded: () => void }) {
  const { t } = useTranslation('admin');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const create = useCreatePerson();

  const onSubmit = async () => {
    if (await create.submit({ agencyId, fullName: fullName.trim(), email: email.trim(), password: password || undefined })) {
      setFullName('');
      setEmail('');
      setPassword('');
      onAdded();
    }
  };

  return (
    <FormCard
      title={t('agency.addPerson.heading')}
      submitLabel={t('agency.addPerson.submit')}
      isSubmitting={create.isSubmitting}
      error={create.error}
      success={create.result && t('agency.addPerson.done', { name: create.result.fullName })}
      onSubmit={() => void onSubmit()}
      data-testid="add-person-form"
    >
      <TextField label={t('agency.addPerson.fullName')} name="fullName" autoComplete="off" required minLength={2} maxLength={200} value={fullName} onChange={(e) => setFullName(e.target.value)} error={create.fieldErrors['fullName']} />
      <TextField label={t('agency.addPerson.email')} name="email" type="email" autoComplete="off" required value={email} onChange={(e) => setEmail(e.target.value)} error={create.fieldErrors['email']} />
      <TextField
        label={t('agency.addPerson.password')}
        hint={t('agency.addPerson.passwordHint')}
        name="password"
        type="password"
        autoComplete="new-password"
        minLength={10}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={create.fieldErrors['password']}
      />
    </FormCard>
  );
}
