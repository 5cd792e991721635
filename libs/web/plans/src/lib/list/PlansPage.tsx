import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import type { PlanSummary, PlanView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { usePlans } from '@gugus/web-data-access';
import { formatDate, formatNumber, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert, JurisdictionSelect } from '@gugus/web-shared';
import { canReadPlanAnalytics, canStartPlanIn, mayReadPlansIn, planJurisdictions } from '../grants';
import { HolderText, PlanStageTag, PlanStatusTag } from '../PlanBadges';
import { planPaths } from '../paths';
import { StartPlanForm } from './StartPlanForm';
import '../Plans.css';

/** `/rad?wilayah=32`: a jurisdiction's plans of action (stage, status, who holds each); starting one for the secretariat. */
export function PlansPage() {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation('common');
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const grants = me?.grants ?? [];
  const grantCodes = planJurisdictions(grants);
  const asked = params.get('wilayah') ?? '';
  const code = asked && mayReadPlansIn(grants, asked) ? asked : (grantCodes[0] ?? '');
  const plans = usePlans(code || undefined);
  const [starting, setStarting] = useState(false);
  const mayStart = code ? canStartPlanIn(grants, code) : false;

  const started = (plan: PlanView) => void navigate(planPaths.plan(plan.id));

  return (
    <div className="gu-plans" data-testid="plans-page">
      <PageHeader title={t('list.title')} intro={t('list.intro')} />
      {!grantCodes.length && <Alert tone="info">{t('list.noAccess')}</Alert>}
      {code && (
        <Card className="gu-plans__bar">
          <JurisdictionSelect label={t('list.jurisdiction')} data-testid="plans-jurisdiction" grantCodes={grantCodes} value={code} onChange={(next) => setParams({ wilayah: next }, { replace: true })} />
          <div className="gu-plans__actions">
            {canReadPlanAnalytics(grants) && (
              <Link className="gu-plans__link-button" to={planPaths.analyticsIn(code)}>
                {t('list.analytics')}
              </Link>
            )}
            {mayStart && !starting && (
              <Button onClick={() => setStarting(true)} data-testid="start-plan-open">
                {t('start.open')}
              </Button>
            )}
          </div>
        </Card>
      )}
      {starting && code && <StartPlanForm jurisdictionCode={code} onStarted={started} onCancel={() => setStarting(false)} />}
      {plans.error && <ApiErrorAlert error={plans.error} />}
      {plans.isLoading && !plans.data && <Loading label={tc('loading')} />}
      {plans.data && (
        <Card data-testid="plans-list">
          <h2 className="gu-plans__section-title">{t('list.plans')}</h2>
          {plans.data.items.length === 0 ? <p className="gu-plans__muted">{t('list.none')}</p> : <PlanTable plans={plans.data.items} />}
        </Card>
      )}
    </div>
  );
}

function PlanTable({ plans }: { plans: readonly PlanSummary[] }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  return (
    <table className="gu-plans__table gu-plans__table--stack">
      <thead>
        <tr>
          <th scope="col">{t('list.columns.plan')}</th>
          <th scope="col">{t('list.columns.stage')}</th>
          <th scope="col">{t('list.columns.status')}</th>
          <th scope="col">{t('list.columns.holder')}</th>
          <th scope="col">{t('list.columns.started')}</th>
        </tr>
      </thead>
      <tbody>
        {plans.map((p) => (
          <tr key={p.id} data-testid="plan-row" data-plan-id={p.id}>
            <td>
              <Link to={planPaths.plan(p.id)} className="gu-plans__strong">
                {p.title}
              </Link>
              <span className="gu-plans__meta">{t('plan.period', { start: p.periodStart, end: p.periodStart + p.periodYears - 1 })}</span>
            </td>
            <td data-label={t('list.columns.stage')}>
              <PlanStageTag stage={p.stage} />
              {p.round > 0 && <span className="gu-plans__meta">{t('plan.round', { round: formatNumber(p.round, language) })}</span>}
            </td>
            <td data-label={t('list.columns.status')}>
              <PlanStatusTag status={p.status} />
              {p.generation > 0 && <span className="gu-plans__meta">{t('plan.generation', { n: formatNumber(p.generation, language) })}</span>}
            </td>
            <td data-label={t('list.columns.holder')}>
              <HolderText holder={p.holder} stage={p.stage} />
            </td>
            <td data-label={t('list.columns.started')}>{formatDate(p.createdAt, language)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
