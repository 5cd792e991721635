import type { Pool } from 'pg';
import type { CaseList, CaseView } from '@gugus/contracts';
import { browserSession, decodedHistory, eventually, sequentialSteps, startWeb, temporalClient } from '../support';
import { type Api, type CaseStack, caseTasks, fixture, openCasePage, startCaseStack, today } from './support';

/**
 * Issue 11, step 10 — closure at any time for a recorded reason, and reopening — through the built API
 * and worker. A woman presumed a victim declines further assistance while her protection steps and the
 * case conference are still open: the coordinator closes the case with the closure form (her feedback
 * included); every open step is cancelled, the case shows closed and takes no referral. A child's case
 * cannot close as "regained control" before her reunification is even recorded. Later the case is
 * reopened (a code, no free text): it goes back to the case team's conference, and can be closed again
 * for another reason. Other provinces get nothing; the workflow history holds no answer.
 */
const PATH_MARKER = 'Jalan kedepan Cempaka Penandatutup';

describe('closing a case at any time for a recorded reason, and reopening it', () => {
  let stack: CaseStack;
  let db: Pool;
  const as: Record<string, Api> = {};
  let caseId = '';
  let caseCode = '';
  const step = sequentialSteps();

  const { tasksOf, openTask, decide } = caseTasks(as, () => caseId);
  const view = async () => (await as['coordinator'].get(`/cases/${caseCode}?purpose=case_management`)).body as CaseView;
  const closure = (extra: Record<string, unknown> = {}) => ({ data: { ...fixture('case-closure', 'valid-declined-further-assistance'), closureDate: today(), pathForward: PATH_MARKER, ...extra } });
  const taskStatuses = async () => (await db.query(`SELECT step, status FROM tasks WHERE process_id = $1 ORDER BY created_at, id`, [caseId])).rows as { step: string; status: string }[];

  beforeAll(async () => {
    stack = await startCaseStack('case_closure', { caseWorker: 'pekerja.jabar@gugus.test', coordinator: 'koordinator.jabar@gugus.test', kepri: 'admin.kepri@gugus.test', batam: 'koordinator.batam@gugus.test' });
    ({ db } = stack);
    Object.assign(as, stack.as);
  });

  afterAll(async () => {
    await stack?.stop('case-closure');
  });

  step('a woman presumed a victim: her protection steps and the case conference are open', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32', intakeAgencyId: stack.agency.uptd, intakeChannel: 'hotline' });
    expect(opened.status).toBe(201);
    caseCode = (opened.body as CaseView).code;
    caseId = (await db.query(`SELECT id FROM cases WHERE code = $1`, [caseCode])).rows[0].id as string;
    expect((await decide('caseWorker', (await openTask('caseWorker', 'intake')).id, fixture('case-intake', 'valid-indonesian-adult'))).status).toBe(200);
    expect((await decide('caseWorker', (await openTask('caseWorker', 'screening')).id, fixture('victim-screening', 'valid-adult-labour-presumed'))).status).toBe(200);
    await openTask('coordinator', 'conference');
    const open = (await taskStatuses()).filter((t) => t.status === 'open').map((t) => t.step);
    expect(open).toEqual(expect.arrayContaining(['immediate-protection', 'conference']));
  });

  step('bad closures are refused at their field and change nothing; others may not close it', async () => {
    const empty = await as['coordinator'].post(`/cases/${caseCode}/closure`, { data: {} });
    expect([empty.status, empty.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    // A child's case closes as "regained control" only two years after a recorded reunification.
    const early = await as['coordinator'].post(`/cases/${caseCode}/closure`, { data: { ...fixture('case-closure', 'valid-child-regained-control'), closureDate: today() } });
    expect([early.status, early.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['data/closureDate']]);
    expect((await as['kepri'].post(`/cases/${caseCode}/closure`, closure())).status).toBe(403);
    expect((await as['batam'].post(`/cases/${caseCode}/closure`, closure())).status).toBe(404);
    expect((await view()).stage).not.toBe('closed');
    expect((await taskStatuses()).some((t) => t.status === 'cancelled')).toBe(false);
  });

  step('she declines further assistance: the case closes at once with her feedback, and every open step is cancelled', async () => {
    const closed = await as['coordinator'].post(`/cases/${caseCode}/closure`, closure());
    expect([closed.status, closed.body.stage]).toEqual([200, 'closed']);
    expect(closed.body.closedAt).not.toBeNull();
    const statuses = await eventually(async () => ((rows) => (rows.every((t) => t.status !== 'open') ? rows : undefined))(await taskStatuses()), 60_000, 'every open step cancelled');
    expect(statuses.filter((t) => t.status === 'cancelled').map((t) => t.step)).toEqual(expect.arrayContaining(['immediate-protection', 'conference']));
    expect((await tasksOf('coordinator')).length).toBe(0);
    const list = (await as['coordinator'].get('/cases?limit=50&stage=closed')).body as CaseList;
    expect(list.items.map((c) => c.code)).toContain(caseCode);
    // Closed: no second closure, no referral.
    expect((await as['coordinator'].post(`/cases/${caseCode}/closure`, closure())).status).toBe(409);
    expect((await as['coordinator'].post(`/cases/${caseCode}/referrals`, { data: fixture('referral', 'valid-shelter-within-consent') })).status).toBe(409);
    const audited = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.close' AND target_id = $1`, [caseCode])).rows[0].n as number;
    expect(audited).toBe(1);
  });

  step('reopened for new needs: back to the case team\'s conference; a bad reason is refused; an open case cannot be reopened', async () => {
    const bad = await as['coordinator'].post(`/cases/${caseCode}/reopening`, { reason: 'because' });
    expect([bad.status, bad.body.details.fields[0].field]).toEqual([400, 'reason']);
    expect((await as['batam'].post(`/cases/${caseCode}/reopening`, { reason: 'new_needs' })).status).toBe(404);
    // The closed process has ended (its steps are all cancelled) before the coordinator reopens it, in the browser.
    await eventually(async () => ((await as['coordinator'].get(`/cases/${caseCode}/timeline?purpose=case_management`)).body.items.every((i: { status: string }) => i.status !== 'open') ? true : undefined), 60_000, 'the closure finished');
    const [web, browser] = await Promise.all([startWeb(stack.api.url), browserSession()]);
    try {
      const page = await browser.open(web.url, { as: 'koordinator.jabar@gugus.test', path: `/kasus/${caseCode}` });
      await openCasePage(page, web.url, caseCode);
      const card = page.getByTestId('case-closure');
      await card.getByTestId('reopen-reason').selectOption({ label: 'Kebutuhan baru' });
      await browser.shot(page, 'cases-closed-reopen');
      await card.getByTestId('reopen-submit').click();
      await card.getByTestId('case-reopened').waitFor();
      await page.getByTestId('case-record').getByText('Konferensi kasus').waitFor();
      await browser.shot(page, 'cases-reopened');
    } finally {
      await browser.close();
      await web.stop();
    }
    const reopened = { body: await view() };
    expect([reopened.body.stage, reopened.body.closedAt]).toEqual(['case_conference', null]);
    const conference = await openTask('coordinator', 'conference');
    expect(conference.status).toBe('open');
    expect((await as['coordinator'].post(`/cases/${caseCode}/reopening`, { reason: 'new_needs' })).status).toBe(409);
  });

  step('closed again, transferred: the new conference is cancelled too', async () => {
    const closed = await as['coordinator'].post(`/cases/${caseCode}/closure`, closure({ reason: 'transferred', transferNote: 'Contoh fiktif: dipindahkan ke gugus tugas daerah asal.' }));
    expect([closed.status, closed.body.stage]).toEqual([200, 'closed']);
    await eventually(async () => ((rows) => (rows.every((t) => t.status !== 'open') ? true : undefined))(await taskStatuses()), 60_000, 'the new conference cancelled');
    expect((await taskStatuses()).filter((t) => t.step === 'conference' && t.status === 'cancelled')).toHaveLength(2);
  });

  step('a case closed before anyone was identified cannot be reopened (a new case is opened instead)', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32', intakeAgencyId: stack.agency.uptd, intakeChannel: 'hotline' });
    const early = (opened.body as CaseView).code;
    const closed = await as['coordinator'].post(`/cases/${early}/closure`, { data: { ...closure({ reason: 'lost_contact' }).data } });
    expect([closed.status, closed.body.stage]).toEqual([200, 'closed']);
    const again = await as['coordinator'].post(`/cases/${early}/reopening`, { reason: 'new_information' });
    expect([again.status, again.body.message]).toEqual([409, expect.stringContaining('buka kasus baru')]);
  });

  step('no workflow history holds an answer of the closure', async () => {
    const text = await decodedHistory(temporalClient(stack.env.connection), `case-${caseCode}`);
    expect(text).toContain(caseCode);
    expect(text).not.toContain('Cempaka');
  });
});
