/*
 * Issue 10's benchmark, acceptance 7, in one command: npx nx run bench:plan-api
 *
 * A West Java plan of 6 sections × 80 activities (3 budget lines each, generated the same way every run)
 * driven through the built API and worker on PostgreSQL and a Temporal dev server of its own: drafted,
 * member comments closed, then legal review rounds, each returned with comments and all six sections
 * revised (~10% of the activities differ from the round before). Measured, each with a baseline timed in
 * the same process and read as a ratio:
 *   1. compile: the last section decision of a round → the version committed and returned by
 *      GET /plans/:id; and the compileVersion activity's own time in the worker (from the workflow history);
 *   2. the diff between two rounds: GET /plans/:id/diff?from=&to=;
 *   3. the plan: GET /plans/:id (480 activities, budget, comments), and in Chromium the plan page
 *      (/rad/:id) and the review page with the diff (/rad/:id/telaah) from navigation to all six sections'
 *      activity tables rendered.
 * API figures are measured twice: after round 3 (a plan as reviewed in practice) and after the last round.
 * Baselines: GET /health (one SELECT 1 and a Temporal call, unauthenticated), JSON.stringify + JSON.parse
 * of one version's content, a static blank page.
 *
 * Environment: BENCH_ROUNDS (10 legal rounds), BENCH_RUNS (30 API calls each), BENCH_PAGE_RUNS (10),
 * BENCH_FRESH=1 to rebuild the template database.
 */
import { cpus, totalmem } from 'node:os';
import { Client, Connection } from '@temporalio/client';
import type { PlanDiffView, PlanView } from '@gugus/contracts';
import { startBenchDatabase } from './support/database';
import { envNumber, loadAverage, ms, nowMs, progress, repoRoot, runBenchmark, stats, temporalCliVersion, type Stats } from './support/process';
import { startProcessEngine } from './support/services';
import { ACTIVITIES_PER_SECTION, PlanDriver, ROW_POLL_MS, SECTIONS, type CompileSample } from './plan-api/drive';
import { CHROMIUM_FLAGS, startPages, type PageSample } from './plan-api/pages';
import { compileTimeline } from './plan-api/history';

const ROUNDS = envNumber('BENCH_ROUNDS', 10);
const RUNS = envNumber('BENCH_RUNS', 30);
const PAGE_RUNS = envNumber('BENCH_PAGE_RUNS', 10);
const EARLY_ROUND = Math.min(3, ROUNDS);
const WARM_UP = 3;
const FRESH = process.env['BENCH_FRESH'] === '1';
const ACTIVITIES = SECTIONS * ACTIVITIES_PER_SECTION;

const ratio = (a: number, b: number) => (a / b).toFixed(1);
const head = (label: string, extra: string) => `${label.padEnd(56)} ${'n'.padStart(4)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  ${extra}`;
const row = (label: string, s: Stats, extra: string[] = []) => `${label.padEnd(56)} ${String(s.n).padStart(4)} ${ms(s.p50).padStart(8)} ${ms(s.p95).padStart(8)} ${ms(s.max).padStart(8)}${extra.map((e) => `  ${e.padStart(9)}`).join('')}`;

interface ApiFigures {
  round: number;
  versions: number;
  comments: number;
  rows: { label: string; samples: number[]; bytes: number }[];
}

