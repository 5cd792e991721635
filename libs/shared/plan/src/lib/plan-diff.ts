import type { SubTaskForceKind } from '@gugus/contracts';
import { isJsonObject, jsonEqual, pointerTo } from './json';
import type { JsonObject, JsonValue, PlanActivity, PlanSection, PlanVersionContent } from './plan-types';
import { compareSubTaskForces } from './sections';

/** One field that differs. Absent on one side: `added` has no `before`, `removed` no `after`. */
export interface FieldChange {
  /** JSON pointer into the activity's or the section's answers, e.g. `/budgetLines/0/unitCost`. */
  pointer: string;
  kind: 'added' | 'removed' | 'changed';
  before?: JsonValue;
  after?: JsonValue;
}

/** An activity as the reviewer finds it: its id, its section and its code. */
export interface ActivityRef {
  activityId: string;
  subTaskForce: SubTaskForceKind;
  code: string;
}

/** An activity in both versions that differs: moved to another section, or fields changed, or both. */
export interface ActivityChange extends ActivityRef {
  /** Its section in the previous version (the same as `subTaskForce` unless it moved). */
  previousSubTaskForce: SubTaskForceKind;
  changes: FieldChange[];
}

/** A section in both versions whose own answers (problem statement, analysis, lead agency …) differ. */
export interface SectionChange {
  subTaskForce: SubTaskForceKind;
  changes: FieldChange[];
}

/**
 * What changed between two versions of a plan, for the legal reviewer's next round. Sections are in the
 * national Sub-TF order; activities added and changed in the order of the new version, activities
 * removed in the order of the previous one; field changes in the form's field order. Key order inside
 * answers never counts as a change, and neither does the order of activities within a section (their
 * codes carry the numbering).
 */
export interface PlanDiff {
  sectionsAdded: SubTaskForceKind[];
  sectionsRemoved: SubTaskForceKind[];
  sectionChanges: SectionChange[];
  activitiesAdded: ActivityRef[];
  activitiesRemoved: ActivityRef[];
  activitiesChanged: ActivityChange[];
}

/** The `poa-section` form's fields in its `ui:order` (section, activity, budget line); a spec keeps them equal. */
export const POA_FIELD_ORDER: readonly string[] = [
  'subTaskForce', 'leadAgencyId', 'problemStatement', 'problemAnalysis', 'activities',
  'code', 'activity', 'indicator', 'indicatorUnit', 'baseline', 'target', 'startQuarter', 'endQuarter',
  'responsibleAgencyId', 'implementingAgencyIds', 'partnerKinds', 'budgetLines', 'genderResponsive',
  'description', 'units', 'unitName', 'unitCost', 'budgetSource',
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
