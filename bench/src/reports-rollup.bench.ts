/*
 * Issue 12's benchmark, acceptance 4 (the roll-up half), in one command: npx nx run bench:reports-rollup
 *
 * Twenty quarters of accepted periodic reports (2022-Q1 … 2026-Q4) from every task force of the country —
 * the national one, the 38 provinces and the 514 regencies/cities, 553 × 20 = 11,060 report rows —
 * generated once into a template database. Each regency/city report has figures in the national
 * `quarterly-case-report` form's shape (0–40 victims, the breakdowns consistent with the total, 2–5
 * exploitation types, sectors and referral sources, assistance, prosecution); a province reports the sum
 * of its regencies plus its own cases, the nation the sum of the provinces plus its own. About 5% of the
 * province reports of a quarter are not accepted yet (submitted, returned or open), so the roll-up takes
 * the sum of those provinces' regencies; about 1% of the regency reports were corrected (a superseded
 * version 1 beside the accepted version 2).
 *
 * Measured in one process, interleaved, each read as a ratio to the baseline and the roll-up also against
 * the 1-second budget:
 *   baseline: a plain SQL aggregate — the national victims total per quarter, summed by PostgreSQL over
 *     the provinces' accepted reports (one statement, 20 rows back);
 *   1. PeriodicReportsRepository.acceptedReports('2022-Q1', '2026-Q4', null) alone (the rows fetched);
 *   2. the national roll-up as the dashboard computes it: acceptedReports, then rollUp — budget 1 s;
 *   3. rollUp alone on the rows already in memory (pure computation).
 * The repository is the real one, on a TypeORM DataSource built from createDataSourceOptions and
 * connected as the app role (as the API is); the baseline goes through the same DataSource. Before timing,
 * the roll-up is checked once against SQL (per quarter: the provinces' accepted reports plus, where a
 * province has none, its regencies'); a mismatch fails the run. A roll-up p50 above 1 s fails it too
 * (exit code 1, after the report is printed).
 *
 * Environment: BENCH_RUNS (20 runs each), BENCH_FRESH=1 to rebuild the template database.
 */
import { randomUUID } from 'node:crypto';
import { cpus, totalmem } from 'node:os';
import { DataSource } from 'typeorm';
import type { CategoryCount, ReportFigures } from '@gugus/contracts';
import { periodDays, rollUp, sumFigures, type AcceptedReport } from '@gugus/reporting';
import { createDataSourceOptions } from '@gugus/server-database';
import { PeriodicReportsRepository } from '@gugus/server-reports';
import { startBenchDatabase, withClient } from './support/database';
import { envNumber, loadAverage, ms, nowMs, progress, runBenchmark, stats, type Stats } from './support/process';
import { generator } from './support/plan-data';

