import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { SubTaskForceKind } from '@gugus/contracts';
import { usePlan, usePlanVersion, type TaskView } from '@gugus/web-data-access';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { CommentNotes } from './document/CommentNotes';
import { PlanDocument } from './document/PlanDocument';
import { usePlanFormLabels } from './document/planForm';
import { byPlace, parseAnchor, quarterLabel, sectionTitle } from './format';
import { PlanStageTag } from './PlanBadges';
import { planPaths } from './paths';
import { usePlanCommentTargets } from './usePlanCommentTargets';
import './Plans.css';

/**
 * What a plan-of-action task says about its plan on the task page (registered for context kind `plan`
 * where the app builds the task page): the plan with a link, its stage, the section drafted or revised,
 * the review page for a version under review; for a revision, the returned comments beside the
 * activities they are anchored to (from the task the page has loaded, not fetched again).
 */
export function PlanTaskFacts({ view }: { view: TaskView }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const c = view.context;
  if (c.kind !== 'plan') return null;
  const reviewable = c.versionSeq !== undefined && c.versionSeq > 1;
  return (
    <>
      <dl className="gu-tasks__facts" data-testid="plan-task-facts">
        <div>
          <dt>{t('task.plan')}</dt>
          <dd>
            <Link to={planPaths.plan(c.planId)} data-testid="task-plan-link">
              {c.planTitle}
            </Link>
          </dd>
        </div>
        <div>
          <dt>{t('task.stage')}</dt>
          <dd>
            <PlanStageTag stage={c.stage} />
            {c.round !== undefined && c.round > 0 && <span className="gu-plans__meta">{t('plan.round', { round: formatNumber(c.round, language) })}</span>}
          </dd>
        </div>
        {c.subTaskForce && (
          <div>
            <dt>{t('task.section')}</dt>
            <dd data-testid="task-plan-section">{sectionTitle(c.subTaskForce, language)}</dd>
          </div>
        )}
        {c.versionSeq !== undefined && (
          <div>
            <dt>{t('task.version')}</dt>
            <dd>
              {t('versions.number', { seq: c.versionSeq })}
              {reviewable && (
                <Link className="gu-plans__meta" to={planPaths.review(c.planId, { from: c.diffFromSeq ?? undefined, to: c.versionSeq })} data-testid="task-review-link">
                  {t('task.reviewPage')}
                </Link>
              )}
            </dd>
          </div>
        )}
        {c.period && (
          <div>
            <dt>{t('task.period')}</dt>
            <dd>{quarterLabel(c.period, language)}</dd>
          </div>
        )}
        {c.reportKind && (
          <div>
            <dt>{t('task.report')}</dt>
            <dd data-testid="task-plan-report">
              {t(c.reportKind === 'annual' ? 'task.reportAnnual' : 'task.reportFinal', { period: c.reportPeriod ?? c.fiscalYear ?? '' })}
              <span className="gu-plans__meta">{t('task.reportChain')}</span>
            </dd>
          </div>
        )}
        {c.document && (
          <div>
            <dt>{t('task.document')}</dt>
            <dd>
              {t(`documents.${c.document}`)}
              {c.fiscalYear ? ` ${c.fiscalYear}` : ''}
            </dd>
          </div>
        )}
        {c.activities && c.activities.length > 0 && (
          <div>
            <dt>{t('task.activities')}</dt>
            <dd>{c.activities.map((a) => a.code).join(', ')}</dd>
          </div>
        )}
      </dl>
      {view.returnedComments.length > 0 && <ReturnedComments view={view} planId={c.planId} subTaskForce={c.subTaskForce} versionSeq={c.versionSeq} />}
    </>
  );
}
// The generic page would list the same comments by their raw anchors, which are not fields of the task's form.
PlanTaskFacts.showsReturnedComments = true;
// A reviewer's or member's comment points at a section or an activity of the version under review.
PlanTaskFacts.useCommentTargets = usePlanCommentTargets;

interface ReturnedCommentsProps {
  view: TaskView;
  planId: string;
  subTaskForce: SubTaskForceKind | undefined;
  versionSeq: number | undefined;
}

/** The returned version's sections that the comments are about, each comment beside its activity. */
function ReturnedComments({ view, planId, subTaskForce, versionSeq }: ReturnedCommentsProps) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const plan = usePlan(planId);
  const p = plan.data?.id === planId ? plan.data : undefined;
  const older = p && versionSeq !== undefined && p.current?.seq !== versionSeq ? versionSeq : undefined;
  const version = usePlanVersion(older !== undefined ? planId : undefined, older);
  const shown = older !== undefined ? version.data : (p?.current ?? undefined);
  const labels = usePlanFormLabels(p?.jurisdictionCode);
  const comments = view.returnedComments.map((c, i) => ({ key: `${i}`, text: c.text, anchor: c.field ?? '' }));
  const notes = byPlace(comments, (c) => c.anchor);
  const commented = [...new Set(comments.map((c) => parseAnchor(c.anchor)).flatMap((place) => (place.kind === 'plan' ? [] : [place.subTaskForce as SubTaskForceKind])))];
  const sections = subTaskForce ? [subTaskForce] : commented;
  return (
    <div className="gu-tasks__returned gu-plans__returned" data-testid="returned-comments">
      <h3 className="gu-tasks__subtitle">{t('task.returnedTitle')}</h3>
      <p className="gu-tasks__muted">{t('task.returnedIntro')}</p>
      {shown && p ? (
        <PlanDocument content={shown.content} budget={shown.budget} agencyNames={p.agencyNames} labels={labels} only={sections} notes={(place) => notes.get(place) ?? []} notesTestId="returned-comment-notes" />
      ) : (
        // Until the plan has loaded (or if it cannot be read), the comments by section and activity code.
        <ul className="gu-plans__notes">
          {comments.map((c) => {
            const place = parseAnchor(c.anchor);
            const where = place.kind === 'plan' ? t('task.wholePlan') : sectionTitle(place.subTaskForce as SubTaskForceKind, language);
            return (
              <li key={c.key} className="gu-plans__note" data-testid="plan-comment">
                <span className="gu-plans__note-text">{c.text}</span>
                <span className="gu-plans__note-meta">{where}</span>
              </li>
            );
          })}
        </ul>
      )}
      {p && notes.get('plan') && <CommentNotes notes={notes.get('plan') ?? []} testId="returned-comment-notes" />}
    </div>
  );
}
