/* Applies pending migrations as the schema owner: DATABASE_OWNER_URL, else DATABASE_URL (production: the `migrate` service in docker-compose.yml). */
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { runMigrations } from './lib/run-migrations';

async function main(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const applied = await runMigrations(config.DATABASE_OWNER_URL ?? config.DATABASE_URL);
  process.stdout.write(
    JSON.stringify({ level: 'info', msg: applied.length ? `applied ${applied.length} migration(s)` : 'schema is up to date', applied }) + '\n',
  );
}

main().catch((err: Error) => {
  process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Migrasi gagal / Migration failed: ${err.message}`}\n`);
  process.exit(1);
});
