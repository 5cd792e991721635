import { frozenJsonCopy } from './json';
import { PlanProblemCode, type PlanProblem, type PlanResult, type PlanSection, type PlanVersionContent } from './plan-types';

/**
 * The starting content of a revision (PRODUCT §3.1 step 7): every section of `previous` with its answers,
 * keeping only the activities in `unfinishedActivityIds`, with their ids, so that their history —
 * review comments, budget integration, quarterly progress — follows them into the new plan. A section
 * whose activities were all finished stays, empty, for its Sub-TF to draft.
 *
 * Give the result as `previous` to `identifyActivities` when the revised sections come back, and the
 * carried activities keep their ids; compile it against the task force's current Sub-TFs, which may
 * differ from the previous plan's.
 *
 * Refused if an id is not an activity of `previous`.
 */
export function carryOver(previous: PlanVersionContent, unfinishedActivityIds: Iterable<string>): PlanResult<PlanVersionContent> {
  const keep = new Set(unfinishedActivityIds);
  const known = new Set<string>();
  for (const section of previous.sections) for (const activity of section.activities) known.add(activity.activityId);
  const problems: PlanProblem[] = [...keep]
    .filter((id) => !known.has(id))
    .map((id) => ({
      code: PlanProblemCode.ACTIVITY_UNKNOWN,
      subTaskForce: null,
      activityId: id,
      field: '',
      message: {
        id: `Kegiatan dengan ID ${id} tidak ada pada versi RAD sebelumnya, sehingga tidak dapat dilanjutkan ke RAD berikutnya.`,
        en: `There is no activity with id ${id} in the previous plan version, so it cannot be carried over to the next plan.`,
      },
    }));
  if (problems.length > 0) return { ok: false, problems };
  // The previous version is valid JSON already (it was compiled), so the copy reports nothing.
  const copy = frozenJsonCopy(
    { sections: previous.sections.map((section): PlanSection => ({ ...section, activities: section.activities.filter((a) => keep.has(a.activityId)) })) },
    '',
    () => undefined,
  );
  return { ok: true, value: copy as unknown as PlanVersionContent };
}
