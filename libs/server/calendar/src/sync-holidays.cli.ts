/* Loads the years of the national holiday file not yet in DATABASE_URL (production: the `migrate` job). */
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { loadHolidays } from './lib/holiday-seed';

async function main(): Promise<void> {
  const config = loadConfig(serverConfigSchema);
  const { seededYears } = await loadHolidays(config.DATABASE_URL);
  process.stdout.write(JSON.stringify({ level: 'info', msg: seededYears.length ? `holidays loaded for ${seededYears.join(', ')}` : 'holidays up to date', seededYears }) + '\n');
}

main().catch((err: Error) => {
  process.stderr.write(`${err.name === 'ConfigError' ? err.message : `Memuat hari libur gagal / Loading holidays failed: ${err.message}`}\n`);
  process.exit(1);
});
