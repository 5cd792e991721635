import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanAllocation, PlanView, RecordAllocationRequest } from '@gugus/contracts';
import { usePlanVersion, useRecordAllocation } from '@gugus/web-data-access';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Button, CheckboxField, Loading, SelectField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import type { PlanFormLabels } from '../document/planForm';
import { parseWholeRupiah, rupiah, sectionTitle } from '../format';

const SOURCE_PATH = 'budgetLines/items/budgetSource';

/** This year if it is within the plan's period, else the nearest year of it. */
function defaultYear(plan: PlanView): number {
  const last = plan.periodStart + plan.periodYears - 1;
  return Math.min(Math.max(new Date().getFullYear(), plan.periodStart), last);
}

interface AllocationFormProps {
  plan: PlanView;
  labels: PlanFormLabels;
  onChanged: () => void;
}

/**
 * The secretariat records money allocated to an activity of the endorsed version (`POST /plans/:id/allocations`):
 * which activity, fiscal year within the period, whole rupiah, budget source (the forms' `budget-sources`
 * list), and whether the regional parliament has approved it. The form checks only what it needs to send
 * the request; the API decides, and its refusals (the plan's state, a field) are shown as it words them.
 */
export function AllocationForm(props: AllocationFormProps) {
  const seq = props.plan.endorsedVersionSeq;
  return props.plan.can.recordAllocation && seq !== null ? <AllocationFormFor {...props} seq={seq} /> : null;
}

function AllocationFormFor({ plan, labels, onChanged, seq }: AllocationFormProps & { seq: number }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const record = useRecordAllocation();
  // While a revision is reviewed the current version is not the endorsed one, whose activities money goes to.
  const fromCurrent = plan.current && plan.current.seq === seq ? plan.current : undefined;
  const fetched = usePlanVersion(fromCurrent ? undefined : plan.id, fromCurrent ? undefined : seq);
  const endorsed = fromCurrent ?? (fetched.data?.seq === seq ? fetched.data : undefined);
  const [activityId, setActivityId] = useState('');
  const [fiscalYear, setFiscalYear] = useState(() => defaultYear(plan));
  const [amountText, setAmountText] = useState('');
  const [budgetSource, setBudgetSource] = useState('');
  const [approved, setApproved] = useState(false);
  const [missing, setMissing] = useState<Partial<Record<keyof RecordAllocationRequest, string>>>({});
  const [recorded, setRecorded] = useState<PlanAllocation | undefined>();

  const years = Array.from({ length: plan.periodYears }, (_, i) => plan.periodStart + i);
  const sources = labels.choices(SOURCE_PATH);
  const decreeSources = plan.decree?.budgetSources.map((s) => labels.option(SOURCE_PATH, s)).join(', ') || undefined;
  const amount = parseWholeRupiah(amountText);
  const server = record.fieldErrors;
  const errorOf = (field: keyof RecordAllocationRequest) => missing[field] ?? server[field];
  const codeOf = (id: string) => endorsed?.content.sections.flatMap((s) => s.activities).find((a) => a.activityId === id)?.answers.code ?? id;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRecorded(undefined);
    const gaps = {
      activityId: activityId ? undefined : t('start.required'),
      amount: !amountText.trim() ? t('start.required') : amount === undefined ? t('allocations.amountInvalid') : undefined,
      budgetSource: budgetSource ? undefined : t('start.required'),
    };
    setMissing(gaps);
    if (gaps.activityId || gaps.amount || gaps.budgetSource || amount === undefined) return;
    const done = await record.submit({ planId: plan.id, activityId, fiscalYear, amount, budgetSource, approvedByParliament: approved });
    if (!done) return;
    setRecorded(done);
    setAmountText('');
    setApproved(false);
    onChanged();
  };

  return (
    <details className="gu-plans__details gu-plans__record" data-testid="allocation-form">
      <summary>{t('allocations.record')}</summary>
      <form className="gu-plans__form" onSubmit={(e) => void submit(e)} noValidate>
        <p className="gu-plans__muted">{t('allocations.recordIntro')}</p>
        {!endorsed && !fetched.error && <Loading label={t('allocations.loadingActivities')} />}
        {fetched.error && <ApiErrorAlert error={fetched.error} />}
        <div className="gu-plans__grid">
          <SelectField label={t('allocations.activity')} hint={t('allocations.activityHint', { seq })} className="gu-plans__full-input" value={activityId} required onChange={(e) => setActivityId(e.target.value)} error={errorOf('activityId')}>
            <option value="">{t('allocations.choose')}</option>
            {endorsed?.content.sections.map((s) => (
              <optgroup key={s.subTaskForce} label={sectionTitle(s.subTaskForce, language)}>
                {s.activities.map((a) => (
                  <option key={a.activityId} value={a.activityId}>
                    {a.answers.code} {a.answers.activity}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField label={t('allocations.year')} hint={t('allocations.yearHint', { start: years[0], end: years[years.length - 1] })} value={fiscalYear} required onChange={(e) => setFiscalYear(Number(e.target.value))} error={errorOf('fiscalYear')}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <TextField
            label={t('allocations.amount')}
            hint={amount !== undefined ? t('allocations.amountIs', { amount: rupiah(amount, language) }) : t('allocations.amountHint')}
            value={amountText}
            inputMode="numeric"
            autoComplete="off"
            required
            onChange={(e) => setAmountText(e.target.value)}
            error={errorOf('amount')}
          />
          <SelectField label={t('allocations.source')} className="gu-plans__wide-input" hint={decreeSources && t('allocations.sourceHint', { sources: decreeSources })} value={budgetSource} required onChange={(e) => setBudgetSource(e.target.value)} error={errorOf('budgetSource')}>
            <option value="">{t('allocations.choose')}</option>
            {sources.map((o) => (
              <option key={o.code} value={o.code}>
                {o.label}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField label={t('allocations.approvedLabel')} checked={approved} onChange={(e) => setApproved(e.target.checked)} data-testid="allocation-approved" />
        <div className="gu-plans__actions">
          <Button type="submit" disabled={record.isSubmitting || !endorsed} data-testid="allocation-submit">
            {record.isSubmitting ? t('allocations.recording') : t('allocations.submit')}
          </Button>
        </div>
        {/* A 409 names the plan's state; a 400 says so here and names each field beside it. */}
        {record.error && <ApiErrorAlert error={record.error} title={t('allocations.refused')} data-testid="allocation-refused" />}
        {recorded && (
          <Alert tone="success" data-testid="allocation-recorded">
            {t('allocations.recorded', { code: codeOf(recorded.activityId), year: recorded.fiscalYear, amount: rupiah(recorded.amount, language) })}
          </Alert>
        )}
      </form>
    </details>
  );
}
