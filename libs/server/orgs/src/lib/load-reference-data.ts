import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@gugus/server-database';
import { seedDemoOrganisations } from './demo-data';
import { syncJurisdictions } from './jurisdiction-sync';
import { ORGS_ENTITIES } from './orgs.entities';

/** After migrations: the official region codes, and with `demo` the demo organisations and logins. */
export async function loadReferenceData(databaseUrl: string, options: { demo: boolean }): Promise<{ provinces: number; regencies: number }> {
  const db = await new DataSource({ ...createDataSourceOptions(databaseUrl, 2), entities: ORGS_ENTITIES }).initialize();
  try {
    const counts = await syncJurisdictions(db);
    if (options.demo) await seedDemoOrganisations(db);
    return counts;
  } finally {
    await db.destroy();
  }
}
