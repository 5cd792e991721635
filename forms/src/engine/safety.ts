import safeRegex from 'safe-regex2';
import { FORM_FORMATS } from './ajv';
import { groupCategoryMessage, unknownCategoryMessage } from './data-category';
import { SENSITIVITIES, type BilingualText } from './types';

// A province administrator writes overlays, and every person filling in that province's forms runs
// them: in the API (ajv, RE2 patterns) and in their browser (rjsf, the browser's backtracking RegExp).
// So what a province adds is held to an allow-list that keeps both sides safe and fast.

/** Names of JavaScript's object machinery: as a path segment or a field name they lead to `Object.prototype`. */
export const RESERVED_NAMES: readonly string[] = ['__proto__', 'prototype', 'constructor'];

export function isReservedName(name: string): boolean {
  return RESERVED_NAMES.includes(name);
}

/** The first reserved segment of a data path (`/victim/__proto__` → `__proto__`), if any. */
export function reservedSegmentOf(path: string): string | undefined {
  return path.split('/').find(isReservedName);
}

/** Why a reserved name is refused; without `name`, all of them are listed. */
export function reservedNameMessage(name?: string): BilingualText {
  const names = name ? `"${name}"` : RESERVED_NAMES.map((n) => `"${n}"`).join(', ');
  return {
    id: `Nama ${names} dicadangkan dan tidak boleh dipakai sebagai nama atau jalur isian.`,
    en: `${name ? 'The name' : 'The names'} ${names} ${name ? 'is' : 'are'} reserved and cannot be used as a field name or path.`,
  };
}

/** Bounds on a field a province adds (and every schema nested in it). */
export const ADDED_FIELD_LIMITS = {
  /** Largest `maxLength` of a text. */
  maxLength: 10_000,
  /** Largest `maxLength` of a text with a `pattern`: it bounds a backtracking engine's work in the browser. */
  patternedMaxLength: 500,
  /** Largest `maxItems` of a list. */
  maxItems: 1_000,
  /** Levels of `properties` / `items` below the added field. */
  depth: 4,
  /** Fields of one group. */
  properties: 50,
  /** Schemas in one added field, at all levels. */
  nodes: 200,
  /** Characters of a `pattern`. */
  patternLength: 200,
  /** Repetitions (`*`, `+`, `?`, `{n,m}`) in a pattern. */
  patternRepetitions: 10,
  /** Repetitions of open or wide length (`*`, `+`, `{2,}`, `{1,50}`) in a pattern. */
  patternOpenRepetitions: 2,
  /** Characters of a label or help text, per language. */
  textLength: 500,
  /** Characters of an `x-unit`. */
  unitLength: 20,
} as const;

/** One refused part of a schema: `pointer` is a JSON pointer into the checked schema (`/pattern`). */
export interface SchemaProblem {
  pointer: string;
  message: BilingualText;
}

/** A refused part of an overlay: `field` names it from the request body (`overlay/addFields/0/schema/pattern`). */
export interface OverlayFieldError {
  field: string;
  message: BilingualText;
}

export interface AddedFieldCheck {
  /** The option lists an `x-options` may name (the national version's). */
  optionLists: { has(key: string): boolean };
  /** A further check of each pattern (the server compiles it with RE2, the engine it validates with). */
  checkPattern?: (pattern: string) => BilingualText | undefined;
  /** The codes an `x-data-category` may name (the version's data category list); none when absent. */
  dataCategories?: readonly string[];
}

const FIELD_TYPES = ['string', 'number', 'integer', 'boolean', 'array', 'object'] as const;
type FieldType = (typeof FIELD_TYPES)[number];

const NUMBER_KEYWORDS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'x-unit'];
const KEYWORDS_BY_TYPE: Record<FieldType, readonly string[]> = {
  string: ['maxLength', 'minLength', 'pattern', 'format', 'x-options'],
  number: NUMBER_KEYWORDS,
  integer: NUMBER_KEYWORDS,
  boolean: [],
  array: ['items', 'minItems', 'maxItems', 'uniqueItems'],
  object: ['properties', 'required', 'additionalProperties'],
};
const EVERY_TYPE_KEYWORDS = ['type', 'x-label', 'x-help', 'x-sensitivity', 'x-core', 'x-data-category'];
const FIELD_NAME = /^[a-zA-Z][a-zA-Z0-9]*$/;

