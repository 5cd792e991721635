import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_REOPEN_REASONS, type CaseReopenReason, type CaseView } from '@gugus/contracts';
import { useCloseCase, useReopenCase, type MutationState } from '@gugus/web-data-access';
import { Alert, Button, SelectField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { RecordedFormsCard } from './RecordedFormsCard';

/**
 * Closure at any time for a recorded reason (issue 11, step 10), with the closure form and the person's
 * feedback — every open step is cancelled — and, for a closed case, reopening with a reason (a code).
 * `onChanged` reloads the page's record.
 */
export function ClosureCard({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { t } = useTranslation('cases');
  const close = useCloseCase();
  const reopen = useReopenCase();
  const [reason, setReason] = useState<CaseReopenReason | ''>('');
  const [reopened, setReopened] = useState(false);
  const closed = view.stage === 'closed';

  const again = async () => {
    if (reason && (await reopen.submit({ code: view.code, reason }))) {
      setReason('');
      setReopened(true);
      onChanged();
    }
  };

  return (
    <RecordedFormsCard
      view={view}
      name="closure"
      formKey="case-closure"
      title={closed ? t('closure.reopenTitle') : t('closure.title')}
      intro={t('closure.intro')}
      record={close as MutationState<{ code: string; data: Record<string, unknown> }, unknown>}
      onSaved={() => {
        setReopened(false);
        onChanged();
      }}
      canRecord={!closed}
      labels={{ record: t('closure.close'), submit: t('closure.save'), submitting: t('closure.saving'), cancel: t('closure.cancel'), rejected: t('closure.rejected'), saved: t('closure.closed') }}
    >
      {reopened && (
        <Alert tone="success" data-testid="case-reopened">
          {t('closure.reopened')}
        </Alert>
      )}
      {closed && (
        <div className="gu-cases__form">
          <SelectField label={t('closure.reopenReason')} value={reason} onChange={(e) => setReason(e.target.value as CaseReopenReason)} error={reopen.fieldErrors['reason']} data-testid="reopen-reason">
            <option value="">{t('closure.choose')}</option>
            {CASE_REOPEN_REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`closure.reasons.${r}`)}
              </option>
            ))}
          </SelectField>
          {reopen.error && !reopen.fieldErrors['reason'] && <ApiErrorAlert error={reopen.error} />}
          <div className="gu-cases__consent-actions">
            <Button onClick={() => void again()} disabled={!reason || reopen.isSubmitting} data-testid="reopen-submit">
              {reopen.isSubmitting ? t('closure.reopening') : t('closure.reopen')}
            </Button>
          </div>
        </div>
      )}
    </RecordedFormsCard>
  );
}
