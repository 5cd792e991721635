import type { CategoryCount, ReportFigures } from '@gugus/contracts';
import { defineModel, type Cell, type PublicationModel, type RelationSpec } from './model';
import { publicCells, suppressionLegend } from './render';
import { suppress, type SuppressionResult } from './suppress';

// The public annual figures (issue 12, item 4): a page without login with the national and provincial
// figures of each year, every cell through small-cell suppression with k = 11 (suppress.ts), and nothing
// identifying and no free text in it.
//
// THE MODEL OF A YEAR. Everything published for one year is ONE model (index.ts: suppressing tables one by
// one lets one table give away another's hidden cell), but every table in it is one-dimensional, so the
// attacker's linear programme stays small (about 38 + 1 + 9 linked cells and 4 relations, plus the
// unlinked multi-valued cells) instead of a province × breakdown cross-tabulation, which the dense simplex
// cannot handle for 38 provinces. The cells:
//
//   victims=total                                  the identified victims of the year, nationally: ONE cell,
//                                                  shared by the provinces table and by each single-valued
//                                                  breakdown (its "total" row is this same cell);
//   province=<code>, one per province              victims=total = Σ provinces;
//   sex=female|male|not_recorded                   victims=total = female + male + not_recorded;
//   ageGroup=child|adult|not_recorded              victims=total = child + adult + not_recorded;
//   scope=internal|international|not_recorded     victims=total = internal + international + not_recorded;
//   exploitationType=<code>, sector=<code>         NO relation (see below).
//
// "Not recorded" is the total minus the recorded categories, published so that each single-valued table
// adds up to the total the reader sees (and so that the attacker's relation is the one in the model).
//
// MULTI-VALUED TABLES (exploitation type, sector) are modelled WITHOUT a total relation and without a sum
// row: a victim is counted once under each type their case names (and under none when none is recorded),
// so the cells add up to neither the total nor anything else published, and a sum row would only add a
// linking figure for the attacker. What the attacker does know about such a cell is an inequality the
// equality-only model cannot hold: no type can count more victims than there are, cell ≤ victims=total.
// `buildPublication` checks it after the audit: for each suppressed multi-valued cell, the interval
// [audit lower, min(audit upper, the attacker's upper bound on the total)] must be at least k wide. It can
// only fail when the national total is published and at most k (i.e. exactly 11): then it refuses.
//
// ONLY CODES ARE PUBLISHED. Categories of the multi-valued tables are taken only from `allowedCategories`
// (a code field may hold free text typed into it: anything else is dropped, and never echoed in an error);
// referral sources, assistance services, nationality, prosecution and persons screened are not published
// here. Province names come from the `provinces` list (public reference data), never from the figures.

/** The annual figures of one province (its quarters already summed, e.g. with `sumFigures`). */
export interface ProvinceYearFigures {
  readonly year: number;
  readonly provinceCode: string;
  readonly figures: ReportFigures;
}

export interface PublicationInput {
  /** The years to publish (duplicates ignored; published in ascending order). */
  readonly years: readonly number[];
  /** Every province, in the order the provinces table lists them (public reference data). */
  readonly provinces: readonly { readonly code: string; readonly name: string }[];
  /** At most one entry per year and province; entries of other years are ignored. A province without one counts zero. */
  readonly figures: readonly ProvinceYearFigures[];
  /** The reference codes that may appear in the public multi-valued tables; any other category is dropped. */
  readonly allowedCategories: { readonly exploitationType: readonly string[]; readonly sector: readonly string[] };
}

/** One published cell. */
export interface PublishedCell {
  /** A category code, a province code, or `total`. */
  readonly key: string;
  /** The count, or null when suppressed. */
  readonly value: number | null;
  /** The count as text, or the marker "< 11" — the same for small cells and their complements (render.ts). */
  readonly display: string;
}

export interface PublishedProvinceCell extends PublishedCell {
  readonly name: string;
}

export type PublishedBreakdownKey = 'sex' | 'ageGroup' | 'scope' | 'exploitationType' | 'sector';

