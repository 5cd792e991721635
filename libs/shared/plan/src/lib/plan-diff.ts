import type { ActivityChange, ActivityRef, FieldChange, PlanDiff, SectionChange, SubTaskForceKind } from '@gugus/contracts';
export type { ActivityChange, ActivityRef, FieldChange, PlanDiff, SectionChange };
import { isJsonObject, jsonEqual, pointerTo } from './json';
import type { JsonObject, JsonValue, PlanActivity, PlanSection, PlanVersionContent } from './plan-types';
import { compareSubTaskForces } from './sections';

/** The `poa-section` form's fields in its `ui:order` (section, activity, budget line); a spec keeps them equal. */
export const POA_FIELD_ORDER: readonly string[] = [
  'subTaskForce', 'leadAgencyId', 'problemStatement', 'problemAnalysis', 'activities',
  'code', 'activity', 'indicator', 'indicatorUnit', 'baseline', 'target', 'startQuarter', 'endQuarter',
  'responsibleAgencyId', 'implementingAgencyIds', 'partnerKinds', 'budgetLines', 'genderResponsive',
  'description', 'fiscalYear', 'baselineUnits', 'units', 'unitName', 'unitCost', 'budgetSource', 'costCategory',
];
const FIELD_RANK = new Map(POA_FIELD_ORDER.map((field, i) => [field, i]));

/** The form's fields first, in its order; fields a province added after them, by name (not by locale). */
function compareFields(a: string, b: string): number {
  const ra = FIELD_RANK.get(a) ?? FIELD_RANK.size;
  const rb = FIELD_RANK.get(b) ?? FIELD_RANK.size;
  if (ra !== rb) return ra - rb;
  return a < b ? -1 : a > b ? 1 : 0;
}

function fieldChanges(before: JsonValue | undefined, after: JsonValue | undefined, pointer: string, out: FieldChange[]): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined) {
    out.push({ pointer, kind: 'added', after });
    return;
  }
  if (after === undefined) {
    out.push({ pointer, kind: 'removed', before });
    return;
  }
  if (jsonEqual(before, after)) return;
  if (isJsonObject(before) && isJsonObject(after)) {
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const key of [...keys].sort(compareFields)) fieldChanges(before[key], after[key], pointerTo(pointer, key), out);
    return;
  }
  // Lists of records (budget lines) are compared line by line; a list of values (agency ids, partner
  // kinds) is one value, so that adding one agency reads as one change and not as a shifted list.
  if (Array.isArray(before) && Array.isArray(after) && before.every(isJsonObject) && after.every(isJsonObject)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) fieldChanges(before[i], after[i], pointerTo(pointer, i), out);
    return;
  }
  out.push({ pointer, kind: 'changed', before, after });
}

/** The field changes between two answers objects, in the form's field order. */
export function answerChanges(before: JsonObject, after: JsonObject): FieldChange[] {
  const out: FieldChange[] = [];
  fieldChanges(before, after, '', out);
  return out;
}

const canonical = (version: PlanVersionContent): PlanSection[] => [...version.sections].sort((a, b) => compareSubTaskForces(a.subTaskForce, b.subTaskForce));

interface Located {
  section: SubTaskForceKind;
  activity: PlanActivity;
}

function locate(sections: readonly PlanSection[]): Map<string, Located> {
  const byId = new Map<string, Located>();
  for (const section of sections) {
    for (const activity of section.activities) if (!byId.has(activity.activityId)) byId.set(activity.activityId, { section: section.subTaskForce, activity });
  }
  return byId;
}

const ref = ({ section, activity }: Located): ActivityRef => ({ activityId: activity.activityId, subTaskForce: section, code: activity.answers.code });

/**
 * What changed from `previous` to `next` (two compiled versions of one plan): activities added, removed
 * and changed, matched by `activityId`, with each changed field's pointer, before and after; sections
 * added or removed (a task force that changed its structure) and changes to a section's own answers.
 */
export function diffPlanVersions(previous: PlanVersionContent, next: PlanVersionContent): PlanDiff {
  const before = canonical(previous);
  const after = canonical(next);
  const beforeSections = new Map(before.map((s) => [s.subTaskForce, s]));
  const afterSections = new Map(after.map((s) => [s.subTaskForce, s]));
  const beforeActivities = locate(before);
  const afterActivities = locate(after);

  const diff: PlanDiff = { sectionsAdded: [], sectionsRemoved: [], sectionChanges: [], activitiesAdded: [], activitiesRemoved: [], activitiesChanged: [] };
  for (const section of after) {
    const old = beforeSections.get(section.subTaskForce);
    if (!old) {
      diff.sectionsAdded.push(section.subTaskForce);
      continue;
    }
    const changes = answerChanges(old.answers, section.answers);
    if (changes.length > 0) diff.sectionChanges.push({ subTaskForce: section.subTaskForce, changes });
  }
  for (const section of before) if (!afterSections.has(section.subTaskForce)) diff.sectionsRemoved.push(section.subTaskForce);

  for (const [activityId, now] of afterActivities) {
    const was = beforeActivities.get(activityId);
    if (!was) {
      diff.activitiesAdded.push(ref(now));
      continue;
    }
    const changes = answerChanges(was.activity.answers, now.activity.answers);
    if (changes.length > 0 || was.section !== now.section) diff.activitiesChanged.push({ ...ref(now), previousSubTaskForce: was.section, changes });
  }
  for (const [activityId, was] of beforeActivities) if (!afterActivities.has(activityId)) diff.activitiesRemoved.push(ref(was));
  return diff;
}
