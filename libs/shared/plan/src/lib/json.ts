import type { JsonObject, JsonValue } from './plan-types';

/** The JSON pointer of `token` under `base` (RFC 6901: `~` and `/` escaped). */
export function pointerTo(base: string, token: string | number): string {
  return `${base}/${String(token).replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

/** True for `{…}` objects, also when they come from another realm (Temporal's workflow sandbox). */
export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';
}

/**
 * Deep equality of two JSON values: object key order does not matter, array order does, and a member
 * whose value is `undefined` counts as absent (as it does once stored).
 */
export function jsonEqual(a: JsonValue | undefined, b: JsonValue | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const aIsArray = Array.isArray(a);
  if (aIsArray !== Array.isArray(b)) return false;
  if (aIsArray) {
    const bb = b as JsonValue[];
    if (a.length !== bb.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], bb[i])) return false;
    return true;
  }
  const ao = a as JsonObject;
  const bo = b as JsonObject;
  let aCount = 0;
  for (const key of Object.keys(ao)) {
    if (ao[key] === undefined) continue;
    aCount++;
    if (!Object.prototype.hasOwnProperty.call(bo, key) || !jsonEqual(ao[key], bo[key])) return false;
  }
  let bCount = 0;
  for (const key of Object.keys(bo)) if (bo[key] !== undefined) bCount++;
  return aCount === bCount;
}

/**
 * A frozen deep copy of `value`, so that a plan version cannot be changed by whoever handed in its
 * parts. Members that are `undefined` are left out; a value JSON cannot hold is reported at its pointer
 * (relative to `at`) and left out too.
 */
export function frozenJsonCopy(value: unknown, at: string, notJson: (pointer: string) => void): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      notJson(at);
      return undefined;
    case 'undefined':
      return undefined;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: JsonValue[] = [];
        for (let i = 0; i < value.length; i++) {
          const item = frozenJsonCopy(value[i], pointerTo(at, i), notJson);
          // JSON turns a hole or `undefined` in an array into null; keep the positions.
          out.push(item === undefined ? null : item);
        }
        return Object.freeze(out) as JsonValue[];
      }
      if (isJsonObject(value)) {
        const out: JsonObject = {};
        for (const key of Object.keys(value)) {
          const item = frozenJsonCopy(value[key], pointerTo(at, key), notJson);
          if (item !== undefined) out[key] = item;
        }
        return Object.freeze(out);
      }
      notJson(at);
      return undefined;
    }
    default:
      notJson(at);
      return undefined;
  }
}