export interface PublishedBreakdown {
  readonly key: PublishedBreakdownKey;
  /** A victim may be counted under several categories, or none: the cells do not add up to the total. */
  readonly multiValued: boolean;
  /** In a fixed order: the categories, then `not_recorded` for a single-valued breakdown. */
  readonly cells: readonly PublishedCell[];
  /** A single-valued breakdown's total: the national total (the same cell as the provinces table's); null when multi-valued. */
  readonly total: PublishedCell | null;
}

export interface PublishedYear {
  readonly year: number;
  /** Identified victims of the year by province, in the order of `PublicationInput.provinces`, and the national total. */
  readonly provinces: { readonly cells: readonly PublishedProvinceCell[]; readonly total: PublishedCell };
  /** National breakdowns: sex, ageGroup, scope (single-valued), exploitationType, sector (multi-valued). */
  readonly breakdowns: readonly PublishedBreakdown[];
  /** Codes of the provinces that had no figures for the year (counted as zero): a caveat for the page. */
  readonly provincesWithoutFigures: readonly string[];
}

/** The public annual figures: plain JSON, deterministic. */
export interface Publication {
  readonly k: number;
  readonly years: readonly PublishedYear[];
  readonly legend: { readonly id: string; readonly en: string };
}

/** Raised for figures that cannot be published. The message is Indonesian first, then English; it never quotes the figures' free text. */
export class PublicationError extends Error {
  constructor(indonesian: string, english: string) {
    super(`${indonesian} / ${english}`);
    this.name = 'PublicationError';
  }
}

/** The threshold: the minimum. */
const K = 11;
const TOTAL = 'victims=total';
const NOT_RECORDED = 'not_recorded';

interface SingleValued {
  readonly key: 'sex' | 'ageGroup' | 'scope';
  readonly categories: readonly string[];
  readonly pick: (f: ReportFigures, category: string) => unknown;
}

const SINGLE_VALUED: readonly SingleValued[] = [
  { key: 'sex', categories: ['female', 'male'], pick: (f, c) => (f.victims?.bySex as Record<string, unknown> | undefined)?.[c] },
  { key: 'ageGroup', categories: ['child', 'adult'], pick: (f, c) => (f.victims?.byAgeGroup as Record<string, unknown> | undefined)?.[c] },
  { key: 'scope', categories: ['internal', 'international'], pick: (f, c) => (f.victims?.byScope as Record<string, unknown> | undefined)?.[c] },
];

interface MultiValued {
  readonly key: 'exploitationType' | 'sector';
  readonly rows: (f: ReportFigures) => unknown;
}

const MULTI_VALUED: readonly MultiValued[] = [
  { key: 'exploitationType', rows: (f) => f.victims?.byExploitationType },
  { key: 'sector', rows: (f) => f.victims?.bySector },
];

function countOf(value: unknown, year: number, what: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new PublicationError(`Angka ${what} tahun ${year} bukan bilangan bulat tak negatif`, `the ${what} figure of ${year} is not a non-negative integer`);
  }
  return value;
}

function unique(codes: readonly string[]): string[] {
  return [...new Set(codes)];
}

/** The model of one year and, per published table, the indices of its cells. */
interface YearModel {
  readonly model: PublicationModel;
  readonly provinceCells: readonly number[];
  readonly single: readonly { readonly key: SingleValued['key']; readonly cells: readonly number[] }[];
  readonly multi: readonly { readonly key: MultiValued['key']; readonly cells: readonly number[] }[];
}

