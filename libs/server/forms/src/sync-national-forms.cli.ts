/* Publishes new national form versions from the library into DATABASE_URL (production: the `migrate` job). */
import { DataSource } from 'typeorm';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { syncNationalForms } from './lib/national-forms-sync';

async function main(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const db = await new DataSource(createDataSourceOptions(config.DATABASE_URL, 2)).initialize();
  try {
    const { published } = await syncNationalForms(db);
    process.stdout.write(JSON.stringify({ level: 'info', msg: 'national forms synced', published }) + '\n');
  } finally {
    await db.destroy();
  }
}

main().catch((err: Error) => {
  process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Sinkronisasi formulir gagal / Form sync failed: ${err.message}`}\n`);
  process.exit(1);
});
