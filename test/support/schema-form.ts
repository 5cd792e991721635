import type { Locator } from 'playwright-core';

/** The part of a JSON Schema (as the API serves a form: option lists expanded into `enum`) the filler reads. */
export interface FillSchema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  properties?: Record<string, FillSchema>;
  items?: FillSchema;
}
type Ui = Record<string, unknown>;

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Fills a rendered SchemaForm with `data` the way a person does — choosing options by their place in the
 * list, ticking boxes, typing — field by field in the form's order (so a field a condition shows appears
 * before it is filled). `form` holds the form; `prefix` is its id prefix (`root` on task pages).
 */
export async function fillSchemaForm(form: Locator, schema: FillSchema, uiSchema: Ui, data: Record<string, unknown>, prefix = 'root'): Promise<void> {
  const properties = schema.properties ?? {};
  const order = (Array.isArray(uiSchema['ui:order']) ? (uiSchema['ui:order'] as string[]) : []).filter((k) => k !== '*');
  const keys = [...order.filter((k) => k in data), ...Object.keys(data).filter((k) => !order.includes(k))];
  for (const key of keys) {
    const node = properties[key];
    if (!node || data[key] === undefined) continue;
    await fillField(form, node, isRecord(uiSchema[key]) ? (uiSchema[key] as Ui) : {}, data[key], `${prefix}_${key}`);
  }
}

async function fillField(form: Locator, node: FillSchema, ui: Ui, value: unknown, id: string): Promise<void> {
  const field = form.locator(`[data-field="${id}"]`).first();
  await field.waitFor();
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== 'null') : node.type;
  if (type === 'object' && isRecord(value)) return fillSchemaForm(form, node, ui, value, id);
  if (type === 'array' && Array.isArray(value)) {
    const items = node.items ?? {};
    if (items.enum) {
      for (const v of value) await field.getByRole('checkbox').nth(items.enum.indexOf(v)).check();
      return;
    }
    for (const [i, element] of value.entries()) {
      // A list with a minimum starts with its first items shown.
      if ((await form.locator(`[data-field="${id}_${i}"]`).count()) === 0) await form.locator(`#${id}__add`).click();
      await fillField(form, items, isRecord(ui['items']) ? (ui['items'] as Ui) : {}, element, `${id}_${i}`);
    }
    return;
  }
  if (node.enum) {
    const index = node.enum.indexOf(value);
    if ((await field.getByRole('radio').count()) > 0) await field.getByRole('radio').nth(index).check();
    else await field.locator('select').selectOption({ index: index + 1 });
    return;
  }
  if (type === 'boolean') {
    if ((await field.getByRole('radio').count()) > 0) await field.getByRole('radio', { name: value ? 'Ya' : 'Tidak', exact: true }).check();
    else await field.getByRole('checkbox').setChecked(value === true);
    return;
  }
  if (ui['ui:widget'] === 'agency-picker') {
    await field.locator(`select option[value="${String(value)}"]`).waitFor({ state: 'attached' });
    await field.locator('select').selectOption(String(value));
    return;
  }
  await field.locator('input, textarea').first().fill(String(value));
}