function yearModel(year: number, provinceCodes: readonly string[], byProvince: ReadonlyMap<string, ReportFigures>, allowed: PublicationInput['allowedCategories']): YearModel {
  const present = provinceCodes.flatMap((code) => {
    const figures = byProvince.get(code);
    return figures ? [figures] : [];
  });
  const cells: Cell[] = [];
  const relations: RelationSpec[] = [];
  const add = (id: string, value: number): number => {
    cells.push({ id, value });
    return cells.length - 1;
  };
  const provinceValues = provinceCodes.map((code) => {
    const figures = byProvince.get(code);
    return figures ? countOf(figures.victims?.total, year, 'korban / victims') : 0;
  });
  const total = provinceValues.reduce((a, b) => a + b, 0);
  add(TOTAL, total);
  const provinceCells = provinceCodes.map((code, i) => add(`province=${code}`, provinceValues[i] as number));
  relations.push({ total: TOTAL, parts: provinceCodes.map((code) => `province=${code}`) });

  const single = SINGLE_VALUED.map(({ key, categories, pick }) => {
    const values = categories.map((category) => present.reduce((acc, f) => acc + countOf(pick(f, category), year, `${key}.${category}`), 0));
    const notRecorded = total - values.reduce((a, b) => a + b, 0);
    if (notRecorded < 0) {
      throw new PublicationError(
        `Rincian ${key} tahun ${year} berjumlah lebih dari total korban (${total})`,
        `the ${key} breakdown of ${year} adds up to more than the victims' total (${total})`,
      );
    }
    const ids = [...categories, NOT_RECORDED].map((category) => `${key}=${category}`);
    const indices = [...values, notRecorded].map((value, i) => add(ids[i] as string, value));
    relations.push({ total: TOTAL, parts: ids });
    return { key, cells: indices };
  });

  const multi = MULTI_VALUED.map(({ key, rows }) => {
    const codes = unique(allowed[key]);
    const sums = new Map(codes.map((code) => [code, 0]));
    for (const f of present) {
      const list = rows(f);
      if (!Array.isArray(list)) continue;
      for (const row of list as readonly Partial<CategoryCount>[]) {
        const category = row?.category;
        // Only an allowed code counts; anything else (free text in a code field) is dropped unread.
        if (typeof category !== 'string' || !sums.has(category)) continue;
        sums.set(category, (sums.get(category) as number) + countOf(row.count, year, key));
      }
    }
    return { key, cells: codes.map((code) => add(`${key}=${code}`, sums.get(code) as number)) };
  });

  return { model: defineModel(cells, relations), provinceCells, single, multi };
}

/**
 * The check the equality-only audit cannot make: a multi-valued cell is at most the national total, so the
 * attacker's upper bound on it is also the upper bound on the total (its published value, or its audited
 * interval's upper end). Throws when a suppressed multi-valued cell is then narrower than k.
 */
function checkMultiValued(year: number, built: YearModel, result: SuppressionResult): void {
  const totalIndex = built.model.indexOf.get(TOTAL) as number;
  const intervalOf = new Map(result.audit.intervals.map((interval) => [interval.index, interval]));
  const totalUpper = result.status[totalIndex] === 'published' ? (built.model.cells[totalIndex] as Cell).value : (intervalOf.get(totalIndex)?.upper ?? Infinity);
  for (const { cells } of built.multi) {
    for (const cell of cells) {
      const interval = intervalOf.get(cell);
      if (!interval) continue;
      if (Math.min(interval.upper, totalUpper) - interval.lower < result.k) {
        throw new PublicationError(
          `Tabel tahun ${year} belum aman untuk diterbitkan: total nasional terlalu kecil untuk menyembunyikan jumlah kecil dalam rincian jenis eksploitasi atau sektor`,
          `the tables of ${year} are not safe to publish: the national total is too small to hide a small count in the exploitation type or sector breakdown`,
        );
      }
    }
  }
}

