import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Pool, type PoolClient } from 'pg';
import { type Client, Connection } from '@temporalio/client';
import { client, eventually, login, type RunningApi, sequentialSteps, serviceEnv, type ServiceProcess, startApi, startWorker, temporalClient, testEnv, workflowIdle } from '../support';
import { repoRoot } from '../support/engines';
import { DECISION_ACCEPT_WAIT_MS, DECISION_RESULT_WAIT_MS } from '@gugus/server-tasks';
import { type Api, planDriver, type PlanSection, sectionData } from './support';

/**
 * Issue 10, acceptance 4, on the real Temporal dev server and wall clock: a worker killed (SIGKILL) while
 * a legal review decision is being recorded loses nothing and duplicates nothing. A regency plan
 * (Kabupaten Garut, formed here with the people a plan needs: 5 sections, no Legal Norm Development)
 * goes to legal review; then:
 * - the reviewer returns it while no worker runs: a clear 503 within the API's wait, and nothing is
 *   recorded, not even once a worker is back;
 * - the reviewer returns it again and the worker dies inside the transaction recording it (held on the
 *   audit append lock, so the kill lands there for certain); pressing again meanwhile gets a 503 and
 *   changes nothing; the first request, accepted by the workflow before the kill, does not wait for the
 *   worker's return: it answers 202 ("recorded and being processed") within the API's bounded wait; once
 *   a worker is back the return is recorded once, with the reviewer's comments, and sends only the
 *   commented section back, once;
 * - the worker dies right after the API acknowledged the lead's revision, inside the transaction writing
 *   version 2 (between the version row and its audit entry): one new version, audited once, reviewed in
 *   round 2 against round 1;
 * - the worker dies right after the API acknowledged the round-2 return: one revision task, one
 *   version 3, round 3 approved, one decree task; one stage span per stage and round throughout.
 * "Nothing more happens" is checked once the workflow waits only on people (no pending activity or
 * workflow task), not after a pause.
 */
const JURISDICTION = '32.05';
const SOCIAL = 'social_rehabilitation_repatriation_reintegration';
/** The transaction-scoped advisory lock every audit append takes ("audit" in ASCII; see audit.repository.ts). */
const AUDIT_APPEND_LOCK = 0x6175646974;

