import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { loadHolidays } from '@gugus/server-calendar';
import { devstackConfigSchema, loadConfig, readEnvironment } from '@gugus/server-config';
import { ensureAppLogin, isPortFree, runMigrations, startEmbeddedPostgres } from '@gugus/server-database';
import { loadNationalForms } from '@gugus/server-forms';
import { loadReferenceData } from '@gugus/server-orgs';
import { findTemporalCli, startTemporalDevServer } from '@gugus/server-temporal';
import { acquireLock } from './lock';
import { startMailCatcher } from './mail-catcher';
import { Stack, StartupError } from './stack';
import { seedDemoProcesses } from './demo-processes';
import { printSummary, seedDemoData } from './summary';

const print = (line: string) => process.stdout.write(`${line}\n`);

function repositoryRoot(): string {
  for (let dir = __dirname; dir !== dirname(dir); dir = dirname(dir)) if (existsSync(join(dir, 'nx.json'))) return dir;
  throw new StartupError('Cannot find the repository root (nx.json).');
}

async function waitForHttp(url: string, what: string, timeoutMs: number, ok: (status: number) => boolean = (s) => s < 500): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (ok(res.status)) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new StartupError(`${what} tidak siap dalam ${timeoutMs / 1000} detik / ${what} was not ready within ${timeoutMs / 1000} s (${url}).`);
}

