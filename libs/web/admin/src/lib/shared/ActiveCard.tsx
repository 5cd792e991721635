import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgSubjectType } from '@gugus/contracts';
import { useSetOrgActive } from '@gugus/web-data-access';
import { Alert, TextAreaField } from '@gugus/web-ui';
import { FormCard } from './FormCard';

export interface ActiveCardProps {
  subject: OrgSubjectType;
  id: string;
  version: number;
  active: boolean;
  onChanged: () => void;
}

/**
 * Deactivate (with a reason) or reactivate an agency, position or person, saying what that does: nothing is
 * deleted, and what happens to its open tasks and rights.
 */
export function ActiveCard({ subject, id, version, active, onChanged }: ActiveCardProps) {
  const { t } = useTranslation('admin');
  const [reason, setReason] = useState('');
  const change = useSetOrgActive();
  const onSubmit = async () => {
    if (await change.submit({ subject, id, version, active: !active, reason: reason.trim() || undefined })) {
      setReason('');
      onChanged();
    }
  };
  return (
    <FormCard
      title={t(active ? `orgEdit.deactivate.${subject}.heading` : `orgEdit.reactivate.${subject}.heading`)}
      intro={t(active ? `orgEdit.deactivate.${subject}.effect` : `orgEdit.reactivate.${subject}.effect`)}
      submitLabel={t(active ? 'orgEdit.deactivate.submit' : 'orgEdit.reactivate.submit')}
      isSubmitting={change.isSubmitting}
      error={change.error}
      onSubmit={() => void onSubmit()}
      data-testid="active-form"
    >
      {!active && (
        <Alert tone="info" data-testid="inactive-note">
          {t(`orgEdit.inactiveNote.${subject}`)}
        </Alert>
      )}
      <TextAreaField
        label={t(active ? 'orgEdit.deactivate.reason' : 'orgEdit.reactivate.reason')}
        name="reason"
        required={active}
        maxLength={1000}
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={change.fieldErrors['reason'] ?? change.fieldErrors['active']}
      />
    </FormCard>
  );
}
