/*
 * Issue 5's benchmark, in one command: npx nx run bench:tasks-inbox
 *
 * 1. Inbox query latency through the real TasksRepository.inbox with 1,000,000 tasks across every
 *    province and regency/city, for an agency officer, a provincial coordinator and national oversight
 *    (all open, overdue; issue 13: p95 ≤ 20 ms), against a trivial primary-key lookup on the same table
 *    (figures read as ratios) and the inbox's queries before issue 13, with each query's plan.
 * 2. "Complete a task through the API → the next task is visible in the inbox", with the built API and
 *    worker on that database, against a bare Temporal Update round trip on the same Temporal server.
 *
 * It starts its own PostgreSQL (cluster kept in tmp/bench-pg; the generated data is reused while it is
 * current) and its own Temporal dev server, and stops everything it started, also on error or Ctrl-C.
 * Environment: BENCH_TASKS (1000000), BENCH_RUNS (200), BENCH_ROUND_TRIPS (40; 0 skips part 2), BENCH_FRESH=1 to rebuild.
 */
import { cpus, totalmem } from 'node:os';
import { startBenchDatabase, summariseDataset } from './tasks-inbox/dataset';
import { INBOX_COUNT_CAP } from '@gugus/server-tasks';
import { measureInbox, type InboxCase } from './tasks-inbox/inbox-latency';
import { BARE_PER_ITERATION, measureRoundTrip } from './tasks-inbox/round-trip';
import { envNumber, loadAverage, ms, runBenchmark, stats, temporalCliVersion, type Stats } from './support/process';

const TASKS = envNumber('BENCH_TASKS', 1_000_000);
const RUNS = envNumber('BENCH_RUNS', 200);
// 0 skips part 2 (envNumber takes positive numbers only).
const ROUND_TRIPS = process.env['BENCH_ROUND_TRIPS'] === '0' ? 0 : envNumber('BENCH_ROUND_TRIPS', 40);
const FRESH = process.env['BENCH_FRESH'] === '1';

const fmt = (n: number) => n.toLocaleString('en');

function statsRow(label: string, s: Stats, extra: string[] = [], width = 48): string {
  return `${label.padEnd(width)} ${String(s.n).padStart(5)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.max).padStart(8)}${extra.map((e) => ` ${e}`).join('')}`;
}