async function main(stack: Stack): Promise<void> {
  const env = readEnvironment();
  const config = loadConfig(devstackConfigSchema, env);
  const root = repositoryRoot();
  const dataDir = resolve(root, config.GUGUS_DATA_DIR);
  const logDir = join(dataDir, 'logs');
  mkdirSync(logDir, { recursive: true });
  const releaseLock = acquireLock(dataDir);
  stack.add('lock', async () => releaseLock());

  const ports: [number, string, string][] = [
    [config.API_PORT, 'API', 'API_PORT'],
    [config.WEB_PORT, 'web', 'WEB_PORT'],
  ];
  if (!config.SMTP_URL) ports.push([config.MAIL_CATCHER_PORT, 'SMTP (dev)', 'MAIL_CATCHER_PORT']);
  if (!config.DATABASE_URL) ports.push([config.EMBEDDED_POSTGRES_PORT, 'PostgreSQL', 'EMBEDDED_POSTGRES_PORT']);
  if (!config.TEMPORAL_ADDRESS) ports.push([config.TEMPORAL_DEV_PORT, 'Temporal', 'TEMPORAL_DEV_PORT'], [config.TEMPORAL_UI_PORT, 'Temporal UI', 'TEMPORAL_UI_PORT']);
  for (const [port, what, variable] of ports) {
    if (!(await isPortFree(port))) {
      throw new StartupError(`Port ${port} (${what}) sudah dipakai proses lain; atur ${variable}.\nPort ${port} (${what}) is already in use; set ${variable}.`);
    }
  }

  // An engine that dies takes Gugus down with it, saying which: never run on half a system.
  const engineDied = (engine: string) => (code: number | null, signal: NodeJS.Signals | null) => {
    if (stack.isStopping) return;
    const how = signal ?? `kode / code ${code}`;
    print(
      `\n[${engine}] berhenti tak terduga (${how}); Gugus tidak dapat berjalan tanpanya, semua layanan dihentikan. Lihat ${logDir}.\n` +
        `[${engine}] stopped unexpectedly (${how}); Gugus cannot run without it, stopping everything. See ${logDir}.`,
    );
    void stack.stopAll().then(() => process.exit(1));
  };

  print('Gugus: menyiapkan layanan / starting services …');
  // Migrations run as the schema owner; the API, worker and loaders as the app role, which may only read and append to the audit log.
  let ownerUrl = config.DATABASE_URL ? (config.DATABASE_OWNER_URL ?? config.DATABASE_URL) : '';
  if (!config.DATABASE_URL) {
    const pgLog = createWriteStream(join(logDir, 'postgres.log'), { flags: 'a' });
    const pg = await startEmbeddedPostgres({ dataDir: join(dataDir, 'postgres'), port: config.EMBEDDED_POSTGRES_PORT, database: 'gugus', onLog: (l) => pgLog.write(`${l}\n`) });
    stack.add('PostgreSQL', pg.stop);
    pg.onUnexpectedExit(engineDied('PostgreSQL'));
    ownerUrl = pg.url;
    print(`  ✓ PostgreSQL (embedded) ${ownerUrl}`);
  }

  let temporalAddress = config.TEMPORAL_ADDRESS;
  let temporalUi: string | null = null;
  if (!temporalAddress) {
    const tLog = createWriteStream(join(logDir, 'temporal.log'), { flags: 'a' });
    const temporal = await startTemporalDevServer({
      cli: findTemporalCli(root, config.TEMPORAL_CLI),
      port: config.TEMPORAL_DEV_PORT,
      uiPort: config.TEMPORAL_UI_PORT,
      dbFile: join(dataDir, 'temporal', 'temporal.db'),
      onLog: (l) => tLog.write(`${l}\n`),
    });
    stack.add('Temporal', temporal.stop);
    temporal.onUnexpectedExit(engineDied('Temporal'));
    temporalAddress = temporal.address;
    temporalUi = temporal.uiUrl;
    print(`  ✓ Temporal dev server ${temporalAddress}`);
  }

  const applied = await runMigrations(ownerUrl);
  print(`  ✓ migrasi / migrations: ${applied.length ? applied.join(', ') : 'sudah terbaru / up to date'}`);
  // On the embedded server the launcher provisions the app's login role too (also in a .data/ cluster from before it existed).
  const databaseUrl = config.DATABASE_URL ?? (await ensureAppLogin(ownerUrl));
  if (!config.DATABASE_URL) print(`  ✓ peran aplikasi / app role ${databaseUrl}`);
  const regions = await loadReferenceData(databaseUrl, { demo: true });
  print(`  ✓ wilayah / jurisdictions: ${regions.provinces} provinsi, ${regions.regencies} kabupaten/kota; data demo / demo data`);
  const forms = await loadNationalForms(databaseUrl);
  print(`  ✓ formulir nasional / national forms: ${forms.published.length ? forms.published.join(', ') : 'sudah terbaru / up to date'}`);
  const holidays = await loadHolidays(databaseUrl);
  print(`  ✓ kalender kerja / working-day calendar: ${holidays.seededYears.length ? `hari libur dimuat / holidays loaded ${holidays.seededYears.join(', ')}` : 'sudah terbaru / up to date'}`);

  // Without a real SMTP server, notification e-mail lands in a local catcher (dev only).
  let smtpUrl = config.SMTP_URL;
  if (!smtpUrl) {
    const catcher = await startMailCatcher(config.MAIL_CATCHER_PORT, join(dataDir, 'mail'), print);
    stack.add('SMTP (dev)', catcher.stop);
    smtpUrl = catcher.url;
    print(`  ✓ e-mail (dev) ${smtpUrl} → ${join(dataDir, 'mail')}`);
  }

  const serviceEnv = {
    ...env,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    AUDIT_CHECKPOINT_DIR: env.AUDIT_CHECKPOINT_DIR || join(dataDir, 'audit-checkpoints'),
    TEMPORAL_ADDRESS: temporalAddress,
    API_PORT: String(config.API_PORT),
    LOG_LEVEL: config.LOG_LEVEL,
    SMTP_URL: smtpUrl,
    APP_URL: env.APP_URL || `http://localhost:${config.WEB_PORT}`,
  };
  const died = (name: string) => (code: number | null) => {
    print(`[${name}] berhenti tak terduga (kode ${code}); menghentikan semua / exited unexpectedly (code ${code}); stopping everything`);
    void stack.stopAll().then(() => process.exit(1));
  };
  stack.spawnService('api', process.execPath, [join(root, 'dist/apps/api/src/main.js')], serviceEnv, join(logDir, 'api.log'), died('api'));
  stack.spawnService('worker', process.execPath, [join(root, 'dist/apps/worker/src/main.js')], serviceEnv, join(logDir, 'worker.log'), died('worker'));
  stack.spawnService(
    'web',
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), '--config', join(root, 'apps/web/vite.config.ts')],
    { ...env, WEB_PORT: String(config.WEB_PORT), API_URL: `http://127.0.0.1:${config.API_PORT}` },
    join(logDir, 'web.log'),
    died('web'),
  );

  const apiUrl = `http://localhost:${config.API_PORT}`;
  await waitForHttp(`${apiUrl}/health`, 'API', 60_000, (s) => s === 200);
  await waitForHttp(`http://localhost:${config.WEB_PORT}/`, 'Web', 60_000);
  const check = await seedDemoData(apiUrl);
  // The demo's processes in flight, so that every demo login has work waiting. A failure here leaves a
  // running system with less to show: it is said, not fatal.
  const demo = await seedDemoProcesses(apiUrl).then(
    (done) => `✓ ${done}`,
    (err: Error) => `✗ tidak lengkap / incomplete — ${err.message}`,
  );
  printSummary(print, { apiUrl, webUrl: `http://localhost:${config.WEB_PORT}`, temporalUi, temporalAddress, databaseUrl, logDir, check, demo });
}

const stack = new Stack(print);
let exitCode = 0;
const stop = (code: number) => {
  exitCode = code;
  print('\nGugus: menghentikan layanan / stopping services …');
  void stack.stopAll().then(() => process.exit(exitCode));
};
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

main(stack).catch((err: Error) => {
  // Problems a person can fix are explained in words; anything else keeps its stack for a bug report.
  const known = err instanceof StartupError || ['ConfigError', 'EmbeddedPostgresError', 'TemporalDevServerError'].includes(err.name);
  process.stderr.write(`\nGugus tidak dapat dijalankan / Gugus could not start:\n${known ? err.message : `${err.message}\n${err.stack ?? ''}`}\n`);
  stop(1);
});
