import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldChange, PlanActivity, PlanBudget, PlanSection, PlanVersionContent, SubTaskForceKind } from '@gugus/contracts';
import { useLanguage } from '@gugus/web-i18n';
import { decimal, quarterLabel, rupiah, sectionTitle } from '../format';
import { CommentNotes, type CommentNote } from './CommentNotes';
import { valueText, type PlanFormLabels } from './planForm';

/** How the version differs from the one before it (the review page), by activity and section. */
export interface DocumentDiff {
  added: ReadonlySet<string>;
  changed: ReadonlyMap<string, readonly FieldChange[]>;
  /** Activities of the previous version that are gone, under the section they were in. */
  removed: ReadonlyMap<SubTaskForceKind, readonly { activityId: string; code: string; activity: PlanActivity | undefined }[]>;
  sectionChanges: ReadonlyMap<SubTaskForceKind, readonly FieldChange[]>;
  sectionsAdded: ReadonlySet<SubTaskForceKind>;
  sectionsRemoved: readonly SubTaskForceKind[];
}

export interface PlanDocumentProps {
  content: PlanVersionContent;
  budget: PlanBudget;
  agencyNames: Record<string, string>;
  labels: PlanFormLabels;
  /** The comments beside a place: `plan`, `section:<kind>`, `activity:<id>`. */
  notes?: (place: string) => readonly CommentNote[];
  /** `data-testid` of each list of comments. */
  notesTestId?: string;
  diff?: DocumentDiff;
  /** Only these sections (a task about one section, or about the sections its comments are on). */
  only?: readonly SubTaskForceKind[];
}

/** Where an activity is on the page (`#kegiatan-<id>`), for links to it. */
export const activityDomId = (activityId: string) => `kegiatan-${activityId}`;

type Column = 'code' | 'activity' | 'indicator' | 'target' | 'time' | 'agency' | 'budget';
const COLUMN_OF: Record<string, Column> = {
  code: 'code',
  activity: 'activity',
  indicator: 'indicator',
  indicatorUnit: 'indicator',
  baseline: 'target',
  target: 'target',
  startQuarter: 'time',
  endQuarter: 'time',
  responsibleAgencyId: 'agency',
  implementingAgencyIds: 'agency',
  budgetLines: 'budget',
};

/** A plan version as a readable document: sections in order, each with its problem and its activities as a table. */
export function PlanDocument({ content, budget, agencyNames, labels, notes, notesTestId, diff, only }: PlanDocumentProps) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const sections = content.sections.filter((s) => !only || only.includes(s.subTaskForce));
  const aside = (place: string) => {
    const list = notes?.(place) ?? [];
    return list.length ? <CommentNotes notes={list} testId={notesTestId} /> : null;
  };
  const planAside = !only && aside('plan');
  return (
    <div className="gu-plans__document" data-testid="plan-document">
      {planAside && <div className="gu-plans__aside gu-plans__aside--plan">{planAside}</div>}
      {!only && (
        <p className="gu-plans__total" data-testid="plan-budget-total">
          {t('document.total', { amount: rupiah(budget.total, language), count: budget.activities.length })}
        </p>
      )}
      {diff?.sectionsRemoved.filter((k) => !only || only.includes(k)).map((kind) => (
        <p key={kind} className="gu-plans__removed-section" data-testid="section-removed">
          {t('review.sectionRemoved', { section: sectionTitle(kind, language) })}
        </p>
      ))}
      {sections.map((section) => (
        <SectionBlock
          key={section.subTaskForce}
          number={content.sections.indexOf(section) + 1}
          section={section}
          total={budget.sections.find((s) => s.subTaskForce === section.subTaskForce)?.total ?? 0}
          activityTotal={(id) => budget.activities.find((a) => a.activityId === id)?.total ?? 0}
          agencyNames={agencyNames}
          labels={labels}
          aside={aside}
          diff={diff}
        />
      ))}
    </div>
  );
}

interface SectionBlockProps {
  number: number;
  section: PlanSection;
  total: number;
  activityTotal: (activityId: string) => number;
  agencyNames: Record<string, string>;
  labels: PlanFormLabels;
  aside: (place: string) => ReactElement | null;
  diff?: DocumentDiff;
}

