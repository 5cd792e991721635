import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Page } from 'playwright-core';
import { client, databaseOfItsOwn, eventually, login, serviceEnv, startApi, startTimeSkippingEnv, startWorker, type OwnDatabase, type RunningApi, type ServiceProcess } from '../support';
import { FORM_LIBRARY } from '@gugus/forms';
import { repoRoot } from '../support/engines';

export type Api = ReturnType<typeof client>;

/** A valid (or invalid) example of a library form, from its fixtures, as a fresh copy. */
export const fixture = (form: string, name: string) => JSON.parse(readFileSync(join(repoRoot, 'forms/library', form, 'fixtures', `${name}.json`), 'utf8')) as Record<string, unknown>;

/** The West Java agencies the case tests hand steps to, by their demo names. */
export const CASE_AGENCIES = { uptd: 'UPTD PPA Provinsi Jawa Barat', dinsos: 'Dinas Sosial Provinsi Jawa Barat', dinkes: 'Dinas Kesehatan Kabupaten Bandung' } as const;

export interface CaseStack {
  env: TestWorkflowEnvironment;
  own: OwnDatabase;
  api: RunningApi;
  worker: ServiceProcess;
  db: Pool;
  /** The people logged in, by the names given. */
  as: Record<string, Api>;
  /** CASE_AGENCIES' ids. */
  agency: Record<keyof typeof CASE_AGENCIES, string>;
  /** Writes the worker's log to tmp/<name>-worker.log (for whoever reads a failure) and stops everything. */
  stop(name: string): Promise<void>;
}

/**
 * The built API and worker on a time-skipping Temporal server and a database of their own — who a case
 * step goes to depends on who holds which case role in the region, and other tests add such people to
 * West Java's agencies — with `people` (name → demo e-mail) logged in.
 */
export async function startCaseStack(prefix: string, people: Record<string, string>): Promise<CaseStack> {
  const [env, own] = await Promise.all([startTimeSkippingEnv(), databaseOfItsOwn(prefix)]);
  const settings = serviceEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir });
  const db = new Pool({ connectionString: own.appUrl, max: 2 });
  const [api, worker] = await Promise.all([startApi(settings), startWorker(settings)]);
  const as: Record<string, Api> = {};
  for (const [who, email] of Object.entries(people)) as[who] = client(api.url, (await login(api.url, email)).accessToken);
  const rows = (await db.query(`SELECT id, name FROM agencies WHERE name = ANY($1)`, [Object.values(CASE_AGENCIES)])).rows as { id: string; name: string }[];
  const byName = new Map(rows.map((r) => [r.name, r.id]));
  const agency = Object.fromEntries(Object.entries(CASE_AGENCIES).map(([key, name]) => [key, byName.get(name) as string])) as CaseStack['agency'];
  return {
    env,
    own,
    api,
    worker,
    db,
    as,
    agency,
    async stop(name) {
      writeFileSync(join(repoRoot, `tmp/${name}-worker.log`), worker.output());
      await worker.stop();
      await api.stop();
      await db.end();
      await env.teardown();
      await own.drop();
    },
  };
}

export type CaseTask = { id: string; step: string; status: string; title: { id: string; en: string }; dueAt: string; assignee: { agencyId: string; role: string } };

/** A case's tasks as the people of `as` see them, and deciding them (`caseId` is read at each call). */
export function caseTasks(as: Record<string, Api>, caseId: () => string) {
  const tasksOf = async (who: string, status = 'open') => ((await as[who].get(`/tasks?processKey=case-management&processId=${caseId()}&status=${status}&limit=100`)).body as { items: CaseTask[] }).items;
  return {
    tasksOf,
    /** The first open task of `step` `who` sees (waiting for it). */
    openTask: (who: string, step: string) => eventually(async () => (await tasksOf(who)).find((t) => t.step === step), 120_000, `${who}: ${step}`),
    /** Exactly `n` open tasks of `step` for `who` (waiting for them). */
    openTasks: (who: string, step: string, n: number) => eventually(async () => ((list) => (list.length === n ? list : undefined))((await tasksOf(who)).filter((t) => t.step === step)), 120_000, `${n} open ${step} task(s) for ${who}`),
    decide: (who: string, taskId: string, data?: Record<string, unknown>) => as[who].post(`/tasks/${taskId}/decision`, { outcome: 'completed', ...(data ? { data } : {}) }),
  };
}

/** The case page of `code` in `page`, read for case management (the purpose chosen as a person would). */
export async function openCasePage(page: Page, webUrl: string, code: string): Promise<void> {
  if (!page.url().endsWith(`/kasus/${code}`)) await page.goto(`${webUrl}/kasus/${code}`);
  await page.getByRole('radio', { name: 'Penanganan kasus', exact: true }).check();
  await page.getByTestId('case-purpose-submit').click();
}

const SCHEMAS = new Map(FORM_LIBRARY.map((f) => [f.definition.key, f.definition.schema as Record<string, unknown>]));

/** The data category of the field at `pointer` in national form `key` (undefined for a pointer the form does not describe). */
export function categoryAt(key: string, pointer: string): string | undefined {
  let node = SCHEMAS.get(key);
  for (const part of pointer.split('/').slice(1)) {
    if (!node) return undefined;
    const properties = node['properties'] as Record<string, Record<string, unknown>> | undefined;
    node = /^\d+$/.test(part) && node['items'] ? (node['items'] as Record<string, unknown>) : properties?.[part];
  }
  return node?.['x-data-category'] as string | undefined;
}

/** Today in Asia/Jakarta, YYYY-MM-DD (what the forms' date fields hold). */
export const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

/** One decision of a consent form, taken today (written signature, no interpreter, unless `extra` says otherwise). */
export const consentDecision = (purpose: string, extra: Record<string, unknown> = {}) => ({ purpose, status: 'granted', decidedOn: today(), method: 'written_signature', interpreterUsed: false, ...extra });

/** Consent to share `dataCategories` with one agency, granted today. */
export const sharingDecision = (agencyId: string, dataCategories: string[], extra: Record<string, unknown> = {}) => consentDecision('data_sharing', { agencyId, dataCategories, ...extra });

/** A consent form recorded today, given by the child's guardian (her views heard) unless `extra` says otherwise. */
export const consentForm = (decisions: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
  data: { recordedOn: today(), givenBy: 'guardian', personViewsHeard: true, explanationLanguage: 'Bahasa Indonesia', explainedInUnderstoodLanguage: true, decisions, ...extra },
});

/** A referral form of today for a child, sharing `shared` (which the consent is declared to cover) unless `extra` says otherwise. */
export const referralForm = (service: string, to: string, shared: string[], extra: Record<string, unknown> = {}) => ({
  data: { ...fixture('referral', 'valid-shelter-within-consent'), referralDate: today(), serviceType: service, receivingAgencyId: to, ageGroup: 'child', consentedCategories: shared, sharedDataCategories: shared, ...extra },
});