const RUNS = envNumber('BENCH_RUNS', 20);
const WARM_UP = 3;
const FRESH = process.env['BENCH_FRESH'] === '1';
const BUDGET_MS = 1000;
const FIRST = '2022-Q1';
const LAST = '2026-Q4';
const PERIODS = Array.from({ length: 20 }, (_, i) => `${2022 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
/** Share of province reports of a quarter not accepted (the roll-up sums their regencies), and of regency reports corrected. */
const PROVINCE_PENDING = 0.05;
const REGENCY_CORRECTED = 0.01;

const EXPLOITATION_TYPES = ['forced_labour', 'prostitution', 'servitude', 'other_sexual_exploitation', 'practices_similar_to_slavery', 'forced_marriage', 'physical_exploitation', 'forced_begging'];
const SECTORS = ['fishing', 'domestic_work', 'construction', 'agriculture_plantation', 'sex_entertainment', 'manufacturing', 'restaurants_catering', 'hospitality_tourism'];
const REFERRAL_SOURCES = ['police', 'hotline', 'ngo', 'border_post', 'labour_inspection', 'migrant_worker_protection', 'family', 'self_referral'];
const SERVICES = ['psychosocial', 'health_rehabilitation', 'legal_aid', 'repatriation', 'reintegration'];

const ratio = (a: number, b: number) => (a / b).toFixed(1);
const head = (label: string, extra: string) => `${label.padEnd(62)} ${'n'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  ${extra}`;
const row = (label: string, s: Stats, extra: string[] = []) => `${label.padEnd(62)} ${String(s.n).padStart(4)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.max).padStart(8)}${extra.map((e) => `  ${e.padStart(10)}`).join('')}`;

/** `n` split into `parts` non-negative integers (random shares). */
function split(random: () => number, n: number, parts: number): number[] {
  const weights = Array.from({ length: parts }, () => 0.2 + random());
  const sum = weights.reduce((s, w) => s + w, 0);
  const out = weights.map((w) => Math.floor((n * w) / sum));
  out[0] += n - out.reduce((s, x) => s + x, 0);
  return out;
}

/** `k` distinct codes of `from`, in random order (Fisher–Yates). */
function pick(random: () => number, from: readonly string[], k: number): string[] {
  const codes = [...from];
  for (let i = codes.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [codes[i], codes[j]] = [codes[j], codes[i]];
  }
  return codes.slice(0, k);
}

/** `k` distinct codes of `from`, each with a count; counts sum to `n` (+ `extra` for multi-valued breakdowns); zeros left out, ascending. */
function categories(random: () => number, from: readonly string[], n: number, extra = 0): CategoryCount[] {
  if (n === 0) return [];
  const k = 2 + Math.floor(random() * 4);
  const codes = pick(random, from, k);
  const counts = split(random, n + extra, k);
  return codes
    .map((category, i) => ({ category, count: counts[i] }))
    .filter((c) => c.count > 0)
    .sort((a, b) => (a.category < b.category ? -1 : 1));
}

/** A task force's own quarter: `maxVictims` at most, the breakdowns consistent with the total. */
function ownFigures(random: () => number, maxVictims: number): ReportFigures {
  const total = Math.floor(random() ** 2 * (maxVictims + 1));
  const female = Math.round(total * (0.5 + random() * 0.35));
  const child = Math.round(total * (0.1 + random() * 0.3));
  const foreign = Math.min(total, random() < 0.15 ? 1 + Math.floor(random() * 2) : 0);
  const unknown = Math.min(total - foreign, random() < 0.1 ? 1 : 0);
  const international = Math.round(total * (0.3 + random() * 0.4));
  const shelter = Math.round(total * (0.3 + random() * 0.5));
  const crimes = Math.floor(random() * (total / 2 + 1));
  const toProsecutor = Math.floor(random() * (crimes + 1));
  const verdicts = Math.floor(random() * (toProsecutor + 1));
  const others = total === 0 ? [] : pick(random, SERVICES, Math.floor(random() * 3));
  return {
    personsScreened: total + Math.floor(random() * 20),
    victims: {
      total,
      bySex: { female, male: total - female },
      byAgeGroup: { child, adult: total - child },
      byNationality: { indonesian: total - foreign - unknown, foreign, stateless_or_unknown: unknown },
      byScope: { internal: total - international, international },
      byExploitationType: categories(random, EXPLOITATION_TYPES, total, Math.floor(random() * 3)),
      bySector: categories(random, SECTORS, total, Math.floor(random() * 2)),
      byReferralSource: categories(random, REFERRAL_SOURCES, total),
    },
    assistance: [
      ...(shelter > 0 ? [{ service: 'shelter', personsAssisted: shelter }] : []),
      ...others.map((service) => ({ service, personsAssisted: 1 + Math.floor(random() * total) })),
    ].sort((a, b) => (a.service < b.service ? -1 : 1)),
    prosecution: { crimesRegistered: crimes, casesToProsecutor: toProsecutor, verdicts, convictions: Math.floor(random() * (verdicts + 1)) },
  };
}

interface ReportRow {
  id: string;
  cycle_id: string;
  jurisdiction_code: string;
  level: 'regency' | 'province' | 'national';
  version: number;
  status: 'open' | 'submitted' | 'returned' | 'accepted' | 'superseded';
  due_date: string;
  computed: ReportFigures;
  figures: ReportFigures | null;
  counted: { reportId: string; jurisdictionCode: string; version: number }[];
  first_submitted_at: string | null;
  submitted_at: string | null;
  reviewed_at: string | null;
  accepted_at: string | null;
  correction_reason: string | null;
  corrects: string | null;
  created_at: string;
}

const day = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
/** A time on a Jakarta working day, `days` after `date`. */
const at = (date: string, days: number, hour = 10) => `${day(date, days)}T${String(hour).padStart(2, '0')}:00:00+07:00`;

/** Twenty quarterly cycles and every task force's reports for each, in batched inserts. */
async function generateReports(url: string): Promise<void> {
  const random = generator(12);
  await withClient(url, async (c) => {
    const jurisdictions = (await c.query(`SELECT code, level FROM jurisdictions WHERE level IN ('province', 'regency') ORDER BY code`)).rows as { code: string; level: string }[];
    const provinces = jurisdictions.filter((j) => j.level === 'province').map((j) => j.code);
    const regenciesOf = new Map(provinces.map((p) => [p, jurisdictions.filter((j) => j.level === 'regency' && j.code.startsWith(`${p}.`)).map((j) => j.code)]));
    const rows: ReportRow[] = [];
    for (const period of PERIODS) {
      const { from, until } = periodDays(period);
      const cycleId = randomUUID();
      await c.query(
        `INSERT INTO report_cycles (id, period, period_from, period_until, workflow_id, status, opened_at, closed_at) VALUES ($1, $2, $3, $4, $5, 'closed', $6, $7)`,
        [cycleId, period, from, until, `report-cycle-${period}`, at(until, 0, 1), at(until, 75, 17)],
      );
      const accepted = (r: Omit<ReportRow, 'id' | 'cycle_id' | 'status' | 'first_submitted_at' | 'submitted_at' | 'reviewed_at' | 'accepted_at' | 'created_at' | 'correction_reason' | 'corrects' | 'version'>, openDay: number, version = 1): ReportRow => ({
        ...r,
        id: randomUUID(),
        cycle_id: cycleId,
        version,
        status: 'accepted',
        created_at: at(until, openDay, 1),
        first_submitted_at: at(until, openDay + 5 + Math.floor(random() * 12)),
        submitted_at: at(until, openDay + 8 + Math.floor(random() * 10), 14),
        reviewed_at: at(until, openDay + 19, 11),
        accepted_at: at(until, openDay + 19, 11),
        correction_reason: null,
        corrects: null,
      });
      const provinceFigures: ReportFigures[] = [];
      const provinceCounted: ReportRow['counted'] = [];
      for (const province of provinces) {
        const regencyRows: ReportRow[] = [];
        for (const code of regenciesOf.get(province) ?? []) {
          const figures = ownFigures(random, 40);
          const base = { jurisdiction_code: code, level: 'regency' as const, due_date: day(until, 14), computed: figures, figures, counted: [] };
          if (random() < REGENCY_CORRECTED) {
            const first = { ...accepted({ ...base, figures: ownFigures(random, 40) }, 0), status: 'superseded' as const };
            rows.push(first);
            regencyRows.push({ ...accepted(base, 30, 2), correction_reason: 'Koreksi data setelah verifikasi ulang / corrected after re-verification', corrects: first.id });
          } else regencyRows.push(accepted(base, 0));
        }
        rows.push(...regencyRows);
        const counted = regencyRows.map((r) => ({ reportId: r.id, jurisdictionCode: r.jurisdiction_code, version: r.version }));
        const figures = sumFigures([...regencyRows.map((r) => r.figures as ReportFigures), ownFigures(random, 8)]);
        const report = accepted({ jurisdiction_code: province, level: 'province', due_date: day(until, 35), computed: figures, figures, counted }, 21);
        provinceFigures.push(figures);
        const pending = random() < PROVINCE_PENDING;
        if (pending) {
          // Not accepted yet: under review, returned for revision, or still being compiled.
          const status = (['submitted', 'returned', 'open'] as const)[Math.floor(random() * 3)];
          rows.push({ ...report, status, figures: status === 'open' ? null : figures, first_submitted_at: status === 'open' ? null : report.first_submitted_at, submitted_at: status === 'open' ? null : report.submitted_at, reviewed_at: status === 'returned' ? report.reviewed_at : null, accepted_at: null });
        } else {
          rows.push(report);
          provinceCounted.push({ reportId: report.id, jurisdictionCode: province, version: 1 });
        }
      }
      const national = sumFigures([...provinceFigures, ownFigures(random, 4)]);
      rows.push(accepted({ jurisdiction_code: '00', level: 'national', due_date: day(until, 56), computed: national, figures: national, counted: provinceCounted }, 42));
    }
    for (let i = 0; i < rows.length; i += 1000) {
      await c.query(
        `INSERT INTO periodic_reports (id, cycle_id, jurisdiction_code, level, version, status, round, due_date, computed, figures, counted, first_submitted_at, submitted_at, reviewed_at, accepted_at, correction_reason, corrects, created_at)
         SELECT id, cycle_id, jurisdiction_code, level, version, status, 1, due_date, computed, figures, counted, first_submitted_at, submitted_at, reviewed_at, accepted_at, correction_reason, corrects, created_at
           FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, cycle_id uuid, jurisdiction_code text, level text, version int, status text, due_date date, computed jsonb, figures jsonb, counted jsonb,
                first_submitted_at timestamptz, submitted_at timestamptz, reviewed_at timestamptz, accepted_at timestamptz, correction_reason text, corrects uuid, created_at timestamptz)
          ORDER BY version`,
        [JSON.stringify(rows.slice(i, i + 1000))],
      );
    }
    await c.query('ANALYZE report_cycles');
    await c.query('ANALYZE periodic_reports');
  });
}

/** Per quarter, by SQL: the provinces' accepted reports plus, for a province without one, its regencies' accepted reports. */
const EXPECTED_SQL = `
  WITH acc AS (
    SELECT c.period, r.jurisdiction_code AS code, r.level, r.figures
      FROM periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id
     WHERE r.status = 'accepted' AND c.period BETWEEN $1 AND $2)
  SELECT a.period,
         sum((a.figures -> 'victims' ->> 'total')::int)::int AS total,
         sum((a.figures ->> 'personsScreened')::int)::int AS screened,
         sum((a.figures -> 'victims' -> 'bySex' ->> 'female')::int)::int AS female,
         sum((a.figures -> 'prosecution' ->> 'convictions')::int)::int AS convictions,
         coalesce(sum((SELECT sum((e ->> 'count')::int) FROM jsonb_array_elements(a.figures -> 'victims' -> 'byExploitationType') e WHERE e ->> 'category' = 'forced_labour')), 0)::int AS forced_labour,
         count(DISTINCT a.code) FILTER (WHERE a.level = 'province')::int AS from_province,
         count(DISTINCT left(a.code, 2)) FILTER (WHERE a.level = 'regency')::int AS from_regencies
    FROM acc a
   WHERE a.level = 'province'
      OR (a.level = 'regency' AND NOT EXISTS (SELECT 1 FROM acc p WHERE p.level = 'province' AND p.period = a.period AND p.code = left(a.code, 2)))
   GROUP BY a.period ORDER BY a.period`;

interface Expected {
  period: string;
  total: number;
  screened: number;
  female: number;
  convictions: number;
  forced_labour: number;
  from_province: number;
  from_regencies: number;
}

/** The roll-up against SQL, once: throws on the first difference. */
function check(rows: readonly AcceptedReport[], expected: readonly Expected[]): string {
  const r = rollUp(rows);
  if (r.periods.join() !== PERIODS.join()) throw new Error(`roll-up periods ${r.periods.join()} ≠ ${PERIODS.join()}`);
  const problems: string[] = [];
  for (const e of expected) {
    const n = r.national[e.period];
    const sources = Object.values(r.provinces).map((p) => p[e.period]?.source);
    const got = {
      total: n.victims.total,
      screened: n.personsScreened,
      female: n.victims.bySex.female,
      convictions: n.prosecution.convictions,
      forced_labour: n.victims.byExploitationType.find((x) => x.category === 'forced_labour')?.count ?? 0,
      from_province: sources.filter((s) => s === 'province').length,
      from_regencies: sources.filter((s) => s === 'regencies').length,
    };
    for (const [k, v] of Object.entries(got)) if (v !== e[k as keyof Expected]) problems.push(`${e.period} ${k}: roll-up ${v}, SQL ${e[k as keyof Expected]}`);
  }
  if (expected.length !== PERIODS.length) problems.push(`SQL gave ${expected.length} quarters`);
  if (problems.length) throw new Error(`SALAH / WRONG: the roll-up differs from SQL:\n  ${problems.slice(0, 20).join('\n  ')}`);
  const pending = expected.reduce((s, e) => s + e.from_regencies, 0);
  return `OK — the national figures of all ${expected.length} quarters (victims, persons screened, female, convictions, forced labour) equal SQL's sum of the provinces' accepted reports plus, for the ${pending} province-quarters without one, their regencies' (${expected.reduce((s, e) => s + e.from_province, 0)} from province reports)`;
}

