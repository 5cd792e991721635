import type { CaseView } from '@gugus/contracts';
import { browserSession, type BrowserSession, eventually, type RunningWeb, sequentialSteps, startWeb } from '../support';
import { fillSchemaForm, type FillSchema } from '../support/schema-form';
import { type Api, type CaseStack, caseTasks, fixture, startCaseStack, today } from './support';

/**
 * Issue 11, acceptance 5, the forms themselves in Chromium: a first responder screens a girl on a
 * phone-sized screen from the screening task in her inbox — the indicator form, filled in and sent as a
 * person does — and the case is presumed a victim; the coordinator then holds the case conference from
 * its task at laptop width, assigning an action to an agency, which gets its task.
 */
const PHONE = { width: 390, height: 844 };

describe('screening on a phone and the case conference, filled in the browser', () => {
  let stack: CaseStack;
  let web: RunningWeb;
  let browser: BrowserSession;
  const as: Record<string, Api> = {};
  let caseId = '';
  let caseCode = '';
  const step = sequentialSteps();
  const { openTask, openTasks } = caseTasks(as, () => caseId);

  /** The form the task page shows (the version in effect, its option lists expanded). */
  const formOf = async (who: string, taskId: string) => ((await as[who].get(`/tasks/${taskId}`)).body as { form: { schema: FillSchema; uiSchema: Record<string, unknown> } }).form;

  beforeAll(async () => {
    stack = await startCaseStack('case_browser_forms', { caseWorker: 'pekerja.jabar@gugus.test', coordinator: 'koordinator.jabar@gugus.test', dinsos: 'dinsos.jabar@gugus.test' });
    Object.assign(as, stack.as);
    [web, browser] = await Promise.all([startWeb(stack.api.url), browserSession()]);
  });

  afterAll(async () => {
    await browser?.close();
    await web?.stop();
    await stack?.stop('case-screening-in-browser');
  });

  step('the first responder screens her on a phone from the task in the inbox: presumed a victim', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32.04', intakeAgencyId: stack.agency.dinkes, intakeChannel: 'police' });
    caseCode = (opened.body as CaseView).code;
    caseId = (await stack.db.query(`SELECT id FROM cases WHERE code = $1`, [caseCode])).rows[0].id as string;
    const intake = await openTask('caseWorker', 'intake');
    expect((await as['caseWorker'].post(`/tasks/${intake.id}/decision`, { outcome: 'completed', data: fixture('case-intake', 'valid-indonesian-adult') })).status).toBe(200);
    const screening = await openTask('caseWorker', 'screening');

    const page = await browser.open(web.url, { as: 'pekerja.jabar@gugus.test', path: '/tugas' });
    await page.setViewportSize(PHONE);
    const row = page.locator(`[data-testid="task-row"][data-task-id="${screening.id}"]`);
    await row.waitFor();
    await row.getByRole('link').first().click();
    const form = page.getByTestId('task-form');
    await form.waitFor();
    const { schema, uiSchema } = await formOf('caseWorker', screening.id);
    const answers: Record<string, unknown> = { ...fixture('victim-screening', 'valid-child-sexual-no-means'), screeningDate: today() };
    await fillSchemaForm(form, schema, uiSchema, answers);
    await browser.shot(page, 'cases-screening-phone');
    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-done').waitFor();
    const view = await eventually(async () => ((v) => (v.identificationStatus === 'presumed' ? v : undefined))((await as['coordinator'].get(`/cases/${caseCode}?purpose=case_management`)).body as CaseView), 60_000, 'presumed a victim');
    expect(['protection', 'case_conference']).toContain(view.stage);
    // What the browser sent is what the fixture says (the form holds no more and no less).
    const stored = (await as['caseWorker'].get(`/tasks/${screening.id}`)).body as { submission: { data: Record<string, unknown> } | null };
    expect(stored.submission?.data).toMatchObject({ result: answers['result'], ageGroup: answers['ageGroup'] });
  });

  step('the coordinator holds the conference from its task: one action assigned to Dinas Sosial, which gets its task', async () => {
    const conference = await openTask('coordinator', 'conference');
    const page = await browser.open(web.url, { as: 'koordinator.jabar@gugus.test', path: `/tugas/${conference.id}` });
    const form = page.getByTestId('task-form');
    await form.waitFor();
    const { schema, uiSchema } = await formOf('coordinator', conference.id);
    const uptd = stack.agency.uptd;
    const data = fixture('case-conference', 'valid-child-no-follow-up');
    Object.assign(data, {
      conferenceDate: today(),
      chairAgencyId: uptd,
      attendingAgencyIds: [uptd],
      actions: [{ description: 'Asesmen kepentingan terbaik anak (contoh fiktif).', agencyId: stack.agency.dinsos, dueDate: today(), service: 'child_protection' }],
    });
    await fillSchemaForm(form, schema, uiSchema, JSON.parse(JSON.stringify(data)) as Record<string, unknown>);
    await browser.shot(page, 'cases-conference-filled');
    await page.getByTestId('task-complete').click();
    await page.getByTestId('task-done').waitFor();
    const [action] = await openTasks('dinsos', 'conference-action', 1);
    expect(action.assignee.agencyId).toBe(stack.agency.dinsos);
  });
});
