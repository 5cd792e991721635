import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PlanView } from '@gugus/contracts';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { Card } from '@gugus/web-ui';
import { planPaths } from '../paths';

type Holder = PlanView['reports'][number]['heldBy'][number];

/** One entry per agency (an agency may hold several Sub-TFs' parts), linking to its first open task. */
function byAgency(heldBy: Holder[]): (Holder & { count: number })[] {
  const seen = new Map<string, Holder & { count: number }>();
  for (const h of heldBy) {
    const entry = seen.get(h.agency.id);
    if (entry) entry.count += 1;
    else seen.set(h.agency.id, { ...h, count: 1 });
  }
  return [...seen.values()];
}

/**
 * The performance reports, one row per year (and one for the end of the period): which step of the chain
 * each is at — the Sub-TFs' parts, compiling, the steering chair, the chair, the plenary, the release —
 * and who holds it now.
 */
export function ReportsCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  if (!plan.reports.length) return null;
  return (
    <Card data-testid="plan-reports">
      <h2 className="gu-plans__section-title">{t('reports.title')}</h2>
      <p className="gu-plans__muted">{t('task.reportChain')}</p>
      <table className="gu-plans__table gu-plans__table--stack">
        <thead>
          <tr>
            <th scope="col">{t('reports.report')}</th>
            <th scope="col">{t('reports.step')}</th>
            <th scope="col">{t('reports.heldBy')}</th>
          </tr>
        </thead>
        <tbody>
          {plan.reports.map((r) => (
            <tr key={`${r.kind}-${r.year}`} data-testid="plan-report" data-step={r.step}>
              <td>{t(r.kind === 'annual' ? 'task.reportAnnual' : 'task.reportFinal', { period: r.period })}</td>
              <td data-label={t('reports.step')}>
                <span className={`gu-plans__pill gu-plans__report--${r.step}`}>{r.cancelled ? t('reports.cancelled') : t(`reports.steps.${r.step}`)}</span>
                {r.step === 'part' && <span className="gu-plans__meta">{t('reports.parts', { done: formatNumber(r.partsDone, language), total: formatNumber(r.partsTotal, language) })}</span>}
                {r.round > 1 && <span className="gu-plans__meta">{t('plan.round', { round: formatNumber(r.round, language) })}</span>}
              </td>
              <td data-label={t('reports.heldBy')}>
                {r.heldBy.length === 0
                  ? '—'
                  : byAgency(r.heldBy).map((h, i) => (
                      <span key={h.taskId} data-testid="plan-report-holder">
                        {i > 0 && ', '}
                        <Link to={planPaths.task(h.taskId)}>{h.agency.name ?? h.agency.id}</Link>
                        {h.count > 1 && <span className="gu-plans__meta"> {t('reports.tasks', { n: formatNumber(h.count, language) })}</span>}
                      </span>
                    ))}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}
