import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView, PositionView } from '@gugus/contracts';
import { useDelegate } from '@gugus/web-data-access';
import { jakartaToday } from '@gugus/web-i18n';
import { SelectField, TextAreaField, TextField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';

export interface DelegateFormProps {
  position: PositionView;
  /** Candidates: the people of the position's agency, without the user (nobody appoints themselves Plt.). */
  people: readonly PersonView[];
  onDelegated: (position: PositionView) => void;
}

/** Appoints an acting official (Plt.) for a period, e.g. while the holder is on leave. */
export function DelegateForm({ position, people, onDelegated }: DelegateFormProps) {
  const { t } = useTranslation('admin');
  const [personId, setPersonId] = useState('');
  const [startsOn, setStartsOn] = useState(jakartaToday);
  const [endsOn, setEndsOn] = useState('');
  const [reason, setReason] = useState('');
  const [appointed, setAppointed] = useState<string | undefined>(undefined);
  const delegate = useDelegate();
  const candidates = people.filter((p) => p.active && p.id !== position.holder?.id);

  const onSubmit = async () => {
    if (!personId) return;
    const updated = await delegate.submit({ positionId: position.id, personId, startsOn, endsOn, reason: reason.trim() || undefined });
    setAppointed(updated && candidates.find((p) => p.id === personId)?.fullName);
    if (updated) {
      setPersonId('');
      setReason('');
      onDelegated(updated);
    }
  };

  return (
    <FormCard
      title={t('position.delegate.heading')}
      submitLabel={t('position.delegate.submit')}
      isSubmitting={delegate.isSubmitting}
      error={delegate.error}
      success={appointed && t('position.delegate.done', { name: appointed })}
      onSubmit={() => void onSubmit()}
      data-testid="delegate-form"
    >
      <SelectField label={t('position.delegate.person')} hint={t('position.notSelf')} name="personId" required value={personId} onChange={(e) => setPersonId(e.target.value)} error={delegate.fieldErrors['personId']}>
        <option value="">{t('position.move.choose')}</option>
        {candidates.map((person) => (
          <option key={person.id} value={person.id}>
            {person.fullName} ({person.email})
          </option>
        ))}
      </SelectField>
      <div className="gu-form__row">
        <TextField label={t('position.delegate.startsOn')} name="startsOn" type="date" required value={startsOn} onChange={(e) => setStartsOn(e.target.value)} error={delegate.fieldErrors['startsOn']} />
        <TextField
          label={t('position.delegate.endsOn')}
          name="endsOn"
          type="date"
          required
          min={startsOn || undefined}
          value={endsOn}
          onChange={(e) => setEndsOn(e.target.value)}
          error={delegate.fieldErrors['endsOn']}
        />
      </div>
      <TextAreaField
        label={t('position.delegate.reason')}
        hint={t('position.delegate.reasonHint')}
        name="reason"
        maxLength={1000}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={delegate.fieldErrors['reason']}
      />
    </FormCard>
  );
}
