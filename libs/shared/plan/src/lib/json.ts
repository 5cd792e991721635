import type { JsonObject, JsonValue } from './plan-types';

/** The JSON pointer of `token` under `base` (RFC 6901: `~` and `/` escaped). */
export function pointerTo(base: string, token: string | number): string {
  if (typeof token === 'number') return `${base}/${token}`;
  return `${base}/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`;
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
  return copyAt(value, [], at, notJson);
}

// The path is kept as tokens and turned into a pointer only for a problem: building a string for every
// node would cost more than the copy itself.
function copyAt(value: unknown, path: (string | number)[], at: string, notJson: (pointer: string) => void): JsonValue | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      break;
    case 'undefined':
      return undefined;
    case 'object': {
      if (value === null) return null;
      if (Array.isArray(value)) {
        const out: JsonValue[] = new Array<JsonValue>(value.length);
        for (let i = 0; i < value.length; i++) {
          path.push(i);
          const item = copyAt(value[i], path, at, notJson);
          path.pop();
          // JSON turns a hole or `undefined` in an array into null; keep the positions.
          out[i] = item === undefined ? null : item;
        }
        return Object.freeze(out) as JsonValue[];
      }
      if (!isJsonObject(value)) break;
      const out: JsonObject = {};
      for (const key of Object.keys(value)) {
        path.push(key);
        const item = copyAt(value[key], path, at, notJson);
        path.pop();
        if (item !== undefined) out[key] = item;
      }
      return Object.freeze(out);
    }
  }
  notJson(path.reduce<string>(pointerTo, at));
  return undefined;
}
