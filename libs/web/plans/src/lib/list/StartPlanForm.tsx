import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView, WorkingGroupMember } from '@gugus/contracts';
import { useAgencies, useStartPlan } from '@gugus/web-data-access';
import { Button, Card, SelectField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';

export interface StartPlanFormProps {
  jurisdictionCode: string;
  onStarted: (plan: PlanView) => void;
  onCancel: () => void;
}

const PARTS: WorkingGroupMember['part'][] = ['facilitator', 'note_taker', 'resource_person', 'member'];
type Row = WorkingGroupMember & { key: number };

/**
 * Period, title and Working Group → POST /plans (seed 000 §4.5: decision-makers of member agencies, a
 * facilitator and a note-taker, optionally a resource person). The sections follow the task force's Sub-TFs.
 */
export function StartPlanForm({ jurisdictionCode, onStarted, onCancel }: StartPlanFormProps) {
  const { t } = useTranslation('plans');
  const start = useStartPlan();
  const agencies = useAgencies(jurisdictionCode);
  const [periodStart, setPeriodStart] = useState(String(new Date().getFullYear() + 1));
  const [periodYears, setPeriodYears] = useState<3 | 5>(5);
  const [title, setTitle] = useState('');
  const [rows, setRows] = useState<Row[]>([
    { key: 0, agencyId: '', positionTitle: '', part: 'facilitator' },
    { key: 1, agencyId: '', positionTitle: '', part: 'note_taker' },
  ]);
  const [nextKey, setNextKey] = useState(2);
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const server = start.fieldErrors;
  const required = t('start.required');
  const year = Number(periodStart);

  const update = (key: number, change: Partial<WorkingGroupMember>) => {
    setRows((all) => all.map((r) => (r.key === key ? { ...r, ...change } : r)));
    // A field once filled in no longer says it is missing.
    setMissing((m) => ({ ...m, ...(change.agencyId ? { [`agency:${key}`]: false } : {}), ...(change.positionTitle?.trim() ? { [`position:${key}`]: false } : {}) }));
  };
  const add = () => {
    setRows((all) => [...all, { key: nextKey, agencyId: '', positionTitle: '', part: 'member' }]);
    setNextKey((k) => k + 1);
  };
  const remove = (key: number) => setRows((all) => all.filter((r) => r.key !== key));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const gaps: Record<string, boolean> = { periodStart: !/^\d{4}$/.test(periodStart), workingGroup: rows.length === 0 };
    rows.forEach((r) => {
      gaps[`agency:${r.key}`] = !r.agencyId;
      gaps[`position:${r.key}`] = !r.positionTitle.trim();
    });
    setMissing(gaps);
    if (Object.values(gaps).some(Boolean)) return;
    const plan = await start.submit({
      jurisdictionCode,
      periodStart: year,
      periodYears,
      title: title.trim() || undefined,
      workingGroup: rows.map(({ agencyId, positionTitle, part }) => ({ agencyId, positionTitle: positionTitle.trim(), part })),
    });
    if (plan) onStarted(plan);
  };

  const groupError = (i: number, field: string) => server[`workingGroup.${i}.${field}`];
  const knownFields = ['periodStart', 'periodYears', 'title', 'workingGroup'];
  const shownByField = Object.keys(server).some((f) => knownFields.some((k) => f.startsWith(k)));

  return (
    <Card data-testid="start-plan">
      <h2 className="gu-plans__section-title">{t('start.title')}</h2>
      <p className="gu-plans__muted">{t('start.intro')}</p>
      <form className="gu-plans__form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="gu-plans__grid">
          <TextField
            label={t('start.periodStart')}
            type="number"
            inputMode="numeric"
            min={2000}
            max={2100}
            value={periodStart}
            required
            onChange={(e) => {
              setPeriodStart(e.target.value);
              setMissing((m) => ({ ...m, periodStart: false }));
            }}
            error={missing['periodStart'] ? required : server['periodStart']}
          />
          <SelectField label={t('start.periodYears')} value={String(periodYears)} required onChange={(e) => setPeriodYears(e.target.value === '3' ? 3 : 5)} error={server['periodYears']}>
            <option value="5">{t('start.years', { count: 5 })}</option>
            <option value="3">{t('start.years', { count: 3 })}</option>
          </SelectField>
          <TextField
            className="gu-plans__wide-input"
            label={t('start.planTitle')}
            hint={/^\d{4}$/.test(periodStart) ? t('start.planTitleHint', { start: year, end: year + periodYears - 1 }) : undefined}
            value={title}
            maxLength={200}
            onChange={(e) => setTitle(e.target.value)}
            error={server['title']}
          />
        </div>
        <fieldset className="gu-plans__fieldset" data-testid="working-group">
          <legend>{t('start.workingGroup')}</legend>
          <p className="gu-plans__muted">{t('start.workingGroupHint')}</p>
          {missing['workingGroup'] && <p className="gu-plans__error">{t('start.workingGroupEmpty')}</p>}
          <ol className="gu-plans__members">
            {rows.map((r, i) => (
              <li key={r.key} className="gu-plans__member" data-testid="wg-member">
                <SelectField
                  label={t('start.agency')}
                  value={r.agencyId}
                  required
                  onChange={(e) => update(r.key, { agencyId: e.target.value })}
                  error={missing[`agency:${r.key}`] ? required : groupError(i, 'agencyId')}
                >
                  <option value="">{t('start.choose')}</option>
                  {agencies.data?.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.name}
                    </option>
                  ))}
                </SelectField>
                <SelectField label={t('start.part')} value={r.part} required onChange={(e) => update(r.key, { part: e.target.value as WorkingGroupMember['part'] })} error={groupError(i, 'part')}>
                  {PARTS.map((p) => (
                    <option key={p} value={p}>
                      {t(`parts.${p}`)}
                    </option>
                  ))}
                </SelectField>
                <TextField
                  label={t('start.positionTitle')}
                  placeholder={t('start.positionTitleHint')}
                  value={r.positionTitle}
                  maxLength={200}
                  required
                  onChange={(e) => update(r.key, { positionTitle: e.target.value })}
                  error={missing[`position:${r.key}`] ? required : groupError(i, 'positionTitle')}
                />
                <Button variant="secondary" className="gu-plans__remove" onClick={() => remove(r.key)} aria-label={t('start.removeMember', { n: i + 1 })}>
                  {t('start.remove')}
                </Button>
              </li>
            ))}
          </ol>
          <Button variant="secondary" className="gu-plans__add" onClick={add} data-testid="wg-add">
            {t('start.addMember')}
          </Button>
        </fieldset>
        {agencies.error && <ApiErrorAlert error={agencies.error} />}
        {start.error && !shownByField && <ApiErrorAlert error={start.error} title={t('start.failed')} />}
        {start.error && shownByField && server['workingGroup'] && <p className="gu-plans__error">{server['workingGroup']}</p>}
        <div className="gu-plans__actions">
          <Button type="submit" disabled={start.isSubmitting} data-testid="start-submit">
            {start.isSubmitting ? t('start.submitting') : t('start.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('start.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