/** The API calls and the in-process baseline, interleaved, `RUNS` each after `WARM_UP`. */
async function measureApi(driver: PlanDriver, apiUrl: string, round: number): Promise<ApiFigures> {
  const api = driver.secretariatApi;
  const plan = await driver.plan();
  const to = plan.current?.seq as number;
  const from = to - 1;
  const content = plan.current?.content;
  const cases: { label: string; run: () => Promise<number> }[] = [
    {
      label: 'baseline: GET /health',
      run: async () => (await (await fetch(`${apiUrl}/health`)).text()).length,
    },
    {
      label: 'baseline: JSON.stringify + parse, one version content',
      run: async () => JSON.stringify(JSON.parse(JSON.stringify(content))).length,
    },
    {
      label: `GET /plans/:id (${plan.versions.length} versions, ${plan.comments.length} comments)`,
      run: async () => {
        const res = await api('GET', `/plans/${driver.planId}`);
        if (res.status !== 200 || (res.body as PlanView).current?.activityCount !== ACTIVITIES) throw new Error(`GET /plans/:id → ${res.status}`);
        return JSON.stringify(res.body).length;
      },
    },
    {
      label: `GET /plans/:id/diff?from=${from}&to=${to}`,
      run: async () => {
        const res = await api('GET', `/plans/${driver.planId}/diff?from=${from}&to=${to}`);
        if (res.status !== 200) throw new Error(`GET /plans/:id/diff → ${res.status}`);
        return JSON.stringify(res.body).length;
      },
    },
    {
      label: `(context) GET /plans/:id/versions/${to}`,
      run: async () => {
        const res = await api('GET', `/plans/${driver.planId}/versions/${to}`);
        if (res.status !== 200) throw new Error(`GET /plans/:id/versions/:seq → ${res.status}`);
        return JSON.stringify(res.body).length;
      },
    },
  ];
  const rows = cases.map((c) => ({ label: c.label, samples: [] as number[], bytes: 0 }));
  for (let i = 0; i < WARM_UP + RUNS; i++) {
    for (const [k, c] of cases.entries()) {
      const start = nowMs();
      const bytes = await c.run();
      const took = nowMs() - start;
      const r = rows[k] as (typeof rows)[number];
      r.bytes = bytes;
      if (i >= WARM_UP) r.samples.push(took);
    }
  }
  progress(`API figures after round ${round}: ${RUNS} runs each`);
  return { round, versions: plan.versions.length, comments: plan.comments.length, rows };
}

/** The diff the API returns between the last two versions, to say what "~10%" was. */
async function diffShape(driver: PlanDriver, from: number, to: number): Promise<string> {
  const res = await driver.secretariatApi('GET', `/plans/${driver.planId}/diff?from=${from}&to=${to}`);
  const d = (res.body as PlanDiffView).diff;
  return `${d.activitiesChanged.length} changed, ${d.activitiesAdded.length} added, ${d.activitiesRemoved.length} removed of ${ACTIVITIES}; ${(res.body as PlanDiffView).addressed.length} comments addressed, ${(res.body as PlanDiffView).unaddressed.length} not`;
}