const text = (id: string, en: string): BilingualText => ({ id, en });
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isCount = (value: unknown, max: number): value is number => Number.isInteger(value) && (value as number) >= 0 && (value as number) <= max;
/** A JSON pointer segment (RFC 6901). */
const segment = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function isBilingual(value: unknown): boolean {
  if (!isRecord(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 2 && (['id', 'en'] as const).every((k) => typeof value[k] === 'string' && (value[k] as string).trim().length > 0 && (value[k] as string).length <= ADDED_FIELD_LIMITS.textLength);
}

interface Scan {
  lookaround: boolean;
  backreference: boolean;
  repeatedAlternation: boolean;
  openRepetitions: number;
}

/** `*`, `+`, `?`, `{n}`, `{n,}`, `{n,m}` at `i` (with a lazy `?` after it), or undefined. */
function quantifierAt(p: string, i: number): { min: number; max: number; length: number } | undefined {
  const lazy = (length: number) => (p[i + length] === '?' ? length + 1 : length);
  if (p[i] === '*') return { min: 0, max: Infinity, length: lazy(1) };
  if (p[i] === '+') return { min: 1, max: Infinity, length: lazy(1) };
  if (p[i] === '?') return { min: 0, max: 1, length: lazy(1) };
  const braces = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(i));
  if (!braces) return undefined;
  const min = Number(braces[1]);
  const max = braces[2] === undefined ? min : braces[3] === '' ? Infinity : Number(braces[3]);
  return { min, max, length: lazy(braces[0].length) };
}

/**
 * What a pattern does that RE2 cannot, or that makes a backtracking engine explode: a repeated group
 * with an alternation inside (`(a|a)*` runs in exponential time although its star height is 1, which
 * safe-regex2 alone lets through), and how many repetitions have an open length (each one multiplies
 * the work on a failing input). Assumes `p` compiles as a JavaScript `u` RegExp.
 */
function scanPattern(p: string): Scan {
  const out: Scan = { lookaround: false, backreference: false, repeatedAlternation: false, openRepetitions: 0 };
  const groups: { alternation: boolean }[] = [];
  // The atom a following quantifier repeats: a group (with whether it holds an alternation) or one character.
  let atom: { alternation: boolean } | undefined;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      const next = p[i + 1];
      if (/[1-9]/.test(next) || next === 'k') out.backreference = true;
      i++;
      // \u{…}, \p{…}, \P{…}: the braces belong to the escape, not to a quantifier.
      if ('upP'.includes(next) && p[i + 1] === '{') i = p.indexOf('}', i);
      atom = { alternation: false };
    } else if (c === '[') {
      for (i++; i < p.length && p[i] !== ']'; i++) if (p[i] === '\\') i++;
      atom = { alternation: false };
    } else if (c === '(') {
      if (/^\(\?<?[=!]/.test(p.slice(i, i + 4))) out.lookaround = true;
      groups.push({ alternation: false });
      atom = undefined;
    } else if (c === ')') {
      atom = groups.pop();
      if (atom?.alternation && groups.length) groups[groups.length - 1].alternation = true;
    } else if (c === '|') {
      if (groups.length) groups[groups.length - 1].alternation = true;
      atom = undefined;
    } else {
      const q = quantifierAt(p, i);
      if (q) {
        if (q.max === Infinity || q.max - q.min > 10) out.openRepetitions++;
        if (q.max > 1 && atom?.alternation) out.repeatedAlternation = true;
        i += q.length - 1;
        atom = undefined;
      } else {
        atom = { alternation: false };
      }
    }
  }
  return out;
}

/**
 * Why `pattern` is not safe in a province field, or undefined. The browser validates with its own
 * backtracking RegExp, so besides compiling, a pattern must not backtrack catastrophically there:
 * no nested repetitions (safe-regex2: star height 1), no repeated alternation, at most
 * {@link ADDED_FIELD_LIMITS.patternOpenRepetitions} open repetitions; and, for parity with the server's
 * RE2, no backreferences or lookaround.
 */
