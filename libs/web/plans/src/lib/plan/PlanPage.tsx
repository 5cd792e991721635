import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { PlanView } from '@gugus/contracts';
import { useLivePlan, usePlanVersion } from '@gugus/web-data-access';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { Alert, Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { planCommentNotes } from '../document/planCommentNotes';
import { PlanDocument } from '../document/PlanDocument';
import { usePlanFormLabels, type PlanFormLabels } from '../document/planForm';
import { HolderText, PlanStageTag, PlanStatusTag } from '../PlanBadges';
import { planPaths } from '../paths';
import { ExportButtons } from './ExportButtons';
import { BudgetCalendarCard, BudgetCard, DecreeCard, IntegrationsCard, OutsideStepPanel, VersionsCard, WorkingGroupCard } from './PlanCards';
import { ProgressPanel } from './ProgressPanel';
import { ReportsCard } from './ReportsCard';
import { StageActions } from './StageActions';
import { StageTimeline } from './StageTimeline';
import '../Plans.css';

/**
 * `/rad/:id`: one plan of action: where it is now (stage timeline, holder), its current version as a
 * document with the comments beside what they are about, its versions, decree, budget and allocations,
 * integration, and quarterly progress as charts; exports. Refreshes itself while the plan moves.
 */
export function PlanPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation('common');
  // Others move the plan on (a section sent, a review decided, the process's own steps): the page follows.
  const plan = useLivePlan(id);
  const p = plan.data?.id === id ? plan.data : undefined;
  const labels = usePlanFormLabels(p?.jurisdictionCode);
  const title = p?.title ?? t('list.title');
  return (
    <div className="gu-plans" data-testid="plan-page">
      <PageHeader
        title={title}
        breadcrumbs={[{ label: t('list.title'), to: p ? planPaths.listIn(p.jurisdictionCode) : planPaths.list }, { label: title }]}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={p && <PlanStatusTag status={p.status} />}
      />
      {plan.isLoading && !p && <Loading label={tc('loading')} />}
      {plan.error && <ApiErrorAlert error={plan.error} />}
      {p && <PlanBody plan={p} labels={labels} onChanged={plan.reload} />}
    </div>
  );
}

/** The version `?versi=` asks to read, if it names one. */
function useAskedVersion(): number | undefined {
  const [params] = useSearchParams();
  const asked = Number(params.get('versi'));
  return Number.isInteger(asked) && asked > 0 ? asked : undefined;
}

function PlanBody({ plan, labels, onChanged }: { plan: PlanView; labels: PlanFormLabels; onChanged: () => void }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const asked = useAskedVersion();
  const inReview = plan.versions.some((v) => v.kind === 'legal_round');
  return (
    <>
      <Card data-testid="plan-facts">
        <dl className="gu-plans__facts">
          <div>
            <dt>{t('plan.facts.period')}</dt>
            <dd>{t('plan.period', { start: plan.periodStart, end: plan.periodStart + plan.periodYears - 1 })}</dd>
          </div>
          <div>
            <dt>{t('plan.facts.stage')}</dt>
            <dd>
              <PlanStageTag stage={plan.stage} />
              {plan.round > 0 && <span className="gu-plans__meta">{t('plan.round', { round: formatNumber(plan.round, language) })}</span>}
            </dd>
          </div>
          <div>
            <dt>{t('plan.facts.holder')}</dt>
            <dd>
              <HolderText holder={plan.holder} stage={plan.stage} />
            </dd>
          </div>
          <div>
            <dt>{t('plan.facts.sections')}</dt>
            <dd>{formatNumber(plan.sectionKinds.length, language)}</dd>
          </div>
          {plan.generation > 0 && (
            <div>
              <dt>{t('plan.facts.generation')}</dt>
              <dd>{t('plan.generation', { n: formatNumber(plan.generation, language) })}</dd>
            </div>
          )}
        </dl>
        <p className="gu-plans__links">
          <Link to={planPaths.tasksOf(plan.id)}>{t('plan.tasks')}</Link>
          {inReview && (
            <Link to={planPaths.review(plan.id)} data-testid="review-link">
              {t('plan.review')}
            </Link>
          )}
        </p>
        <StageActions plan={plan} onChanged={onChanged} />
        {plan.current && <ExportButtons planId={plan.id} fileStem={`RAD-${plan.jurisdictionCode}-${plan.periodStart}`} version={asked} />}
      </Card>
      <Card data-testid="plan-timeline-card">
        <h2 className="gu-plans__section-title">{t('timeline.title')}</h2>
        <StageTimeline timeline={plan.timeline} outsideSteps={plan.outsideSteps} />
        <OutsideStepPanel plan={plan} onChanged={onChanged} />
      </Card>
      <BudgetCard plan={plan} labels={labels} onChanged={onChanged} />
      {plan.current && (
        <Card data-testid="plan-progress-card">
          <h2 className="gu-plans__section-title">{t('progress.title')}</h2>
          <ProgressPanel plan={plan} labels={labels} />
        </Card>
      )}
      <DocumentCard plan={plan} labels={labels} />
      <VersionsCard plan={plan} shownSeq={asked ?? plan.current?.seq} />
      <DecreeCard plan={plan} labels={labels} />
      <BudgetCalendarCard plan={plan} />
      <IntegrationsCard plan={plan} />
      <ReportsCard plan={plan} />
      <WorkingGroupCard plan={plan} />
    </>
  );
}

/** The current version (or the one `?versi=` names) as a document, comments beside what they are anchored to. */
function DocumentCard({ plan, labels }: { plan: PlanView; labels: PlanFormLabels }) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const asked = useAskedVersion();
  const older = asked !== plan.current?.seq ? asked : undefined;
  const version = usePlanVersion(older ? plan.id : undefined, older);
  const shown = older ? (version.data?.seq === older ? version.data : undefined) : (plan.current ?? undefined);
  const notes = planCommentNotes(plan.comments, language, t);
  return (
    <Card data-testid="plan-document-card" id="dokumen">
      <h2 className="gu-plans__section-title">
        {t('document.title')}
        {shown && <span className="gu-plans__count"> · {t('versions.number', { seq: shown.seq })}</span>}
      </h2>
      {older && (
        <Alert tone="info">
          {t('document.older', { seq: older })} <Link to={planPaths.plan(plan.id)}>{t('document.backToCurrent')}</Link>
        </Alert>
      )}
      {version.error && <ApiErrorAlert error={version.error} />}
      {older && version.isLoading && !shown && <Loading label={tc('loading')} />}
      {!plan.current && <p className="gu-plans__muted">{t('document.drafting')}</p>}
      {shown && <PlanDocument content={shown.content} budget={shown.budget} agencyNames={plan.agencyNames} labels={labels} notes={(place) => notes.get(place) ?? []} />}
    </Card>
  );
}
