import type { SubTaskForceKind } from '@gugus/contracts';
import { frozenJsonCopy, pointerTo } from './json';
import { planBudget, type PlanPeriod } from './plan-budget';
import {
  PlanProblemCode,
  type PlanActivity,
  type PlanProblem,
  type PlanResult,
  type PlanSection,
  type PlanSectionAnswers,
  type PlanVersionContent,
  type PoaActivityAnswers,
  type PoaSectionAnswers,
} from './plan-types';
import { capital, notJsonProblem, placeName, problem, type ProblemPlace } from './problems';
import { compareSubTaskForces, expectedSections, isSubTaskForceKind, sectionName, subTaskForceName } from './sections';

/** Answers a section keeps apart from its activities (the activities carry their ids beside them). */
function withoutActivities(answers: PoaSectionAnswers): PlanSectionAnswers {
  const { activities: _activities, ...rest } = answers;
  return rest;
}

/**
 * Turns the `poa-section` submissions of a drafting round into plan sections, giving every activity its
 * id: the id of the previous version's activity with the same code, while there is one not yet taken;
 * otherwise a new id from `allocateActivityId` (the server's generator, or `uuid4` of
 * `@temporalio/workflow` in workflow code — the core never makes ids up).
 *
 * An activity therefore keeps its id while it keeps its code; renumbering one makes it look removed and
 * added in the diff.
 *
 * @throws Error if `allocateActivityId` returns an empty id or one already in use (a programming error).
 */
export function identifyActivities(
  submissions: readonly PoaSectionAnswers[],
  options: { previous?: PlanVersionContent | null; allocateActivityId: () => string },
): PlanSection[] {
  const previousByCode = new Map<string, string>();
  const taken = new Set<string>();
  for (const section of options.previous?.sections ?? []) {
    for (const activity of section.activities) {
      taken.add(activity.activityId);
      if (!previousByCode.has(activity.answers.code)) previousByCode.set(activity.answers.code, activity.activityId);
    }
  }
  const assigned = new Set<string>();
  return submissions.map((answers) => ({
    subTaskForce: answers.subTaskForce,
    answers: withoutActivities(answers),
    activities: (Array.isArray(answers.activities) ? answers.activities : []).map((activity): PlanActivity => {
      const previousId = previousByCode.get(activity.code);
      if (previousId !== undefined && !assigned.has(previousId)) {
        assigned.add(previousId);
        return { activityId: previousId, answers: activity };
      }
      const activityId = options.allocateActivityId();
      if (typeof activityId !== 'string' || activityId === '' || taken.has(activityId) || assigned.has(activityId)) {
        throw new Error(`allocateActivityId returned ${JSON.stringify(activityId)}, which is empty or already in use`);
      }
      assigned.add(activityId);
      return { activityId, answers: activity };
    }),
  }));
}

/** A section's `poa-section` answers again, activities included: what the form shows and validates. */
export function toSectionAnswers(section: PlanSection): PoaSectionAnswers {
  return { ...section.answers, activities: section.activities.map((activity) => activity.answers) };
}