describe('plan of action: a worker killed while the legal review decision is being recorded', () => {
  const env = serviceEnv();
  let api: RunningApi;
  let worker: ServiceProcess;
  const workerLogs: string[] = [];
  let db: Pool;
  let owner: Pool;
  let connection: Connection;
  let temporal: Client;
  const as: Record<string, Api> = {};
  const tokens: Record<string, string> = {};
  const agency: Record<'secretariat' | 'legal' | 'chair' | 'dinsos', string> = { secretariat: '', legal: '', chair: '', dinsos: '' };
  let planId = '';
  const step = sequentialSteps();
  const { openTasks, tasksOf, decide, plan, planWhen } = planDriver(as, () => planId);

  const restartWorker = async () => {
    workerLogs.push(worker.output());
    worker = await startWorker(env);
  };
  const eventsOf = async (taskId: string) => (await db.query(`SELECT kind FROM task_events WHERE task_id = $1 ORDER BY id`, [taskId])).rows.map((r) => r.kind as string);
  const auditOf = async (targetId: string) => (await db.query(`SELECT action FROM audit_log WHERE target_id = $1 ORDER BY seq`, [targetId])).rows.map((r) => r.action as string);
  /** Is anything of a decision still waiting to be recorded (per request, or on the task row)? */
  const stagedOf = async (taskId: string) =>
    (await db.query(`SELECT EXISTS (SELECT 1 FROM task_staged_decisions WHERE task_id = $1) OR EXISTS (SELECT 1 FROM tasks WHERE id = $1 AND (staged_sealed IS NOT NULL OR staged_comments_sealed IS NOT NULL OR staged_data IS NOT NULL)) AS staged`, [taskId])).rows[0].staged as boolean;
  /** Stage and round of every span of the plan, in order. */
  const spans = async () => (await db.query(`SELECT stage, round FROM plan_stage_spans WHERE plan_id = $1 ORDER BY started_at, id`, [planId])).rows.map((r) => `${r.stage}:${r.round}`);
  /** How many tasks of each step (and section) the plan has had, open or not. */
  const taskCounts = async () =>
    Object.fromEntries(
      (await db.query(`SELECT step || coalesce(':' || (context->>'subTaskForce'), '') AS k, count(*)::int AS n FROM tasks WHERE process_id = $1 GROUP BY 1`, [planId])).rows.map((r) => [r.k as string, r.n as number]),
    );
  const versionCount = async () => (await db.query(`SELECT count(*)::int AS n FROM plan_versions WHERE plan_id = $1`, [planId])).rows[0].n as number;
  /** Waits until the plan's workflow waits only on people (see workflowIdle). */
  const idle = () => workflowIdle(temporal, `plan-${planId}`);
  /** Waits until a database session waits on a lock of `kind` (`advisory`, `relation`) running a statement that contains `statement`. */
  const waitingOn = (kind: string, statement: string, what: string) =>
    eventually(async () => ((await owner.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND wait_event = $1 AND strpos(query, $2) > 0`, [kind, statement])).rowCount ? true : undefined), 30_000, what);

  /** A POST that may hang: its answer, or status 0 if none came within `ms`. */
  const postWithin = (who: string, path: string, body: unknown, ms: number): Promise<{ status: number; body: any }> => // eslint-disable-line @typescript-eslint/no-explicit-any
    fetch(`${api.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` }, body: JSON.stringify(body), signal: AbortSignal.timeout(ms) }).then(
      async (r) => ({ status: r.status, body: await r.json() }),
      (err: Error) => ({ status: 0, body: { error: String(err) } }),
    );

  /** An agency of the regency with one position held by a new person, who is logged in as `who`. */
  async function staffed(who: keyof typeof agency, name: string, kind: string, subTaskForces: string[], title: string, role: string) {
    const created = await as.admin.post('/agencies', { jurisdictionCode: JURISDICTION, name, kind, subTaskForces });
    expect(created.status).toBe(201);
    agency[who] = created.body.id;
    const position = await as.admin.post(`/agencies/${created.body.id}/positions`, { title, roles: [role], representsAgency: true });
    const password = 'sandi-uji-rad-garut';
    const person = await as.admin.post('/people', { agencyId: created.body.id, fullName: `${title} (uji RAD)`, email: `${who}.${created.body.id.slice(0, 8)}@gugus.test`, password });
    expect([position.status, person.status]).toEqual([201, 201]);
    expect((await as.admin.put(`/positions/${position.body.id}/holder`, { personId: person.body.id })).status).toBe(200);
    tokens[who] = (await login(api.url, person.body.email, password)).accessToken;
    as[who] = client(api.url, tokens[who]);
  }

  beforeAll(async () => {
    db = new Pool({ connectionString: testEnv().databaseUrl, max: 2 });
    // Two sessions hold locks while a third watches who waits on them.
    owner = new Pool({ connectionString: testEnv().ownerDatabaseUrl, max: 4 });
    connection = await Connection.connect({ address: testEnv().temporalAddress });
    temporal = temporalClient(connection);
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    as.admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    // Kabupaten Garut's task force, formed on demand, with what a plan needs: a secretariat, a legal
    // department, a chair, and a member agency that leads the social rehabilitation Sub-TF.
    expect((await as.admin.put(`/task-forces/${JURISDICTION}`)).status).toBe(200);
    await staffed('secretariat', 'DP2KBP3A Kabupaten Garut (uji RAD)', 'women_child_protection_office', ['prevention_child_participation'], 'Sekretaris Gugus Tugas', 'secretariat');
    await staffed('legal', 'Bagian Hukum Setda Kabupaten Garut (uji RAD)', 'legal_bureau', [], 'Analis Hukum', 'legal_reviewer');
    await staffed('chair', 'Sekretariat Daerah Kabupaten Garut (uji RAD)', 'government_office', [], 'Wakil Bupati', 'chair');
    await staffed('dinsos', 'Dinas Sosial Kabupaten Garut (uji RAD)', 'government_office', [SOCIAL], 'Kepala Seksi Rehabilitasi Sosial', 'agency_officer');
    expect((await as.secretariat.put(`/task-forces/${JURISDICTION}/sub-task-forces/${SOCIAL}/lead`, { agencyId: agency.dinsos })).status).toBe(200);
  });

  afterAll(async () => {
    if (worker) writeFileSync(join(repoRoot, 'tmp/plan-durability-worker.log'), [...workerLogs, worker.output()].join('\n----- worker restarted -----\n'));
    await worker?.stop();
    await api?.stop();
    await db?.end();
    await owner?.end();
    await connection?.close();
  });

  const section = (kind: string, index: number) =>
    sectionData(kind, index, { leadAgencyId: kind === SOCIAL ? agency.dinsos : agency.secretariat, responsible: [agency.dinsos, agency.secretariat], implementing: agency.dinsos, budgetSource: 'apbd_regency', fiscalYear: new Date().getUTCFullYear() + 1 });

  let socialActivity = '';
  const returnComments = () => [{ field: `/sections/${SOCIAL}/activities/${socialActivity}`, text: 'Indikator belum terukur: sebutkan jumlah korban yang direhabilitasi per tahun.' }];

  step('a Garut plan gets 5 sections, without Legal Norm Development; drafted, compiled and commented, it reaches legal review', async () => {
    const periodStart = new Date().getUTCFullYear() + 1;
    const res = await as.secretariat.post('/plans', { jurisdictionCode: JURISDICTION, periodStart, periodYears: 5, workingGroup: [{ agencyId: agency.secretariat, positionTitle: 'Sekretaris Gugus Tugas', part: 'facilitator' }] });
    expect(res.status).toBe(201);
    planId = res.body.id;
    const kinds = res.body.sectionKinds as string[];
    expect(kinds).toHaveLength(5);
    expect(kinds).not.toContain('legal_norm_development');
    const mine = await tasksOf('secretariat', 'section', 4);
    const [social] = await tasksOf('dinsos', 'section', 1);
    for (const t of mine) {
      const kind = (await as.secretariat.get(`/tasks/${t.id}`)).body.context.subTaskForce as string;
      await decide('secretariat', t.id, { outcome: 'completed', data: section(kind, kinds.indexOf(kind)) });
    }
    await decide('dinsos', social.id, { outcome: 'completed', data: section(SOCIAL, kinds.indexOf(SOCIAL)) });
    // The one member agency comments without remarks: nothing to revise, straight to legal review.
    const [comment] = await tasksOf('dinsos', 'member-comment', 1);
    await decide('dinsos', comment.id, { outcome: 'completed' });
    const p = await planWhen((x) => x.stage === 'legal_review', 'legal review, round 1');
    expect(p.versions).toHaveLength(1);
    expect(p.current.activityCount).toBe(10);
    await tasksOf('legal', 'legal-review', 1);
    expect(await spans()).toEqual(['drafting:0', 'member_comments:0', 'legal_review:1']);
    socialActivity = ((p.current.content.sections as PlanSection[]).find((s) => s.subTaskForce === SOCIAL) as PlanSection).activities[0].activityId;
  });

  step('with no worker running, the return is refused with a clear 503 and nothing is recorded', async () => {
    const [review] = await tasksOf('legal', 'legal-review', 1);
    await worker.kill();
    const started = Date.now();
    const res = await postWithin('legal', `/tasks/${review.id}/decision`, { outcome: 'returned', comments: returnComments() }, 60_000);
    expect({ status: res.status, code: res.body.code }).toEqual({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(res.body.message).toContain('Temporal');
    // Answered within the API's wait for the workflow to accept a decision (10 s), not when the worker returns.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await stagedOf(review.id)).toBe(false);
    await restartWorker();
    await idle();
    expect(await eventsOf(review.id)).toEqual(['created']);
    expect(await auditOf(review.id)).toEqual(['task.create']);
    expect(await stagedOf(review.id)).toBe(false);
    expect((await as.legal.get(`/tasks/${review.id}`)).body.status).toBe('open');
    expect(await spans()).toEqual(['drafting:0', 'member_comments:0', 'legal_review:1']);
  });

  let review1 = '';
  step('the worker dies inside the transaction recording the return; the reviewer presses again meanwhile; the first press answers 202 without the worker; once a worker is back the return is recorded once, with its comments', async () => {
    const [review] = await tasksOf('legal', 'legal-review', 1);
    review1 = review.id;
    const body = { outcome: 'returned', comments: returnComments() };
    // Hold the audit append lock: the activity's transaction locks and changes the task, then waits here.
    const lock: PoolClient = await owner.connect();
    let first: ReturnType<typeof postWithin>;
    let sentAt = 0;
    try {
      await lock.query('SELECT pg_advisory_lock($1)', [AUDIT_APPEND_LOCK]);
      sentAt = Date.now();
      first = postWithin('legal', `/tasks/${review.id}/decision`, body, 170_000);
      await waitingOn('advisory', 'pg_advisory_xact_lock', "the worker's recording transaction to wait on the audit lock");
      await worker.kill();
    } finally {
      await lock.query('SELECT pg_advisory_unlock($1)', [AUDIT_APPEND_LOCK]);
      lock.release();
    }
    // The dead worker's transaction is rolled back: nothing of it stays.
    await eventually(async () => ((await owner.query(`SELECT 1 FROM pg_stat_activity WHERE wait_event = 'advisory' OR (state LIKE 'idle in transaction%' AND backend_xid IS NOT NULL)`)).rowCount ? undefined : true), 30_000, 'the dead transaction to end');
    expect(await eventsOf(review.id)).toEqual(['created']);
    // No answer yet: the reviewer presses again while no worker runs.
    const again = await postWithin('legal', `/tasks/${review.id}/decision`, { outcome: 'returned', comments: [{ field: `/sections/${SOCIAL}`, text: 'Komentar kedua yang tidak boleh tercatat.' }] }, 30_000);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    // The first press was accepted before the kill: with no worker to record it, the API stops waiting after
    // its bound and says the decision stands and is being processed (202, both languages), not a 5xx.
    const res = await first;
    expect(Date.now() - sentAt).toBeLessThan(DECISION_ACCEPT_WAIT_MS + DECISION_RESULT_WAIT_MS + 15_000);
    expect({ status: res.status, outcome: res.body.status, act: res.body.can?.act }).toEqual({ status: 202, outcome: 'open', act: false });
    expect(res.body.processing).toEqual({ id: expect.stringContaining('sedang dicatat'), en: expect.stringContaining('being recorded') });
    expect(await eventsOf(review.id)).toEqual(['created']);
    await restartWorker();
    const recorded = await eventually(async () => {
      const page = (await as.legal.get(`/tasks/${review.id}`)).body;
      return page.status === 'returned' ? page : undefined;
    }, 120_000, 'the accepted return to be recorded once a worker is back');
    expect(recorded.comments).toEqual(returnComments());
    // Exactly once: one event, one audit entry, the comments the reviewer wrote (not the second press's).
    await idle();
    expect(await eventsOf(review.id)).toEqual(['created', 'returned']);
    expect(await auditOf(review.id)).toEqual(['task.create', 'task.returned']);
    expect(await stagedOf(review.id)).toBe(false);
    const page = (await as.legal.get(`/tasks/${review.id}`)).body;
    expect(page.comments).toEqual(returnComments());
    expect(page.history.filter((h: { kind: string }) => h.kind === 'returned')).toEqual([expect.objectContaining({ detail: expect.objectContaining({ commentCount: 1, comments: returnComments() }) })]);
    // Only the commented section goes back, once, to its lead, who sees the comment.
    const [revision] = await tasksOf('dinsos', 'section-revision', 1);
    expect(await openTasks('secretariat', 'section-revision')).toEqual([]);
    expect((await as.dinsos.get(`/tasks/${revision.id}`)).body.returnedComments).toEqual(returnComments());
    const counts = await taskCounts();
    expect(Object.entries(counts).filter(([k]) => !k.startsWith('section:'))).toEqual(expect.arrayContaining([['member-comment', 1], ['legal-review', 1], [`section-revision:${SOCIAL}`, 1]]));
    expect(Object.keys(counts).filter((k) => k.startsWith('section-revision'))).toEqual([`section-revision:${SOCIAL}`]);
    expect(await spans()).toEqual(['drafting:0', 'member_comments:0', 'legal_review:1', 'legal_revision:2']);
  });

  step('the worker dies right after the API acknowledged the revision, inside the transaction writing version 2: exactly one new version, audited once, reviewed in round 2 against round 1', async () => {
    const [revision] = await tasksOf('dinsos', 'section-revision', 1);
    const data = structuredClone((await as.dinsos.get(`/tasks/${revision.id}`)).body.initialData) as { activities: { indicator: string }[] };
    data.activities[0].indicator = 'Jumlah korban yang direhabilitasi per tahun';
    // Hold new versions back, then their audit entries: the kill lands after the version row is written, before its audit entry.
    const versionsLock: PoolClient = await owner.connect();
    const auditLock: PoolClient = await owner.connect();
    try {
      await versionsLock.query('BEGIN');
      await versionsLock.query('LOCK TABLE plan_versions IN SHARE ROW EXCLUSIVE MODE');
      const ack = await as.dinsos.post(`/tasks/${revision.id}/decision`, { outcome: 'completed', data });
      expect({ status: ack.status, outcome: ack.body.status }).toEqual({ status: 200, outcome: 'completed' });
      await waitingOn('relation', 'INSERT INTO plan_versions', 'the worker to write version 2');
      await auditLock.query('SELECT pg_advisory_lock($1)', [AUDIT_APPEND_LOCK]);
      await versionsLock.query('ROLLBACK');
      await waitingOn('advisory', 'pg_advisory_xact_lock', "version 2's audit entry to wait on the audit lock");
      await worker.kill();
    } finally {
      await versionsLock.query('ROLLBACK');
      versionsLock.release();
      await auditLock.query('SELECT pg_advisory_unlock_all()');
      auditLock.release();
    }
    await restartWorker();
    const p = await planWhen((x) => x.stage === 'legal_review' && x.versions.length === 2, 'version 2 in legal review');
    const [review] = await tasksOf('legal', 'legal-review', 1);
    expect(review.id).not.toBe(review1);
    await idle();
    expect(await versionCount()).toBe(2);
    expect((await auditOf(planId)).filter((a) => a === 'plan.version')).toHaveLength(2);
    expect((await taskCounts())['legal-review']).toBe(2);
    expect((await as.legal.get(`/tasks/${review.id}`)).body.context).toEqual(expect.objectContaining({ kind: 'plan', round: 2, versionSeq: 2, diffFromSeq: 1 }));
    expect(await spans()).toEqual(['drafting:0', 'member_comments:0', 'legal_review:1', 'legal_revision:2', 'legal_review:2']);
    const diff = (await as.legal.get(`/plans/${planId}/diff?from=1&to=2`)).body;
    expect(diff.diff.activitiesChanged).toEqual([expect.objectContaining({ activityId: socialActivity, changes: [expect.objectContaining({ pointer: '/indicator', kind: 'changed', after: 'Jumlah korban yang direhabilitasi per tahun' })] })]);
    expect(diff.addressed).toEqual([expect.objectContaining({ text: returnComments()[0].text })]);
    expect(p.versions).toHaveLength(2);
  });

  step('round 2 is returned and the worker dies right after the acknowledgement; the revision and round 3 happen once, and the approval leads to one decree task', async () => {
    const [review] = await tasksOf('legal', 'legal-review', 1);
    const prevention = ((await plan()).current.content.sections as PlanSection[]).find((s) => s.subTaskForce === 'prevention_child_participation') as PlanSection;
    const comment = { field: `/sections/${prevention.subTaskForce}/activities/${prevention.activities[1].activityId}`, text: 'Rinci satuan biaya sosialisasi per kecamatan.' };
    const ack = await as.legal.post(`/tasks/${review.id}/decision`, { outcome: 'returned', comments: [comment] });
    await worker.kill();
    expect({ status: ack.status, outcome: ack.body.status }).toEqual({ status: 200, outcome: 'returned' });
    await restartWorker();
    const [revision] = await tasksOf('secretariat', 'section-revision', 1);
    expect((await as.secretariat.get(`/tasks/${revision.id}`)).body.returnedComments).toEqual([comment]);
    await idle();
    expect(await eventsOf(review.id)).toEqual(['created', 'returned']);
    expect(Object.entries(await taskCounts()).filter(([k]) => k.startsWith('section-revision'))).toEqual(expect.arrayContaining([[`section-revision:${SOCIAL}`, 1], ['section-revision:prevention_child_participation', 1]]));
    await decide('secretariat', revision.id, { outcome: 'completed', data: (await as.secretariat.get(`/tasks/${revision.id}`)).body.initialData });
    await planWhen((x) => x.stage === 'legal_review' && x.versions.length === 3, 'version 3 in legal review');
    const [round3] = await tasksOf('legal', 'legal-review', 1);
    expect((await as.legal.get(`/tasks/${round3.id}`)).body.context).toEqual(expect.objectContaining({ round: 3, versionSeq: 3, diffFromSeq: 2 }));
    await decide('legal', round3.id, { outcome: 'approved' });
    await tasksOf('chair', 'decree', 1);
    await idle();
    expect(await versionCount()).toBe(3);
    expect((await taskCounts())['decree']).toBe(1);
    expect(await spans()).toEqual(['drafting:0', 'member_comments:0', 'legal_review:1', 'legal_revision:2', 'legal_review:2', 'legal_revision:3', 'legal_review:3', 'endorsement:3']);
  });
});