/**
 * The public annual figures of `input.years`: per year, the identified victims by province with the national
 * total, and the national breakdowns by sex, age group and scope (each with "not recorded" and the same total)
 * and by exploitation type and sector (multi-valued, allowed codes only), every cell suppressed with k = 11 and
 * checked by the attacker's audit; with the legend of the marker.
 *
 * ASSUMPTION: the years are independent — nothing published links them (no multi-year totals, no quarterly
 * figures, no province × breakdown tables), so each year is its own model. This holds only while this is the
 * only public output of these figures: anything else published from them (another year's total across years,
 * a quarterly table, a regional breakdown) must join the model, or it may give a hidden cell away.
 *
 * Refuses (throws `PublicationError`) rather than publish a table that is not protected (`suppress` not ok,
 * or the multi-valued check above), and on figures that cannot be right: a province not in `provinces`, two
 * entries for a province and year, a count that is not a non-negative integer, a breakdown over the total.
 * Pure and deterministic; store the result, never compute it per page view.
 */
export function buildPublication(input: PublicationInput): Publication {
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  for (const year of years) {
    if (!Number.isSafeInteger(year)) throw new PublicationError(`Tahun tidak sah: ${year}`, `not a valid year: ${year}`);
  }
  const provinceCodes = input.provinces.map((p) => p.code);
  if (provinceCodes.length === 0) throw new PublicationError('Daftar provinsi kosong', 'the list of provinces is empty');
  if (provinceCodes.some((code) => typeof code !== 'string' || code.length === 0) || new Set(provinceCodes).size !== provinceCodes.length) {
    throw new PublicationError('Kode provinsi kosong atau ganda', 'a province code is empty or appears twice');
  }
  const nameOf = new Map(input.provinces.map((p) => [p.code, p.name]));
  const published = new Set(years);
  const byYear = new Map<number, Map<string, ReportFigures>>(years.map((year) => [year, new Map()]));
  for (const entry of input.figures) {
    if (!published.has(entry.year)) continue;
    // The province code is not quoted: it may be anything.
    if (!nameOf.has(entry.provinceCode)) throw new PublicationError(`Angka tahun ${entry.year} untuk provinsi yang tidak ada dalam daftar`, `figures of ${entry.year} for a province not in the list`);
    const ofYear = byYear.get(entry.year) as Map<string, ReportFigures>;
    if (ofYear.has(entry.provinceCode)) throw new PublicationError(`Dua entri angka untuk satu provinsi pada tahun ${entry.year}`, `two entries of figures for one province in ${entry.year}`);
    ofYear.set(entry.provinceCode, entry.figures);
  }

  const publishedYears = years.map((year): PublishedYear => {
    const byProvince = byYear.get(year) as Map<string, ReportFigures>;
    const built = yearModel(year, provinceCodes, byProvince, input.allowedCategories);
    const result = suppress(built.model, K);
    if (!result.ok) {
      throw new PublicationError(
        `Tabel tahun ${year} belum aman untuk diterbitkan: ${result.audit.unprotected.length} sel tersembunyi masih dapat dipersempit`,
        `the tables of ${year} are not safe to publish: ${result.audit.unprotected.length} suppressed cells can still be narrowed down`,
      );
    }
    checkMultiValued(year, built, result);
    const shown = publicCells(built.model, result);
    const cell = (index: number, key: string): PublishedCell => {
      const c = shown[index] as (typeof shown)[number];
      return { key, value: c.value, display: c.text };
    };
    const total = cell(built.model.indexOf.get(TOTAL) as number, 'total');
    const keyOf = (index: number) => {
      const id = (built.model.cells[index] as Cell).id;
      return id.slice(id.indexOf('=') + 1);
    };
    return {
      year,
      provinces: {
        cells: built.provinceCells.map((index, i) => ({ ...cell(index, provinceCodes[i] as string), name: nameOf.get(provinceCodes[i] as string) as string })),
        total,
      },
      breakdowns: [
        ...built.single.map(({ key, cells }) => ({ key, multiValued: false, cells: cells.map((index) => cell(index, keyOf(index))), total: { ...total } })),
        ...built.multi.map(({ key, cells }) => ({ key, multiValued: true, cells: cells.map((index) => cell(index, keyOf(index))), total: null })),
      ],
      provincesWithoutFigures: provinceCodes.filter((code) => !byProvince.has(code)),
    };
  });

  return { k: K, years: publishedYears, legend: { ...suppressionLegend(K) } };
}
