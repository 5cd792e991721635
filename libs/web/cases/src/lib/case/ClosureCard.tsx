import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_REOPEN_REASONS, type CaseReopenReason, type CaseView } from '@gugus/contracts';
import { useCloseCase, useEffectiveForm, useReopenCase } from '@gugus/web-data-access';
import type { FormData } from '@gugus/web-forms';
import { Alert, Button, Card, SelectField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { CaseFormPanel } from './CaseFormPanel';

const CLOSURE_FORM = 'case-closure';

/**
 * Closure at any time for a recorded reason (issue 11, step 10), with the closure form and the person's
 * feedback — every open step is cancelled — and, for a closed case, reopening with a reason (a code).
 * `onChanged` reloads the page's record.
 */
export function ClosureCard({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { t } = useTranslation('cases');
  const form = useEffectiveForm(CLOSURE_FORM, view.jurisdictionCode);
  const close = useCloseCase();
  const reopen = useReopenCase();
  const [open, setOpen] = useState(false);
  const [answers, setAnswers] = useState<FormData>({});
  const [reason, setReason] = useState<CaseReopenReason | ''>('');
  const [done, setDone] = useState<'closed' | 'reopened' | null>(null);

  const store = async (data: FormData) => {
    if (await close.submit({ code: view.code, data: data as Record<string, unknown> })) {
      setOpen(false);
      setAnswers({});
      setDone('closed');
      onChanged();
    }
  };
  const again = async () => {
    if (reason && (await reopen.submit({ code: view.code, reason }))) {
      setReason('');
      setDone('reopened');
      onChanged();
    }
  };

  return (
    <Card className="gu-cases__closure" data-testid="case-closure">
      <div className="gu-cases__consent-head">
        <h2 className="gu-cases__section-title">{view.stage === 'closed' ? t('closure.reopenTitle') : t('closure.title')}</h2>
        {view.stage !== 'closed' && !open && (
          <Button variant="secondary" onClick={() => { setDone(null); close.reset(); setOpen(true); }} disabled={!form.data} data-testid="closure-open">
            {t('closure.close')}
          </Button>
        )}
      </div>
      <p className="gu-cases__muted">{t('closure.intro')}</p>
      {done && (
        <Alert tone="success" data-testid={`case-${done}`}>
          {t(`closure.${done}`)}
        </Alert>
      )}
      {view.stage === 'closed' && (
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
      {open && form.data && (
        <CaseFormPanel
          name="closure"
          form={form.data}
          jurisdictionCode={view.jurisdictionCode}
          agencyJurisdictions={view.agencyJurisdictions}
          answers={answers}
          onChange={setAnswers}
          onSubmit={(valid) => void store(valid)}
          onCancel={() => setOpen(false)}
          error={close.error}
          submitting={close.isSubmitting}
          labels={{ submit: t('closure.save'), submitting: t('closure.saving'), cancel: t('closure.cancel'), rejected: t('closure.rejected') }}
        />
      )}
    </Card>
  );
}