export function patternProblem(pattern: string): BilingualText | undefined {
  if (pattern.length > ADDED_FIELD_LIMITS.patternLength) {
    return text(`Pola terlalu panjang (paling banyak ${ADDED_FIELD_LIMITS.patternLength} karakter).`, `The pattern is too long (at most ${ADDED_FIELD_LIMITS.patternLength} characters).`);
  }
  try {
    new RegExp(pattern, 'u');
  } catch {
    return text('Pola bukan ekspresi reguler yang valid.', 'The pattern is not a valid regular expression.');
  }
  const scan = scanPattern(pattern);
  if (scan.backreference || scan.lookaround) {
    return text('Pola memakai rujukan balik atau lookaround, yang tidak didukung mesin pola server (RE2).', "The pattern uses a backreference or lookaround, which the server's pattern engine (RE2) does not support.");
  }
  if (scan.repeatedAlternation || !safeRegex(pattern, { limit: ADDED_FIELD_LIMITS.patternRepetitions })) {
    return text(
      'Pola berisi pengulangan bertingkat atau pilihan yang diulang (mis. (a+)+ atau (a|b)*), atau terlalu banyak pengulangan; pola seperti ini dapat membuat peramban macet.',
      'The pattern nests repetitions or repeats an alternation (e.g. (a+)+ or (a|b)*), or repeats too often; such a pattern can freeze a browser.',
    );
  }
  if (scan.openRepetitions > ADDED_FIELD_LIMITS.patternOpenRepetitions) {
    return text(
      `Pola berisi lebih dari ${ADDED_FIELD_LIMITS.patternOpenRepetitions} pengulangan dengan panjang terbuka (*, + atau {n,}); pola seperti ini dapat membuat peramban macet.`,
      `The pattern has more than ${ADDED_FIELD_LIMITS.patternOpenRepetitions} repetitions of open length (*, + or {n,}); such a pattern can freeze a browser.`,
    );
  }
  return undefined;
}

/**
 * Checks the JSON Schema of a field a province adds against the allow-list: only the keywords a form
 * field needs, for its type; every text bounded by `maxLength`, every list by `maxItems`; nesting,
 * field count and patterns bounded; option lists known; labels and sensitivity on every field. Returns
 * every problem (none when the schema may be added).
 */
