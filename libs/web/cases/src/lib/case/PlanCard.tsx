import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { CasePlanItemFields, CasePlanItemView, CasePlanView, CaseReadPurpose, CaseView } from '@gugus/contracts';
import { useAddPlanItem, useCasePlan, useServiceDirectory, useUpdatePlanItem } from '@gugus/web-data-access';
import { formatDate, formatDateTime, formatNumber, jakartaToday, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, SelectField, Tag, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { casePaths } from '../paths';

type Labels = CasePlanView['labels'];
const FIELDS: (keyof CasePlanItemFields)[] = ['serviceType', 'agencyId', 'horizon', 'budgetLine', 'fundingSource', 'amountPlanned', 'amountSpent', 'startsOn', 'endsOn', 'status'];

/**
 * The case-management plan (issue 11, step 10): the services the person needs, each with the agency
 * responsible for it — chosen from the province's directory of service providers —, its budget line and
 * funding source, dates, amounts and status; totals per funding source and the history of changes. The
 * whole team edits it; a change made on a plan a colleague has changed meanwhile is refused, and the card
 * offers to reload it (nothing already saved is lost).
 */
export function PlanCard({ view, purpose }: { view: CaseView; purpose: CaseReadPurpose }) {
  const { t } = useTranslation('cases');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const plan = useCasePlan(view.code, purpose);
  const [editing, setEditing] = useState<CasePlanItemView | 'new' | null>(null);
  const [saved, setSaved] = useState(false);
  const data = plan.data;
  const rupiah = (n: number | null) => (n === null ? '—' : `Rp ${formatNumber(n, language)}`);

  return (
    <Card className="gu-cases__plan" data-testid="case-plan">
      <div className="gu-cases__consent-head">
        <h2 className="gu-cases__section-title">{t('plan.title')}</h2>
        {data?.canEdit && editing === null && (
          <Button variant="secondary" onClick={() => { setSaved(false); setEditing('new'); }} data-testid="plan-add">
            {t('plan.add')}
          </Button>
        )}
      </div>
      <p className="gu-cases__muted">{t('plan.intro')}</p>
      {plan.error && <ApiErrorAlert error={plan.error} />}
      {plan.isLoading && !data && <Loading label={tc('loading')} />}
      {saved && <Alert tone="success" data-testid="plan-saved">{t('plan.saved')}</Alert>}
      {data && !data.items.length && <p data-testid="plan-none">{t('plan.none')}</p>}
      {data && data.items.length > 0 && (
        <table className="gu-cases__table gu-cases__table--words" data-testid="plan-items">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('plan.columns.service')}</th>
              <th scope="col">{t('plan.columns.agency')}</th>
              <th scope="col">{t('plan.columns.budget')}</th>
              <th scope="col">{t('plan.columns.amounts')}</th>
              <th scope="col">{t('plan.columns.dates')}</th>
              <th scope="col">{t('plan.columns.status')}</th>
              {data.canEdit && <th scope="col"><span className="gu-visually-hidden">{t('plan.edit')}</span></th>}
            </tr>
          </thead>
          <tbody>
            {data.items.map((i) => (
              <tr key={i.id} data-testid="plan-item" data-service={i.serviceType} data-status={i.status}>
                <td>{i.number}</td>
                <td data-label={t('plan.columns.service')}>
                  {label(data.labels.services, i.serviceType, language)}
                  <br />
                  <span className="gu-cases__muted">{label(data.labels.horizons, i.horizon, language)}</span>
                </td>
                <td data-label={t('plan.columns.agency')} data-testid="plan-item-agency">{i.agency.name ?? i.agency.id}</td>
                <td data-label={t('plan.columns.budget')}>
                  {label(data.labels.fundingSources, i.fundingSource, language)}
                  {i.budgetLine && (
                    <>
                      <br />
                      <span className="gu-cases__muted">{i.budgetLine}</span>
                    </>
                  )}
                </td>
                <td data-label={t('plan.columns.amounts')} data-testid="plan-item-amounts" className="gu-cases__nowrap">
                  {rupiah(i.amountPlanned)}
                  <br />
                  <span className="gu-cases__muted">{t('plan.spent', { amount: rupiah(i.amountSpent) })}</span>
                </td>
                <td data-label={t('plan.columns.dates')} className="gu-cases__nowrap">
                  {formatDate(i.startsOn, language)}
                  {i.endsOn && (
                    <>
                      <br />– {formatDate(i.endsOn, language)}
                    </>
                  )}
                </td>
                <td data-label={t('plan.columns.status')}>
                  <Tag tone={i.status === 'done' ? 'accent' : i.status === 'in_progress' ? 'primary' : 'neutral'}>{label(data.labels.statuses, i.status, language)}</Tag>
                  {i.referral && <div className="gu-cases__muted">{t('plan.referral', { number: i.referral.number, status: t(`referrals.status.${i.referral.status}`, { defaultValue: i.referral.status }) })}</div>}
                </td>
                {data.canEdit && (
                  <td>
                    <Button variant="secondary" onClick={() => { setSaved(false); setEditing(i); }} disabled={editing !== null} data-testid="plan-item-edit">
                      {t('plan.edit')}
                    </Button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {data && data.totals.length > 0 && (
        <div data-testid="plan-totals">
          <h3 className="gu-cases__consent-subtitle">{t('plan.totals')}</h3>
          <ul className="gu-cases__consent-list">
            {data.totals.map((x) => (
              <li key={x.fundingSource} data-source={x.fundingSource}>
                {label(data.labels.fundingSources, x.fundingSource, language)}: {t('plan.total', { planned: rupiah(x.planned), spent: rupiah(x.spent) })}
              </li>
            ))}
          </ul>
        </div>
      )}
      {data && editing !== null && (
        <ItemForm
          key={editing === 'new' ? 'new' : editing.id}
          view={view}
          plan={data}
          item={editing === 'new' ? undefined : editing}
          onSaved={() => { setEditing(null); setSaved(true); plan.reload(); }}
          onReload={() => {
            // The colleague's change wins: the form closes on the reloaded plan, to be opened again on it.
            setEditing(null);
            plan.reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      {data && data.changes.length > 0 && (
        <details className="gu-cases__plan-history" data-testid="plan-history">
          <summary>{t('plan.history', { count: data.changes.length })}</summary>
          <ul className="gu-cases__consent-list">
            {data.changes.map((c) => (
              <li key={c.planVersion} data-testid="plan-change">
                {t(c.action === 'added' ? 'plan.added' : 'plan.changed', { number: c.itemNumber, fields: c.fields.map((f) => t(`plan.fields.${f as keyof CasePlanItemFields}`)).join(', ') })}
                {c.action === 'changed' && c.before?.status && c.after.status && ` (${label(data.labels.statuses, c.before.status, language)} → ${label(data.labels.statuses, c.after.status, language)})`}
                <span className="gu-cases__muted"> — {c.actor.name ?? t('plan.someone')}, {formatDateTime(c.at, language, { seconds: false })}</span>
              </li>
            ))}
          </ul>
        </details>
      )}
      <p>
        <Link to={`${casePaths.directory}?provinsi=${view.jurisdictionCode.slice(0, 2)}`} data-testid="plan-directory-link">
          {t('plan.directory')}
        </Link>
      </p>
    </Card>
  );
}

function label(labels: Labels[keyof Labels], code: string, language: 'id' | 'en'): string {
  return labels[code]?.[language] ?? code;
}

function ItemForm({ view, plan, item, onSaved, onReload, onCancel }: { view: CaseView; plan: CasePlanView; item?: CasePlanItemView; onSaved: () => void; onReload: () => void; onCancel: () => void }) {
  const { t } = useTranslation('cases');
  const { language } = useLanguage();
  const add = useAddPlanItem();
  const update = useUpdatePlanItem();
  const mutation = item ? update : add;
  const [values, setValues] = useState<CasePlanItemFields>(() =>
    item
      ? (Object.fromEntries(FIELDS.map((f) => [f, item[f]])) as unknown as CasePlanItemFields)
      : { serviceType: '', agencyId: '', horizon: 'immediate', budgetLine: '', fundingSource: view.jurisdictionCode.includes('.') ? 'apbd_regency' : 'apbd_province', amountPlanned: 0, amountSpent: null, startsOn: jakartaToday(), endsOn: null, status: 'planned' },
  );
  const providers = useServiceDirectory(values.serviceType ? view.jurisdictionCode.slice(0, 2) : undefined, values.serviceType || undefined);
  const set = (patch: Partial<CasePlanItemFields>) => setValues((v) => ({ ...v, ...patch }));
  const error = (field: keyof CasePlanItemFields) => mutation.fieldErrors[`item/${field}`];
  const options = (labels: Record<string, { id: string; en: string }>) => Object.entries(labels).map(([code, l]) => <option key={code} value={code}>{l[language]}</option>);
  // The agency the item already has stays a choice even when the directory no longer lists it for the service.
  const agencies = [...(providers.data?.items ?? []).map((p) => ({ id: p.agency.id, name: p.agency.name ?? p.agency.id, capacity: p.capacity }))];
  if (item && item.serviceType === values.serviceType && !agencies.some((a) => a.id === item.agencyId)) agencies.unshift({ id: item.agencyId, name: item.agency.name ?? item.agencyId, capacity: null });
  const money = (text: string) => (text.trim() === '' ? null : Number(text.replace(/[.\s]/g, '')));
  const stale = mutation.error?.code === 'CONFLICT';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const body = { code: view.code, expectedVersion: plan.version, item: { ...values, budgetLine: values.budgetLine?.trim() ? values.budgetLine : null, endsOn: values.endsOn || null } };
    const done = item ? await update.submit({ ...body, itemId: item.id }) : await add.submit(body);
    if (done) onSaved();
  };

  return (
    <form className="gu-cases__consent-form" onSubmit={(e) => void submit(e)} data-testid="plan-form" noValidate>
      <h3 className="gu-cases__consent-subtitle">{item ? t('plan.editTitle', { number: item.number }) : t('plan.addTitle')}</h3>
      <SelectField label={t('plan.fields.serviceType')} value={values.serviceType} onChange={(e) => set({ serviceType: e.target.value, agencyId: '' })} error={error('serviceType')} required data-testid="plan-service">
        <option value="">{t('plan.choose')}</option>
        {options(plan.labels.services)}
      </SelectField>
      <SelectField
        label={t('plan.fields.agencyId')}
        hint={values.serviceType && providers.data && !agencies.length ? t('plan.noProvider') : t('plan.agencyHint')}
        value={values.agencyId}
        onChange={(e) => set({ agencyId: e.target.value })}
        error={error('agencyId')}
        disabled={!values.serviceType}
        required
        data-testid="plan-agency"
      >
        <option value="">{t('plan.choose')}</option>
        {agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.capacity === null ? a.name : t('plan.withCapacity', { name: a.name, capacity: a.capacity })}
          </option>
        ))}
      </SelectField>
      <SelectField label={t('plan.fields.horizon')} value={values.horizon} onChange={(e) => set({ horizon: e.target.value })} error={error('horizon')} data-testid="plan-horizon">
        {options(plan.labels.horizons)}
      </SelectField>
      <SelectField label={t('plan.fields.fundingSource')} value={values.fundingSource} onChange={(e) => set({ fundingSource: e.target.value })} error={error('fundingSource')} data-testid="plan-source">
        {options(plan.labels.fundingSources)}
      </SelectField>
      <TextField label={t('plan.fields.budgetLine')} hint={t('plan.budgetLineHint')} value={values.budgetLine ?? ''} maxLength={160} onChange={(e) => set({ budgetLine: e.target.value })} error={error('budgetLine')} data-testid="plan-budget-line" />
      <TextField label={t('plan.fields.amountPlanned')} inputMode="numeric" value={String(values.amountPlanned)} onChange={(e) => set({ amountPlanned: money(e.target.value) ?? 0 })} error={error('amountPlanned')} data-testid="plan-amount" />
      <TextField label={t('plan.fields.amountSpent')} inputMode="numeric" value={values.amountSpent === null ? '' : String(values.amountSpent)} onChange={(e) => set({ amountSpent: money(e.target.value) })} error={error('amountSpent')} data-testid="plan-spent" />
      <TextField label={t('plan.fields.startsOn')} type="date" value={values.startsOn} onChange={(e) => set({ startsOn: e.target.value })} error={error('startsOn')} data-testid="plan-starts" />
      <TextField label={t('plan.fields.endsOn')} type="date" value={values.endsOn ?? ''} onChange={(e) => set({ endsOn: e.target.value || null })} error={error('endsOn')} data-testid="plan-ends" />
      <SelectField label={t('plan.fields.status')} value={values.status} onChange={(e) => set({ status: e.target.value })} error={error('status')} data-testid="plan-status">
        {options(plan.labels.statuses)}
      </SelectField>
      {mutation.error && <ApiErrorAlert error={mutation.error} />}
      {stale && (
        <Button variant="secondary" onClick={onReload} data-testid="plan-reload">
          {t('plan.reload')}
        </Button>
      )}
      <div className="gu-cases__consent-actions">
        <Button type="submit" disabled={mutation.isSubmitting} data-testid="plan-save">
          {mutation.isSubmitting ? t('plan.saving') : t('plan.save')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={mutation.isSubmitting}>
          {t('plan.cancel')}
        </Button>
      </div>
    </form>
  );
}
