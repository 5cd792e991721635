import type { SubTaskForceKind } from './orgs';
import type { BilingualText } from './text';

/*
 * The content of a plan of action (Rencana Aksi Daerah) as every layer holds it: the pure plan core
 * (`@gugus/plan`) computes it, the server stores it in `plan_versions.content`, the web shows it.
 */

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
  /**
   * Administrative (task force meetings, travel, secretariat) or operational (prevention and response),
   * from `poa-section` 1.2.0; absent in earlier submissions, which count as uncategorised.
   */
  costCategory?: string;
  /**
   * The budget year the line is for (`poa-section` 1.2.0): budgets are annual (seed 000 L991), so a cost
   * that recurs has a line per year. Absent in earlier submissions: not scheduled in any year.
   */
  fiscalYear?: number;
  /** Units in the base year the year's units are projected from (seed 000 L993-999: 120 victims in 2018, +30 % → 156 in 2019). */
  baselineUnits?: number;
}

/** The cost categories of a budget line (seed 000 L1005-1009: administrative should not exceed operational). */
export const COST_CATEGORIES = ['administrative', 'operational'] as const;
export type CostCategory = (typeof COST_CATEGORIES)[number];

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
  /** A budget line's year that is not a whole year or falls outside the plan's period. */
  BUDGET_YEAR_INVALID: 'plan.budget_year_invalid',
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

/** Amounts per cost category; `uncategorised` holds lines without one (submissions before `poa-section` 1.2.0). */
export interface CostCategoryTotals {
  administrative: number;
  operational: number;
  uncategorised: number;
}

/** Why a plan version deserves a second look: it still compiles (non-blocking). */
export const PlanBudgetWarningCode = {
  /** Administrative costs above operational costs in a section or in the whole plan. */
  ADMINISTRATIVE_EXCEEDS_OPERATIONAL: 'plan.administrative_exceeds_operational',
  /** Money budgeted for a year in which the activity does not run (its start and end quarters). */
  BUDGET_YEAR_OUTSIDE_ACTIVITY: 'plan.budget_year_outside_activity',
} as const;
export type PlanBudgetWarningCode = (typeof PlanBudgetWarningCode)[keyof typeof PlanBudgetWarningCode];

/** A non-blocking remark on a version's budget, naming the section (or null for the whole plan) and the activity if it is about one. */
export interface PlanBudgetWarning {
  code: PlanBudgetWarningCode;
  subTaskForce: SubTaskForceKind | null;
  activityId?: string;
  /** The amounts compared (administrative against operational warnings). */
  administrative?: number;
  operational?: number;
  message: PlanText;
}

/** A total for one budget year; `fiscalYear` null: lines without a year (submitted before `poa-section` 1.2.0). */
export interface YearTotal {
  fiscalYear: number | null;
  total: number;
}

/** The amounts of one activity. */
export interface ActivityBudget {
  activityId: string;
  subTaskForce: SubTaskForceKind;
  code: string;
  responsibleAgencyId: string;
  /** units × unit cost of each budget line, in the form's order. */
  lines: number[];
  total: number;
  costCategories: CostCategoryTotals;
  /** Per budget year, in year order (lines without a year last). */
  years: YearTotal[];
}

/** A plan version's budget in whole rupiah, totalled the ways the plan is read. */
export interface PlanBudget {
  total: number;
  costCategories: CostCategoryTotals;
  /** Every section of the version, in its order (a section without cost has 0). */
  sections: { subTaskForce: SubTaskForceKind; total: number; costCategories: CostCategoryTotals; years: YearTotal[] }[];
  /** Per budget year, in year order (lines without a year last), with the cost categories of each year. */
  years: (YearTotal & { costCategories: CostCategoryTotals })[];
  /** Per responsible agency, in the order the agencies first appear in the plan. */
  responsibleAgencies: { agencyId: string; total: number }[];
  /** Per budget source (APBD, APBN, village fund, donor …), in the order they first appear. */
  budgetSources: { budgetSource: string; total: number }[];
  /** Every activity, in plan order. */
  activities: ActivityBudget[];
  /**
   * Administrative above operational, per section and for the whole plan (not per activity: a task force
   * meeting is an administrative activity by nature, the seed's rule is about the budget's proportions).
   */
  warnings: PlanBudgetWarning[];
}
