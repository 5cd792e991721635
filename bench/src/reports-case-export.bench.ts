/*
 * Issue 12's benchmark, acceptance 4 (the export half), in one command: npx nx run bench:reports-case-export
 *
 * 230,000 cases opened from 1 January 2022 to 30 November 2026 (Jakarta) by the task forces of every
 * province and regency/city, generated once into a template database: case_facts for each (codes of the
 * national option lists — sex, age groups, nationality groups and ISO countries, internal/international,
 * region of origin, 1–3 exploitation types, 1–2 sectors, 1–3 means), and the consent state per purpose
 * (data_recording, assistance, feedback_research). Of the ~222,000 identified victims (presumed, verified,
 * confirmed), exactly 200,000 have consent to research and statistics (feedback_research) granted and
 * valid on the export day; the others declined, withdrew, let it expire, hold a grant that ended before
 * the export day, or have no feedback_research entry. ~8,000 cases were screened out or not confirmed
 * (with facts and consents like the others, so only their status keeps them out).
 *
 * Measured in one process, interleaved, each read as a ratio to the baseline:
 *   baseline: a plain SQL aggregate over the same rows — the qualifying cases counted by sex, same joins
 *     and filters (one statement, 3 rows back);
 *   1. writeCaseRecords (@gugus/server-reports) for 50,000-odd rows: the nation, 2022-Q1 … 2023-Q1;
 *   2. writeCaseRecords for the 200,000 rows: the nation, 2022-Q1 … 2026-Q4.
 * Each export writes an XLSX file to a temporary directory (deleted after each run), on a TypeORM
 * DataSource built from createDataSourceOptions and connected as the app role (as the API is). While an
 * export runs, process.memoryUsage() is sampled every 20 ms and after each batch: the peak RSS above the
 * RSS just before the run, and the peak V8 heap in use above the heap just before it (after a full GC
 * when node runs with --expose-gc, as the Nx target does), so the 50,000- and 200,000-row runs show
 * whether memory grows with the rows — and, within each run, the lowest heap in use in its first and its
 * last quarter (it would rise if the export held on to rows); the time spent waiting for the batch
 * queries is measured too (db.query timed). Before timing, each export's row count is checked once against
 * an SQL count of the qualifying rows written out here (and the 200,000 against the generated data);
 * after timing, the file of that first 200,000-row export is read back (exceljs's streaming reader):
 * its rows and its prs_Gender column must equal the baseline's counts. A mismatch fails the run (exit 1).
 *
 * Environment: BENCH_RUNS (3 runs each; the baseline 5 × that), BENCH_FRESH=1 to rebuild the template database.
 */
import { mkdtemp, rm, stat, unlink } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { stream as excelStream } from 'exceljs';
import { DataSource } from 'typeorm';
import { HTCDS_COLUMNS } from '@gugus/reporting';
import { createDataSourceOptions } from '@gugus/server-database';
import { countCaseRecords, writeCaseRecords, type CaseRecordsQuery } from '@gugus/server-reports';
import { startBenchDatabase, withClient } from './support/database';
import { envNumber, loadAverage, ms, nowMs, progress, runBenchmark, stats, type Stats } from './support/process';

const RUNS = envNumber('BENCH_RUNS', 3);
const BASELINE_PER_ROUND = 5;
const FRESH = process.env['BENCH_FRESH'] === '1';
const SAMPLE_MS = 20;

const CASES = 230_000;
/** Identified victims whose consent covers research on the export day: the 200,000 rows. */
const QUALIFYING = 200_000;
/** Cases opened in [OPENED_FROM, OPENED_UNTIL) (Jakarta); the export's "today", fixed so the data never goes stale. */
const OPENED_FROM = '2022-01-01T00:00:00+07:00';
const OPENED_UNTIL = '2026-12-01T00:00:00+07:00';
const TODAY = '2026-12-01';
const FULL: CaseRecordsQuery = { jurisdictionCode: '00', from: '2022-Q1', to: '2026-Q4' };
const SUBSET: CaseRecordsQuery = { jurisdictionCode: '00', from: '2022-Q1', to: '2023-Q1' };
/** The subset's range as timestamps, for the SQL count written out here (not the library's WHERE). */
const SUBSET_UNTIL = '2023-04-01T00:00:00+07:00';