runBenchmark(async (cleanup) => {
  const out: string[] = [];
  const loadAtStart = loadAverage();
  const db = await startBenchDatabase(
    {
      template: 'gugus_bench_plan_template',
      run: 'gugus_bench_plan_run',
      // The national poa-section form (library 1.1.0) holds up to 100 activities a section.
      shape: { plan: 2 },
    },
    cleanup,
    { fresh: FRESH },
  );
  const engine = await startProcessEngine(db.appUrl, cleanup);
  const driver = await PlanDriver.start(engine.apiUrl, db.url);
  cleanup.add('driver pool', () => driver.close());

  // The plan, drafted and taken through the rounds; the API measured after round 3 and the last.
  await driver.create();
  progress(`plan ${driver.planId} started`);
  const compiles: CompileSample[] = [await driver.draftAll()];
  progress(`version 1 compiled (${ms(compiles[0]?.visible ?? 0)} ms)`);
  await driver.closeComments();
  const apiFigures: ApiFigures[] = [];
  for (let round = 1; round <= ROUNDS; round++) {
    compiles.push(await driver.legalRound(round));
    progress(`round ${round}: version ${round + 1} compiled (${ms(compiles.at(-1)?.visible ?? 0)} ms)`);
    if (round === EARLY_ROUND || round === ROUNDS) {
      await driver.reviewOpen();
      apiFigures.push(await measureApi(driver, engine.apiUrl, round));
    }
  }
  const shape = await diffShape(driver, ROUNDS, ROUNDS + 1);
  const plan = await driver.plan();
  const contentKiB = JSON.stringify(plan.current?.content).length / 1024;

  // Where the compile's time goes, from the workflow history.
  const connection = await Connection.connect({ address: engine.temporal.address });
  cleanup.add('Temporal client connection', () => connection.close());
  const timeline = await compileTimeline(new Client({ connection }), `plan-${driver.planId}`, compiles);

  // The pages, in Chromium, as the legal reviewer.
  const pages = await startPages(engine.apiUrl, 'hukum.jabar@gugus.test', { sections: SECTIONS, activities: ACTIVITIES }, cleanup);
  const planUrl = `${pages.webUrl}/rad/${driver.planId}`;
  const reviewUrl = `${pages.webUrl}/rad/${driver.planId}/telaah?dari=${ROUNDS}&ke=${ROUNDS + 1}`;
  const pageCases = [
    { label: 'baseline: static blank page', url: pages.blankUrl },
    { label: `plan page /rad/:id`, url: planUrl, api: `/api/plans/${driver.planId}` },
    { label: `review page /rad/:id/telaah?dari=${ROUNDS}&ke=${ROUNDS + 1}`, url: reviewUrl, api: `/api/plans/${driver.planId}/diff` },
  ];
  const pageSamples = await pages.measure(pageCases, PAGE_RUNS, 2);
  const shots = [
    await pages.screenshot(planUrl, 'plan'),
    await pages.screenshot(planUrl, 'plan-activities', '[data-testid="plan-activity"]'),
    await pages.screenshot(reviewUrl, 'review'),
    await pages.screenshot(reviewUrl, 'review-changed', '[data-testid="plan-activity"][data-state="changed"]'),
  ];

  const cpu = cpus();
  out.push('Gugus benchmark: a plan of action of 6 sections × 80 activities through the API, the worker and the browser (issue 10)');
  out.push(`machine: ${cpu.length} × ${cpu[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, PostgreSQL ${db.postgresVersion} (embedded, default settings), Temporal CLI ${temporalCliVersion()} dev server, Chromium ${pages.chromiumVersion} (${CHROMIUM_FLAGS.join(' ')})`);
  out.push(`load average (1/5/15 min): ${loadAtStart} at start, ${loadAverage()} at end — other work on this machine adds noise; read the ratios`);
  out.push(`plan: West Java 2027–2031, ${SECTIONS} sections × ${ACTIVITIES_PER_SECTION} activities × 3 budget lines, ${contentKiB.toFixed(0)} KiB of JSON per version; ${ROUNDS} legal rounds returned`);
  out.push(`      (1 comment on the whole plan + 3 on activities each), all six sections revised each round; round ${ROUNDS} → ${ROUNDS + 1}: ${shape}`);
  out.push(`      template database: ${db.origin}; API and worker built (dist/), NODE_ENV=production, app role`);
  out.push('');

  const first = compiles[0] as CompileSample;
  const rounds = compiles.slice(1);
  const health = (f: ApiFigures) => stats(f.rows[0]?.samples ?? []);
  const last = apiFigures.at(-1) as ApiFigures;
  const lastHealth = health(last);
  const json = stats(last.rows[1]?.samples ?? []);
  out.push(`1. Compile: the last of the six section decisions of a round (POST /tasks/:id/decision) → the version; ms after the POST was sent.`);
  out.push(`   Version 1 (no previous version) once; versions 2–${ROUNDS + 1} (each from the round before) ${rounds.length} times. PostgreSQL is polled every ${ROW_POLL_MS} ms`);
  out.push(`   for the version's row, then one GET /plans/:id fetched. Ratios against the last block's GET /health and JSON baselines.`);
  out.push(head('', '× health   × JSON (p50)'));
  const compileRow = (label: string, xs: number[]) => row(label, stats(xs), [ratio(stats(xs).p50, lastHealth.p50), ratio(stats(xs).p50, json.p50)]);
  out.push(compileRow('v1: POST → 200 (Update done)', [first.ack]));
  out.push(compileRow('v1: POST → version row committed', [first.committed]));
  out.push(compileRow('v1: POST → returned by GET /plans/:id', [first.visible]));
  out.push(compileRow('rounds: POST → 200 (Update done)', rounds.map((c) => c.ack)));
  out.push(compileRow('rounds: POST → version row committed', rounds.map((c) => c.committed)));
  out.push(compileRow('rounds: POST → returned by GET /plans/:id', rounds.map((c) => c.visible)));
  out.push(compileRow('rounds: compileVersion activity, started → completed', timeline.activity.filter((x) => x.round > 0).map((x) => x.ran)));
  out.push(compileRow('v1: compileVersion activity, started → completed', timeline.activity.filter((x) => x.round === 0).map((x) => x.ran)));
  out.push('   where a round\'s time goes — median ms after the POST (workflow history events and the client, same clock):');
  for (const point of timeline.points) out.push(`     ${ms(point.ms).padStart(7)}  ${point.label}`);
  out.push('');

  for (const f of apiFigures) {
    const h = health(f);
    const j = stats(f.rows[1]?.samples ?? []);
    out.push(`${f === apiFigures[0] ? '2–3.' : '    '} API after round ${f.round} (${f.versions} versions, ${f.comments} comments); ${RUNS} calls each after ${WARM_UP} warm-up, interleaved, one at a time; ms`);
    out.push(head('', '× health   × JSON (p50)    KiB'));
    for (const r of f.rows) {
      const s = stats(r.samples);
      out.push(row(r.label, s, [ratio(s.p50, h.p50), ratio(s.p50, j.p50), (r.bytes / 1024).toFixed(0)]));
    }
    out.push('');
  }

  out.push(`3. Pages in Chromium as the legal reviewer (logged in once; each visit a full navigation: app start, session refresh, API calls,`);
  out.push(`   render); ${PAGE_RUNS} visits each after 2 warm-up, interleaved; ms from navigation start (the page's performance.now()).`);
  out.push(`   "rendered": all ${SECTIONS} sections and ${ACTIVITIES} activity rows in the DOM (a MutationObserver); "frame": the next frame done.`);
  const blank = pageSamples.get(pageCases[0]?.label ?? '') as PageSample[];
  const blankFrame = stats(blank.map((s) => s.frame));
  out.push(head('', '× blank (p50)'));
  for (const c of pageCases) {
    const samples = pageSamples.get(c.label) as PageSample[];
    const f = stats(samples.map((s) => s.frame));
    out.push(row(`${c.label}: frame`, f, [ratio(f.p50, blankFrame.p50)]));
    if (c === pageCases[0]) continue;
    out.push(row('   rendered (DOM complete)', stats(samples.map((s) => s.rendered))));
    out.push(row('   DOMContentLoaded (app script run)', stats(samples.map((s) => s.domContentLoaded))));
    const api = samples.filter((s) => s.apiStart !== null && s.apiEnd !== null);
    if (api.length) {
      out.push(row(`   ${c.api?.endsWith('/diff') ? 'GET …/diff' : 'GET /plans/:id'} sent`, stats(api.map((s) => s.apiStart as number))));
      out.push(row(`   ${c.api?.endsWith('/diff') ? 'GET …/diff' : 'GET /plans/:id'} last byte`, stats(api.map((s) => s.apiEnd as number))));
      out.push(row('   its last byte → rendered', stats(api.map((s) => s.rendered - (s.apiEnd as number)))));
    }
  }
  out.push(`   screenshots: ${shots.map((s) => s.replace(`${repoRoot}/`, '')).join(', ')}`);
  return out;
});
