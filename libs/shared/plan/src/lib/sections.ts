import { SUB_TASK_FORCE_KINDS, SUB_TASK_FORCE_NAMES, type SubTaskForceKind } from '@gugus/contracts';

// The names live in the contracts (one place for the server, the workflows and the web).
export { SUB_TASK_FORCE_NAMES };
import type { PlanText } from './plan-types';

const RANK = new Map<string, number>(SUB_TASK_FORCE_KINDS.map((kind, i) => [kind, i]));

/** True for the six Sub-TF codes. */
export function isSubTaskForceKind(value: unknown): value is SubTaskForceKind {
  return typeof value === 'string' && RANK.has(value);
}

/** Sorts Sub-TFs by their national number (1 Prevention … 6 Cooperation); unknown codes go last. */
export function compareSubTaskForces(a: string, b: string): number {
  return (RANK.get(a) ?? RANK.size) - (RANK.get(b) ?? RANK.size);
}

/**
 * The sections a plan of a task force with these Sub-TFs gets: one per Sub-TF, in the national order,
 * each once. A regency/city task force normally has five (no Legal Norm Development), national and
 * province six; a task force that adjusted its structure gets the sections of the Sub-TFs it has.
 * Codes that are not Sub-TFs are left out.
 */
export function expectedSections(subTaskForceKinds: Iterable<SubTaskForceKind>): SubTaskForceKind[] {
  const have = new Set<string>(subTaskForceKinds);
  return SUB_TASK_FORCE_KINDS.filter((kind) => have.has(kind));
}

/** The Sub-TF's name ("Pencegahan dan Partisipasi Anak"), or the code in quotes if it is not a Sub-TF. */
export function subTaskForceName(kind: string): PlanText {
  return isSubTaskForceKind(kind) ? SUB_TASK_FORCE_NAMES[kind] : { id: `"${kind}"`, en: `"${kind}"` };
}

/** "bagian Pencegahan dan Partisipasi Anak" / "the Prevention and Child Participation section". */
export function sectionName(kind: string): PlanText {
  const name = subTaskForceName(kind);
  return { id: `bagian ${name.id}`, en: `the ${name.en} section` };
}
