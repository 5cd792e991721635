import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView } from '@gugus/contracts';
import { useLanguage } from '@gugus/web-i18n';
import { SelectField } from '@gugus/web-ui';
import { ProgressCharts } from '../charts/Charts';
import { decimal, quarterLabel, rupiah } from '../format';
import type { PlanFormLabels } from '../document/planForm';

/**
 * Quarterly progress per activity, as charts for one activity at a time (indicator against its target,
 * spending to date against its budget) and as a table of every activity's latest report.
 */
export function ProgressPanel({ plan, labels }: { plan: PlanView; labels: PlanFormLabels }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const version = plan.current;
  const activities = version?.content.sections.flatMap((s) => s.activities) ?? [];
  const reported = activities.filter((a) => plan.progress.some((p) => p.activityId === a.activityId));
  const [chosen, setChosen] = useState('');
  if (!version) return null;
  if (!reported.length) return <p className="gu-plans__muted" data-testid="progress-none">{t('progress.none')}</p>;
  const activity = reported.find((a) => a.activityId === chosen) ?? reported[0];
  const budgetOf = (id: string) => version.budget.activities.find((b) => b.activityId === id)?.total ?? 0;
  const pointsOf = (id: string) => plan.progress.filter((p) => p.activityId === id).sort((a, b) => a.period.localeCompare(b.period));
  let spent = 0;
  const periods = pointsOf(activity.activityId).map((p) => {
    spent += p.spent ?? 0;
    return { period: p.period, label: quarterLabel(p.period, language), indicator: p.indicatorValue, spentToDate: spent };
  });
  return (
    <div className="gu-plans__progress" data-testid="plan-progress">
      <SelectField label={t('progress.activity')} value={activity.activityId} onChange={(e) => setChosen(e.target.value)} data-testid="progress-activity">
        {reported.map((a) => (
          <option key={a.activityId} value={a.activityId}>
            {a.answers.code} · {a.answers.activity}
          </option>
        ))}
      </SelectField>
      <ProgressCharts
        series={{
          periods,
          baseline: activity.answers.baseline,
          target: activity.answers.target,
          budget: budgetOf(activity.activityId),
          unit: labels.option('indicatorUnit', activity.answers.indicatorUnit),
        }}
      />
      <details className="gu-plans__details">
        <summary>{t('progress.table')}</summary>
        <table className="gu-plans__table gu-plans__table--stack" data-testid="progress-table">
          <thead>
            <tr>
              <th scope="col">{t('document.columns.code')}</th>
              <th scope="col">{t('progress.latest')}</th>
              <th scope="col">{t('progress.indicator')}</th>
              <th scope="col">{t('progress.spent')}</th>
            </tr>
          </thead>
          <tbody>
            {reported.map((a) => {
              const points = pointsOf(a.activityId);
              const last = points[points.length - 1];
              const spentToDate = points.reduce((sum, p) => sum + (p.spent ?? 0), 0);
              return (
                <tr key={a.activityId}>
                  <td>
                    {a.answers.code} <span className="gu-plans__meta">{a.answers.activity}</span>
                  </td>
                  <td data-label={t('progress.latest')}>{quarterLabel(last.period, language)}</td>
                  <td data-label={t('progress.indicator')}>
                    {last.indicatorValue === null ? '—' : decimal(last.indicatorValue, language)} / {decimal(a.answers.target, language)}
                  </td>
                  <td data-label={t('progress.spent')}>
                    {rupiah(spentToDate, language)} / {rupiah(budgetOf(a.activityId), language)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </details>
    </div>
  );
}
