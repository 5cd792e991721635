import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Client } from 'pg';
import { loadHolidays } from '@gugus/server-calendar';
import { createDataSourceOptions, ensureAppLogin, runMigrations, startEmbeddedPostgres } from '@gugus/server-database';
import { loadNationalForms } from '@gugus/server-forms';
import { loadReferenceData } from '@gugus/server-orgs';
import { Cleanup, freePort, progress, repoRoot } from './process';

/**
 * A benchmark's database: one embedded PostgreSQL cluster for every benchmark (kept in tmp/bench-pg
 * between runs), a template database per benchmark built once — every migration, the official
 * jurisdictions with the demo organisations, national forms and holidays (what `npm start` and the tests
 * load), then what that benchmark adds — and marked with what it was built from; each run works on a
 * fresh copy of it, dropped at the end.
 */
export interface BenchDatabase {
  /** The owner (a superuser): setup and in-process measurements. */
  url: string;
  /** A login of the app role, as the API and worker connect in production (a fresh password each run). */
  appUrl: string;
  postgresVersion: string;
  /** How the template came about: generated now (seconds) or reused (built at). */
  origin: string;
}

export interface BenchTemplate {
  /** Database names: the template, and the copy each run works on. */
  template: string;
  run: string;
  /** What the data is built from beyond the migrations (generator version, sizes); another value rebuilds it. */
  shape: unknown;
  /** A template older than this is rebuilt (data spread around "now"); none: kept until the shape changes. */
  maxAgeDays?: number;
  /** Adds the benchmark's data to the base data, timing each part with `step`. */
  build?: (url: string, step: BuildStep) => Promise<void>;
}

export type BuildStep = (what: string, work: () => Promise<unknown>) => Promise<void>;

export async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: url });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

const urlOf = (base: string, database: string) => base.replace(/\/[^/]+$/, `/${database}`);

function cacheKey(shape: unknown): string {
  const migrations = (createDataSourceOptions('postgres://x@localhost/x').migrations as { name: string }[]).map((m) => m.name);
  return createHash('sha256').update(JSON.stringify({ shape, migrations })).digest('hex').slice(0, 16);
}

/** Starts the cluster, makes sure the template is current (building it if not), and returns a fresh copy. */
export async function startBenchDatabase(spec: BenchTemplate, cleanup: Cleanup, options: { fresh: boolean }): Promise<BenchDatabase> {
  const dataDir = join(repoRoot, 'tmp/bench-pg/data');
  const pg = await startEmbeddedPostgres({ dataDir, port: await freePort(), database: 'postgres', onLog: () => undefined });
  cleanup.add('PostgreSQL', () => pg.stop());
  progress(`PostgreSQL started (${dataDir})`);

  const key = cacheKey(spec.shape);
  const templateUrl = urlOf(pg.url, spec.template);
  let origin: string;
  const marker = await withClient(pg.url, async (c) => {
    const { rows } = await c.query(`SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`, [spec.template]);
    return (rows[0]?.comment as string | undefined) ?? null;
  });
  const [markedKey, builtAt] = marker?.split(' ') ?? [];
  const ageDays = builtAt ? (Date.now() - Date.parse(builtAt)) / 86_400_000 : Infinity;
  if (!options.fresh && markedKey === key && ageDays < (spec.maxAgeDays ?? Infinity)) {
    origin = `reused, built ${builtAt} (${(ageDays * 24).toFixed(1)} h ago)`;
    progress(`template database ${spec.template} is current (${origin})`);
  } else {
    progress(marker ? `template database ${spec.template} is stale (${options.fresh ? 'BENCH_FRESH' : markedKey !== key ? 'built from other code' : 'too old'}); rebuilding` : `no template database ${spec.template} yet; building it`);
    const started = Date.now();
    await withClient(pg.url, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${spec.template} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${spec.template}`);
    });
    const step: BuildStep = async (what, work) => {
      const t = Date.now();
      await work();
      progress(`  ${what}: ${((Date.now() - t) / 1000).toFixed(1)} s`);
    };
    await step('migrations', () => runMigrations(templateUrl));
    await step('jurisdictions and demo organisations', () => loadReferenceData(templateUrl, { demo: true }));
    await step('national forms', () => loadNationalForms(templateUrl));
    await step('holidays', () => loadHolidays(templateUrl));
    await spec.build?.(templateUrl, step);
    const seconds = (Date.now() - started) / 1000;
    await withClient(pg.url, (c) => c.query(`COMMENT ON DATABASE ${spec.template} IS '${key} ${new Date().toISOString()}'`));
    origin = `generated in this run in ${seconds.toFixed(0)} s`;
  }

  await withClient(pg.url, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${spec.run} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${spec.run} TEMPLATE ${spec.template} STRATEGY FILE_COPY`);
  });
  cleanup.add('benchmark database', () => withClient(pg.url, (c) => c.query(`DROP DATABASE IF EXISTS ${spec.run} WITH (FORCE)`)));
  const url = urlOf(pg.url, spec.run);
  const appUrl = await ensureAppLogin(url, { user: 'gugus_bench', password: randomBytes(18).toString('base64url') });
  const postgresVersion = await withClient(url, async (c) => (await c.query(`SHOW server_version`)).rows[0].server_version as string);
  progress(`working copy ${spec.run} ready`);
  return { url, appUrl, postgresVersion, origin };
}