const lit = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(', ')}]`;
/** Option codes (forms/options/*.json), repeated where a code is more common. */
const CHANNELS = ['police', 'police', 'hotline', 'hotline', 'ngo', 'border_post', 'labour_inspection', 'migrant_worker_protection', 'family', 'self_referral'];
const EXPLOITATION_TYPES = ['forced_labour', 'forced_labour', 'forced_labour', 'prostitution', 'prostitution', 'other_sexual_exploitation', 'servitude', 'practices_similar_to_slavery', 'forced_marriage', 'physical_exploitation', 'labour_or_ability_exploitation', 'forced_begging', 'forced_criminality', 'organ_removal', 'extortion', 'other'];
const SECTORS = ['domestic_work', 'domestic_work', 'fishing', 'fishing', 'agriculture_plantation', 'construction', 'sex_entertainment', 'sex_entertainment', 'manufacturing', 'restaurants_catering', 'hospitality_tourism', 'mining_logging', 'food_processing', 'logistics_transport', 'informal_street_economy', 'other'];
const MEANS = ['deception', 'deception', 'fraud', 'fraud', 'debt_bondage', 'debt_bondage', 'abuse_of_vulnerability', 'threat_of_force', 'use_of_force', 'incarceration', 'abuse_of_power', 'abduction', 'payments_to_person_in_control'];
const COUNTRIES = ['MY', 'MY', 'SA', 'SA', 'AE', 'HK', 'TW', 'SG', 'KR', 'JP', 'PH', 'TL', 'MM', 'KH', 'TH', 'VN', 'CN', 'BD', 'LK', 'NP'];
const STAGES = ['intake', 'screening', 'protection', 'case_conference', 'referral', 'reintegration', 'closed'];
/** A random element of an array literal (`r` a random number in [0, 1)). */
const pickSql = (values: readonly string[], r: string) => `(${lit(values)})[1 + floor(${r} * ${values.length})::int]`;

const ratio = (a: number, b: number) => (a / b).toFixed(1);
const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
const head = (label: string, extra: string) => `${label.padEnd(56)} ${'n'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  ${extra}`;
const row = (label: string, s: Stats, extra: string[] = []) => `${label.padEnd(56)} ${String(s.n).padStart(4)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.max).padStart(8)}${extra.map((e) => `  ${e.padStart(12)}`).join('')}`;

/** The cases, their facts and their consent state per purpose, in a few set-based statements. */
async function generateCases(url: string, step: (what: string, work: () => Promise<unknown>) => Promise<void>): Promise<void> {
  await withClient(url, async (c) => {
    await c.query('SELECT setseed(0.12)');
    const agency = (await c.query(`SELECT id FROM agencies ORDER BY name LIMIT 1`)).rows[0].id as string;
    const person = (await c.query(`SELECT id FROM people WHERE email = 'admin@gugus.test'`)).rows[0].id as string;
    await step(`${CASES.toLocaleString('en')} cases`, async () => {
      // Where and when first (random ids from the row number, so the same data on every build), then
      // each jurisdiction's numbers per Jakarta year in the order opened.
      await c.query(
        `CREATE TEMP TABLE gen AS
           WITH j AS (SELECT array_agg(code ORDER BY code) AS codes FROM jurisdictions WHERE level IN ('province', 'regency'))
           SELECT i, md5('gugus-bench-case-' || i)::uuid AS id,
                  j.codes[1 + floor(random() * array_length(j.codes, 1))::int] AS jurisdiction_code,
                  date_trunc('second', $1::timestamptz + random() * ($2::timestamptz - $1::timestamptz)) AS opened_at,
                  random() AS r_status, random() AS r_stage, random() AS r_channel, random() AS r_closed
             FROM generate_series(1, $3::int) AS i, j`,
        [OPENED_FROM, OPENED_UNTIL, CASES],
      );
      await c.query(
        `INSERT INTO cases (id, code, jurisdiction_code, year, seq, intake_channel, intake_agency_id, stage, identification_status, opened_at, opened_by, closed_at)
         SELECT id, jurisdiction_code || '-' || year || '-' || lpad(seq::text, 4, '0'), jurisdiction_code, year, seq, channel, $1, stage, status, opened_at, $2,
                CASE WHEN stage = 'closed' THEN least(opened_at + r_closed * interval '400 days', $3::timestamptz) END
           FROM (SELECT g.*, extract(year FROM g.opened_at AT TIME ZONE 'Asia/Jakarta')::int AS year,
                        row_number() OVER (PARTITION BY g.jurisdiction_code, extract(year FROM g.opened_at AT TIME ZONE 'Asia/Jakarta') ORDER BY g.opened_at, g.i)::int AS seq,
                        ${pickSql(CHANNELS, 'g.r_channel')} AS channel,
                        CASE WHEN g.r_status < 0.025 THEN 'screened' WHEN g.r_status < 0.035 THEN 'not_confirmed'
                             WHEN g.r_status < 0.52 THEN 'presumed' WHEN g.r_status < 0.81 THEN 'verified' ELSE 'confirmed' END AS status,
                        CASE WHEN g.r_status < 0.035 THEN (CASE WHEN g.r_stage < 0.7 THEN 'closed' ELSE 'screening' END)
                             ELSE ${pickSql(STAGES.slice(1), 'g.r_stage')} END AS stage
                   FROM gen g) x`,
        [agency, person, OPENED_UNTIL],
      );
      await c.query(`INSERT INTO case_code_counters (jurisdiction_code, year, last) SELECT jurisdiction_code, year, max(seq) FROM cases GROUP BY jurisdiction_code, year`);
    });
    await step('case facts', () =>
      c.query(
        `WITH x AS MATERIALIZED (
           SELECT c.id, c.jurisdiction_code, c.opened_at, random() AS r_sex, random() AS r_age, random() AS r_nat, random() AS r_country, random() AS r_scope, random() AS r_origin,
                  random() AS r_regency,
                  ${pickSql(EXPLOITATION_TYPES, 'random()')} AS t1, CASE WHEN random() < 0.35 THEN ${pickSql(EXPLOITATION_TYPES, 'random()')} END AS t2, CASE WHEN random() < 0.08 THEN ${pickSql(EXPLOITATION_TYPES, 'random()')} END AS t3,
                  ${pickSql(SECTORS, 'random()')} AS s1, CASE WHEN random() < 0.2 THEN ${pickSql(SECTORS, 'random()')} END AS s2,
                  ${pickSql(MEANS, 'random()')} AS m1, CASE WHEN random() < 0.5 THEN ${pickSql(MEANS, 'random()')} END AS m2, CASE WHEN random() < 0.15 THEN ${pickSql(MEANS, 'random()')} END AS m3
             FROM cases c)
         INSERT INTO case_facts (case_id, sex, age_group, age_uncertain, nationality_group, nationality, trafficking_scope, origin_region, identified_in_region, exploitation_types, sectors, means, updated_at)
         SELECT id,
                CASE WHEN r_sex < 0.7 THEN 'female' WHEN r_sex < 0.98 THEN 'male' END,
                CASE WHEN r_age < 0.27 THEN 'child' WHEN r_age < 0.97 THEN 'adult' END,
                r_age >= 0.9,
                CASE WHEN r_nat < 0.92 THEN 'indonesian' WHEN r_nat < 0.98 THEN 'foreign' WHEN r_nat < 0.99 THEN 'stateless_or_unknown' END,
                CASE WHEN r_nat < 0.92 THEN 'ID' WHEN r_nat < 0.98 THEN ${pickSql(COUNTRIES, 'r_country')} END,
                CASE WHEN r_scope < 0.45 THEN 'internal' WHEN r_scope < 0.98 THEN 'international' END,
                CASE WHEN r_origin < 0.75 THEN jurisdiction_code WHEN r_origin < 0.95 THEN regencies[1 + floor(r_regency * array_length(regencies, 1))::int] END,
                jurisdiction_code,
                ARRAY(SELECT DISTINCT e FROM unnest(ARRAY[t1, t2, t3]) AS e WHERE e IS NOT NULL ORDER BY e),
                ARRAY(SELECT DISTINCT e FROM unnest(ARRAY[s1, s2]) AS e WHERE e IS NOT NULL ORDER BY e),
                ARRAY(SELECT DISTINCT e FROM unnest(ARRAY[m1, m2, m3]) AS e WHERE e IS NOT NULL ORDER BY e),
                opened_at + interval '3 days'
           FROM x, (SELECT array_agg(code ORDER BY code) AS regencies FROM jurisdictions WHERE level = 'regency') AS j`,
      ),
    );
    await step('consent per purpose', async () => {
      // The first QUALIFYING identified victims in a random order have research consent valid on TODAY;
      // the rest of them do not (declined, withdrawn, expired, a grant that ended, none, no entry).
      const counted = (await c.query(`SELECT count(*)::int AS n FROM cases WHERE identification_status IN ('presumed', 'verified', 'confirmed')`)).rows[0].n as number;
      if (counted < QUALIFYING) throw new Error(`only ${counted} identified victims generated, fewer than ${QUALIFYING}`);
      await c.query(
        `CREATE TEMP TABLE research AS
           SELECT c.id, (c.opened_at AT TIME ZONE 'Asia/Jakarta')::date AS since, random() AS r,
                  CASE WHEN c.identification_status IN ('presumed', 'verified', 'confirmed')
                       THEN row_number() OVER (PARTITION BY c.identification_status IN ('presumed', 'verified', 'confirmed') ORDER BY md5('consent-' || c.id::text)) <= $1
                       ELSE random() < 0.6 END AS valid
             FROM cases c`,
        [QUALIFYING],
      );
      await c.query(
        `INSERT INTO case_consent_purposes (case_id, purpose, status, since, valid_until, updated_at)
         SELECT id, 'feedback_research',
                CASE WHEN valid THEN 'granted' WHEN r < 0.35 THEN 'declined' WHEN r < 0.55 THEN 'withdrawn' WHEN r < 0.7 THEN 'expired' WHEN r < 0.85 THEN 'granted' ELSE 'none' END,
                since,
                CASE WHEN valid THEN (CASE WHEN r < 0.8 THEN NULL ELSE $1::date + (r * 1200)::int END)
                     WHEN r >= 0.55 AND r < 0.85 THEN least(since + 180 + (r * 400)::int, $1::date - 1) END,
                since::timestamptz + interval '10 hours'
           FROM research WHERE valid OR r < 0.95`,
        [TODAY],
      );
      await c.query(
        `INSERT INTO case_consent_purposes (case_id, purpose, status, since, valid_until, updated_at)
         SELECT id, p.purpose, 'granted', since, NULL, since::timestamptz + interval '10 hours'
           FROM research, (VALUES ('data_recording'), ('assistance')) AS p (purpose)`,
      );
    });
    for (const t of ['cases', 'case_facts', 'case_consent_purposes']) await c.query(`ANALYZE ${t}`);
  });
}

/** The qualifying rows, written out here rather than taken from the library (its WHERE is what is checked). */
const QUALIFYING_FROM = `cases c JOIN case_facts f ON f.case_id = c.id JOIN case_consent_purposes p ON p.case_id = c.id
  WHERE c.identification_status IN ('presumed', 'verified', 'confirmed') AND c.opened_at >= $1::timestamptz AND c.opened_at < $2::timestamptz
    AND p.purpose = 'feedback_research' AND p.status = 'granted' AND (p.valid_until IS NULL OR p.valid_until >= $3::date)`;
const FULL_UNTIL = '2027-01-01T00:00:00+07:00';

interface Memory {
  /** process.memoryUsage() just before the run (after a GC when exposed). */
  rssBefore: number;
  heapBefore: number;
  peakRss: number;
  peakHeap: number;
  /** The lowest heap in use in the first and in the last quarter of the samples: rises if the export holds on to rows. */
  floorFirst: number;
  floorLast: number;
  /** Heap in use after the run (after a GC when exposed), less heapBefore: what the run left behind. */
  retained: number;
  samples: number;
}

interface Run {
  rows: number;
  ms: number;
  /** Of `ms`, waiting for the batch queries (db.query). */
  sqlMs: number;
  memory: Memory;
  bytes: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** `db` with its query() timed (the export reads through nothing else). */
function timingQueries(db: DataSource): { db: DataSource; spent: () => number } {
  let spent = 0;
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'query') return Reflect.get(target, prop, receiver);
      return async (sql: string, parameters?: unknown[]) => {
        const start = nowMs();
        try {
          return await target.query(sql, parameters);
        } finally {
          spent += nowMs() - start;
        }
      };
    },
  });
  return { db: proxy, spent: () => spent };
}

/** One export to `filePath`, timed, with memory sampled every SAMPLE_MS and after each batch. */
async function exportOnce(dataSource: DataSource, q: CaseRecordsQuery, filePath: string): Promise<Run> {
  const { db, spent } = timingQueries(dataSource);
  gc?.();
  const before = process.memoryUsage();
  const heap: number[] = [];
  let peakRss = before.rss;
  const sample = () => {
    const m = process.memoryUsage();
    heap.push(m.heapUsed);
    if (m.rss > peakRss) peakRss = m.rss;
  };
  const timer = setInterval(sample, SAMPLE_MS);
  let rows: number;
  let elapsed: number;
  try {
    const start = nowMs();
    rows = await writeCaseRecords(db, q, TODAY, filePath, async () => sample());
    elapsed = nowMs() - start;
    sample();
  } finally {
    clearInterval(timer);
  }
  gc?.();
  const quarter = Math.max(1, Math.floor(heap.length / 4));
  const memory: Memory = {
    rssBefore: before.rss,
    heapBefore: before.heapUsed,
    peakRss,
    peakHeap: Math.max(before.heapUsed, ...heap),
    floorFirst: Math.min(...heap.slice(0, quarter)),
    floorLast: Math.min(...heap.slice(-quarter)),
    retained: process.memoryUsage().heapUsed - before.heapUsed,
    samples: heap.length,
  };
  return { rows, ms: elapsed, sqlMs: spent(), memory, bytes: (await stat(filePath)).size };
}

/** The rows of the file's first sheet (HTCDS) and its prs_Gender column tallied, by exceljs's streaming reader. */
async function readBack(filePath: string): Promise<{ rows: number; lastRowNumber: number; gender: Record<string, number> }> {
  const genderColumn = HTCDS_COLUMNS.indexOf('prs_Gender') + 1;
  const reader = new excelStream.xlsx.WorkbookReader(filePath, { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore' });
  let sheet = 0;
  let rows = 0;
  let lastRowNumber = 0;
  const gender: Record<string, number> = {};
  for await (const worksheet of reader) {
    sheet += 1;
    for await (const r of worksheet) {
      if (sheet !== 1 || r.number === 1) continue;
      rows += 1;
      lastRowNumber = Number(r.getCell(1).value);
      const g = String(r.getCell(genderColumn).value);
      gender[g] = (gender[g] ?? 0) + 1;
    }
  }
  return { rows, lastRowNumber, gender };
}

/** The largest value of `pick` over the runs. */
const most = (runs: readonly Run[], pick: (r: Run) => number) => Math.max(...runs.map(pick));

runBenchmark(async (cleanup) => {
  const loadAtStart = loadAverage();
  const db = await startBenchDatabase(
    {
      template: 'gugus_bench_case_export_template',
      run: 'gugus_bench_case_export_run',
      shape: { cases: CASES, qualifying: QUALIFYING, opened: [OPENED_FROM, OPENED_UNTIL], today: TODAY, generator: 1 },
      build: (url, step) => generateCases(url, step),
    },
    cleanup,
    { fresh: FRESH },
  );
  const shape = await withClient(db.url, async (c) => {
    const { rows } = await c.query(
      `SELECT (SELECT count(*)::int FROM cases) AS cases,
              (SELECT count(*)::int FROM cases WHERE identification_status IN ('presumed', 'verified', 'confirmed')) AS counted,
              (SELECT count(DISTINCT jurisdiction_code)::int FROM cases) AS jurisdictions,
              (SELECT count(*)::int FROM case_facts) AS facts,
              (SELECT count(*)::int FROM case_consent_purposes) AS consents,
              (SELECT count(*)::int FROM case_consent_purposes WHERE purpose = 'feedback_research' AND status = 'granted') AS research_granted,
              pg_size_pretty(pg_total_relation_size('cases') + pg_total_relation_size('case_facts') + pg_total_relation_size('case_consent_purposes')) AS size`,
    );
    return rows[0] as { cases: number; counted: number; jurisdictions: number; facts: number; consents: number; research_granted: number; size: string };
  });

  const dataSource = new DataSource(createDataSourceOptions(db.appUrl, 4));
  await dataSource.initialize();
  cleanup.add('TypeORM DataSource', () => dataSource.destroy());
  const dir = await mkdtemp(join(tmpdir(), 'gugus-bench-case-export-'));
  cleanup.add('temporary directory', () => rm(dir, { recursive: true, force: true }));

  // Correctness, once, before timing (also each export's first run: its memory counts with the others).
  const sqlCount = async (until: string) => ((await dataSource.query(`SELECT count(*)::int AS n FROM ${QUALIFYING_FROM}`, [OPENED_FROM, until, TODAY])) as { n: number }[])[0].n;
  const expected = { subset: await sqlCount(SUBSET_UNTIL), full: await sqlCount(FULL_UNTIL) };
  const counted = { subset: await countCaseRecords(dataSource, SUBSET, TODAY), full: await countCaseRecords(dataSource, FULL, TODAY) };
  const checkFile = join(dir, 'check-full.xlsx');
  const firstSubset = await exportOnce(dataSource, SUBSET, join(dir, 'check-subset.xlsx'));
  await unlink(join(dir, 'check-subset.xlsx'));
  progress(`check export ${SUBSET.from}…${SUBSET.to}: ${firstSubset.rows} rows in ${ms(firstSubset.ms)} ms`);
  const firstFull = await exportOnce(dataSource, FULL, checkFile);
  progress(`check export ${FULL.from}…${FULL.to}: ${firstFull.rows} rows in ${ms(firstFull.ms)} ms`);
  const problems: string[] = [];
  if (expected.full !== QUALIFYING) problems.push(`SQL counts ${expected.full} qualifying rows over ${FULL.from}…${FULL.to}, the data was generated with ${QUALIFYING}`);
  if (firstFull.rows !== expected.full) problems.push(`writeCaseRecords ${FULL.from}…${FULL.to} wrote ${firstFull.rows} rows, SQL counts ${expected.full}`);
  if (firstSubset.rows !== expected.subset) problems.push(`writeCaseRecords ${SUBSET.from}…${SUBSET.to} wrote ${firstSubset.rows} rows, SQL counts ${expected.subset}`);
  if (counted.full !== expected.full || counted.subset !== expected.subset) problems.push(`countCaseRecords gives ${counted.full} / ${counted.subset}, SQL ${expected.full} / ${expected.subset}`);
  if (problems.length) throw new Error(`SALAH / WRONG: the export differs from SQL:\n  ${problems.join('\n  ')}`);

  const baselineSql = `SELECT f.sex, count(*)::int AS n FROM ${QUALIFYING_FROM} GROUP BY f.sex ORDER BY f.sex`;
  const baselineRun = () => dataSource.query(baselineSql, [OPENED_FROM, FULL_UNTIL, TODAY]) as Promise<{ sex: string | null; n: number }[]>;
  const bySex = await baselineRun();

  const baseline: number[] = [];
  const runs = { subset: [] as Run[], full: [] as Run[] };
  for (let i = 0; i < RUNS; i++) {
    for (let b = 0; b < BASELINE_PER_ROUND; b++) {
      const start = nowMs();
      await baselineRun();
      baseline.push(nowMs() - start);
    }
    for (const [key, q] of [['subset', SUBSET], ['full', FULL]] as const) {
      const file = join(dir, `${key}-${i}.xlsx`);
      const run = await exportOnce(dataSource, q, file);
      await unlink(file);
      if (run.rows !== expected[key]) throw new Error(`SALAH / WRONG: run ${i + 1} of ${q.from}…${q.to} wrote ${run.rows} rows, SQL counts ${expected[key]}`);
      runs[key].push(run);
    }
    progress(`round ${i + 1} of ${RUNS}: ${runs.subset[i].rows} rows in ${ms(runs.subset[i].ms)} ms, ${runs.full[i].rows} rows in ${ms(runs.full[i].ms)} ms`);
  }

  // The file of the first 200,000-row export, read back: every row there, Female/Male/Unknown as SQL counts by sex.
  const readStart = nowMs();
  const back = await readBack(checkFile);
  const readMs = nowMs() - readStart;
  await unlink(checkFile);
  const sqlGender: Record<string, number> = {};
  for (const r of bySex) {
    const g = r.sex === 'female' ? 'Female' : r.sex === 'male' ? 'Male' : 'Unknown';
    sqlGender[g] = (sqlGender[g] ?? 0) + r.n;
  }
  const fileProblems: string[] = [];
  if (back.rows !== expected.full || back.lastRowNumber !== expected.full) fileProblems.push(`the file holds ${back.rows} data rows (last x_RowNumber ${back.lastRowNumber}), SQL counts ${expected.full}`);
  for (const g of new Set([...Object.keys(sqlGender), ...Object.keys(back.gender)])) {
    if ((back.gender[g] ?? 0) !== (sqlGender[g] ?? 0)) fileProblems.push(`prs_Gender ${g}: file ${back.gender[g] ?? 0}, SQL ${sqlGender[g] ?? 0}`);
  }
  progress(`read back the 200,000-row file in ${ms(readMs)} ms`);

  const cpu = cpus();
  const base = stats(baseline);
  const timed = { subset: stats(runs.subset.map((r) => r.ms)), full: stats(runs.full.map((r) => r.ms)) };
  const all = { subset: [firstSubset, ...runs.subset], full: [firstFull, ...runs.full] };
  const out: string[] = [];
  out.push('Ekspor baris kasus HTCDS / export of de-identified case rows in HTCDS fields (issue 12, acceptance 4)');
  out.push(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, PostgreSQL ${db.postgresVersion} (embedded, default settings)`);
  out.push(`load average (1/5/15 min): ${loadAtStart} at start, ${loadAverage()} at end — other work on this machine adds noise; read the ratios`);
  out.push(
    `data: ${shape.cases} cases of ${shape.jurisdictions} task forces opened ${OPENED_FROM.slice(0, 10)} … ${OPENED_UNTIL.slice(0, 10)} (excl.), ${shape.counted} identified victims, ${shape.facts} case_facts, ${shape.consents} consent-per-purpose rows (${shape.research_granted} feedback_research granted); ${shape.size} with indexes; template database: ${db.origin}`,
  );
  out.push(
    `export: writeCaseRecords (exceljs streaming XLSX, batches of 1,000 by case id), consent valid on ${TODAY}; TypeORM DataSource (pool of 4) as the app role; memory sampled every ${SAMPLE_MS} ms and per batch${gc ? ', after a full GC' : ' (no --expose-gc: no GC before a run)'}`,
  );
  out.push(
    `check: OK — ${FULL.from}…${FULL.to} wrote ${firstFull.rows} rows = SQL ${expected.full} = generated ${QUALIFYING}; ${SUBSET.from}…${SUBSET.to} wrote ${firstSubset.rows} = SQL ${expected.subset}; countCaseRecords agrees; every timed run wrote the same count`,
  );
  out.push(
    fileProblems.length
      ? `file read back: SALAH / WRONG — ${fileProblems.join('; ')}`
      : `file read back (${(readMs / 1000).toFixed(1)} s): ${back.rows} data rows, x_RowNumber 1…${back.lastRowNumber}; prs_Gender ${Object.entries(back.gender)
          .sort()
          .map(([g, n]) => `${g} ${n}`)
          .join(', ')} = the baseline's counts by sex`,
  );
  out.push('');
  out.push(`${RUNS} runs of each export (plus the check run), ${BASELINE_PER_ROUND} of the baseline per round, interleaved, one at a time; ms`);
  out.push(head('', `${'× baseline'.padStart(12)}  ${'rows/s'.padStart(12)}   (both p50)`));
  out.push(row(`baseline: SQL aggregate by sex, ${expected.full} rows`, base, ['1.0', '']));
  out.push(row(`1. writeCaseRecords ${SUBSET.from}…${SUBSET.to}, ${expected.subset} rows`, timed.subset, [ratio(timed.subset.p50, base.p50), Math.round(expected.subset / (timed.subset.p50 / 1000)).toLocaleString('en')]));
  out.push(row(`2. writeCaseRecords ${FULL.from}…${FULL.to}, ${expected.full} rows`, timed.full, [ratio(timed.full.p50, base.p50), Math.round(expected.full / (timed.full.p50 / 1000)).toLocaleString('en')]));
  const sqlShare = (key: 'subset' | 'full') => {
    const s = stats(runs[key].map((r) => r.sqlMs));
    return `p50 ${(s.p50 / 1000).toFixed(1)} s, ${((100 * runs[key].reduce((t, r) => t + r.sqlMs, 0)) / runs[key].reduce((t, r) => t + r.ms, 0)).toFixed(0)}% of the export time`;
  };
  out.push(`of which waiting for the batch queries (db.query, ${Math.ceil(expected.subset / 1000)} and ${Math.ceil(expected.full / 1000)} of them): 50k ${sqlShare('subset')}; 200k ${sqlShare('full')}`);
  out.push('');
  out.push(`memory during an export, over ${RUNS + 1} runs of each size (the check run included; the 50k check ran in a process that had exported nothing yet):`);
  out.push(`  RSS before, heap before: just before the check run; peak Δ: the sampled peak less the value just before that run (p50 / max over the runs);`);
  out.push(`  heap floor: the lowest heap in use in the run's last quarter (max over the runs); retained: heap in use after the run${gc ? ' and a GC' : ''} less before (max)`);
  out.push(
    `${''.padEnd(8)} ${'rows'.padStart(7)} ${'file'.padStart(9)} ${'RSS before'.padStart(10)} ${'peak RSS Δ p50/max'.padStart(19)} ${'heap before'.padStart(11)} ${'peak heap Δ p50/max'.padStart(20)} ${'peak heap'.padStart(10)} ${'heap floor'.padStart(10)} ${'retained'.padStart(9)}`,
  );
  const rssDelta = (key: 'subset' | 'full') => stats(all[key].map((x) => x.memory.peakRss - x.memory.rssBefore));
  const heapDelta = (key: 'subset' | 'full') => stats(all[key].map((x) => x.memory.peakHeap - x.memory.heapBefore));
  for (const [key, label] of [['subset', '50k'], ['full', '200k']] as const) {
    const r = all[key];
    const rss = rssDelta(key);
    const heap = heapDelta(key);
    out.push(
      `${label.padEnd(8)} ${String(expected[key]).padStart(7)} ${mib(r[0].bytes).padStart(9)} ${mib(r[0].memory.rssBefore).padStart(10)} ${`${mib(rss.p50)} / ${mib(rss.max)}`.padStart(19)} ${mib(r[0].memory.heapBefore).padStart(11)} ${`${mib(heap.p50)} / ${mib(heap.max)}`.padStart(20)} ${mib(most(r, (x) => x.memory.peakHeap)).padStart(10)} ${mib(most(r, (x) => x.memory.floorLast)).padStart(10)} ${mib(most(r, (x) => x.memory.retained)).padStart(9)}`,
    );
  }
  const perRun = (key: 'subset' | 'full') => all[key].map((x) => `${mib(x.memory.peakRss - x.memory.rssBefore)}/${mib(x.memory.peakHeap - x.memory.heapBefore)}`).join(', ');
  out.push(`per run, peak RSS Δ / peak heap Δ: 50k ${perRun('subset')}; 200k ${perRun('full')}`);
  const floors = (key: 'subset' | 'full') => all[key].map((x) => `${mib(x.memory.floorFirst)} → ${mib(x.memory.floorLast)}`).join(', ');
  out.push(`per run, lowest heap in use in the first → the last quarter of the run (a quarter without a full GC shows garbage too): 50k ${floors('subset')}; 200k ${floors('full')}`);
  out.push(`samples per run: at least ${Math.min(...all.subset.map((x) => x.memory.samples))} (50k), ${Math.min(...all.full.map((x) => x.memory.samples))} (200k)`);
  const growth = (f: (key: 'subset' | 'full') => Stats, pick: 'p50' | 'max') => (f('full')[pick] / Math.max(1, f('subset')[pick])).toFixed(2);
  out.push('');
  out.push(
    `${(expected.full / expected.subset).toFixed(1)} × the rows: peak RSS Δ × ${growth(rssDelta, 'p50')} (p50; max × ${growth(rssDelta, 'max')}), peak heap Δ × ${growth(heapDelta, 'p50')} (max × ${growth(heapDelta, 'max')}), heap floor ${mib(most(all.subset, (x) => x.memory.floorLast))} → ${mib(most(all.full, (x) => x.memory.floorLast))}; the 200,000-row export takes ${ratio(timed.full.p50, base.p50)} × the SQL aggregate (p50 ${(timed.full.p50 / 1000).toFixed(1)} s vs ${ms(base.p50)} ms), ${mib(firstFull.bytes)} of XLSX`,
  );
  if (fileProblems.length) {
    process.stdout.write(`${out.join('\n')}\n`);
    throw new Error(`the 200,000-row file differs from SQL: ${fileProblems.join('; ')}`);
  }
  return out;
});