function SectionBlock({ number, section, total, activityTotal, agencyNames, labels, aside, diff }: SectionBlockProps) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const kind = section.subTaskForce;
  const a = section.answers;
  const sectionAside = aside(`section:${kind}`);
  const changes = diff?.sectionChanges.get(kind) ?? [];
  const removed = diff?.removed.get(kind) ?? [];
  const ctx = { labels, agencyNames, language, yes: t('document.yes'), no: t('document.no') };
  const headingId = `bagian-${kind}`;
  return (
    <section className="gu-plans__doc-section" aria-labelledby={headingId} data-testid="plan-section" data-section={kind}>
      <h3 id={headingId} className="gu-plans__doc-heading">
        {number}. {sectionTitle(kind, language)}
        {diff?.sectionsAdded.has(kind) && <span className="gu-plans__mark gu-plans__mark--added">{t('review.added')}</span>}
      </h3>
      <dl className="gu-plans__doc-facts">
        <div>
          <dt>{labels.sectionField('/leadAgencyId')}</dt>
          <dd>{agencyNames[a.leadAgencyId] ?? a.leadAgencyId}</dd>
        </div>
        <div>
          <dt>{t('document.sectionBudget')}</dt>
          <dd>{rupiah(total, language)}</dd>
        </div>
      </dl>
      <h4 className="gu-plans__doc-subheading">{labels.sectionField('/problemStatement')}</h4>
      <p className="gu-plans__prose">{a.problemStatement}</p>
      {a.problemAnalysis && (
        <details className="gu-plans__details">
          <summary>{labels.sectionField('/problemAnalysis')}</summary>
          <p className="gu-plans__prose">{a.problemAnalysis}</p>
        </details>
      )}
      {changes.length > 0 && <ChangeList changes={changes} label={(p) => labels.sectionField(p)} text={(p, v) => valueText(p, v, ctx)} />}
      {sectionAside && <div className="gu-plans__aside">{sectionAside}</div>}
      {section.activities.length === 0 && removed.length === 0 ? (
        <p className="gu-plans__muted">{t('document.noActivities')}</p>
      ) : (
        <table className="gu-plans__table gu-plans__activities">
          <caption className="gu-visually-hidden">{t('document.activitiesOf', { section: sectionTitle(kind, language) })}</caption>
          <colgroup>
            <col className="gu-plans__col-code" />
            <col className="gu-plans__col-activity" />
            <col className="gu-plans__col-indicator" />
            <col className="gu-plans__col-target" />
            <col className="gu-plans__col-time" />
            <col className="gu-plans__col-agency" />
            <col className="gu-plans__col-budget" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">{t('document.columns.code')}</th>
              <th scope="col">{t('document.columns.activity')}</th>
              <th scope="col">{t('document.columns.indicator')}</th>
              <th scope="col">{t('document.columns.target')}</th>
              <th scope="col">{t('document.columns.time')}</th>
              <th scope="col">{t('document.columns.agency')}</th>
              <th scope="col" className="gu-plans__num">
                {t('document.columns.budget')}
              </th>
            </tr>
          </thead>
          {section.activities.map((activity) => (
            <ActivityRows
              key={activity.activityId}
              activity={activity}
              total={activityTotal(activity.activityId)}
              aside={aside(`activity:${activity.activityId}`)}
              state={diff?.added.has(activity.activityId) ? 'added' : diff?.changed.has(activity.activityId) ? 'changed' : undefined}
              changes={diff?.changed.get(activity.activityId) ?? []}
              labels={labels}
              agencyNames={agencyNames}
            />
          ))}
          {removed.map((r) => (
            <tbody key={r.activityId} className="gu-plans__activity gu-plans__activity--removed" data-testid="activity-removed" data-activity-id={r.activityId}>
              <tr>
                <td data-label={t('document.columns.code')}>
                  <del>{r.code}</del>
                </td>
                <td colSpan={6}>
                  <span className="gu-plans__mark gu-plans__mark--removed">{t('review.removed')}</span> <del>{r.activity?.answers.activity ?? ''}</del>
                  {aside(`activity:${r.activityId}`)}
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      )}
    </section>
  );
}

interface ActivityRowsProps {
  activity: PlanActivity;
  total: number;
  aside: ReactElement | null;
  state: 'added' | 'changed' | undefined;
  changes: readonly FieldChange[];
  labels: PlanFormLabels;
  agencyNames: Record<string, string>;
}

/** One activity: its row, and under it what is said about it (comments, changes since the last round). */
function ActivityRows({ activity, total, aside, state, changes, labels, agencyNames }: ActivityRowsProps) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  const a = activity.answers;
  const touched = new Set(changes.map((c) => COLUMN_OF[c.pointer.split('/')[1] ?? ''] ?? 'activity'));
  const cell = (column: Column) => (touched.has(column) ? 'gu-plans__cell--changed' : undefined);
  const ctx = { labels, agencyNames, language, yes: t('document.yes'), no: t('document.no') };
  const implementing = (a.implementingAgencyIds ?? []).map((id) => agencyNames[id] ?? id);
  return (
    <tbody id={activityDomId(activity.activityId)} className={`gu-plans__activity${state ? ` gu-plans__activity--${state}` : ''}`} data-testid="plan-activity" data-activity-id={activity.activityId} data-code={a.code} data-state={state ?? 'same'}>
      <tr>
        <td className={cell('code')} data-label={t('document.columns.code')}>
          <span className="gu-plans__code">{a.code}</span>
          {state && <span className={`gu-plans__mark gu-plans__mark--${state}`}>{t(`review.${state}`)}</span>}
        </td>
        <td className={cell('activity')} data-label={t('document.columns.activity')}>
          {a.activity}
          {a.genderResponsive && <span className="gu-plans__meta">{t('document.genderResponsive')}</span>}
        </td>
        <td className={cell('indicator')} data-label={t('document.columns.indicator')}>
          {a.indicator}
          <span className="gu-plans__meta">{labels.option('indicatorUnit', a.indicatorUnit)}</span>
        </td>
        <td className={cell('target')} data-label={t('document.columns.target')}>
          <span className="gu-plans__nowrap">
            {decimal(a.baseline, language)} → {decimal(a.target, language)}
          </span>
        </td>
        <td className={cell('time')} data-label={t('document.columns.time')}>
          <span className="gu-plans__nowrap">{quarterLabel(a.startQuarter, language)} –</span> <span className="gu-plans__nowrap">{quarterLabel(a.endQuarter, language)}</span>
        </td>
        <td className={cell('agency')} data-label={t('document.columns.agency')}>
          {agencyNames[a.responsibleAgencyId] ?? a.responsibleAgencyId}
          {implementing.length > 0 && <span className="gu-plans__meta">{t('document.implementing', { names: implementing.join(', ') })}</span>}
        </td>
        <td className={`gu-plans__num ${cell('budget') ?? ''}`} data-label={t('document.columns.budget')}>
          <span className="gu-plans__nowrap">{rupiah(total, language)}</span>
          <details className="gu-plans__details gu-plans__budget-lines">
            <summary>{t('document.budgetLines', { count: a.budgetLines.length })}</summary>
            <ul>
              {a.budgetLines.map((line, i) => (
                <li key={i}>{valueText(`/budgetLines/${i}`, line, ctx)}</li>
              ))}
            </ul>
          </details>
        </td>
      </tr>
      {(changes.length > 0 || aside) && (
        <tr className="gu-plans__activity-notes">
          <td colSpan={7}>
            {changes.length > 0 && state === 'changed' && <ChangeList changes={changes} label={(p) => labels.activityField(p)} text={(p, v) => valueText(p, v, ctx)} />}
            {aside && <div className="gu-plans__aside">{aside}</div>}
          </td>
        </tr>
      )}
    </tbody>
  );
}

interface ChangeListProps {
  changes: readonly FieldChange[];
  label: (pointer: string) => string;
  text: (pointer: string, value: FieldChange['before']) => string;
}

/** Field by field, what it was and what it is now. */
function ChangeList({ changes, label, text }: ChangeListProps) {
  const { t } = useTranslation('plans');
  return (
    <ul className="gu-plans__changes" data-testid="field-changes" aria-label={t('review.changesLabel')}>
      {changes.map((c) => (
        <li key={c.pointer} className="gu-plans__change" data-pointer={c.pointer} data-kind={c.kind}>
          <span className="gu-plans__change-field">{label(c.pointer)}</span>
          {c.kind !== 'added' && (
            <del className="gu-plans__before">
              <span className="gu-visually-hidden">{t('review.before')}: </span>
              {text(c.pointer, c.before)}
            </del>
          )}
          {c.kind !== 'removed' && (
            <ins className="gu-plans__after">
              <span className="gu-visually-hidden">{t('review.after')}: </span>
              {text(c.pointer, c.after)}
            </ins>
          )}
        </li>
      ))}
    </ul>
  );
}