interface Measured {
  label: string;
  run: () => Promise<unknown>;
  samples: number[];
}

runBenchmark(async (cleanup) => {
  const loadAtStart = loadAverage();
  const db = await startBenchDatabase(
    {
      template: 'gugus_bench_reports_template',
      run: 'gugus_bench_reports_run',
      shape: { periods: PERIODS, pending: PROVINCE_PENDING, corrected: REGENCY_CORRECTED, generator: 1 },
      build: async (url, step) => step(`${PERIODS.length} quarters × every task force's report`, () => generateReports(url)),
    },
    cleanup,
    { fresh: FRESH },
  );
  const shape = await withClient(db.url, async (c) => {
    const { rows } = await c.query(
      `SELECT count(*)::int AS rows, count(*) FILTER (WHERE status = 'accepted')::int AS accepted, count(*) FILTER (WHERE status = 'superseded')::int AS superseded,
              count(*) FILTER (WHERE status IN ('open', 'submitted', 'returned'))::int AS pending, count(DISTINCT (cycle_id, jurisdiction_code))::int AS reports,
              count(DISTINCT jurisdiction_code)::int AS task_forces, count(DISTINCT cycle_id)::int AS quarters,
              pg_size_pretty(pg_total_relation_size('periodic_reports')) AS size
         FROM periodic_reports`,
    );
    return rows[0] as { rows: number; accepted: number; superseded: number; pending: number; reports: number; task_forces: number; quarters: number; size: string };
  });

  const dataSource = new DataSource(createDataSourceOptions(db.appUrl, 4));
  await dataSource.initialize();
  cleanup.add('TypeORM DataSource', () => dataSource.destroy());
  const reports = new PeriodicReportsRepository(dataSource);

  // Correctness, once, before timing.
  const rows = await reports.acceptedReports(FIRST, LAST, null);
  const expected = (await dataSource.query(EXPECTED_SQL, [FIRST, LAST])) as Expected[];
  const verdict = check(rows, expected);
  progress(`roll-up checked against SQL: ${rows.length} accepted reports`);

  const measured: Measured[] = [
    {
      label: 'baseline: SQL aggregate, national victims per quarter',
      run: () =>
        dataSource.query(
          `SELECT c.period, sum((r.figures -> 'victims' ->> 'total')::int) AS total
             FROM periodic_reports r JOIN report_cycles c ON c.id = r.cycle_id
            WHERE r.status = 'accepted' AND r.level = 'province' GROUP BY c.period`,
        ),
      samples: [],
    },
    { label: `1. acceptedReports('${FIRST}', '${LAST}', null) alone`, run: () => reports.acceptedReports(FIRST, LAST, null), samples: [] },
    { label: '2. roll-up: acceptedReports + rollUp (the dashboard)', run: async () => rollUp(await reports.acceptedReports(FIRST, LAST, null)), samples: [] },
    { label: '3. rollUp alone, rows in memory', run: async () => rollUp(rows), samples: [] },
  ];
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    for (const m of measured) {
      const start = nowMs();
      await m.run();
      if (i >= WARM_UP) m.samples.push(nowMs() - start);
    }
  }
  progress(`${RUNS} runs each after ${WARM_UP} warm-up`);

  const cpu = cpus();
  const baseline = stats(measured[0].samples);
  const rollup = stats(measured[2].samples);
  const fetched = JSON.stringify(rows).length;
  const out: string[] = [];
  out.push('Rekap nasional laporan berkala / national roll-up of the periodic reports (issue 12, acceptance 4)');
  out.push(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, PostgreSQL ${db.postgresVersion} (embedded, default settings)`);
  out.push(`load average (1/5/15 min): ${loadAtStart} at start, ${loadAverage()} at end — other work on this machine adds noise; read the ratios`);
  out.push(
    `data: ${shape.task_forces} task forces × ${shape.quarters} quarters (${FIRST} … ${LAST}) = ${shape.reports} reports; ${shape.rows} rows (${shape.accepted} accepted, ${shape.pending} province reports not accepted yet, ${shape.superseded} superseded by a correction), periodic_reports ${shape.size}; template database: ${db.origin}`,
  );
  out.push(`read: ${rows.length} accepted reports, ${(fetched / 2 ** 20).toFixed(1)} MiB of figures as JSON; TypeORM DataSource (pool of 4) as the app role`);
  out.push(`check: ${verdict}`);
  out.push('');
  out.push(`${RUNS} runs each after ${WARM_UP} warm-up, interleaved, one at a time; ms`);
  out.push(head('', `${'× baseline'.padStart(10)}  ${'of 1 s'.padStart(10)}   (both p50)`));
  for (const m of measured) {
    const s = stats(m.samples);
    out.push(row(m.label, s, [ratio(s.p50, baseline.p50), `${((100 * s.p50) / BUDGET_MS).toFixed(1)}%`]));
  }
  out.push('');
  const met = rollup.p50 <= BUDGET_MS;
  out.push(
    `${met ? 'TERPENUHI / MET' : 'TIDAK TERPENUHI / NOT MET'}: rekap nasional 553 gugus tugas × 20 triwulan di bawah 1 detik / national roll-up under 1 s — p50 ${ms(rollup.p50)} ms (${ratio(rollup.p50, baseline.p50)} × the SQL aggregate), p95 ${ms(rollup.p95)} ms`,
  );
  if (!met) {
    process.stdout.write(`${out.join('\n')}\n`);
    throw new Error(`the roll-up's p50 (${ms(rollup.p50)} ms) is over the ${BUDGET_MS} ms budget`);
  }
  return out;
});