runBenchmark(async (cleanup) => {
  const out: string[] = [];
  const loadAtStart = loadAverage();
  const db = await startBenchDatabase(TASKS, cleanup, { fresh: FRESH });
  const dataset = await summariseDataset(db.url);
  const inbox = await measureInbox(db.url, { runs: RUNS, warmUp: 20 });

  const cpu = cpus();
  out.push('Gugus benchmark: task inbox and task round trip (issue 5)');
  out.push(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, PostgreSQL ${db.postgresVersion} (embedded, default settings), Temporal CLI ${temporalCliVersion()} dev server (in-memory)`);
  out.push(`load average (1/5/15 min): ${loadAtStart} at start, ${loadAverage()} at end — other work on this machine adds noise`);
  out.push(
    `data: ${fmt(dataset.tasks)} tasks (${fmt(dataset.open)} open, ${fmt(dataset.overdue)} of them overdue) in ${dataset.jurisdictions} jurisdictions, ` +
      `${fmt(dataset.agencies)} agencies, ${fmt(dataset.positions)} positions; table ${dataset.tableSize} + indexes ${dataset.indexSize}; ${db.origin}`,
  );
  out.push('');
  out.push(`1. Inbox: TasksRepository.inbox (the page with its rows, and the capped counts, in parallel), status open, sort due, limit 25`);
  out.push(`   ${RUNS} runs each after ${inbox.warmUp} warm-up (fewer for the deep pages and the "before" columns), one at a time, pool of 4 connections; ms`);
  out.push(`   counts stop at ${INBOX_COUNT_CAP.toLocaleString('en')} ("+" = more than that). "before": the same view through the inbox's queries before issue 13`);
  out.push(`   (exact total and counts, open-first order) on the same database — the new partial indexes present, so the old queries may use them too.`);
  const head = (label: string, width = 48) => `${label.padEnd(width)} ${'n'.padStart(5)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}`;
  out.push(`${head('case')} ${'page / total'.padStart(16)}  ×base p50  ×base p95  before p50  before p95`);
  const base = inbox.baseline.stats;
  const row = (c: InboxCase) =>
    statsRow(c.label, c.stats, [
      c.shape.padStart(16),
      ` ${(c.stats.p50 / base.p50).toFixed(1).padStart(8)}`,
      (c.stats.p95 / base.p95).toFixed(1).padStart(10),
      (c.before ? ms(c.before.p50) : '').padStart(11),
      (c.before ? ms(c.before.p95) : '').padStart(11),
    ]);
  out.push(row(inbox.baseline));
  for (const c of inbox.cases) out.push(row(c));
  const goal = inbox.cases.filter((c) => c.goal);
  const worst = Math.max(...goal.map((c) => c.stats.p95));
  out.push(`   issue 13 goal: national and provincial open / overdue views p95 ≤ 20 ms — worst p95 here ${ms(worst)} ms: ${worst <= 20 ? 'met' : 'NOT met'}`);
  out.push('');
  out.push('   EXPLAIN (ANALYZE, BUFFERS) of each statement, run once: root node ← scans | rows | buffers | execution time');
  for (const c of [inbox.baseline, ...inbox.cases]) {
    out.push(`   ${c.label}`);
    for (const p of c.plans) out.push(`     ${p}`);
  }
  out.push('');
  if (ROUND_TRIPS <= 0) {
    out.push('2. Round trip: skipped (BENCH_ROUND_TRIPS=0)');
    return out;
  }
  let roundTrip: Awaited<ReturnType<typeof measureRoundTrip>>;
  try {
    roundTrip = await measureRoundTrip(db.appUrl, cleanup, { iterations: ROUND_TRIPS, warmUp: 3, pollMs: 5 });
  } catch (err) {
    // Section 1 stands on its own: print it before the failure is reported.
    process.stdout.write(`${out.join('\n')}\n2. Round trip: failed (below)\n`);
    throw err;
  }
  const bare = stats(roundTrip.bareUpdate);
  const ack = stats(roundTrip.ack);
  const visible = stats(roundTrip.visible);
  out.push(`2. Round trip through the API vs a bare Temporal Update on the same dev server; ${roundTrip.iterations} iterations after ${roundTrip.warmUp} warm-up; ms`);
  out.push(`   each: a West Java plenary ~3 h ahead; the secretariat completes the agenda (POST /tasks/:id/decision); its invitations open ${roundTrip.fanOut} RSVP tasks;`);
  out.push(`   Dinas Sosial's inbox (GET /tasks?processId=…) is polled every ${roundTrip.pollMs} ms until its RSVP task is there. Baseline: an Update whose handler`);
  out.push(`   returns at once (no validator, no activity), ${BARE_PER_ITERATION} per iteration next to the API step, ${roundTrip.iterations * BARE_PER_ITERATION} in all.`);
  out.push(`${head('')}   × bare p50   × bare p95`);
  out.push(statsRow('bare Temporal Update round trip (executeUpdate)', bare));
  out.push(statsRow('API: POST decision → 200', ack, [`${(ack.p50 / bare.p50).toFixed(1).padStart(10)}`, `${(ack.p95 / bare.p95).toFixed(1).padStart(11)}`]));
  out.push(statsRow('API: POST decision → next task in the inbox', visible, [`${(visible.p50 / bare.p50).toFixed(1).padStart(10)}`, `${(visible.p95 / bare.p95).toFixed(1).padStart(11)}`]));
  out.push(statsRow('(context) one GET /tasks?processId=… while polling', stats(roundTrip.inboxGets)));
  out.push('   where the time goes — median ms after the POST was sent (workflow history events and the client, same clock):');
  for (const point of roundTrip.timeline) out.push(`     ${ms(point.ms).padStart(7)}  ${point.label}`);
  return out;
});
