/*
 * Issue 11's benchmark, acceptance 7, in one command: npx nx run bench:cases
 *
 * About 10,000 cases in West Java — the province and its 27 regencies/cities, every stage — generated
 * once into a template database; the built API and worker on it (production mode, the app role) and a
 * Temporal dev server of the benchmark's own. Measured, each with baselines timed in the same process
 * and read as ratios:
 *   1. the case list as the provincial coordinator reads it: the first page of the province, a stage
 *      filter, a regency, and a deep page (offset 5,000);
 *   2. the case page (GET /cases/:code?purpose=…, one audit entry each) on cases spread over the set;
 *   3. cases opened per second through POST /cases (each takes a number and starts its process in the
 *      same transaction), one at a time and four at a time.
 * Baselines: GET /health (unauthenticated: one SELECT 1 and a Temporal call) and the coordinator's own
 * inbox (GET /tasks?status=open&limit=50, the "inbox baseline" the issue names).
 *
 * Environment: BENCH_CASES (10000), BENCH_RUNS (40 calls each), BENCH_OPENS (100), BENCH_FRESH=1 to
 * rebuild the template database.
 */
import { cpus, totalmem } from 'node:os';
import { startBenchDatabase, withClient } from './support/database';
import { envNumber, loadAverage, ms, nowMs, progress, runBenchmark, stats, temporalCliVersion, type Stats } from './support/process';
import { login, startProcessEngine, type Api } from './support/services';

const CASES = envNumber('BENCH_CASES', 10_000);
const RUNS = envNumber('BENCH_RUNS', 40);
const OPENS = envNumber('BENCH_OPENS', 100);
const WARM_UP = 5;
const FRESH = process.env['BENCH_FRESH'] === '1';
const STAGES = ['intake', 'screening', 'protection', 'case_conference', 'referral', 'reintegration', 'closed'];

const ratio = (a: number, b: number) => (a / b).toFixed(1);
const head = (label: string, extra: string) => `${label.padEnd(60)} ${'n'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  ${extra}`;
const row = (label: string, s: Stats, extra: string[] = []) => `${label.padEnd(60)} ${String(s.n).padStart(4)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.max).padStart(8)}${extra.map((e) => `  ${e.padStart(9)}`).join('')}`;

/** Generates the cases: spread evenly over West Java's jurisdictions, every stage, opened over the last year. */
async function generateCases(url: string): Promise<void> {
  await withClient(url, async (c) => {
    const codes = (await c.query(`SELECT code FROM jurisdictions WHERE code = '32' OR code LIKE '32.%' ORDER BY code`)).rows.map((r) => r.code as string);
    const agency = (await c.query(`SELECT id FROM agencies WHERE name = 'UPTD PPA Provinsi Jawa Barat'`)).rows[0].id as string;
    const person = (await c.query(`SELECT id FROM people WHERE email = 'koordinator.jabar@gugus.test'`)).rows[0].id as string;
    const perJurisdiction = Math.ceil(CASES / codes.length);
    await c.query(
      `INSERT INTO cases (id, code, jurisdiction_code, year, seq, intake_channel, intake_agency_id, stage, identification_status, opened_at, opened_by, closed_at)
       SELECT gen_random_uuid(), j.code || '-2026-' || lpad(s::text, 4, '0'), j.code, 2026, s,
              (ARRAY['police', 'hotline', 'ngo', 'border_post', 'labour_inspection'])[1 + (s % 5)], $2::uuid,
              ($4::text[])[1 + ((s + j.n) % 7)],
              CASE WHEN ((s + j.n) % 7) < 2 THEN NULL ELSE 'presumed' END,
              timestamptz '2026-01-01 00:00+07' + ((s * 37 + j.n * 11) % 8000) * interval '1 hour', $3::uuid,
              CASE WHEN ((s + j.n) % 7) = 6 THEN timestamptz '2026-12-01 00:00+07' END
         FROM (SELECT code, row_number() OVER (ORDER BY code) AS n FROM unnest($1::text[]) AS code) j, generate_series(1, $5::int) s`,
      [codes, agency, person, STAGES, perJurisdiction],
    );
    await c.query(`INSERT INTO case_code_counters (jurisdiction_code, year, last) SELECT code, 2026, $2 FROM unnest($1::text[]) AS code ON CONFLICT DO NOTHING`, [codes, perJurisdiction]);
    await c.query('ANALYZE cases');
  });
}

interface Row {
  label: string;
  run: (i: number) => Promise<void>;
  samples: number[];
}

async function measure(rows: Row[]): Promise<void> {
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    for (const r of rows) {
      const start = nowMs();
      await r.run(i);
      if (i >= WARM_UP) r.samples.push(nowMs() - start);
    }
  }
}

