import type { JsonValue } from '@gugus/contracts';
import type { FormSchema, UiSchema } from '@gugus/forms';
import { useEffectiveForm } from '@gugus/web-data-access';
import { fieldLabel } from '@gugus/web-shared';
import type { Language } from '@gugus/web-i18n';
import { decimal, rupiah } from '../format';

/**
 * The `poa-section` form as the jurisdiction uses it, in the reader's language: the labels of a plan's
 * fields and of its options (indicator units, budget sources …) come from the form, not from a copy here.
 */
export interface PlanFormLabels {
  /** The label of a field of an activity (`/target`, `/budgetLines/0/unitCost`), or of a section (`/problemStatement`). */
  activityField: (pointer: string) => string;
  sectionField: (pointer: string) => string;
  /** The name of an option of an activity's field (`indicatorUnit`, `budgetLines/items/budgetSource`, `partnerKinds`). */
  option: (path: string, code: string) => string;
  /** An option list of an activity's field as the form offers it, in its order (none until the form has loaded). */
  choices: (path: string) => { code: string; label: string }[];
}

function uiAt(ui: UiSchema | undefined, path: string): UiSchema | undefined {
  let node: UiSchema | undefined = ui;
  for (const part of path.split('/').filter(Boolean)) node = node && Object.hasOwn(node, part) ? (node[part] as UiSchema) : undefined;
  return node;
}

export function planFormLabels(schema: FormSchema | undefined, uiSchema: UiSchema | undefined): PlanFormLabels {
  const activity = schema?.properties?.['activities']?.items;
  // The resolved form names an option list's codes, in the list's order, in the field's `ui:enumNames`.
  const namesAt = (path: string) => (uiAt(uiSchema, `activities/items/${path}`)?.['ui:enumNames'] as Record<string, string> | undefined) ?? {};
  return {
    activityField: (pointer) => (activity && fieldLabel(activity, pointer)) ?? pointer,
    sectionField: (pointer) => (schema && fieldLabel(schema, pointer)) ?? pointer,
    option: (path, code) => namesAt(path)[code] ?? code,
    choices: (path) => Object.entries(namesAt(path)).map(([code, label]) => ({ code, label })),
  };
}

/** The labels of the jurisdiction's `poa-section` form (codes and pointers until it has loaded). */
export function usePlanFormLabels(jurisdictionCode: string | undefined): PlanFormLabels {
  const form = useEffectiveForm('poa-section', jurisdictionCode);
  return planFormLabels(form.data?.schema, form.data?.uiSchema);
}

const AGENCY_FIELD = /AgencyIds?(\/\d+)?$/;

/**
 * A field's value as a reader reads it: agencies by name, options by label, money in rupiah, a budget
 * line as "description: units × unit cost". For the before/after of a change and the activity table.
 */
export function valueText(pointer: string, value: JsonValue | undefined, ctx: { labels: PlanFormLabels; agencyNames: Record<string, string>; language: Language; yes: string; no: string }): string {
  const { labels, agencyNames, language } = ctx;
  const field = pointer.split('/').filter((p) => p && !/^\d+$/.test(p)).pop() ?? '';
  if (value === undefined || value === null || value === '') return '—';
  if (Array.isArray(value)) return value.map((v, i) => valueText(`${pointer}/${i}`, v, ctx)).join('; ');
  if (typeof value === 'boolean') return value ? ctx.yes : ctx.no;
  if (typeof value === 'object') {
    if (field === 'budgetLines') {
      const line = value as Record<string, JsonValue | undefined>;
      const units = typeof line['units'] === 'number' ? decimal(line['units'], language) : '?';
      const cost = typeof line['unitCost'] === 'number' ? rupiah(line['unitCost'], language) : '?';
      const unitName = typeof line['unitName'] === 'string' ? ` ${line['unitName']}` : '';
      // The category's name only: its label explains it for the form ("Administrasi (rapat, …)").
      const category = typeof line['costCategory'] === 'string' ? labels.option('budgetLines/items/costCategory', line['costCategory']).split(' (')[0] : undefined;
      const source = typeof line['budgetSource'] === 'string' ? ` (${[labels.option('budgetLines/items/budgetSource', line['budgetSource']), category].filter(Boolean).join(' · ')})` : '';
      const year = typeof line['fiscalYear'] === 'number' ? `${line['fiscalYear']} · ` : '';
      const baseline = typeof line['baselineUnits'] === 'number' ? ` [${labels.activityField('/budgetLines/0/baselineUnits').split(' › ').pop()}: ${decimal(line['baselineUnits'], language)}]` : '';
      return `${year}${String(line['description'] ?? '')}: ${units}${unitName} × ${cost}${baseline}${source}`;
    }
    return Object.entries(value)
      .map(([k, v]) => `${labels.activityField(`${pointer}/${k}`).split(' › ').pop() ?? k}: ${valueText(`${pointer}/${k}`, v, ctx)}`)
      .join(', ');
  }
  if (typeof value === 'number') return field === 'unitCost' ? rupiah(value, language) : decimal(value, language);
  if (AGENCY_FIELD.test(pointer) || field.endsWith('AgencyId')) return agencyNames[value] ?? value;
  if (field === 'indicatorUnit') return labels.option('indicatorUnit', value);
  if (field === 'budgetSource') return labels.option('budgetLines/items/budgetSource', value);
  if (field === 'costCategory') return labels.option('budgetLines/items/costCategory', value);
  if (field === 'partnerKinds') return labels.option('partnerKinds', value);
  return value;
}
