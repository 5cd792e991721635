import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useClosePlanComments, useOpenPlanRevision } from '@gugus/web-data-access';
import { Button, TextAreaField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { canStartPlanIn } from '../grants';

/**
 * What the secretariat steers from the plan page: closing the member comment period (agencies that have
 * not commented are not waited for), and opening a revision of an endorsed plan from monitoring.
 */
export function StageActions({ plan, onChanged }: { plan: PlanView; onChanged: () => void }) {
  const { t } = useTranslation('plans');
  const { me } = useAuth();
  const close = useClosePlanComments();
  const revise = useOpenPlanRevision();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const mayClose = plan.stage === 'member_comments' && canStartPlanIn(me?.grants ?? [], plan.jurisdictionCode);
  if (!mayClose && !plan.can.openRevision) return null;

  const closeNow = async () => {
    if (await close.submit(plan.id)) onChanged();
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(reason.trim().length < 5);
    if (reason.trim().length < 5) return;
    if (await revise.submit({ planId: plan.id, reason: reason.trim() })) onChanged();
  };

  return (
    <div className="gu-plans__stage-actions" data-testid="plan-stage-actions">
      {mayClose && (
        <div className="gu-plans__actions">
          <Button variant="secondary" onClick={() => void closeNow()} disabled={close.isSubmitting} data-testid="close-comments">
            {close.isSubmitting ? t('actions.closing') : t('actions.closeComments')}
          </Button>
          <span className="gu-plans__muted">{t('actions.closeCommentsHint')}</span>
        </div>
      )}
      {close.error && <ApiErrorAlert error={close.error} />}
      {plan.can.openRevision && (
        <details className="gu-plans__details">
          <summary>{t('actions.openRevision')}</summary>
          <form className="gu-plans__form" onSubmit={(e) => void submit(e)} noValidate>
            <TextAreaField label={t('actions.reason')} hint={t('actions.reasonHint')} value={reason} rows={3} maxLength={2000} required onChange={(e) => setReason(e.target.value)} error={missing ? t('actions.reasonTooShort') : revise.fieldErrors['reason']} />
            <div className="gu-plans__actions">
              <Button type="submit" disabled={revise.isSubmitting} data-testid="open-revision">
                {t('actions.openRevisionSubmit')}
              </Button>
            </div>
          </form>
        </details>
      )}
      {revise.error && !revise.fieldErrors['reason'] && <ApiErrorAlert error={revise.error} />}
    </div>
  );
}
