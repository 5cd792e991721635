import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { OutsideBodyStep, PlanView } from '@gugus/contracts';
import { useEndOutsideStep, useStartOutsideStep } from '@gugus/web-data-access';
import { formatDate, formatDateTime, formatNumber, useLanguage } from '@gugus/web-i18n';
import { Button, Card, SelectField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { BudgetChart } from '../charts/Charts';
import { quarterLabel, rupiah, sectionTitle } from '../format';
import { BudgetWarnings } from '../document/BudgetWarnings';
import type { PlanFormLabels } from '../document/planForm';
import { planPaths } from '../paths';
import { AllocationForm } from './AllocationForm';

/** Every version of the plan: why it exists, its round, activities and budget; the review page for each round. */
export function VersionsCard({ plan, shownSeq }: { plan: PlanView; shownSeq: number | undefined }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  return (
    <Card data-testid="plan-versions">
      <h2 className="gu-plans__section-title">{t('versions.title')}</h2>
      {plan.versions.length === 0 ? (
        <p className="gu-plans__muted">{t('versions.none')}</p>
      ) : (
        <table className="gu-plans__table gu-plans__table--stack">
          <thead>
            <tr>
              <th scope="col">{t('versions.seq')}</th>
              <th scope="col">{t('versions.kind')}</th>
              <th scope="col">{t('versions.created')}</th>
              <th scope="col">{t('versions.activities')}</th>
              <th scope="col">{t('versions.budget')}</th>
              <th scope="col">{t('versions.open')}</th>
            </tr>
          </thead>
          <tbody>
            {[...plan.versions].reverse().map((v) => (
              <tr key={v.seq} data-testid="plan-version" data-seq={v.seq} aria-current={v.seq === shownSeq ? 'true' : undefined} className={v.seq === shownSeq ? 'gu-plans__row--current' : undefined}>
                <td>
                  {t('versions.number', { seq: v.seq })}
                  {v.endorsed && <span className="gu-plans__pill gu-plans__status--endorsed">{t('versions.endorsed')}</span>}
                </td>
                <td data-label={t('versions.kind')}>
                  {t(`versionKinds.${v.kind}`)}
                  {v.round > 0 && <span className="gu-plans__meta">{t('plan.round', { round: formatNumber(v.round, language) })}</span>}
                </td>
                <td data-label={t('versions.created')}>{formatDate(v.createdAt, language)}</td>
                <td data-label={t('versions.activities')}>{formatNumber(v.activityCount, language)}</td>
                <td data-label={t('versions.budget')}>{rupiah(v.budgetTotal, language)}</td>
                <td data-label={t('versions.open')}>
                  <span className="gu-plans__links">
                    <Link to={`${planPaths.plan(plan.id)}?versi=${v.seq}#dokumen`}>{t('versions.read')}</Link>
                    {v.seq > 1 && <Link to={planPaths.review(plan.id, { to: v.seq })}>{t('versions.diff')}</Link>}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}

export function DecreeCard({ plan, labels }: { plan: PlanView; labels: PlanFormLabels }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const d = plan.decree;
  return (
    <Card data-testid="plan-decree">
      <h2 className="gu-plans__section-title">{t('decree.title')}</h2>
      {!d ? (
        <p className="gu-plans__muted">{t('decree.none')}</p>
      ) : (
        <dl className="gu-plans__facts">
          <div>
            <dt>{t('decree.number')}</dt>
            <dd data-testid="decree-number">{d.number}</dd>
          </div>
          <div>
            <dt>{t('decree.date')}</dt>
            <dd>{formatDate(d.date, language)}</dd>
          </div>
          <div>
            <dt>{t('decree.version')}</dt>
            <dd>{t('versions.number', { seq: d.versionSeq })}</dd>
          </div>
          <div>
            <dt>{t('decree.frequency')}</dt>
            <dd>{t(`frequency.${d.monitoringFrequency}`)}</dd>
          </div>
          <div>
            <dt>{t('decree.sources')}</dt>
            <dd>{d.budgetSources.map((s) => labels.option('budgetLines/items/budgetSource', s)).join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('decree.recorded')}</dt>
            <dd>{formatDateTime(d.recordedAt, language, { seconds: false })} WIB</dd>
          </div>
        </dl>
      )}
    </Card>
  );
}

/** Budget per section against money allocated (parliament-approved) to its activities, as a chart and a table. */
export function BudgetCard({ plan, labels, onChanged }: { plan: PlanView; labels: PlanFormLabels; onChanged: () => void }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const budget = plan.current?.budget;
  if (!budget) return null;
  const sectionOf = new Map(budget.activities.map((a) => [a.activityId, a.subTaskForce]));
  const codeOf = new Map(budget.activities.map((a) => [a.activityId, a.code]));
  const allocatedIn = (kind: string) => plan.allocations.filter((a) => a.approvedByParliament && sectionOf.get(a.activityId) === kind).reduce((sum, a) => sum + a.amount, 0);
  const rows = budget.sections.map((s) => ({ name: sectionTitle(s.subTaskForce, language), budget: s.total, allocated: allocatedIn(s.subTaskForce), costs: s.costCategories }));
  // Budgets are annual: each year's plan against what the regional parliament approved for it (and what awaits approval).
  const years = yearRows(budget, plan.allocations);
  const plannedFor = (activityId: string, fiscalYear: number) => budget.activities.find((a) => a.activityId === activityId)?.years.find((y) => y.fiscalYear === fiscalYear)?.total ?? 0;
  // Older versions (before poa-section 1.2.0) have no categorised line: their column would be all zero.
  const categorised = budget.costCategories.administrative + budget.costCategories.operational > 0;
  return (
    <Card data-testid="plan-budget">
      <h2 className="gu-plans__section-title">{t('budget.title')}</h2>
      <p className="gu-plans__muted">{t('budget.intro')}</p>
      <BudgetWarnings budget={budget} />
      <BudgetChart rows={rows} />
      <details className="gu-plans__details">
        <summary>{t('budget.table')}</summary>
        <table className="gu-plans__table gu-plans__table--stack">
          <thead>
            <tr>
              <th scope="col">{t('budget.section')}</th>
              <th scope="col">{t('charts.budget')}</th>
              <th scope="col">{t('charts.allocated')}</th>
              {categorised && (
                <>
                  <th scope="col">{t('budget.administrative')}</th>
                  <th scope="col">{t('budget.operational')}</th>
                  <th scope="col">{t('budget.uncategorised')}</th>
                </>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.name}>
                <td>{r.name}</td>
                <td className="gu-plans__money" data-label={t('charts.budget')}>{rupiah(r.budget, language)}</td>
                <td className="gu-plans__money" data-label={t('charts.allocated')}>{rupiah(r.allocated, language)}</td>
                {categorised && (
                  <>
                    <td className="gu-plans__money" data-label={t('budget.administrative')}>{rupiah(r.costs.administrative, language)}</td>
                    <td className="gu-plans__money" data-label={t('budget.operational')}>{rupiah(r.costs.operational, language)}</td>
                    <td className="gu-plans__money" data-label={t('budget.uncategorised')}>{rupiah(r.costs.uncategorised, language)}</td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h3 className="gu-plans__subtitle">{t('budget.yearsTitle')}</h3>
      <table className="gu-plans__table gu-plans__table--stack" data-testid="plan-budget-years">
        <thead>
          <tr>
            <th scope="col">{t('allocations.year')}</th>
            <th scope="col">{t('budget.planned')}</th>
            <th scope="col">{t('budget.approved')}</th>
            <th scope="col">{t('budget.notApproved')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.fiscalYear ?? 'none'} data-testid="budget-year" data-year={y.fiscalYear ?? ''}>
              <td>{y.fiscalYear ?? t('budget.noYear')}</td>
              <td className="gu-plans__money" data-label={t('budget.planned')}>{rupiah(y.planned, language)}</td>
              <td className="gu-plans__money" data-label={t('budget.approved')}>{rupiah(y.approved, language)}</td>
              <td className="gu-plans__money" data-label={t('budget.notApproved')}>{rupiah(y.pending, language)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="gu-plans__subtitle">{t('allocations.title')}</h3>
      {plan.allocations.length === 0 ? (
        <p className="gu-plans__muted" data-testid="allocations-none">
          {plan.status === 'draft' ? t('allocations.notEndorsed') : t('allocations.none')}
        </p>
      ) : (
        <table className="gu-plans__table gu-plans__table--stack" data-testid="plan-allocations">
          <thead>
            <tr>
              <th scope="col">{t('allocations.activity')}</th>
              <th scope="col">{t('allocations.year')}</th>
              <th scope="col">{t('allocations.amount')}</th>
              <th scope="col">{t('allocations.planned')}</th>
              <th scope="col">{t('allocations.source')}</th>
              <th scope="col">{t('allocations.approved')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.allocations.map((a) => (
              <tr key={a.id}>
                <td>{codeOf.get(a.activityId) ?? a.activityId}</td>
                <td data-label={t('allocations.year')}>{a.fiscalYear}</td>
                <td className="gu-plans__money" data-label={t('allocations.amount')}>{rupiah(a.amount, language)}</td>
                <td className="gu-plans__money" data-label={t('allocations.planned')}>{rupiah(plannedFor(a.activityId, a.fiscalYear), language)}</td>
                <td data-label={t('allocations.source')}>{labels.option('budgetLines/items/budgetSource', a.budgetSource)}</td>
                <td data-label={t('allocations.approved')}>{a.approvedByParliament ? t('allocations.yes') : t('allocations.notYet')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AllocationForm plan={plan} labels={labels} onChanged={onChanged} />
    </Card>
  );
}

/** The regional budget calendar per budget year: each step's date, and where the plan's own steps are. */
export function BudgetCalendarCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  if (plan.budgetCalendar.length === 0) return null;
  return (
    <Card data-testid="plan-budget-calendar">
      <h2 className="gu-plans__section-title">{t('calendar.title')}</h2>
      <p className="gu-plans__muted">{t('calendar.intro')}</p>
      {plan.budgetCalendar.map((year) => (
        <section key={year.fiscalYear} data-testid="budget-calendar-year" data-year={year.fiscalYear}>
          <h3 className="gu-plans__subtitle">{t('calendar.year', { year: year.fiscalYear })}</h3>
          <table className="gu-plans__table gu-plans__table--stack">
            <thead>
              <tr>
                <th scope="col">{t('calendar.milestone')}</th>
                <th scope="col">{t('calendar.date')}</th>
                <th scope="col">{t('calendar.status')}</th>
              </tr>
            </thead>
            <tbody>
              {year.steps.map((step) => (
                <tr key={step.milestone} data-testid="budget-calendar-step" data-milestone={step.milestone} data-status={step.status} data-date={step.date}>
                  <td>{t(`calendar.milestones.${step.milestone}`)}</td>
                  <td className="gu-plans__money" data-label={t('calendar.date')}>{formatDate(step.date, language)}</td>
                  <td data-label={t('calendar.status')}>
                    <span className={`gu-plans__pill gu-plans__calendar--${step.status}`}>{t(`calendar.statuses.${step.status}`)}</span>
                    {step.of !== undefined && <span className="gu-plans__meta">{t('calendar.agencies', { done: step.done ?? 0, of: step.of })}</span>}
                    {step.taskId && (
                      <Link className="gu-plans__meta" to={planPaths.task(step.taskId)}>
                        {t('integration.task')}
                      </Link>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </Card>
  );
}

/** Per budget year: planned (Σ the version's lines of that year), allocated once the DPRD approved it, and recorded but not approved yet. */
function yearRows(budget: NonNullable<PlanView['current']>['budget'], allocations: PlanView['allocations']): { fiscalYear: number | null; planned: number; approved: number; pending: number }[] {
  const rows = new Map<number | null, { fiscalYear: number | null; planned: number; approved: number; pending: number }>();
  const row = (fiscalYear: number | null) => rows.get(fiscalYear) ?? rows.set(fiscalYear, { fiscalYear, planned: 0, approved: 0, pending: 0 }).get(fiscalYear)!;
  for (const y of budget.years) row(y.fiscalYear).planned += y.total;
  for (const a of allocations) {
    if (a.approvedByParliament) row(a.fiscalYear).approved += a.amount;
    else row(a.fiscalYear).pending += a.amount;
  }
  return [...rows.values()].sort((a, b) => (a.fiscalYear ?? Infinity) - (b.fiscalYear ?? Infinity));
}

export function IntegrationsCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  if (!plan.integrations.length && !plan.reportingGaps.length) return null;
  return (
    <Card data-testid="plan-integrations">
      <h2 className="gu-plans__section-title">{t('integration.title')}</h2>
      {plan.integrations.length === 0 ? (
        <p className="gu-plans__muted">{t('integration.none')}</p>
      ) : (
        <table className="gu-plans__table gu-plans__table--stack">
          <thead>
            <tr>
              <th scope="col">{t('integration.agency')}</th>
              <th scope="col">{t('integration.document')}</th>
              <th scope="col">{t('integration.due')}</th>
              <th scope="col">{t('integration.status')}</th>
              <th scope="col">{t('integration.pprg')}</th>
            </tr>
          </thead>
          <tbody>
            {plan.integrations.map((i, n) => (
              <tr key={`${i.agency.id}-${i.document}-${i.fiscalYear ?? ''}-${n}`} data-testid="integration" data-status={i.status}>
                <td>{i.agency.name ?? i.agency.id}</td>
                <td data-label={t('integration.document')}>
                  {t(`documents.${i.document}`)}
                  {i.fiscalYear && ` ${i.fiscalYear}`}
                </td>
                <td data-label={t('integration.due')}>{i.dueDate ? formatDate(i.dueDate, language) : '—'}</td>
                <td data-label={t('integration.status')}>
                  <span className={`gu-plans__pill gu-plans__integration--${i.status}`}>{t(`integrationStatus.${i.status}`)}</span>
                  {i.reason && <span className="gu-plans__meta">{i.reason[language]}</span>}
                  {i.taskId && (
                    <Link className="gu-plans__meta" to={planPaths.task(i.taskId)}>
                      {t('integration.task')}
                    </Link>
                  )}
                </td>
                <td data-label={t('integration.pprg')} data-testid="integration-pprg">
                  {i.pprg ? (
                    <>
                      <span className="gu-plans__meta">
                        {t('integration.pprgGap')}: {i.pprg.gapAnalysisDone ? t('integration.yes') : t('integration.no')}
                      </span>
                      <span className="gu-plans__meta">
                        {t('integration.pprgGbs')}: {i.pprg.genderBudgetStatementPrepared ? (i.pprg.gbsDocumentRef ?? t('integration.yes')) : t('integration.no')}
                      </span>
                      {i.pprg.genderIssues && <span className="gu-plans__meta">{i.pprg.genderIssues}</span>}
                    </>
                  ) : (
                    t('integration.pprgNone')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {plan.reportingGaps.length > 0 && (
        <>
          <h3 className="gu-plans__subtitle">{t('progress.gaps')}</h3>
          <ul className="gu-plans__plain-list" data-testid="reporting-gaps">
            {plan.reportingGaps.map((g) => (
              <li key={`${g.period}-${g.agency.id}`}>
                {g.agency.name ?? g.agency.id} · {quarterLabel(g.period, language)}
                {g.taskId && (
                  <>
                    {' · '}
                    <Link to={planPaths.task(g.taskId)}>{t('integration.task')}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

export function WorkingGroupCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation('plans');
  return (
    <Card data-testid="plan-working-group">
      <h2 className="gu-plans__section-title">{t('workingGroup.title')}</h2>
      <ul className="gu-plans__plain-list">
        {plan.workingGroup.map((m, i) => (
          <li key={`${m.agencyId}-${i}`}>
            <span className="gu-plans__strong">{m.agencyName ?? m.agencyId}</span> · {m.positionTitle} · <span className="gu-plans__pill">{t(`parts.${m.part}`)}</span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

const BODIES: OutsideBodyStep['body'][] = ['regulation_harmonisation', 'signature_queue', 'other'];

/** A body outside the task force takes the draft (the reviewer's clock stops), with its evidence; and gives it back. */
export function OutsideStepPanel({ plan, onChanged }: { plan: PlanView; onChanged: () => void }) {
  const { t } = useTranslation('plans');
  const startStep = useStartOutsideStep();
  const endStep = useEndOutsideStep();
  const [body, setBody] = useState<OutsideBodyStep['body']>('regulation_harmonisation');
  const [referenceNumber, setReferenceNumber] = useState('');
  const [date, setDate] = useState('');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const open = plan.outsideSteps.find((s) => s.endedAt === null);
  const server = startStep.fieldErrors;
  if (!plan.can.recordOutsideStep) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps = { referenceNumber: !referenceNumber.trim(), date: !date };
    setMissing(gaps);
    if (gaps.referenceNumber || gaps.date) return;
    if (await startStep.submit({ planId: plan.id, body, referenceNumber: referenceNumber.trim(), date, note: note.trim() || undefined })) onChanged();
  };
  const end = async (stepId: string) => {
    if (await endStep.submit({ planId: plan.id, stepId })) onChanged();
  };

  return (
    <div className="gu-plans__outside" data-testid="outside-step-panel">
      {open ? (
        <div className="gu-plans__actions">
          <span>{t('outside.openNow', { body: t(`outsideBodies.${open.body}`), number: open.referenceNumber })}</span>
          <Button variant="secondary" onClick={() => void end(open.id)} disabled={endStep.isSubmitting} data-testid="outside-end">
            {t('outside.end')}
          </Button>
        </div>
      ) : (
        <details className="gu-plans__details">
          <summary>{t('outside.start')}</summary>
          <form className="gu-plans__form" onSubmit={(e) => void submit(e)} noValidate>
            <p className="gu-plans__muted">{t('outside.intro')}</p>
            <div className="gu-plans__grid">
              <SelectField label={t('outside.body')} value={body} onChange={(e) => setBody(e.target.value as OutsideBodyStep['body'])} error={server['body']}>
                {BODIES.map((b) => (
                  <option key={b} value={b}>
                    {t(`outsideBodies.${b}`)}
                  </option>
                ))}
              </SelectField>
              <TextField label={t('outside.referenceNumber')} value={referenceNumber} required maxLength={100} onChange={(e) => setReferenceNumber(e.target.value)} error={missing['referenceNumber'] ? t('start.required') : server['referenceNumber']} />
              <TextField label={t('outside.date')} type="date" value={date} required onChange={(e) => setDate(e.target.value)} error={missing['date'] ? t('start.required') : server['date']} />
              <TextField label={t('outside.note')} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} error={server['note']} />
            </div>
            <div className="gu-plans__actions">
              <Button type="submit" disabled={startStep.isSubmitting} data-testid="outside-submit">
                {t('outside.submit')}
              </Button>
            </div>
          </form>
        </details>
      )}
      {startStep.error && !Object.keys(server).length && <ApiErrorAlert error={startStep.error} />}
      {endStep.error && <ApiErrorAlert error={endStep.error} />}
    </div>
  );
}
