import { ErrorCode, type CostCategoryTotals, type PoaActivityAnswers, type SubTaskForceKind } from '@gugus/contracts';
import { planBudget, SUB_TASK_FORCE_NAMES } from '@gugus/plan';
import { DomainError } from '@gugus/server-http';
import { budgetSourceLabel, costCategoryLabel, indicatorUnitLabel } from './labels';
import type { PlanExportInput } from './plan-export-input';

/** One budget line as printed: units × unit cost, with its total and its source's label. */
export interface ExportBudgetLine {
  description: string;
  units: number;
  unitName: string;
  unitCost: number;
  total: number;
  budgetSource: string;
  /** The cost category's label, or "" for a line submitted before the form had one. */
  costCategory: string;
  /** The budget year, or null for a line submitted before the form had one. */
  fiscalYear: number | null;
  /** The base-year units the year's units are projected from, if given. */
  baselineUnits: number | null;
}

/** One activity with labels and names in place of codes and ids, and its amounts from the plan core. */
export interface ExportActivity extends Pick<PoaActivityAnswers, 'code' | 'activity' | 'indicator' | 'baseline' | 'target' | 'startQuarter' | 'endQuarter' | 'genderResponsive'> {
  /** The unit's label ("Orang"), not its code. */
  indicatorUnit: string;
  responsibleAgency: string;
  implementingAgencies: string[];
  lines: ExportBudgetLine[];
  total: number;
}

export interface ExportSection {
  /** 1, 2 … in the plan's order. */
  number: number;
  subTaskForce: SubTaskForceKind;
  /** The Sub-TF's Indonesian name. */
  name: string;
  leadAgency: string;
  problemStatement: string;
  problemAnalysis: string;
  activities: ExportActivity[];
  total: number;
  costCategories: CostCategoryTotals;
}

/** A plan version laid out for printing: what the PDF and the XLSX both show. */
export interface ExportPlan {
  sections: ExportSection[];
  total: number;
  /** Totals per budget source label, in the order the sources first appear. */
  budgetSources: { label: string; total: number }[];
  costCategories: CostCategoryTotals;
  /** Per budget year, in year order; `fiscalYear` null: lines without a year (before poa-section 1.2.0). */
  years: { fiscalYear: number | null; total: number; costCategories: CostCategoryTotals }[];
  /** The plan core's non-blocking budget warnings, in Bahasa Indonesia (e.g. administrative above operational). */
  warnings: string[];
}

/**
 * Names every agency and budget source and prices every activity with the plan core's `planBudget`, so
 * the exports show the amounts the rest of Gugus computes. A version whose budget the core refuses (it
 * was checked when compiled, so this means stored data went wrong) cannot be exported.
 */
export function exportPlan(input: PlanExportInput): ExportPlan {
  const budget = planBudget(input.content);
  if (!budget.ok) {
    throw new DomainError(
      ErrorCode.VALIDATION_FAILED,
      { id: 'Anggaran versi RAD ini tidak dapat dihitung, sehingga tidak dapat diekspor.', en: 'The budget of this plan version cannot be computed, so it cannot be exported.' },
      { fields: budget.problems.map((p) => ({ field: p.field, message: p.message })) },
    );
  }
  const agency = (id: string) => input.agencyNames[id] ?? id;
  const source = (code: string) => budgetSourceLabel(code, input.budgetSourceLabels);
  const sectionTotals = new Map(budget.value.sections.map((s) => [s.subTaskForce, s]));
  const priced = new Map(budget.value.activities.map((a) => [`${a.subTaskForce}/${a.activityId}`, a]));
  const sections = input.content.sections.map((section, i): ExportSection => {
    const { answers } = section;
    return {
      number: i + 1,
      subTaskForce: section.subTaskForce,
      name: SUB_TASK_FORCE_NAMES[section.subTaskForce]?.id ?? section.subTaskForce,
      leadAgency: agency(answers.leadAgencyId),
      problemStatement: answers.problemStatement,
      problemAnalysis: answers.problemAnalysis ?? '',
      total: sectionTotals.get(section.subTaskForce)?.total ?? 0,
      costCategories: sectionTotals.get(section.subTaskForce)?.costCategories ?? { administrative: 0, operational: 0, uncategorised: 0 },
      activities: section.activities.map(({ activityId, answers: a }): ExportActivity => {
        const amounts = priced.get(`${section.subTaskForce}/${activityId}`);
        return {
          code: a.code,
          activity: a.activity,
          indicator: a.indicator,
          indicatorUnit: indicatorUnitLabel(a.indicatorUnit),
          baseline: a.baseline,
          target: a.target,
          startQuarter: a.startQuarter,
          endQuarter: a.endQuarter,
          responsibleAgency: agency(a.responsibleAgencyId),
          implementingAgencies: (a.implementingAgencyIds ?? []).map(agency),
          genderResponsive: a.genderResponsive,
          lines: a.budgetLines.map((line, k) => ({
            description: line.description,
            units: line.units,
            unitName: line.unitName ?? '',
            unitCost: line.unitCost,
            total: amounts?.lines[k] ?? 0,
            budgetSource: source(line.budgetSource),
            costCategory: costCategoryLabel(line.costCategory),
            fiscalYear: line.fiscalYear ?? null,
            baselineUnits: line.baselineUnits ?? null,
          })),
          total: amounts?.total ?? 0,
        };
      }),
    };
  });
  const bySource = new Map<string, number>();
  for (const { budgetSource, total } of budget.value.budgetSources) {
    const label = source(budgetSource);
    bySource.set(label, (bySource.get(label) ?? 0) + total);
  }
  return {
    sections,
    total: budget.value.total,
    budgetSources: [...bySource].map(([label, total]) => ({ label, total })),
    costCategories: budget.value.costCategories,
    years: budget.value.years,
    warnings: budget.value.warnings.map((w) => w.message.id),
  };
}