export function addedFieldProblems(schema: unknown, check: AddedFieldCheck): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const refuse = (pointer: string, id: string, en: string) => problems.push({ pointer, message: text(id, en) });
  let nodes = 0;

  const visit = (node: unknown, pointer: string, depth: number, isField: boolean): void => {
    if (!isRecord(node)) return void refuse(pointer, 'Harus berupa skema (objek JSON).', 'Must be a schema (a JSON object).');
    if (++nodes > ADDED_FIELD_LIMITS.nodes) {
      if (nodes === ADDED_FIELD_LIMITS.nodes + 1) refuse(pointer, `Isian baru terlalu besar (paling banyak ${ADDED_FIELD_LIMITS.nodes} skema).`, `The new field is too large (at most ${ADDED_FIELD_LIMITS.nodes} schemas).`);
      return;
    }
    const type = node.type;
    if (typeof type !== 'string' || !(FIELD_TYPES as readonly string[]).includes(type)) {
      return void refuse(`${pointer}/type`, `Jenis isian wajib salah satu dari: ${FIELD_TYPES.join(', ')}.`, `The type is required, one of: ${FIELD_TYPES.join(', ')}.`);
    }
    const fieldType = type as FieldType;
    const allowed = [...EVERY_TYPE_KEYWORDS, ...KEYWORDS_BY_TYPE[fieldType]];
    for (const keyword of Object.keys(node)) {
      if (allowed.includes(keyword)) continue;
      const forOtherType = FIELD_TYPES.some((t) => KEYWORDS_BY_TYPE[t].includes(keyword));
      if (forOtherType) refuse(`${pointer}/${segment(keyword)}`, `Kata kunci ${keyword} tidak berlaku untuk jenis ${fieldType}.`, `The keyword ${keyword} does not apply to type ${fieldType}.`);
      else refuse(`${pointer}/${segment(keyword)}`, `Kata kunci ${keyword} tidak diizinkan untuk isian provinsi.`, `The keyword ${keyword} is not allowed in a province field.`);
    }
    const has = (keyword: string) => Object.hasOwn(node, keyword);

    // Annotations: every field (not a list's items) carries its labels and sensitivity.
    if (isField && !has('x-label')) refuse(`${pointer}/x-label`, 'Label dua bahasa (id, en) wajib ada.', 'A label in both languages (id, en) is required.');
    if (isField && !has('x-sensitivity')) refuse(`${pointer}/x-sensitivity`, 'Tingkat kerahasiaan wajib ada.', 'A sensitivity is required.');
    for (const k of ['x-label', 'x-help']) {
      if (has(k) && !isBilingual(node[k])) refuse(`${pointer}/${k}`, `Harus berisi teks "id" dan "en" (masing-masing 1–${ADDED_FIELD_LIMITS.textLength} karakter).`, `Must hold texts "id" and "en" (1–${ADDED_FIELD_LIMITS.textLength} characters each).`);
    }
    if (has('x-sensitivity') && !(SENSITIVITIES as readonly unknown[]).includes(node['x-sensitivity'])) {
      refuse(`${pointer}/x-sensitivity`, `Harus salah satu dari: ${SENSITIVITIES.join(', ')}.`, `Must be one of: ${SENSITIVITIES.join(', ')}.`);
    }
    if (has('x-data-category')) {
      // Named by the field's place in the added schema ('' is the added field itself).
      const field = pointer.replace(/\/properties\//g, '/') || '/';
      const grouped = fieldType === 'object' || (fieldType === 'array' && isRecord(node.items) && node.items.type === 'object');
      const message = !isField
        ? { id: `Kategori data untuk daftar diberikan pada isian daftarnya, bukan pada butirnya (${field}).`, en: `A list's data category goes on the list field, not on its items (${field}).` }
        : grouped
          ? groupCategoryMessage(field)
          : unknownCategoryMessage(field, node['x-data-category'], check.dataCategories ?? []);
      if (message) problems.push({ pointer: `${pointer}/x-data-category`, message });
    }
    if (has('x-core') && node['x-core'] !== false) refuse(`${pointer}/x-core`, 'Isian provinsi tidak pernah menjadi isian inti (x-core harus false).', 'A province field is never a core field (x-core must be false).');

    if (fieldType === 'string') {
      const choice = has('x-options');
      if (choice && !(typeof node['x-options'] === 'string' && check.optionLists.has(node['x-options']))) {
        refuse(`${pointer}/x-options`, 'Harus menyebut daftar pilihan yang dipakai formulir nasional.', 'Must name an option list the national form uses.');
      }
      const cap = has('pattern') ? ADDED_FIELD_LIMITS.patternedMaxLength : ADDED_FIELD_LIMITS.maxLength;
      // A choice is bounded by its list; every other text needs an explicit bound.
      if (has('maxLength') ? !isCount(node.maxLength, cap) || node.maxLength === 0 : !choice) {
        refuse(`${pointer}/maxLength`, `Teks wajib punya maxLength, bilangan bulat 1–${cap}${has('pattern') ? ' (teks berpola)' : ''}.`, `A text needs maxLength, a whole number 1–${cap}${has('pattern') ? ' (text with a pattern)' : ''}.`);
      }
      if (has('minLength') && !isCount(node.minLength, typeof node.maxLength === 'number' ? node.maxLength : cap)) {
        refuse(`${pointer}/minLength`, 'minLength harus bilangan bulat antara 0 dan maxLength.', 'minLength must be a whole number between 0 and maxLength.');
      }
      if (has('format') && !(FORM_FORMATS as readonly unknown[]).includes(node.format)) {
        refuse(`${pointer}/format`, `Format harus salah satu dari: ${FORM_FORMATS.join(', ')}.`, `The format must be one of: ${FORM_FORMATS.join(', ')}.`);
      }
      if (has('pattern')) {
        const problem = typeof node.pattern === 'string' ? (patternProblem(node.pattern) ?? check.checkPattern?.(node.pattern)) : text('Pola harus berupa teks.', 'The pattern must be a string.');
        if (problem) problems.push({ pointer: `${pointer}/pattern`, message: problem });
      }
    }

    if (fieldType === 'number' || fieldType === 'integer') {
      for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
        if (has(k) && !Number.isFinite(node[k])) refuse(`${pointer}/${k}`, `${k} harus berupa angka.`, `${k} must be a number.`);
      }
      if (has('multipleOf') && !(Number.isFinite(node.multipleOf) && (node.multipleOf as number) > 0)) refuse(`${pointer}/multipleOf`, 'multipleOf harus angka lebih dari 0.', 'multipleOf must be a number above 0.');
      if (has('x-unit') && !(typeof node['x-unit'] === 'string' && node['x-unit'].length > 0 && node['x-unit'].length <= ADDED_FIELD_LIMITS.unitLength)) {
        refuse(`${pointer}/x-unit`, `Satuan harus teks 1–${ADDED_FIELD_LIMITS.unitLength} karakter.`, `The unit must be a text of 1–${ADDED_FIELD_LIMITS.unitLength} characters.`);
      }
    }

    if (fieldType === 'array') {
      if (!has('maxItems') || !isCount(node.maxItems, ADDED_FIELD_LIMITS.maxItems) || node.maxItems === 0) {
        refuse(`${pointer}/maxItems`, `Daftar wajib punya maxItems, bilangan bulat 1–${ADDED_FIELD_LIMITS.maxItems}.`, `A list needs maxItems, a whole number 1–${ADDED_FIELD_LIMITS.maxItems}.`);
      }
      if (has('minItems') && !isCount(node.minItems, typeof node.maxItems === 'number' ? node.maxItems : ADDED_FIELD_LIMITS.maxItems)) {
        refuse(`${pointer}/minItems`, 'minItems harus bilangan bulat antara 0 dan maxItems.', 'minItems must be a whole number between 0 and maxItems.');
      }
      if (has('uniqueItems') && typeof node.uniqueItems !== 'boolean') refuse(`${pointer}/uniqueItems`, 'uniqueItems harus true atau false.', 'uniqueItems must be true or false.');
      if (!has('items')) refuse(`${pointer}/items`, 'Daftar wajib menyebut skema butirnya (items).', 'A list needs the schema of its items.');
      else if (depth >= ADDED_FIELD_LIMITS.depth) refuse(`${pointer}/items`, `Isian bertingkat paling dalam ${ADDED_FIELD_LIMITS.depth} tingkat.`, `Fields nest at most ${ADDED_FIELD_LIMITS.depth} levels deep.`);
      else visit(node.items, `${pointer}/items`, depth + 1, false);
    }

    if (fieldType === 'object') {
      const properties = node.properties;
      const names = isRecord(properties) ? Object.keys(properties) : [];
      if (!isRecord(properties) || names.length === 0 || names.length > ADDED_FIELD_LIMITS.properties) {
        refuse(`${pointer}/properties`, `Kelompok isian wajib berisi 1–${ADDED_FIELD_LIMITS.properties} isian.`, `A group needs 1–${ADDED_FIELD_LIMITS.properties} fields.`);
      } else if (depth >= ADDED_FIELD_LIMITS.depth) {
        refuse(`${pointer}/properties`, `Isian bertingkat paling dalam ${ADDED_FIELD_LIMITS.depth} tingkat.`, `Fields nest at most ${ADDED_FIELD_LIMITS.depth} levels deep.`);
      } else {
        for (const name of names) {
          const at = `${pointer}/properties/${segment(name)}`;
          if (isReservedName(name)) problems.push({ pointer: at, message: reservedNameMessage(name) });
          else if (!FIELD_NAME.test(name) || name.length > 60) refuse(at, 'Nama isian hanya huruf dan angka, diawali huruf (paling banyak 60).', 'Field names are letters and digits, starting with a letter (at most 60).');
          else visit(properties[name], at, depth + 1, true);
        }
      }
      if (has('required')) {
        const required = node.required;
        const ok = Array.isArray(required) && required.every((r) => typeof r === 'string' && names.includes(r)) && new Set(required).size === required.length;
        if (!ok) refuse(`${pointer}/required`, 'required harus daftar nama isian kelompok ini, masing-masing sekali.', "required must list this group's field names, each once.");
      }
      if (has('additionalProperties') && node.additionalProperties !== false) {
        refuse(`${pointer}/additionalProperties`, 'additionalProperties hanya boleh false.', 'additionalProperties may only be false.');
      }
    }
  };

  visit(schema, '', 0, true);
  return problems;
}

/** {@link addedFieldProblems} for every field an overlay adds, each named from the request body. */
export function addedFieldsProblems(addFields: readonly { schema: unknown }[] | undefined, check: AddedFieldCheck): OverlayFieldError[] {
  return (addFields ?? []).flatMap((add, i) => addedFieldProblems(add.schema, check).map((p) => ({ field: `overlay/addFields/${i}/schema${p.pointer}`, message: p.message })));
}
