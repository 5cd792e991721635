import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import { Workbook } from 'exceljs';
import type { Locator } from 'playwright-core';
import { PLAN_OF_ACTION_DEFAULTS, type PublicFiguresView, type ReportDashboardView, type ReportExportView, type ReportFigures } from '@gugus/contracts';
import { emptyFigures, sumFigures } from '@gugus/reporting';
import { repoRoot } from '../support/engines';
import { browserSession, type BrowserSession, client, databaseOfItsOwn, eventually, login, type OwnDatabase, type RunningApi, type RunningWeb, screenshotDir, sequentialSteps, serviceEnv, startApi, startWeb } from '../support';

/**
 * Issue 12, acceptance 3 and 5 (and the public half of 2): five years of accepted quarterly reports of every
 * task force (552 × 20), seeded straight into a database of its own, read as the national analyst on the
 * dashboard (charts for all provinces, filters, the table view, an XLSX export with its progress bar) and
 * by the public, without login, on the annual figures page — where a small province is "< 11", complements
 * hide it, and a marker put in every free-text field of the reports appears nowhere.
 */
type Api = ReturnType<typeof client>;
const MARKER = 'PENANDA-BEBAS-7731';
const PERIODS = Array.from({ length: 20 }, (_, i) => `${2021 + Math.floor(i / 4)}-Q${(i % 4) + 1}`);
/** Kalimantan Utara: one victim in 2025, in its first quarter, and none otherwise. */
const SMALL = '65';

jest.setTimeout(600_000);

/** Waits for exactly `n` matches (Playwright's own `expect` is not used here). */
async function expectCount(locator: Locator, n: number): Promise<void> {
  await locator.nth(n - 1).waitFor();
  expect(await locator.count()).toBe(n);
}

/** Waits until the element shows `text`. */
async function expectText(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
}

/** A regency's figures for a quarter: a few victims, deterministic from its code and the quarter. */
function regencyFigures(code: string, period: string): ReportFigures {
  const f = emptyFigures();
  const seed = [...`${code}|${period}`].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 1_000_003, 7);
  const total = code.startsWith(`${SMALL}.`) ? (period === '2025-Q1' && code === `${SMALL}.01` ? 1 : 0) : seed % 7;
  f.personsScreened = total + (seed % 3);
  f.victims.total = total;
  f.victims.bySex = { female: Math.ceil(total / 2), male: Math.floor(total / 2) };
  // One in three with no age recorded when there are three or more.
  f.victims.byAgeGroup = { child: Math.floor(total / 3), adult: total - Math.floor(total / 3) - (total >= 3 ? 1 : 0) };
  f.victims.byNationality = { indonesian: total, foreign: 0, stateless_or_unknown: 0 };
  f.victims.byScope = { internal: total - (seed % 2 && total ? 1 : 0), international: seed % 2 && total ? 1 : 0 };
  f.victims.byExploitationType = total ? [{ category: 'forced_labour', count: total }] : [];
  f.victims.bySector = total ? [{ category: 'fishing', count: Math.ceil(total / 2) }] : [];
  return f;
}

/** Free text typed where codes belong, and fields a form variant might have added: none may reach the public. */
function tainted(f: ReportFigures): ReportFigures {
  const t = structuredClone(f) as ReportFigures & Record<string, unknown>;
  t.victims.byExploitationType = [...t.victims.byExploitationType, { category: MARKER, count: 4 }];
  t.victims.bySector = [...t.victims.bySector, { category: `${MARKER} Jl. Melati`, count: 2 }];
  t.victims.byReferralSource = [{ category: MARKER, count: 1 }];
  t.assistance = [{ service: MARKER, personsAssisted: 1 }];
  t['notes'] = MARKER;
  return t;
}

