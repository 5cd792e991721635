import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import type { PlanAnalytics, PlanAnalyticsOverview } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { usePlanAnalyticsOverview } from '@gugus/web-data-access';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { Alert, Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert, JurisdictionSelect } from '@gugus/web-shared';
import { StageDaysChart } from '../charts/Charts';
import { decimal } from '../format';
import { analyticsJurisdictions, mayReadAnalyticsIn } from '../grants';
import { useRoleName, useStepName } from '../PlanBadges';
import { planPaths } from '../paths';
import '../Plans.css';

/**
 * `/rad/analitik?wilayah=32`: how plans move, across the plans of a province (its secretariat) or of every
 * province (the national analyst): rounds, working days per stage against the settings' targets, and the
 * time with each holder per round (each Sub-TF lead or member agency in the stages held by several at
 * once); the means over the plans and each agency's totals.
 */
export function PlanAnalyticsPage() {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation('common');
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const grants = me?.grants ?? [];
  const grantCodes = analyticsJurisdictions(grants);
  const asked = params.get('wilayah') ?? '';
  const code = asked && mayReadAnalyticsIn(grants, asked) ? asked : (grantCodes[0] ?? '');
  const overview = usePlanAnalyticsOverview(code || undefined);
  const o = overview.data?.jurisdictionCode === code ? overview.data : undefined;
  return (
    <div className="gu-plans" data-testid="plan-analytics-page">
      <PageHeader title={t('analytics.title')} intro={t('analytics.intro')} breadcrumbs={[{ label: t('list.title'), to: code ? planPaths.listIn(code) : planPaths.list }, { label: t('analytics.title') }]} breadcrumbsLabel={tc('breadcrumbs')} />
      {!grantCodes.length && <Alert tone="info">{t('analytics.noAccess')}</Alert>}
      {code && (
        <Card className="gu-plans__bar">
          <JurisdictionSelect label={t('list.jurisdiction')} data-testid="analytics-jurisdiction" grantCodes={grantCodes} value={code} onChange={(next) => setParams({ wilayah: next }, { replace: true })} />
        </Card>
      )}
      {overview.error && <ApiErrorAlert error={overview.error} />}
      {overview.isLoading && !o && <Loading label={tc('loading')} />}
      {o && <Overview overview={o} />}
      {o?.plans.map((plan) => <PlanCard key={plan.planId} plan={plan} />)}
    </div>
  );
}

function Overview({ overview }: { overview: PlanAnalyticsOverview }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  if (!overview.plans.length) {
    return (
      <Card data-testid="analytics-overview">
        <p className="gu-plans__muted">{t('analytics.none')}</p>
      </Card>
    );
  }
  return (
    <Card data-testid="analytics-overview">
      <h2 className="gu-plans__section-title">{t('analytics.means', { count: overview.plans.length, n: formatNumber(overview.plans.length, language) })}</h2>
      <dl className="gu-plans__facts">
        <div>
          <dt>{t('analytics.meanRounds')}</dt>
          <dd data-testid="mean-rounds">{decimal(overview.meanRounds, language)}</dd>
        </div>
      </dl>
      <StageDaysChart rows={overview.meanStageWorkingDays.map((s) => ({ name: t(`stages.${s.stage}`), days: s.workingDays, target: s.targetWorkingDays ?? null }))} />
      <StageTable rows={overview.meanStageWorkingDays.map((s) => ({ stage: s.stage, workingDays: s.workingDays, targetWorkingDays: s.targetWorkingDays ?? null, plans: s.plans, overTarget: s.overTarget }))} />
      {!!overview.holderTotals?.length && <HolderTotals totals={overview.holderTotals} />}
    </Card>
  );
}

