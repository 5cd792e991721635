import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import type { PlanComment, PlanDiffView, PlanVersionSummary, PlanVersionView, PlanView } from '@gugus/contracts';
import { useLivePlan, usePlanDiff, usePlanVersion, useTaskInbox } from '@gugus/web-data-access';
import { formatDate, formatNumber, useLanguage, type Language } from '@gugus/web-i18n';
import { Alert, Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import type { CommentNote } from '../document/CommentNotes';
import { commentMeta, planCommentNotes } from '../document/planCommentNotes';
import { BudgetWarnings } from '../document/BudgetWarnings';
import { activityDomId, PlanDocument, type DocumentDiff } from '../document/PlanDocument';
import { usePlanFormLabels } from '../document/planForm';
import { byPlace, sectionTitle } from '../format';
import { PlanStageTag } from '../PlanBadges';
import { planPaths } from '../paths';
import { PLAN_PROCESS_KEY, isLegalReviewStep } from '../steps';
import '../Plans.css';

/** The version a round is compared with: the one sent to the previous legal round, else the version just before. */
export function previousRound(versions: readonly PlanVersionSummary[], to: PlanVersionSummary): PlanVersionSummary | undefined {
  const earlier = versions.filter((v) => v.seq < to.seq).sort((a, b) => b.seq - a.seq);
  return earlier.find((v) => v.kind === 'legal_round' && v.generation === to.generation && v.round < to.round) ?? earlier[0];
}

const num = (value: string | null) => (value && /^\d+$/.test(value) ? Number(value) : undefined);

/**
 * `/rad/:id/telaah?dari=&ke=`: the legal reviewer's page. The version under review as a document with
 * the changes since the previous round marked in place (activities added, removed, changed, with each
 * field's before and after) and the earlier comments beside what they are about, addressed or not. The
 * decision itself is taken on the review task's page, which this page links to.
 */
export function PlanReviewPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation('common');
  // A new round arrives while the page is open (the revision sent): without `ke=` the page moves to it.
  const plan = useLivePlan(id);
  const p = plan.data?.id === id ? plan.data : undefined;
  const toSummary = p && (p.versions.find((v) => v.seq === num(params.get('ke'))) ?? p.versions.find((v) => v.seq === p.current?.seq));
  const fromSeq = num(params.get('dari')) ?? (p && toSummary ? previousRound(p.versions, toSummary)?.seq : undefined);
  const title = t('review.title');
  return (
    <div className="gu-plans" data-testid="plan-review-page">
      <PageHeader
        title={p ? t('review.heading', { title: p.title }) : title}
        breadcrumbs={[{ label: t('list.title'), to: p ? planPaths.listIn(p.jurisdictionCode) : planPaths.list }, ...(p ? [{ label: p.title, to: planPaths.plan(p.id) }] : []), { label: title }]}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={p && <PlanStageTag stage={p.stage} />}
      />
      {plan.isLoading && !p && <Loading label={tc('loading')} />}
      {plan.error && <ApiErrorAlert error={plan.error} />}
      {p && !toSummary && <Alert tone="info">{t('review.noVersion')}</Alert>}
      {p && toSummary && <ReviewBody plan={p} to={toSummary} fromSeq={fromSeq} />}
    </div>
  );
}

function ReviewBody({ plan, to, fromSeq }: { plan: PlanView; to: PlanVersionSummary; fromSeq: number | undefined }) {
  const { t } = useTranslation('plans');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const labels = usePlanFormLabels(plan.jurisdictionCode);
  const isCurrent = plan.current?.seq === to.seq;
  const toVersion = usePlanVersion(isCurrent ? undefined : plan.id, isCurrent ? undefined : to.seq);
  const fromVersion = usePlanVersion(fromSeq !== undefined ? plan.id : undefined, fromSeq);
  const diff = usePlanDiff(fromSeq !== undefined ? plan.id : undefined, fromSeq, to.seq);
  const shown = isCurrent ? plan.current : toVersion.data?.seq === to.seq ? toVersion.data : undefined;
  const d = diff.data?.to === to.seq && diff.data.from === fromSeq ? diff.data : undefined;
  // The first round has no earlier version: the comments made so far (members') sit beside their places.
  const notes = fromSeq === undefined ? planCommentNotes(plan.comments, language, t) : reviewNotes(plan, d, language, t);
  const documentDiff = d && documentDiffOf(d, fromVersion.data?.seq === fromSeq ? fromVersion.data : undefined);
  return (
    <>
      <Card data-testid="review-summary">
        <dl className="gu-plans__facts">
          <div>
            <dt>{t('review.version')}</dt>
            <dd data-testid="review-version">
              {t('versions.number', { seq: to.seq })} · {t(`versionKinds.${to.kind}`)}
              {to.round > 0 && ` · ${t('plan.round', { round: formatNumber(to.round, language) })}`}
            </dd>
          </div>
          <div>
            <dt>{t('review.comparedWith')}</dt>
            <dd>{fromSeq !== undefined ? t('versions.number', { seq: fromSeq }) : t('review.firstRound')}</dd>
          </div>
          <div>
            <dt>{t('versions.created')}</dt>
            <dd>{formatDate(to.createdAt, language)}</dd>
          </div>
        </dl>
        {d && <DiffCounts diff={d} />}
        <ReviewTaskLink planId={plan.id} />
      </Card>
      {diff.error && <ApiErrorAlert error={diff.error} />}
      {toVersion.error && <ApiErrorAlert error={toVersion.error} />}
      <Card data-testid="review-document">
        <h2 className="gu-plans__section-title">{t('review.documentTitle')}</h2>
        <p className="gu-plans__muted">{t('review.legend')}</p>
        {!shown || (fromSeq !== undefined && !d) ? (
          <Loading label={tc('loading')} />
        ) : (
          <>
            <BudgetWarnings budget={shown.budget} />
            <PlanDocument content={shown.content} budget={shown.budget} agencyNames={plan.agencyNames} labels={labels} diff={documentDiff} notes={(place) => notes.get(place) ?? []} />
          </>
        )}
      </Card>
    </>
  );
}

