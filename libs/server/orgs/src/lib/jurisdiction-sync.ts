import type { DataSource, EntityManager } from 'typeorm';
import { NATIONAL_CODE } from '@gugus/contracts';

/**
 * Loads the official administrative codes (national → 38 provinces → 514 regencies/cities) from the
 * maintained `idn-area-data` package into `jurisdictions`. Idempotent: renamed areas are updated, codes
 * are the stable keys and are never deleted (history refers to them).
 */
export async function syncJurisdictions(db: DataSource | EntityManager): Promise<{ provinces: number; regencies: number }> {
  // idn-area-data is an ES module; Node loads it natively (outside Jest's module system).
  const { getProvinces, getRegencies } = await import('idn-area-data');
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const rows = [
    { code: NATIONAL_CODE, name: 'Nasional', level: 'national', parent: null as string | null },
    ...provinces.map((p) => ({ code: p.code, name: p.name, level: 'province', parent: NATIONAL_CODE })),
    ...regencies.map((r) => ({ code: r.code, name: r.name, level: 'regency', parent: r.province_code })),
  ];
  await db.query(
    `INSERT INTO jurisdictions (code, name, level, parent_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code`,
    [rows.map((r) => r.code), rows.map((r) => r.name), rows.map((r) => r.level), rows.map((r) => r.parent)],
  );
  return { provinces: provinces.length, regencies: regencies.length };
}