/** Structure: exactly one section per expected Sub-TF, none for a Sub-TF the task force does not have. */
function structureProblems(sections: readonly PlanSection[], expected: readonly SubTaskForceKind[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const counts = new Map<string, number>();
  for (const section of sections) counts.set(section.subTaskForce, (counts.get(section.subTaskForce) ?? 0) + 1);
  const wanted = new Set<string>(expected);
  for (const [kind, count] of counts) {
    const place = { subTaskForce: kind };
    const section = capital(sectionName(kind));
    const subTaskForce = subTaskForceName(kind);
    if (!wanted.has(kind)) {
      problems.push(
        problem(
          PlanProblemCode.SECTION_UNEXPECTED,
          place,
          '/subTaskForce',
          isSubTaskForceKind(kind)
            ? {
                id: `Gugus Tugas ini tidak memiliki Sub Gugus Tugas ${subTaskForce.id}, sehingga RAD-nya tidak memuat bagian itu.`,
                en: `This task force has no ${subTaskForce.en} Sub-TF, so its plan has no such section.`,
              }
            : { id: `${subTaskForce.id} bukan kode Sub Gugus Tugas.`, en: `${subTaskForce.en} is not a Sub-TF code.` },
        ),
      );
    } else if (count > 1) {
      problems.push(
        problem(PlanProblemCode.SECTION_DUPLICATE, place, '', {
          id: `${section.id} dikirim ${count} kali; RAD memuat tepat satu bagian untuk setiap Sub Gugus Tugas.`,
          en: `${section.en} was sent ${count} times; a plan has exactly one section per Sub-TF.`,
        }),
      );
    }
  }
  for (const kind of expected) {
    if (counts.has(kind)) continue;
    const section = capital(sectionName(kind));
    problems.push(
      problem(PlanProblemCode.SECTION_MISSING, { subTaskForce: kind }, '', {
        id: `${section.id} belum ada. Setiap Sub Gugus Tugas menyusun satu bagian RAD.`,
        en: `${section.en} is missing. Each Sub-TF drafts one section of the plan.`,
      }),
    );
  }
  return problems;
}

/** A frozen copy of one section; problems in it are added to `problems`. */
function copySection(section: PlanSection, problems: PlanProblem[]): PlanSection {
  const sectionPlace = { subTaskForce: section.subTaskForce };
  // The activities live beside the answers, with their ids; a stray copy inside the answers is dropped.
  const { activities: _stray, ...sectionAnswers } = section.answers as PlanSectionAnswers & { activities?: unknown };
  if (sectionAnswers.subTaskForce !== section.subTaskForce) {
    const filed = capital(sectionName(section.subTaskForce));
    const named = sectionName(String(sectionAnswers.subTaskForce));
    problems.push(
      problem(PlanProblemCode.SECTION_MISMATCH, sectionPlace, '/subTaskForce', {
        id: `${filed.id} berisi jawaban untuk ${named.id}.`,
        en: `${filed.en} holds the answers of ${named.en}.`,
      }),
    );
  }
  const answers = frozenJsonCopy(sectionAnswers, '', (at) => problems.push(notJsonProblem(sectionPlace, at))) as PlanSectionAnswers;
  const activities = section.activities.map((activity, index): PlanActivity => {
    const place: ProblemPlace = { subTaskForce: section.subTaskForce, activity: { activityId: activity.activityId || null, index, code: activity.answers?.code } };
    const field = pointerTo('/activities', index);
    if (typeof activity.activityId !== 'string' || activity.activityId === '') {
      const where = capital(placeName(place));
      problems.push(problem(PlanProblemCode.ACTIVITY_ID_MISSING, place, field, { id: `${where.id} belum memiliki ID.`, en: `${where.en} has no id.` }));
    }
    const answers = frozenJsonCopy(activity.answers, field, (at) => problems.push(notJsonProblem(place, at))) as PoaActivityAnswers;
    return Object.freeze({ activityId: activity.activityId, answers });
  });
  return Object.freeze({ subTaskForce: section.subTaskForce, answers, activities: Object.freeze(activities) as PlanActivity[] });
}

/** Ids and codes are unique across the plan: comments, integration and reports find an activity by them. */
function uniquenessProblems(sections: readonly PlanSection[]): PlanProblem[] {
  const problems: PlanProblem[] = [];
  const byId = new Map<string, ProblemPlace>();
  const byCode = new Map<string, ProblemPlace>();
  for (const section of sections) {
    section.activities.forEach((activity, index) => {
      const code = activity.answers?.code;
      const place: ProblemPlace = { subTaskForce: section.subTaskForce, activity: { activityId: activity.activityId, index, code } };
      const field = pointerTo('/activities', index);
      const idHolder = activity.activityId ? byId.get(activity.activityId) : undefined;
      if (idHolder) {
        const here = capital(placeName(place));
        const there = placeName(idHolder);
        problems.push(
          problem(PlanProblemCode.ACTIVITY_ID_DUPLICATE, place, field, {
            id: `${here.id} memakai ID yang sama dengan ${there.id} (${activity.activityId}).`,
            en: `${here.en} has the same id as ${there.en} (${activity.activityId}).`,
          }),
        );
      } else if (activity.activityId) byId.set(activity.activityId, place);
      if (typeof code !== 'string' || code === '') return;
      const codeHolder = byCode.get(code);
      if (codeHolder) {
        const first = sectionName(codeHolder.subTaskForce);
        const second = sectionName(section.subTaskForce);
        problems.push(
          problem(PlanProblemCode.ACTIVITY_CODE_DUPLICATE, place, pointerTo(field, 'code'), {
            id: `Kode kegiatan ${code} dipakai dua kali: pada ${first.id} dan pada ${second.id}. Setiap kegiatan memerlukan kode sendiri dalam RAD, karena catatan telaah, integrasi anggaran dan laporan triwulanan merujuk kode itu.`,
            en: `Activity code ${code} is used twice: in ${first.en} and in ${second.en}. Each activity needs a code of its own in the plan, because review comments, budget integration and quarterly reports refer to it.`,
          }),
        );
      } else byCode.set(code, place);
    });
  }
  return problems;
}

/**
 * Compiles the sections of a drafting round into the content of one plan version: sections in the
 * national Sub-TF order, activities in their order, everything copied and frozen (a version is never
 * changed in place; the next round is a new version).
 *
 * `expected` are the Sub-TFs of the task force (any order; see `expectedSections`). Refused, with the
 * section and field named in both languages, when a Sub-TF has no section or more than one, a section is
 * for a Sub-TF the task force does not have or holds another Sub-TF's answers, an activity has no id, two
 * activities share an id or a code, a value cannot be stored as JSON, or a budget amount is not a whole,
 * non-negative number of rupiah, or (with `options.period`) a budget line's year is outside the plan's
 * period. The rest of a section's answers is the form's business: validate each
 * submission against its `poa-section` form version first.
 */
export function compilePlanVersion(sections: readonly PlanSection[], expected: Iterable<SubTaskForceKind>, options: { period?: PlanPeriod } = {}): PlanResult<PlanVersionContent> {
  const ordered = [...sections].sort((a, b) => compareSubTaskForces(a.subTaskForce, b.subTaskForce));
  const problems = structureProblems(ordered, expectedSections(expected));
  const copies = ordered.map((section) => copySection(section, problems));
  problems.push(...uniquenessProblems(copies));
  // A compiled version always has a budget: whatever the budget refuses, the version refuses.
  const budget = planBudget({ sections: copies }, options);
  if (!budget.ok) problems.push(...budget.problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: Object.freeze({ sections: Object.freeze(copies) as PlanSection[] }) };
}