const expectOk = async (api: Api, path: string, method = 'GET', body?: unknown) => {
  const res = await api(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
  return res;
};

runBenchmark(async (cleanup) => {
  const loadAtStart = loadAverage();
  const db = await startBenchDatabase(
    { template: 'gugus_bench_cases_template', run: 'gugus_bench_cases_run', shape: { cases: CASES, generator: 1 }, build: async (url, step) => step(`${CASES} cases`, () => generateCases(url)) },
    cleanup,
    { fresh: FRESH },
  );
  const total = await withClient(db.url, async (c) => Number((await c.query(`SELECT count(*) FROM cases`)).rows[0].count));
  const sample = await withClient(db.url, async (c) => (await c.query(`SELECT code FROM cases ORDER BY md5(code) LIMIT 200`)).rows.map((r) => r.code as string));
  const engine = await startProcessEngine(db.appUrl, cleanup);
  const coordinator = await login(engine.apiUrl, 'koordinator.jabar@gugus.test');
  const caseWorker = await login(engine.apiUrl, 'pekerja.jabar@gugus.test');
  const agency = await withClient(db.url, async (c) => (await c.query(`SELECT id FROM agencies WHERE name = 'Dinas Kesehatan Kabupaten Bandung'`)).rows[0].id as string);

  // 1–2. Reads, interleaved with the baselines.
  const reads: Row[] = [
    { label: 'baseline: GET /health', run: async () => void (await fetch(`${engine.apiUrl}/health`)).text(), samples: [] },
    { label: 'baseline: inbox GET /tasks?status=open&limit=50', run: async () => void (await expectOk(coordinator, '/tasks?status=open&limit=50')), samples: [] },
    { label: 'list: GET /cases?jurisdictionCode=32&limit=50', run: async () => void (await expectOk(coordinator, '/cases?jurisdictionCode=32&limit=50')), samples: [] },
    { label: 'list: …&stage=referral', run: async () => void (await expectOk(coordinator, '/cases?jurisdictionCode=32&stage=referral&limit=50')), samples: [] },
    { label: 'list: a regency, GET /cases?jurisdictionCode=32.04', run: async () => void (await expectOk(coordinator, '/cases?jurisdictionCode=32.04&limit=50')), samples: [] },
    { label: 'list: deep page, offset 5000', run: async () => void (await expectOk(coordinator, '/cases?jurisdictionCode=32&limit=50&offset=5000')), samples: [] },
    { label: 'page: GET /cases/:code?purpose=case_management', run: async (i) => void (await expectOk(coordinator, `/cases/${sample[i % sample.length]}?purpose=case_management`)), samples: [] },
  ];
  await measure(reads);
  progress(`reads: ${RUNS} runs each`);

  // 3. Opening cases: one at a time, then four at a time.
  const open = () => expectOk(caseWorker, '/cases', 'POST', { jurisdictionCode: '32.04', intakeAgencyId: agency, intakeChannel: 'police' });
  const single: number[] = [];
  const started = nowMs();
  for (let i = 0; i < OPENS; i++) {
    const t = nowMs();
    await open();
    single.push(nowMs() - t);
  }
  const singleRate = OPENS / ((nowMs() - started) / 1000);
  const concurrentStarted = nowMs();
  const concurrent: number[] = [];
  for (let i = 0; i < OPENS; i += 4) {
    await Promise.all(
      [0, 1, 2, 3].map(async () => {
        const t = nowMs();
        await open();
        concurrent.push(nowMs() - t);
      }),
    );
  }
  const concurrentRate = concurrent.length / ((nowMs() - concurrentStarted) / 1000);
  progress(`opened ${OPENS + concurrent.length} cases`);

  const cpu = cpus();
  const health = stats(reads[0]?.samples ?? []);
  const inbox = stats(reads[1]?.samples ?? []);
  const out: string[] = [];
  out.push(`Gugus benchmark: case list, case page and case opening at ${total} cases in one province (issue 11)`);
  out.push(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, PostgreSQL ${db.postgresVersion} (embedded, default settings), Temporal CLI ${temporalCliVersion()} dev server`);
  out.push(`load average (1/5/15 min): ${loadAtStart} at start, ${loadAverage()} at end — other work on this machine adds noise; read the ratios`);
  out.push(`data: ${total} cases over West Java's 28 jurisdictions, all stages, opened over 2026; template database: ${db.origin}; API and worker built, NODE_ENV=production, app role`);
  out.push('');
  out.push(`1–2. Reads as the provincial case coordinator; ${RUNS} calls each after ${WARM_UP} warm-up, interleaved, one at a time; ms`);
  out.push(head('', '× health   × inbox (p95)'));
  for (const r of reads) {
    const s = stats(r.samples);
    out.push(row(r.label, s, [ratio(s.p50, health.p50), ratio(s.p95, inbox.p95)]));
  }
  out.push('');
  out.push(`3. POST /cases (a number taken, the process started in the same transaction, audited); ms each and cases per second`);
  out.push(head('', 'cases/s'));
  out.push(row('one at a time', stats(single), [singleRate.toFixed(1)]));
  out.push(row('four at a time (each call)', stats(concurrent), [concurrentRate.toFixed(1)]));
  return out;
});
