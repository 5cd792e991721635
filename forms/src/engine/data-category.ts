import { higher, SENSITIVITY_RANK } from './sensitivity';
import { DATA_CATEGORY_LIST, type BilingualText, type FormSchema, type OptionList, type Sensitivity } from './types';

// Consent to share is given per data category (the consent form's `dataCategories`), so every answer a
// referral packet may carry says which category it is: `x-data-category` on the field. Forms are data,
// so a province tags the fields it adds the same way. A field without a category never leaves the case.

/** The codes `x-data-category` may name: the data category list among `lists` (none if it is absent). */
export function dataCategoryCodes(lists: { get(key: string): OptionList | undefined }): string[] {
  return lists.get(DATA_CATEGORY_LIST)?.options.map((o) => o.code) ?? [];
}

/** A group of fields (an object with fields, or a list of such objects): its fields carry the categories. */
export function isFieldGroup(node: FormSchema): boolean {
  return Boolean(node.properties || node.items?.properties);
}

/** A misplaced or unknown `x-data-category`; `field` is the data path (`/identity/fullName`). */
export interface DataCategoryProblem {
  field: string;
  message: BilingualText;
}

/** What a person sees of a hostile value: bounded, and never more than a short code. */
function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}

/** Why `value` is not a category of `categories`, naming the field at `path`; undefined when it is one. */
export function unknownCategoryMessage(path: string, value: unknown, categories: readonly string[]): BilingualText | undefined {
  if (typeof value === 'string' && categories.includes(value)) return undefined;
  return {
    id: `Isian ${path}: kategori data "${shown(value)}" tidak dikenal; pilih salah satu dari daftar ${DATA_CATEGORY_LIST}: ${categories.join(', ')}.`,
    en: `Field ${path}: unknown data category "${shown(value)}"; choose one from the ${DATA_CATEGORY_LIST} list: ${categories.join(', ')}.`,
  };
}

/** Why a group of fields may not carry a category itself. */
export function groupCategoryMessage(path: string): BilingualText {
  return {
    id: `Isian ${path} adalah kelompok isian; kategori data diberikan pada isian di dalamnya, bukan pada kelompoknya.`,
    en: `Field ${path} is a group of fields; data categories go on the fields inside it, not on the group.`,
  };
}

/**
 * Every `x-data-category` of `schema` that is not a code of `categories` or that sits anywhere but on an
 * answer field (a group, the items of a list, a condition), each naming the field by its data path.
 */
export function dataCategoryProblems(schema: FormSchema, categories: readonly string[]): DataCategoryProblem[] {
  const problems: DataCategoryProblem[] = [];
  const has = (node: FormSchema) => Object.hasOwn(node, 'x-data-category');

  const visitField = (node: FormSchema, path: string): void => {
    if (has(node)) {
      const field = path || '/';
      const message = isFieldGroup(node) || !path ? groupCategoryMessage(field) : unknownCategoryMessage(field, node['x-data-category'], categories);
      if (message) problems.push({ field, message });
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) visitField(child, `${path}/${name}`);
    if (node.items) visitItems(node.items, `${path}/items`, path);
    visitConditions(node, path);
  };
  // The items of a list are not a field of their own: a multiple choice's category goes on the list.
  const visitItems = (node: FormSchema, path: string, list: string): void => {
    if (has(node)) {
      problems.push({
        field: path,
        message: { id: `Kategori data untuk daftar ${list} diberikan pada isian daftarnya, bukan pada butirnya.`, en: `The data category of list ${list} goes on the list field, not on its items.` },
      });
    }
    for (const [name, child] of Object.entries(node.properties ?? {})) visitField(child, `${path}/${name}`);
    visitConditions(node, path);
  };
  // Conditions only require fields; a category there would describe no answer.
  const visitConditions = (node: FormSchema, path: string): void => {
    const branches = [...(node.allOf ?? []), ...(['if', 'then', 'else'] as const).map((k) => node[k] as FormSchema | undefined)];
    for (const branch of branches) {
      if (!branch) continue;
      const stray: string[] = [];
      const find = (n: FormSchema, at: string) => {
        if (has(n)) stray.push(at);
        for (const [name, child] of Object.entries(n.properties ?? {})) find(child, `${at}/${name}`);
        if (n.items) find(n.items, `${at}/items`);
        for (const b of [...(n.allOf ?? []), n.if, n.then, n.else]) if (b) find(b as FormSchema, at);
      };
      find(branch, path);
      for (const at of stray) {
        problems.push({ field: at || '/', message: { id: `Kategori data di dalam syarat (${at || '/'}) tidak berlaku; berikan pada isiannya.`, en: `A data category inside a condition (${at || '/'}) has no effect; put it on the field.` } });
      }
    }
  };

  visitField(schema, '');
  return problems;
}

/**
 * The answer fields of `schema` that are at least as sensitive as `level` (a field is as sensitive as
 * the most sensitive group it sits in; no `x-sensitivity` counts as identifying) and have no
 * `x-data-category`: they could never be put in a referral packet.
 */
export function uncategorisedFields(schema: FormSchema, level: Sensitivity = 'restricted'): string[] {
  const out: string[] = [];
  const visit = (node: FormSchema, path: string, inherited: Sensitivity) => {
    for (const [name, child] of Object.entries(node.properties ?? {})) {
      const sensitivity = higher(inherited, child['x-sensitivity'] ?? 'identifying');
      const here = `${path}/${name}`;
      if (isFieldGroup(child)) visit(child.items?.properties ? child.items : child, child.items?.properties ? `${here}/items` : here, sensitivity);
      else if (SENSITIVITY_RANK[sensitivity] >= SENSITIVITY_RANK[level] && !child['x-data-category']) out.push(here);
    }
  };
  visit(schema, '', 'public');
  return out;
}
