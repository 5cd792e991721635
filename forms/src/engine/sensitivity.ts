import type { FormSchema, Sensitivity } from './types';

/** Sensitivity levels in order: each one includes what is below it. */
export const SENSITIVITY_RANK: Readonly<Record<Sensitivity, number>> = { public: 0, internal: 1, restricted: 2, identifying: 3 };

/** The more sensitive of two levels. */
export function higher(a: Sensitivity, b: Sensitivity): Sensitivity {
  return SENSITIVITY_RANK[a] >= SENSITIVITY_RANK[b] ? a : b;
}

/** One answer taken out of a form's data: where it sat (object keys and array indexes) and its value. */
export interface PlacedAnswer {
  path: (string | number)[];
  value: unknown;
}

/** A form's data cut in two along a sensitivity level. */
export interface SensitivitySplit {
  /** What is below the level; a removed array element leaves `null` in its place. */
  below: Record<string, unknown>;
  /** What is at or above the level, with where it goes back. */
  atOrAbove: PlacedAnswer[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Cuts `data` into what is below `level` and what is at or above it, by the `x-sensitivity` of each
 * field. A field is as sensitive as the most sensitive group it sits in (an `identifying` group
 * takes all of its fields with it). Fails closed: an answer the schema does not describe, or a field
 * without `x-sensitivity`, counts as `identifying`.
 */
export function splitBySensitivity(schema: FormSchema, data: Record<string, unknown>, level: Sensitivity): SensitivitySplit {
  const threshold = SENSITIVITY_RANK[level];
  const atOrAbove: PlacedAnswer[] = [];

  const visitObject = (node: FormSchema | undefined, value: Record<string, unknown>, inherited: Sensitivity, path: (string | number)[]): Record<string, unknown> => {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value)) {
      const child = node?.properties && Object.hasOwn(node.properties, key) ? node.properties[key] : undefined;
      const sensitivity = child ? higher(inherited, child['x-sensitivity'] ?? 'identifying') : 'identifying';
      const here = [...path, key];
      if (SENSITIVITY_RANK[sensitivity] >= threshold) atOrAbove.push({ path: here, value: value[key] });
      else define(out, key, visit(child, value[key], sensitivity, here));
    }
    return out;
  };

  const visit = (node: FormSchema | undefined, value: unknown, inherited: Sensitivity, path: (string | number)[]): unknown => {
    if (Array.isArray(value)) {
      const items = node?.items;
      const sensitivity = items?.['x-sensitivity'] ? higher(inherited, items['x-sensitivity']) : inherited;
      return value.map((element, i) => {
        if (SENSITIVITY_RANK[sensitivity] >= threshold) {
          atOrAbove.push({ path: [...path, i], value: element });
          return null;
        }
        return visit(items, element, sensitivity, [...path, i]);
      });
    }
    return isRecord(value) ? visitObject(node, value, inherited, path) : value;
  };

  return { below: visitObject(schema, data, 'public', []), atOrAbove };
}

/** Puts answers taken out by {@link splitBySensitivity} back into a copy of `below`. */
export function mergeAnswers(below: Record<string, unknown>, answers: readonly PlacedAnswer[]): Record<string, unknown> {
  const out = structuredClone(below);
  for (const { path, value } of answers) {
    if (!path.length) continue;
    let node: Record<string | number, unknown> | unknown[] = out;
    for (let i = 0; i < path.length - 1; i++) {
      const key = path[i];
      const next = (node as Record<string | number, unknown>)[key];
      if (next === null || typeof next !== 'object') define(node, key, typeof path[i + 1] === 'number' ? [] : {});
      node = (node as Record<string | number, unknown>)[key] as Record<string | number, unknown> | unknown[];
    }
    define(node, path[path.length - 1], value);
  }
  return out;
}

/** JSON pointer of an answer's place (`/identity/contact/phone`, `/actions/0/notes`). */
export function pointerOf(path: readonly (string | number)[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * What a reader entitled to answers up to `allowed` may see of `data`: everything above it is left out,
 * and `withheld` lists where (JSON pointers), so a screen can say that something is not shown.
 */
export function redactAbove(schema: FormSchema, data: Record<string, unknown>, allowed: Sensitivity): { data: Record<string, unknown>; withheld: string[] } {
  if (allowed === 'identifying') return { data, withheld: [] };
  const next = (Object.keys(SENSITIVITY_RANK) as Sensitivity[]).find((s) => SENSITIVITY_RANK[s] === SENSITIVITY_RANK[allowed] + 1) as Sensitivity;
  const { below, atOrAbove } = splitBySensitivity(schema, data, next);
  return { data: below, withheld: atOrAbove.map((a) => pointerOf(a.path)) };
}

/** The most sensitive level any field of `schema` has (what a record of this form may hold at most). */
export function highestSensitivity(schema: FormSchema): Sensitivity {
  let top: Sensitivity = 'public';
  const visit = (node: FormSchema) => {
    for (const child of Object.values(node.properties ?? {})) {
      top = higher(top, child['x-sensitivity'] ?? 'identifying');
      visit(child);
    }
    if (node.items) visit(node.items);
  };
  visit(schema);
  return top;
}

// Keys such as "__proto__" are stored as own data properties, never through the prototype setter.
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}