function DiffCounts({ diff }: { diff: PlanDiffView }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const n = (count: number) => formatNumber(count, language);
  const x = diff.diff;
  // The places a reviewer reads first: the activities added, then those changed.
  const jumps = [...x.activitiesAdded, ...x.activitiesChanged];
  return (
    <ul className="gu-plans__diff-counts" data-testid="diff-counts">
      <li data-kind="added">
        <span className="gu-plans__mark gu-plans__mark--added">{n(x.activitiesAdded.length)}</span> {t('review.countAdded')}
      </li>
      <li data-kind="changed">
        <span className="gu-plans__mark gu-plans__mark--changed">{n(x.activitiesChanged.length)}</span> {t('review.countChanged')}
      </li>
      <li data-kind="removed">
        <span className="gu-plans__mark gu-plans__mark--removed">{n(x.activitiesRemoved.length)}</span> {t('review.countRemoved')}
      </li>
      <li data-kind="addressed">
        <span className="gu-plans__mark gu-plans__mark--addressed">{n(diff.addressed.length)}</span> {t('review.countAddressed', { total: n(diff.addressed.length + diff.unaddressed.length) })}
      </li>
      {x.sectionsAdded.map((k) => (
        <li key={k}>{t('review.sectionAdded', { section: sectionTitle(k, language) })}</li>
      ))}
      {jumps.length > 0 && (
        <li className="gu-plans__jumps">
          {t('review.jumpTo')}{' '}
          {jumps.map((a) => (
            <a key={a.activityId} href={`#${activityDomId(a.activityId)}`} data-testid="jump-to-change">
              {a.code}
            </a>
          ))}
        </li>
      )}
    </ul>
  );
}

/** The open legal review task of this plan among the reader's own tasks (the decision is taken there). */
function ReviewTaskLink({ planId }: { planId: string }) {
  const { t } = useTranslation('plans');
  const inbox = useTaskInbox({ processKey: PLAN_PROCESS_KEY, processId: planId, status: 'open', scope: 'mine' });
  const task = inbox.data?.items.find((i) => isLegalReviewStep(i.step));
  return (
    <p className="gu-plans__links">
      {task ? (
        <Link to={planPaths.task(task.id)} className="gu-plans__link-button" data-testid="review-task-link">
          {t('review.decide')}
        </Link>
      ) : (
        <Link to={planPaths.tasksOf(planId)}>{t('plan.tasks')}</Link>
      )}
    </p>
  );
}

/** The diff as the document marks it, removed activities with their text from the version they were in. */
function documentDiffOf(view: PlanDiffView, from: PlanVersionView | undefined): DocumentDiff {
  const d = view.diff;
  const fromActivities = new Map(from?.content.sections.flatMap((s) => s.activities.map((a) => [a.activityId, a] as const)) ?? []);
  const removed = new Map<(typeof d.activitiesRemoved)[number]['subTaskForce'], { activityId: string; code: string; activity: ReturnType<typeof fromActivities.get> }[]>();
  for (const r of d.activitiesRemoved) removed.set(r.subTaskForce, [...(removed.get(r.subTaskForce) ?? []), { activityId: r.activityId, code: r.code, activity: fromActivities.get(r.activityId) }]);
  return {
    added: new Set(d.activitiesAdded.map((a) => a.activityId)),
    changed: new Map(d.activitiesChanged.map((c) => [c.activityId, c.changes])),
    removed,
    sectionChanges: new Map(d.sectionChanges.map((s) => [s.subTaskForce, s.changes])),
    sectionsAdded: new Set(d.sectionsAdded),
    sectionsRemoved: d.sectionsRemoved,
  };
}

/** Earlier comments by place, each marked addressed or not by this diff; who made it from the plan's comments. */
function reviewNotes(plan: PlanView, diff: PlanDiffView | undefined, language: Language, t: TFunction<'plans'>): Map<string, CommentNote[]> {
  if (!diff) return new Map();
  const full = (c: { taskId: string; anchor: string; text: string }): PlanComment | undefined => plan.comments.find((x) => x.taskId === c.taskId && x.anchor === c.anchor && x.text === c.text);
  const items = [...diff.addressed.map((c) => ({ ...c, addressed: true })), ...diff.unaddressed.map((c) => ({ ...c, addressed: false }))];
  const out = new Map<string, CommentNote[]>();
  for (const [place, list] of byPlace(items, (c) => c.anchor)) {
    out.set(
      place,
      list.map((c, i) => {
        const known = full(c);
        return { key: `${c.taskId}-${i}`, text: c.text, meta: known && commentMeta(known, language, t), addressed: c.addressed };
      }),
    );
  }
  return out;
}