/** Each agency's total time per stage over the plans listed, and the mean per task (to compare agencies). */
function HolderTotals({ totals }: { totals: PlanAnalyticsOverview['holderTotals'] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const roleName = useRoleName();
  return (
    <>
      <h3 className="gu-plans__subtitle">{t('analytics.totalsTitle')}</h3>
      <p className="gu-plans__muted">{t('analytics.totalsIntro')}</p>
      <table className="gu-plans__table gu-plans__table--stack" data-testid="analytics-holder-totals">
        <Head
          columns={[
            { label: t('analytics.holder') },
            { label: t('analytics.stage') },
            { label: t('analytics.plansReached'), num: true },
            { label: t('analytics.tasks'), num: true },
            { label: t('analytics.days'), num: true },
            { label: t('analytics.perTask'), num: true },
          ]}
        />
        <tbody>
          {totals.map((h) => (
            <tr key={`${h.agency.id}-${h.role}-${h.stage}`} data-testid="holder-total" data-agency-id={h.agency.id} data-stage={h.stage}>
              <td>
                {h.agency.name ?? h.agency.id}
                <span className="gu-plans__meta">{roleName(h.role)}</span>
              </td>
              <td data-label={t('analytics.stage')}>{t(`stages.${h.stage}`)}</td>
              <td data-label={t('analytics.plansReached')} className="gu-plans__num">
                {formatNumber(h.plans, language)}
              </td>
              <td data-label={t('analytics.tasks')} className="gu-plans__num">
                {formatNumber(h.taskCount, language)}
              </td>
              <td data-label={t('analytics.days')} className="gu-plans__num">
                {formatNumber(h.workingDays, language)}
                {h.stillOpen > 0 && <span className="gu-plans__meta">{t('holder.stillOpen')}</span>}
              </td>
              <td data-label={t('analytics.perTask')} className="gu-plans__num">
                {decimal(h.meanPerTask, language)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

function PlanCard({ plan }: { plan: PlanAnalytics }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const roleName = useRoleName();
  const stepName = useStepName();
  return (
    <Card data-testid="analytics-plan" data-plan-id={plan.planId}>
      <h2 className="gu-plans__section-title">
        <Link to={planPaths.plan(plan.planId)}>{plan.title}</Link>
      </h2>
      <dl className="gu-plans__facts">
        <div>
          <dt>{t('analytics.rounds')}</dt>
          <dd data-testid="analytics-rounds">{formatNumber(plan.rounds, language)}</dd>
        </div>
        <div>
          <dt>{t('analytics.paused')}</dt>
          <dd>{t('timeline.workingDays', { count: plan.pausedWorkingDays, n: formatNumber(plan.pausedWorkingDays, language) })}</dd>
        </div>
        <div>
          <dt>{t('analytics.jurisdiction')}</dt>
          <dd>{plan.jurisdictionCode}</dd>
        </div>
      </dl>
      <h3 className="gu-plans__subtitle">{t('analytics.stagesTitle')}</h3>
      <StageDaysChart rows={plan.stages.map((s) => ({ name: t(`stages.${s.stage}`), days: s.workingDays, target: s.targetWorkingDays }))} />
      <StageTable rows={plan.stages} />
      <h3 className="gu-plans__subtitle">{t('analytics.holdersTitle')}</h3>
      <table className="gu-plans__table gu-plans__table--stack" data-testid="analytics-holders">
        <Head
          columns={[
            { label: t('analytics.round') },
            { label: t('analytics.stage') },
            { label: t('analytics.holder') },
            { label: t('analytics.step') },
            { label: t('analytics.tasks'), num: true },
            { label: t('analytics.days'), num: true },
          ]}
        />
        <tbody>
          {plan.holders.map((h, i) => (
            <tr key={`${h.round}-${h.stage}-${h.agency?.id ?? h.role}-${h.step ?? ''}-${i}`} data-testid="analytics-holder" data-stage={h.stage} data-round={h.round} data-agency-id={h.agency?.id ?? ''} data-step={h.step ?? ''} data-working-days={h.workingDays}>
              <td>{h.round > 0 ? t('analytics.roundN', { round: formatNumber(h.round, language) }) : t('analytics.beforeReview')}</td>
              <td data-label={t('analytics.stage')}>{t(`stages.${h.stage}`)}</td>
              <td data-label={t('analytics.holder')}>
                {h.agency ? (
                  <>
                    {h.agency.name ?? h.agency.id}
                    <span className="gu-plans__meta">{roleName(h.role)}</span>
                  </>
                ) : (
                  t(h.stage === 'outside_body' ? 'holder.outside' : 'holder.several')
                )}
              </td>
              <td data-label={t('analytics.step')}>{h.step ? stepName(h.step) : '—'}</td>
              <td data-label={t('analytics.tasks')} className="gu-plans__num">
                {h.taskCount ? formatNumber(h.taskCount, language) : '—'}
              </td>
              <td data-label={t('analytics.days')} className="gu-plans__num">
                {formatNumber(h.workingDays, language)}
                {h.open && <span className="gu-plans__meta">{t('holder.stillOpen')}</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

/** A table's head: the column labels in order, numeric columns right-aligned. */
function Head({ columns }: { columns: { label: string; num?: boolean }[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th key={c.label} scope="col" className={c.num ? 'gu-plans__num' : undefined}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Working days per stage against the target, as a table (what the chart shows, readable and copyable). */
function StageTable({ rows }: { rows: (PlanAnalytics['stages'][number] & { plans?: number; overTarget?: number })[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const across = rows.some((s) => s.plans !== undefined);
  return (
    <details className="gu-plans__details">
      <summary>{t('analytics.asTable')}</summary>
      <table className="gu-plans__table gu-plans__table--stack" data-testid="analytics-stages">
        <Head
          columns={[
            { label: t('analytics.stage') },
            { label: t('analytics.days'), num: true },
            { label: across ? t('analytics.meanTarget') : t('charts.target'), num: true },
            ...(across ? [{ label: t('analytics.plansReached'), num: true }, { label: t('analytics.overTarget'), num: true }] : []),
          ]}
        />
        <tbody>
          {rows.map((s) => (
            <tr key={s.stage} className={s.targetWorkingDays !== null && s.workingDays > s.targetWorkingDays ? 'gu-plans__row--over' : undefined}>
              <td>{t(`stages.${s.stage}`)}</td>
              <td data-label={t('analytics.days')} className="gu-plans__num">
                {decimal(s.workingDays, language)}
              </td>
              <td data-label={across ? t('analytics.meanTarget') : t('charts.target')} className="gu-plans__num">
                {s.targetWorkingDays === null ? '—' : decimal(s.targetWorkingDays, language)}
              </td>
              {across && (
                <>
                  <td data-label={t('analytics.plansReached')} className="gu-plans__num">
                    {formatNumber(s.plans ?? 0, language)}
                  </td>
                  <td data-label={t('analytics.overTarget')} className="gu-plans__num">
                    {formatNumber(s.overTarget ?? 0, language)}
                  </td>
                </>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
