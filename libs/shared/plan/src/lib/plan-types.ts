import type { BilingualText, SubTaskForceKind } from '@gugus/contracts';

/** A value as it is stored in `jsonb` and carried in Temporal payloads. */
export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
/** A JSON object; an `undefined` member counts as absent, as in `JSON.stringify`. */
export interface JsonObject {
  [key: string]: JsonValue | undefined;
}

/** Bahasa Indonesia first, English second (the contracts' `BilingualText`). */
export type PlanText = BilingualText;

/** One line of an activity's budget in the `poa-section` form: units × unit cost, in whole rupiah. */
export interface PoaBudgetLine extends JsonObject {
  description: string;
  units: number;
  unitName?: string;
  unitCost: number;
  budgetSource: string;
}

/**
 * One activity of the `poa-section` form, as the form stores it (the national fields; a province variant
 * may add fields of its own, which the core carries and compares like any other).
 */
export interface PoaActivityAnswers extends JsonObject {
  code: string;
  activity: string;
  indicator: string;
  indicatorUnit: string;
  baseline: number;
  target: number;
  startQuarter: string;
  endQuarter: string;
  responsibleAgencyId: string;
  implementingAgencyIds?: string[];
  partnerKinds?: string[];
  budgetLines: PoaBudgetLine[];
  genderResponsive: boolean;
}

/** A section's answers apart from its activities: Sub-TF, lead agency, problem statement and analysis. */
export interface PlanSectionAnswers extends JsonObject {
  subTaskForce: SubTaskForceKind;
  leadAgencyId: string;
  problemStatement: string;
  problemAnalysis?: string;
}

/** A submission of the `poa-section` form: one Sub-TF's section of the plan, activities included. */
export interface PoaSectionAnswers extends PlanSectionAnswers {
  activities: PoaActivityAnswers[];
}

/**
 * An activity of a plan version. `activityId` is assigned by the server and kept for the activity's
 * whole life, across review rounds and revisions (its `code`, e.g. "1.3", is what people read and may
 * be renumbered).
 */
export interface PlanActivity {
  activityId: string;
  answers: PoaActivityAnswers;
}

/** One Sub-TF's section of a plan version. */
export interface PlanSection {
  subTaskForce: SubTaskForceKind;
  answers: PlanSectionAnswers;
  activities: PlanActivity[];
}

/** The content of one plan version: one section per Sub-TF, in the canonical Sub-TF order. */
export interface PlanVersionContent {
  sections: PlanSection[];
}

/** Why the core refused an input. */
export const PlanProblemCode = {
  /** A Sub-TF the task force has did not send its section. */
  SECTION_MISSING: 'plan.section_missing',
  /** A Sub-TF sent two or more sections. */
  SECTION_DUPLICATE: 'plan.section_duplicate',
  /** A section for a Sub-TF the task force does not have (e.g. Legal Norm Development in a regency). */
  SECTION_UNEXPECTED: 'plan.section_unexpected',
  /** A section filed under one Sub-TF whose answers name another. */
  SECTION_MISMATCH: 'plan.section_mismatch',
  /** An activity without an id. */
  ACTIVITY_ID_MISSING: 'plan.activity_id_missing',
  /** Two activities with one id. */
  ACTIVITY_ID_DUPLICATE: 'plan.activity_id_duplicate',
  /** Two activities with one code: review comments, integration and reports could not tell them apart. */
  ACTIVITY_CODE_DUPLICATE: 'plan.activity_code_duplicate',
  /** An id that is not in the plan version it should come from. */
  ACTIVITY_UNKNOWN: 'plan.activity_unknown',
  /** A value JSON cannot hold (NaN, Infinity, a date object, a function …). */
  NOT_JSON: 'plan.not_json',
  /** Budget lines that are missing or not a list. */
  BUDGET_LINES_INVALID: 'plan.budget_lines_invalid',
  /** A volume or an amount that is not a whole number, or is negative. */
  MONEY_INVALID: 'plan.money_invalid',
  /** An amount beyond what is computed exactly (Number.MAX_SAFE_INTEGER rupiah). */
  MONEY_TOO_LARGE: 'plan.money_too_large',
} as const;
export type PlanProblemCode = (typeof PlanProblemCode)[keyof typeof PlanProblemCode];

/** One thing wrong with a plan, said so that the person who can fix it finds the place. */
export interface PlanProblem {
  code: PlanProblemCode;
  /** The section it is in, when it is in one. */
  subTaskForce: SubTaskForceKind | null;
  /** The activity it is about, when it is about one that has an id. */
  activityId: string | null;
  /**
   * A JSON pointer into that section's `poa-section` answers (`/activities/2/budgetLines/0/unitCost`),
   * the `field` the server's validation errors use, so the form shows it on the right field; `''` for
   * the section as a whole.
   */
  field: string;
  message: PlanText;
}

/** A value, or the problems that prevent it. */
export type PlanResult<T> = { ok: true; value: T } | { ok: false; problems: PlanProblem[] };
