/* Loads the official region codes into DATABASE_URL (production: after migrations, in the `migrate` job). */
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { loadReferenceData } from './lib/load-reference-data';

async function main(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const { provinces, regencies } = await loadReferenceData(config.DATABASE_URL, { demo: false });
  process.stdout.write(JSON.stringify({ level: 'info', msg: 'jurisdictions synced', provinces, regencies }) + '\n');
}

main().catch((err: Error) => {
  process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Sinkronisasi wilayah gagal / Jurisdiction sync failed: ${err.message}`}\n`);
  process.exit(1);
});
