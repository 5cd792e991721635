import { Pool as PgPool, type Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FORM_LIBRARY } from '@gugus/forms';
import { client, eventually, login, type RunningApi, serviceEnv, startApi, startTimeSkippingEnv, testEnv } from '../support';

/** Helpers the plan-of-action end-to-end tests share: form fixtures, section data, and a driver for one plan through the API. */
export type Api = ReturnType<typeof client>;
export type PlanTask = { id: string; step: string; processId: string; status: string; dueAt: string; assignee: { agencyId: string; role: string } };
export type PlanActivity = { activityId: string; answers: { code: string; responsibleAgencyId: string; target: number } };
export type PlanSection = { subTaskForce: string; activities: PlanActivity[] };

/** A valid example of a library form (by fixture name, else the first), as a fresh copy. */
export function formFixture(key: string, name?: string): Record<string, unknown> {
  const form = FORM_LIBRARY.find((f) => f.definition.key === key);
  const valid = (form?.valid ?? {}) as Record<string, Record<string, unknown>>;
  return structuredClone(name ? valid[name] : Object.values(valid)[0]) as Record<string, unknown>;
}

/** Who a section's activities belong to. */
export interface SectionAgencies {
  leadAgencyId: string;
  /** The first and the second activity's responsible agency. */
  responsible: [string, string];
  implementing: string;
  budgetSource: string;
  /** The budget lines' year (default 2027): within the plan's period, or the compiler refuses the section. */
  fiscalYear?: number;
}

/** A `poa-section` of two activities: codes `<index + 1>.<i>`, target 100 × i, budget 10 × i units of Rp 500 000. */
export function sectionData(kind: string, index: number, who: SectionAgencies): Record<string, unknown> {
  const base = formFixture('poa-section', 'west-java-prevention') as { activities: Record<string, unknown>[] } & Record<string, unknown>;
  const template = base.activities[0];
  return {
    subTaskForce: kind,
    leadAgencyId: who.leadAgencyId,
    problemStatement: `Masalah utama bagian ${index + 1}, berbasis data agregat.`,
    activities: [1, 2].map((i) => ({
      ...template,
      code: `${index + 1}.${i}`,
      activity: `Kegiatan ${index + 1}.${i} bagian ${kind}`,
      target: 100 * i,
      baseline: 0,
      startQuarter: '2027-Q1',
      endQuarter: '2031-Q4',
      responsibleAgencyId: who.responsible[i - 1],
      implementingAgencyIds: [who.implementing],
      budgetLines: [{ description: 'Honorarium narasumber', units: 10 * i, unitName: 'orang', unitCost: 500_000, budgetSource: who.budgetSource, costCategory: 'operational', fiscalYear: who.fiscalYear ?? 2027 }],
    })),
  };
}

/** How many plans a jurisdiction has (the test files share one database). */
export async function planCount(db: Pool, jurisdictionCode: string): Promise<number> {
  return (await db.query(`SELECT count(*)::int AS n FROM plans WHERE jurisdiction_code = $1`, [jurisdictionCode])).rows[0].n as number;
}

/** Drives one plan (`planId()`, set once started) through the API as the people in `as`. */
export function planDriver(as: Record<string, Api>, planId: () => string, timeoutMs = 90_000) {
  async function openTasks(who: string, step: string): Promise<PlanTask[]> {
    const res = await as[who].get(`/tasks?processId=${planId()}&status=open&limit=100`);
    expect(res.status).toBe(200);
    return (res.body.items as PlanTask[]).filter((t) => t.step === step);
  }
  const tasksOf = (who: string, step: string, n: number) =>
    eventually(async () => {
      const tasks = await openTasks(who, step);
      return tasks.length === n ? tasks : undefined;
    }, timeoutMs, `${who} to see ${n} open ${step} task(s)`);
  async function decide(who: string, taskId: string, body: Record<string, unknown>) {
    const res = await as[who].post(`/tasks/${taskId}/decision`, body);
    expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
  }
  const plan = async (who = 'secretariat') => {
    const res = await as[who].get(`/plans/${planId()}`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const planWhen = (test: (p: { stage: string; status: string; versions: unknown[] }) => boolean, what: string) =>
    eventually(async () => {
      const p = await plan();
      return test(p) ? p : undefined;
    }, timeoutMs, what);
  return { openTasks, tasksOf, decide, plan, planWhen };
}

/** West Java as the plan tests need it on a time-skipping server: API up, people logged in, a police agency, Dinas Sosial leading its Sub-TF. */
export interface WestJavaStack {
  env: TestWorkflowEnvironment;
  settings: ReturnType<typeof serviceEnv>;
  api: RunningApi;
  db: Pool;
  as: Record<string, Api>;
  /** West Java agencies by name. */
  agency: Record<string, string>;
  police: string;
}

/**
 * Starts the time-skipping server and the API (not the worker: a test may first change what the worker
 * reads at start, such as holidays), logs `people` in, and adds the provincial police (`policeName`, a
 * member of the law-enforcement Sub-TF, funded from the central budget).
 */
export async function startWestJavaStack(people: Record<string, string>, policeName: string): Promise<WestJavaStack> {
  const env = await startTimeSkippingEnv();
  const settings = serviceEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default' });
  const db = new PgPool({ connectionString: testEnv().databaseUrl, max: 2 });
  const api = await startApi(settings);
  const as: Record<string, Api> = {};
  for (const [who, email] of Object.entries({ secretariat: 'sekretariat.jabar@gugus.test', admin: 'admin.jabar@gugus.test', ...people })) as[who] = client(api.url, (await login(api.url, email)).accessToken);
  const agency: Record<string, string> = {};
  for (const row of (await db.query(`SELECT id, name FROM agencies WHERE jurisdiction_code = '32'`)).rows) agency[row.name as string] = row.id as string;
  const created = await as['admin'].post('/agencies', { jurisdictionCode: '32', name: policeName, kind: 'police', subTaskForces: ['law_enforcement'] });
  expect(created.status).toBe(201);
  // Dinas Sosial leads the social rehabilitation Sub-TF (the other Sub-TFs have no lead: the secretariat drafts them).
  const lead = await as['secretariat'].put('/task-forces/32/sub-task-forces/social_rehabilitation_repatriation_reintegration/lead', { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'] });
  expect(lead.status).toBe(200);
  return { env, settings, api, db, as, agency, police: created.body.id as string };
}