describe('reports: the dashboard, its export and the public annual figures', () => {
  let own: OwnDatabase;
  let api: RunningApi;
  let web: RunningWeb;
  let browser: BrowserSession;
  let db: Pool;
  const as: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  const step = sequentialSteps();
  /** What was seeded, per province and period (the province's own report). */
  const provinceFigures = new Map<string, ReportFigures>();
  let provinces: { code: string; name: string }[] = [];
  let regencyCount = 0;

  async function seed() {
    provinces = (await db.query(`SELECT code, name FROM jurisdictions WHERE level = 'province' ORDER BY code`)).rows;
    const regencies = (await db.query(`SELECT code, parent_code AS parent FROM jurisdictions WHERE level = 'regency' ORDER BY code`)).rows as { code: string; parent: string }[];
    regencyCount = regencies.length;
    for (const period of PERIODS) {
      const [year, q] = [Number(period.slice(0, 4)), Number(period.slice(6))];
      const from = `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
      const until = q === 4 ? `${year + 1}-01-01` : `${year}-${String(q * 3 + 1).padStart(2, '0')}-01`;
      const cycle = randomUUID();
      // 2021's last cycle is still open: that year is not final, so it is not published.
      await db.query(`INSERT INTO report_cycles (id, period, period_from, period_until, workflow_id, status, opened_at) VALUES ($1, $2, $3, $4, $5, $6, now())`, [cycle, period, from, until, `report-cycle-${period}`, period === '2021-Q4' ? 'open' : 'closed']);
      const rows: { code: string; level: string; figures: ReportFigures }[] = [];
      for (const r of regencies) rows.push({ code: r.code, level: 'regency', figures: regencyFigures(r.code, period) });
      for (const p of provinces) {
        const sum = sumFigures(rows.filter((r) => r.code.startsWith(`${p.code}.`)).map((r) => r.figures));
        provinceFigures.set(`${p.code}|${period}`, sum);
        // The Riau Islands' own report of the last quarter is not accepted: the nation sums its regencies.
        if (p.code === '21' && period === '2025-Q4') continue;
        rows.push({ code: p.code, level: 'province', figures: p.code === '32' && period === '2025-Q2' ? tainted(sum) : sum });
      }
      // Every other report is submitted late in 2025-Q4 (the timeliness table shows both).
      const due = new Date(Date.parse(`${until}T00:00:00+07:00`) + 14 * 86_400_000).toISOString().slice(0, 10);
      await db.query(
        `INSERT INTO periodic_reports (id, cycle_id, jurisdiction_code, level, version, status, due_date, computed, figures, first_submitted_at, submitted_at, accepted_at, created_at)
         SELECT gen_random_uuid(), $1, x.code, x.level, 1, 'accepted', $2::date, x.figures, x.figures, x.submitted, x.submitted, x.submitted + interval '3 days', now()
           FROM unnest($3::text[], $4::text[], $5::jsonb[], $6::timestamptz[]) AS x(code, level, figures, submitted)`,
        [
          cycle,
          due,
          rows.map((r) => r.code),
          rows.map((r) => r.level),
          rows.map((r) => JSON.stringify(r.figures)),
          rows.map((_r, i) => new Date(Date.parse(`${due}T00:00:00+07:00`) + (period === '2025-Q4' && i % 2 ? 5 : -5) * 86_400_000).toISOString()),
        ],
      );
    }
  }

  /** An endorsed plan of West Java with three activities, two of them reported on in 2025 (and one report after the range asked for). */
  async function seedPlan() {
    const planId = randomUUID();
    const versionId = randomUUID();
    const agency = (await db.query(`SELECT id FROM agencies WHERE name = 'UPTD PPA Provinsi Jawa Barat'`)).rows[0].id as string;
    const activity = (activityId: string, baseline: number, target: number) => ({ activityId, answers: { code: activityId, activity: 'Kegiatan uji', indicator: 'Indikator uji', indicatorUnit: 'orang', baseline, target, startQuarter: '2025-Q1', endQuarter: '2025-Q4', responsibleAgencyId: agency, budgetLines: [], genderResponsive: false } });
    const content = { sections: [{ subTaskForce: 'prevention_child_participation', answers: { subTaskForce: 'prevention_child_participation', leadAgencyId: agency, problemStatement: 'Uji' }, activities: [activity('1.1', 0, 10), activity('1.2', 0, 4), activity('1.3', 100, 50)] }] };
    await db.query(
      `INSERT INTO plans (id, jurisdiction_code, title, period_start, period_years, section_kinds, working_group, stage, status, workflow_id, settings, settings_version)
       VALUES ($1, '32', 'RAD Jawa Barat (uji dasbor)', 2025, 5, $2, '[]', 'monitoring', 'endorsed', $3, $4, 0)`,
      [planId, ['prevention_child_participation'], `plan-${planId}`, JSON.stringify(PLAN_OF_ACTION_DEFAULTS)],
    );
    await db.query(`INSERT INTO plan_versions (id, plan_id, seq, kind, round, generation, content, activity_count, budget_total, endorsed) VALUES ($1, $2, 1, 'compiled', 0, 0, $3, 3, 40000000, true)`, [versionId, planId, JSON.stringify(content)]);
    await db.query(`UPDATE plans SET endorsed_version_id = $2 WHERE id = $1`, [planId, versionId]);
    for (const [activityId, period, value, status, spent] of [
      ['1.1', '2025-Q1', 2, 'in_progress', 4_000_000],
      ['1.1', '2025-Q3', 6, 'delayed', 6_000_000],
      ['1.2', '2025-Q2', 4, 'completed', 5_000_000],
      ['1.2', '2026-Q1', 4, 'completed', 9_000_000],
    ] as const) {
      await db.query(`INSERT INTO plan_progress (plan_id, activity_id, period, agency_id, indicator_value, status, spent) VALUES ($1, $2, $3, $4, $5, $6, $7)`, [planId, activityId, period, agency, value, status, spent]);
    }
  }

  beforeAll(async () => {
    own = await databaseOfItsOwn('report_dashboard');
    db = new Pool({ connectionString: own.appUrl, max: 2 });
    api = await startApi(serviceEnv({ DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir }));
    [web, browser] = await Promise.all([startWeb(api.url), browserSession()]);
    for (const [who, email] of Object.entries({ analyst: 'analis@gugus.test', jabar: 'sekretariat.jabar@gugus.test', jabarChair: 'ketua.jabar@gugus.test', kepri: 'admin.kepri@gugus.test', bandung: 'sekretariat.bandung@gugus.test' })) {
      tokens[who] = (await login(api.url, email)).accessToken;
      as[who] = client(api.url, tokens[who]);
    }
    tokens['sysAdmin'] = (await login(api.url, 'admin@gugus.test')).accessToken;
    as['sysAdmin'] = client(api.url, tokens['sysAdmin']);
    await seed();
    await seedPlan();
  });

  afterAll(async () => {
    if (api) writeFileSync(join(repoRoot, 'tmp/report-dashboard-api.log'), api.output());
    await browser?.close();
    await web?.stop();
    await api?.stop();
    await db?.end();
    await own?.drop();
  });

  step('the national dashboard has a series for every province, totals that are their sums, and the breakdowns of the range — codes only', async () => {
    const res = await as.analyst.get('/reports/dashboard?from=2025-Q1&to=2025-Q4');
    expect(res.status).toBe(200);
    const d = res.body as ReportDashboardView;
    expect(d.periods).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    expect(d.series).toHaveLength(38);
    for (const [i, period] of d.periods.entries()) {
      const expected = provinces.reduce((s, p) => s + (provinceFigures.get(`${p.code}|${period}`) as ReportFigures).victims.total, 0);
      expect(d.totals[i]).toBe(expected);
      expect(d.series.reduce((s, x) => s + (x.values[i] ?? 0), 0)).toBe(expected);
    }
    // The Riau Islands' last quarter comes from its regencies, and says so.
    const kepri = d.series.find((s) => s.code === '21');
    expect(kepri?.fromBelow).toEqual(['2025-Q4']);
    expect(kepri?.values[3]).toBe(provinceFigures.get('21|2025-Q4')?.victims.total);
    const exploitation = d.breakdowns.find((b) => b.key === 'exploitation');
    expect(exploitation?.items.map((x) => x.code)).toEqual(['forced_labour']);
    expect(JSON.stringify(d)).not.toContain(MARKER);
    // Every task force of the latest cycle is listed with its timeliness: late and on time both there.
    expect(d.timeliness.period).toBe('2025-Q4');
    // All 553: the nation, 38 provinces, 514 regencies and cities — whether or not their task force is set up in Gugus.
    expect(d.timeliness.rows.length).toBe(regencyCount + 38 + 1);
    expect(d.timeliness.rows.find((r) => r.jurisdictionCode === '21')).toMatchObject({ status: 'none', onTime: null });
    expect(d.timeliness.rows.some((r) => r.onTime === false) && d.timeliness.rows.some((r) => r.onTime === true)).toBe(true);
    expect(d.reviewTimes.find((r) => r.level === 'regency')).toMatchObject({ medianDays: 3 });
    expect(d.caveats.length).toBeGreaterThan(1);
    // The endorsed plan as reported up to 2025-Q4 (the 2026 report is after the range): one activity
    // delayed at 6 of 10 (half-way), one completed at its target, one not reported; 15 of 40 million spent.
    expect(d.plans).toMatchObject({ plans: 1, activities: 3, plannedBudget: 40_000_000, spent: 15_000_000 });
    expect(d.plans.byStatus.map((x) => [x.code, x.count])).toEqual([['delayed', 1], ['completed', 1], ['not_reported', 1]]);
    expect(d.plans.indicator.map((x) => [x.code, x.count])).toEqual([['reached', 1], ['halfway', 1], ['behind', 0], ['not_reported', 1]]);
    expect(d.plans.units).toEqual([{ code: '32', name: 'Jawa Barat', plans: 1, activities: 3, completed: 1, delayed: 1, notReported: 1, plannedBudget: 40_000_000, spent: 15_000_000 }]);
  });

  step("a province's dashboard is for that province's roles; bad filters name the field", async () => {
    const jabar = await as.jabarChair.get('/reports/dashboard?jurisdictionCode=32&from=2025-Q1&to=2025-Q4');
    expect(jabar.status).toBe(200);
    const regencies = (await db.query(`SELECT count(*)::int AS n FROM jurisdictions WHERE parent_code = '32'`)).rows[0].n as number;
    expect((jabar.body as ReportDashboardView).series).toHaveLength(regencies);
    expect((jabar.body as ReportDashboardView).totals).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].map((p) => provinceFigures.get(`32|${p}`)?.victims.total));
    expect((await as.jabarChair.get('/reports/dashboard')).status).toBe(403);
    expect((await as.kepri.get('/reports/dashboard?jurisdictionCode=32')).status).toBe(403);
    expect((await as.bandung.get('/reports/dashboard?jurisdictionCode=32')).status).toBe(403);
    for (const [query, field] of [
      ['from=2025-Q5', 'from'],
      ['to=20x9-Q1', 'to'],
      ['from=2025-Q4&to=2025-Q1', 'to'],
      ['from=2010-Q1&to=2025-Q4', 'from'],
      ['jurisdictionCode=32.04', 'jurisdictionCode'],
      [`jurisdictionCode=${'9'.repeat(400)}`, 'jurisdictionCode'],
    ] as const) {
      const bad = await as.analyst.get(`/reports/dashboard?${query}`);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
      expect(JSON.stringify(bad.body)).toContain(field);
    }
  });

  step('the public annual figures answer without login: a province with one victim is "< 11" and cannot be worked out; no marker, no record', async () => {
    const res = await fetch(`${api.url}/public/figures`);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(MARKER);
    expect(text).not.toMatch(/Melati|"id":"[0-9a-f-]{36}"|personId|caseId/);
    const view = JSON.parse(text) as PublicFiguresView;
    expect(view.k).toBe(11);
    expect(view.years.map((y) => y.year)).toEqual([2025, 2024, 2023, 2022]);
    const y2025 = view.years[0];
    const small = y2025.provinces.cells.find((c) => c.key === SMALL);
    expect(small).toMatchObject({ value: null, display: '< 11' });
    // Complementary suppression: the published national total minus the published provinces is never the 1 alone.
    const hidden = y2025.provinces.cells.filter((c) => c.value === null);
    if (y2025.provinces.total.value !== null) {
      expect(hidden.length).toBeGreaterThan(1);
      const rest = y2025.provinces.total.value - y2025.provinces.cells.reduce((s, c) => s + (c.value ?? 0), 0);
      expect(rest - (hidden.length - 1)).toBeGreaterThanOrEqual(1 + 11);
    }
    // The published cells are the seeded sums.
    const west = y2025.provinces.cells.find((c) => c.key === '32');
    expect(west?.value).toBe(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'].reduce((s, p) => s + (provinceFigures.get(`32|${p}`)?.victims.total ?? 0), 0));
    expect(y2025.breakdowns.find((b) => b.key === 'exploitationType')?.cells.every((c) => c.key in view.labels)).toBe(true);
    const csv = await fetch(`${api.url}/public/figures.csv`);
    expect(csv.status).toBe(200);
    const csvText = await csv.text();
    expect(csvText).not.toContain(MARKER);
    expect(csvText).toContain(`2025,province,${SMALL},`);
    expect(csvText.split('\n').find((l) => l.startsWith(`2025,province,${SMALL},`))).toMatch(/< 11/);
    // Published once: a correction accepted later does not change the published year (two releases could be
    // differenced), and concurrent first readers see one and the same release.
    const q3 = `(SELECT id FROM report_cycles WHERE period = '2025-Q3')`;
    await db.query(`UPDATE periodic_reports SET status = 'superseded' WHERE jurisdiction_code = '32' AND cycle_id = ${q3}`);
    await db.query(
      `INSERT INTO periodic_reports (id, cycle_id, jurisdiction_code, level, version, status, due_date, computed, figures, first_submitted_at, submitted_at, accepted_at, created_at, correction_reason)
       SELECT gen_random_uuid(), cycle_id, jurisdiction_code, level, 2, 'accepted', due_date, computed, jsonb_set(figures, '{victims,total}', to_jsonb((figures #>> '{victims,total}')::int + 3)), first_submitted_at, now(), now(), now(), 'Tiga korban belum tercatat'
         FROM periodic_reports WHERE jurisdiction_code = '32' AND cycle_id = ${q3}`,
    );
    const again = (await Promise.all([1, 2, 3].map(async () => (await fetch(`${api.url}/public/figures`)).json()))) as PublicFiguresView[];
    for (const v of again) expect(v.years).toEqual(view.years);
    expect((await db.query(`SELECT count(*)::int AS n FROM public_figure_years`)).rows[0].n).toBe(4);
    // The annual report's PDF: the same year, no login; a year not published is 404, a bad one 400.
    const pdf = await fetch(`${api.url}/public/annual-report/2025`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const pdfBytes = Buffer.from(await pdf.arrayBuffer());
    expect(pdfBytes.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(join(screenshotDir, '..', 'annual-report-2025.pdf'), pdfBytes);
    expect((await fetch(`${api.url}/public/annual-report/2014`)).status).toBe(404);
    expect((await fetch(`${api.url}/public/annual-report/2021`)).status).toBe(404);
    const badYear = await fetch(`${api.url}/public/annual-report/20%2725`);
    expect(badYear.status).toBe(400);
    expect(await badYear.text()).toContain('year');
  });

  step('case-level export for the analyst: one de-identified row per identified victim whose consent covers research, in HTCDS fields, nothing else', async () => {
    const agency = (await db.query(`SELECT id FROM agencies WHERE name = 'UPTD PPA Provinsi Jawa Barat'`)).rows[0].id as string;
    const day = (d: string) => `${d}T03:00:00Z`;
    /** A case opened through the API, then given the status, day and codes the case process would have written. */
    const openCase = async (status: string, openedOn: string, facts: Record<string, unknown>) => {
      const opened = await as.sysAdmin.post('/cases', { jurisdictionCode: '32', intakeAgencyId: agency, intakeChannel: 'ngo' });
      expect(opened.status).toBe(201);
      const id = (await db.query(`UPDATE cases SET identification_status = $2, opened_at = $3 WHERE code = $1 RETURNING id`, [opened.body.code, status, day(openedOn)])).rows[0].id as string;
      const f = { sex: null, age_group: null, nationality_group: null, nationality: null, trafficking_scope: null, origin_region: null, exploitation_types: null, sectors: null, means: null, ...facts };
      await db.query(
        `INSERT INTO case_facts (case_id, sex, age_group, nationality_group, nationality, trafficking_scope, origin_region, exploitation_types, sectors, means, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now())`,
        [id, f.sex, f.age_group, f.nationality_group, f.nationality, f.trafficking_scope, f.origin_region, f.exploitation_types, f.sectors, f.means],
      );
      return opened.body.code as string;
    };
    const decide = async (code: string, decisions: Record<string, unknown>[]) => {
      const res = await as.sysAdmin.post(`/cases/${code}/consents`, { data: { recordedOn: '2025-05-20', givenBy: 'person', explanationLanguage: 'Bahasa Indonesia', explainedInUnderstoodLanguage: true, decisions } });
      expect({ status: res.status, body: res.status === 201 ? undefined : res.body }).toEqual({ status: 201, body: undefined });
    };
    const decision = (purpose: string, status: string, extra: Record<string, unknown> = {}) => ({ purpose, status, decidedOn: '2025-05-20', method: 'written_signature', interpreterUsed: false, ...extra });
    const woman = { sex: 'female', age_group: 'adult', nationality_group: 'indonesian', nationality: 'ID', trafficking_scope: 'international', origin_region: '33.02', exploitation_types: ['forced_labour', MARKER], sectors: ['fishing'], means: ['debt_bondage', 'deception'] };
    const consenting = await openCase('verified', '2025-05-14', woman);
    await decide(consenting, [decision('assistance', 'granted'), decision('feedback_research', 'granted')]);
    // Declined research; research granted then withdrawn; granted for a time that has passed; no consent form; not a victim.
    const declined = await openCase('confirmed', '2025-05-15', woman);
    await decide(declined, [decision('feedback_research', 'declined')]);
    const withdrawn = await openCase('presumed', '2025-05-16', woman);
    await decide(withdrawn, [decision('feedback_research', 'granted')]);
    await decide(withdrawn, [decision('feedback_research', 'withdrawn', { withdrawnOn: '2025-05-21', decidedOn: '2025-05-21' })]);
    const expired = await openCase('verified', '2025-05-17', woman);
    await decide(expired, [decision('feedback_research', 'granted', { validUntil: '2025-12-31' })]);
    await openCase('verified', '2025-05-18', woman);
    const screenedOut = await openCase('screened', '2025-05-19', woman);
    await decide(screenedOut, [decision('feedback_research', 'granted')]);
    // A second consenting victim with nothing recorded but free text where codes belong.
    const sparse = await openCase('presumed', '2025-06-01', { sex: MARKER, origin_region: null, means: [MARKER] });
    await decide(sparse, [decision('feedback_research', 'granted')]);
    expect((await db.query(`SELECT status FROM case_consent_purposes p JOIN cases c ON c.id = p.case_id WHERE c.code = $1 AND purpose = 'feedback_research'`, [withdrawn])).rows).toEqual([{ status: 'withdrawn' }]);

    // Only the analyst; a bad kind names the field.
    expect((await as.jabar.post('/reports/exports', { kind: 'case-records', jurisdictionCode: '32', from: '2025-Q2', to: '2025-Q2' })).status).toBe(403);
    const badKind = await as.analyst.post('/reports/exports', { kind: 'cases; DROP TABLE cases', from: '2025-Q2', to: '2025-Q2' });
    expect(badKind.status).toBe(400);
    expect(JSON.stringify(badKind.body)).toContain('kind');
    const started = await as.analyst.post('/reports/exports', { kind: 'case-records', jurisdictionCode: '00', from: '2025-Q2', to: '2025-Q2' });
    expect(started.status).toBe(202);
    const done = await eventually(async () => ((r) => (r.status === 'running' ? undefined : r))((await as.analyst.get(`/reports/exports/${started.body.id}`)).body as ReportExportView), 30_000, 'the case export');
    expect(done).toMatchObject({ kind: 'case-records', status: 'done', rowsWritten: 2, totalRows: 2, fileName: 'kasus-htcds-00-2025-Q2-2025-Q2.xlsx' });
    const file = await fetch(`${api.url}/reports/exports/${started.body.id}/file`, { headers: { authorization: `Bearer ${tokens['analyst']}` } });
    expect(file.status).toBe(200);
    const bytes = Buffer.from(await file.arrayBuffer());
    const book = new Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('HTCDS');
    const rows: Record<string, unknown>[] = [];
    const header = (sheet?.getRow(1).values as unknown[]).slice(1) as string[];
    sheet?.eachRow((row, n) => {
      if (n > 1) rows.push(Object.fromEntries(header.map((h, i) => [h, (row.values as unknown[])[i + 1] ?? ''])));
    });
    expect(rows).toHaveLength(2);
    const full = rows.find((r) => r['prs_Gender'] === 'Female');
    expect(full).toMatchObject({ x_YearOpened: 2025, x_QuarterOpened: 2, x_ReportingProvince: '32', x_AgeGroup: 'adult', prs_Nationality: 'ID', x_OriginProvince: '33', vic_MethodsOfControl: 'DebtBondage;FalsePromises', vic_TypeOfLabourExploitation: 'Aquafarming', x_ExploitationTypes: 'forced_labour', x_IdentificationStatus: 'verified', cas_Status: 'Active', vic_AgreementToManagePersonalData: true });
    expect(rows.find((r) => r !== full)).toMatchObject({ prs_Gender: 'Unknown', x_OriginProvince: '', vic_MethodsOfControl: '' });
    // Nothing that names a case or a person, and no free text, anywhere in the file.
    const everything = JSON.stringify(book.worksheets.map((w) => w.getSheetValues()));
    for (const secret of [MARKER, consenting, sparse, '33.02', agency]) expect(everything).not.toContain(secret);
    expect(book.getWorksheet('Kolom')?.rowCount).toBe(1 + 18);
    // The same rows as CSV (the data alone), and a format that does not exist named.
    const badFormat = await as.analyst.post('/reports/exports', { kind: 'case-records', format: 'pdf', from: '2025-Q2', to: '2025-Q2' });
    expect(badFormat.status).toBe(400);
    expect(JSON.stringify(badFormat.body)).toContain('format');
    const csvStarted = await as.analyst.post('/reports/exports', { kind: 'case-records', format: 'csv', jurisdictionCode: '32', from: '2025-Q2', to: '2025-Q2' });
    expect(csvStarted.status).toBe(202);
    const csvDone = await eventually(async () => ((r) => (r.status === 'running' ? undefined : r))((await as.analyst.get(`/reports/exports/${csvStarted.body.id}`)).body as ReportExportView), 30_000, 'the CSV export');
    expect(csvDone).toMatchObject({ status: 'done', rowsWritten: 2, fileName: 'kasus-htcds-32-2025-Q2-2025-Q2.csv' });
    const csvFile = await fetch(`${api.url}/reports/exports/${csvStarted.body.id}/file`, { headers: { authorization: `Bearer ${tokens['analyst']}` } });
    expect(csvFile.headers.get('content-type')).toMatch(/^text\/csv/);
    const csvLines = (await csvFile.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(csvLines[0]).toBe(header.join(','));
    expect(csvLines).toHaveLength(3);
    expect(csvLines.join('\n')).not.toContain(MARKER);
    // At most three running at once per person: a fourth while three run is refused, and nothing is started.
    await db.query(`UPDATE report_exports SET status = 'running' WHERE id = ANY($1::uuid[])`, [[started.body.id, csvStarted.body.id]]);
    await db.query(`INSERT INTO report_exports (id, requested_by, kind, query, status, created_at) SELECT gen_random_uuid(), requested_by, kind, query, 'running', now() FROM report_exports WHERE id = $1`, [started.body.id]);
    const before = (await db.query(`SELECT count(*)::int AS n FROM report_exports`)).rows[0].n as number;
    const busy = await as.analyst.post('/reports/exports', { kind: 'case-records', from: '2025-Q2', to: '2025-Q2' });
    expect(busy.status).toBe(409);
    expect(JSON.stringify(busy.body)).toContain('3 ekspor yang sedang berjalan');
    expect((await db.query(`SELECT count(*)::int AS n FROM report_exports`)).rows[0].n).toBe(before);
    await db.query(`UPDATE report_exports SET status = 'done' WHERE status = 'running'`);
    // Audited, with what was exported and why.
    const audit = (await db.query(`SELECT action, purpose FROM audit_log WHERE target_id = $1 ORDER BY seq`, [started.body.id])).rows;
    expect(audit).toEqual([{ action: 'report_export.start', purpose: 'research' }, { action: 'report_export.download', purpose: null }]);
    // A day later the file is gone from the disk, and the export says so.
    const path = (await db.query(`SELECT file_path FROM report_exports WHERE id = $1`, [csvStarted.body.id])).rows[0].file_path as string;
    expect(existsSync(path)).toBe(true);
    expect((statSync(path).mode & 0o777).toString(8)).toBe('600');
    await db.query(`UPDATE report_exports SET finished_at = now() - interval '25 hours' WHERE id = $1`, [csvStarted.body.id]);
    const gone = await fetch(`${api.url}/reports/exports/${csvStarted.body.id}/file`, { headers: { authorization: `Bearer ${tokens['analyst']}` } });
    expect(gone.status).toBe(404);
    expect(await gone.text()).toMatch(/24/);
    expect(existsSync(path)).toBe(false);
  });

  step('in Chromium, as the national analyst: charts for all provinces, filters, the table view, an XLSX export with its progress bar', async () => {
    const tab = await browser.open(web.url, { as: 'analis@gugus.test', path: '/laporan/dasbor?wilayah=00&dari=2021-Q1&sampai=2025-Q4' });
    await tab.getByTestId('chart-by-unit').locator('svg').first().waitFor();
    // The line over twenty quarters and a bar per province, drawn as SVG.
    expect(await tab.getByTestId('chart-over-time').locator('svg path').count()).toBeGreaterThan(0);
    const byUnit = tab.getByTestId('chart-by-unit');
    for (const name of ['Jawa Barat', 'Kalimantan Utara', 'Papua Barat Daya']) expect(await byUnit.locator('svg text', { hasText: name }).count()).toBeGreaterThan(0);
    await browser.shot(tab, 'reports-dashboard-national');

    // The table view: every province with its twenty quarters and the sum.
    await tab.getByTestId('chart-by-unit-toggle').click();
    const rows = tab.getByTestId('by-unit-table').locator('tbody tr');
    await expectCount(rows, 38);
    const header = await tab.getByTestId('by-unit-table').locator('thead th').allTextContents();
    expect(header).toHaveLength(1 + 20 + 1);
    const west = await tab.getByTestId('by-unit-table').locator('tbody tr', { hasText: 'Jawa Barat' }).locator('td').last().textContent();
    // The dashboard reads the reports as they stand: West Java's 2025-Q3 correction (+3) counts here, though not on the public page.
    const westSum = PERIODS.reduce((s, p) => s + (provinceFigures.get(`32|${p}`)?.victims.total ?? 0), 0) + 3;
    expect((west ?? '').replace(/\D/g, '')).toBe(String(westSum));
    await tab.getByTestId('chart-timeliness-toggle').click();
    await expectCount(tab.getByTestId('timeliness-table').locator('tbody tr'), regencyCount + 38 + 1);

    // Filters: West Java over 2025 — a bar per regency/city.
    await tab.getByTestId('dashboard-scope').selectOption('32');
    await tab.getByTestId('dashboard-from').selectOption('2025-Q1');
    await tab.waitForURL(/wilayah=32&dari=2025-Q1/);
    await expectText(tab.getByTestId('chart-over-time'), 'Jawa Barat');

    // Back to the nation, all five years, and export: progress while it runs, then the file.
    await tab.getByTestId('dashboard-scope').selectOption('00');
    await tab.getByTestId('dashboard-from').selectOption('2021-Q1');
    await tab.waitForURL(/wilayah=00&dari=2021-Q1/);
    await tab.getByTestId('export-start').click();
    const progress = tab.getByTestId('export-progress');
    await progress.waitFor({ timeout: 30_000 });
    await tab.screenshot({ path: join(screenshotDir, 'reports-dashboard-export-progress.png') });
    expect(Number(await progress.getAttribute('value'))).toBeGreaterThanOrEqual(0);
    const downloadButton = tab.getByTestId('export-download');
    await downloadButton.waitFor({ timeout: 60_000 });
    expect(await downloadButton.textContent()).toMatch(/11[.,]?0\d\d/);
    const [download] = await Promise.all([tab.waitForEvent('download'), downloadButton.click()]);
    expect(download.suggestedFilename()).toBe('laporan-berkala-00-2021-Q1-2025-Q4.xlsx');
    const path = join(screenshotDir, '..', 'dashboard-export.xlsx');
    await download.saveAs(path);
    // An XLSX is a zip: its first bytes are "PK".
    expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
    // The notification links back to the export.
    const exportId = new URL(tab.url()).searchParams.get('ekspor') as string;
    const status = (await as.analyst.get(`/reports/exports/${exportId}`)).body as ReportExportView;
    expect(status).toMatchObject({ status: 'done', progress: 100, rowsWritten: PERIODS.length * (regencyCount + 38) - 1 });
    const notes = await eventually(async () => {
      const list = (await as.analyst.get('/notifications?limit=20')).body as { items: { link: string | null }[] };
      return list.items.find((n) => n.link === `/laporan/dasbor/ekspor/${exportId}`);
    }, 10_000, 'the export notification');
    expect(notes).toBeTruthy();
    // Following the notice's link finds the export ready to download.
    await tab.goto(`${web.url}/laporan/dasbor/ekspor/${exportId}`);
    await tab.getByTestId('export-download').waitFor();
    // Someone else cannot see it, nor download it.
    expect((await as.jabar.get(`/reports/exports/${exportId}`)).status).toBe(404);
    expect((await as.jabar.get(`/reports/exports/${exportId}/file`)).status).toBe(404);
    await tab.getByTestId('chart-over-time-toggle').click();
    await tab.screenshot({ path: join(screenshotDir, 'reports-dashboard-table.png'), fullPage: false });
    // In English: the same charts, titles, categories and tables.
    await tab.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    await expectText(tab.getByTestId('chart-over-time'), 'Identified victims per quarter');
    await expectText(tab.getByTestId('chart-breakdown-sex'), 'Female');
    await expectText(tab.getByTestId('chart-plan-status'), 'Plan activities by latest status');
    await tab.screenshot({ path: join(screenshotDir, 'reports-dashboard-english.png'), fullPage: false });
    await tab.context().close();
  });

  step('in Chromium, as the public: the annual figures page without login', async () => {
    const tab = await browser.open(web.url, { path: '/angka-tahunan' });
    const provincesTable = tab.getByTestId('public-provinces');
    await provincesTable.waitFor();
    await expectCount(provincesTable.locator('tbody tr'), 39);
    await expectText(provincesTable.locator('tbody tr', { hasText: 'Kalimantan Utara' }), '< 11');
    await expectText(tab.getByTestId('public-legend'), '< 11');
    await expectText(tab.getByTestId('public-published'), 'diterbitkan');
    await expectText(tab.getByTestId('public-breakdown-sex'), 'Perempuan');
    expect(await tab.content()).not.toContain(MARKER);
    await browser.shot(tab, 'reports-public-figures');
    await tab.getByTestId('public-year').selectOption('2023');
    await expectText(provincesTable.locator('tbody tr', { hasText: 'Kalimantan Utara' }), '0');
    await tab.context().close();
  });
});
