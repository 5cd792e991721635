import { DataSource } from 'typeorm';
import { createDataSourceOptions } from '@gugus/server-database';
import { syncNationalForms } from './national-forms-sync';

/** After migrations: publish the library's national form versions that are not in the database yet. */
export async function loadNationalForms(databaseUrl: string): Promise<{ published: string[] }> {
  const db = await new DataSource(createDataSourceOptions(databaseUrl, 2)).initialize();
  try {
    return await syncNationalForms(db);
  } finally {
    await db.destroy();
  }
}
