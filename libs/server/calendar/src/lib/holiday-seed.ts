import { DataSource } from 'typeorm';
import type { HolidayKind } from '@gugus/contracts';
import { createDataSourceOptions } from '@gugus/server-database';
import seed from '../data/holidays-indonesia.json';

export interface HolidaySeedRow {
  date: string;
  kind: HolidayKind;
  nameId: string;
  nameEn: string;
  source: string;
}

/** The national holidays and cuti bersama shipped with Gugus (`src/data/holidays-indonesia.json`). */
export const HOLIDAY_SEED: readonly HolidaySeedRow[] = seed.holidays as HolidaySeedRow[];

/**
 * Loads each year of `rows` that has never been loaded, and records it. A year is loaded once: after
 * that the administrators own it, and what they changed or removed stays so. Adding a new year to the
 * data file loads that year on the next run. Safe to run concurrently and repeatedly.
 */
export async function syncHolidays(db: DataSource, rows: readonly HolidaySeedRow[] = HOLIDAY_SEED): Promise<{ seededYears: number[] }> {
  const years = [...new Set(rows.map((r) => Number(r.date.slice(0, 4))))].sort();
  return db.transaction(async (tx) => {
    // One loader at a time ("holidays" in ASCII), so two processes never load a year twice.
    await tx.query('SELECT pg_advisory_xact_lock(31093572429162611)');
    const done = new Set<number>((await tx.query('SELECT year FROM holiday_seed_years')).map((r: { year: number }) => r.year));
    const seededYears = years.filter((y) => !done.has(y));
    const todo = rows.filter((r) => seededYears.includes(Number(r.date.slice(0, 4))));
    if (todo.length) {
      await tx.query(
        `INSERT INTO holidays (date, kind, name_id, name_en, source, created_by, updated_at)
         SELECT d, k, ni, ne, s, NULL, clock_timestamp() FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[]) AS t(d, k, ni, ne, s)
         ON CONFLICT (date) DO NOTHING`,
        [todo.map((r) => r.date), todo.map((r) => r.kind), todo.map((r) => r.nameId), todo.map((r) => r.nameEn), todo.map((r) => r.source)],
      );
    }
    if (seededYears.length) await tx.query('INSERT INTO holiday_seed_years (year) SELECT unnest($1::int[]) ON CONFLICT DO NOTHING', [seededYears]);
    return { seededYears };
  });
}

/** After migrations: load the years of the national holiday file not loaded yet (devstack, tests, the migrate job). */
export async function loadHolidays(databaseUrl: string): Promise<{ seededYears: number[] }> {
  const db = await new DataSource(createDataSourceOptions(databaseUrl, 2)).initialize();
  try {
    return await syncHolidays(db);
  } finally {
    await db.destroy();
  }
}
