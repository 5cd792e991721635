import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonView, PositionView } from '@gugus/contracts';
import { useAssignHolder } from '@gugus/web-data-access';
import { SelectField, TextAreaField } from '@gugus/web-ui';
import { FormCard } from '../shared/FormCard';

export interface MoveHolderFormProps {
  position: PositionView;
  /** Candidates: the people of the position's agency, without the user (nobody gives themselves a position). */
  people: readonly PersonView[];
  onMoved: (position: PositionView) => void;
}

/** Staff turnover: hands the position to another person; the outgoing holder leaves a handover note. */
export function MoveHolderForm({ position, people, onMoved }: MoveHolderFormProps) {
  const { t } = useTranslation('admin');
  const [personId, setPersonId] = useState('');
  const [note, setNote] = useState('');
  const assign = useAssignHolder();
  const hasHolder = position.holder !== null;
  const candidates = people.filter((p) => p.active && p.id !== position.holder?.id);

  const onSubmit = async () => {
    if (!personId) return;
    const updated = await assign.submit({ positionId: position.id, personId, handoverNote: note.trim() || undefined });
    if (updated) {
      setPersonId('');
      setNote('');
      onMoved(updated);
    }
  };

  return (
    <FormCard
      title={hasHolder ? t('position.move.heading') : t('position.move.headingVacant')}
      submitLabel={hasHolder ? t('position.move.submit') : t('position.move.submitVacant')}
      isSubmitting={assign.isSubmitting}
      error={assign.error}
      success={assign.result?.holder ? t('position.move.done', { name: assign.result.holder.fullName }) : undefined}
      onSubmit={() => void onSubmit()}
      data-testid="move-holder-form"
    >
      {candidates.length === 0 && <p className="gu-muted">{t('position.move.noPeople')}</p>}
      <SelectField label={t('position.move.person')} hint={t('position.notSelf')} name="personId" required value={personId} onChange={(e) => setPersonId(e.target.value)} error={assign.fieldErrors['personId']}>
        <option value="">{t('position.move.choose')}</option>
        {candidates.map((person) => (
          <option key={person.id} value={person.id}>
            {person.fullName} ({person.email})
          </option>
        ))}
      </SelectField>
      {hasHolder && (
        <TextAreaField
          label={t('position.move.note')}
          hint={t('position.move.noteHint')}
          name="handoverNote"
          required
          maxLength={10000}
          rows={5}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          error={assign.fieldErrors['handoverNote']}
        />
      )}
    </FormCard>
  );
}
