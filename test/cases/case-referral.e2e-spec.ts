import type { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { DEFAULT_PACKET_CATEGORIES, SERVICE_TYPES } from '@gugus/cases';
import type { CasePacketListView, CaseReferralList, CaseReferralPacketView, CaseView } from '@gugus/contracts';
import { browserSession, decodedHistory, eventually, markersIn, plainDump, type RunningApi, sequentialSteps, startWeb, temporalClient } from '../support';
import { type Api, type CaseStack, categoryAt, fixture, startCaseStack, today, consentDecision, sharingDecision, consentForm, referralForm } from './support';

/**
 * Issue 11, step 6 — referrals as a closed loop, with minimal disclosure — through the built API and
 * worker on a time-skipping Temporal server. A girl's guardian consents to sharing some categories with
 * three agencies. A referral declaring a category the consent does not cover is refused at the field.
 * Shelter goes to the UPTD PPA and is accepted; health goes to Dinas Kesehatan Kabupaten Bandung, is
 * declined with a reason, comes back to the coordinator, who re-refers it (to the UPTD PPA), where it is
 * accepted and closed with an outcome report. Each receiving agency reads the packet: only the answers of
 * the categories its service needs AND the consent for it covers — table-tested over every service type,
 * field by field, through the API and in the rendered page. A withdrawal of consent empties the packet at
 * once (the agency sees when consent was withdrawn) and refuses new sharing; agencies without the
 * referral get 404; every packet read is audited; no workflow history holds an answer.
 */
type Task = { id: string; step: string; title: { id: string; en: string }; assignee: { agencyId: string; role: string } };

const PROCESS = 'case-management';
const MARKER_NAME = 'Melati Rujukanwati Penandasari';
describe('case referrals: closed loop, minimal disclosure, consent withdrawal', () => {
  let stack: CaseStack;
  let env: TestWorkflowEnvironment;
  let api: RunningApi;
  let db: Pool;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  let caseId = '';
  let caseCode = '';
  const step = sequentialSteps();

  const tasksOf = async (who: string) => ((await as[who].get(`/tasks?processKey=${PROCESS}&processId=${caseId}&status=open&limit=100`)).body as { items: Task[] }).items;
  const openTask = (who: string, taskStep: string, titlePart: string) =>
    eventually(async () => (await tasksOf(who)).find((t) => t.step === taskStep && t.title.id.includes(titlePart)), 120_000, `${who}: ${taskStep} "${titlePart}"`);
  const decide = (who: string, taskId: string, data?: Record<string, unknown>) => as[who].post(`/tasks/${taskId}/decision`, { outcome: 'completed', ...(data ? { data } : {}) });
  const packet = async (who: string, number: number, purpose = 'referral_follow_up') => as[who].get(`/cases/${caseCode}/referrals/${number}/packet?purpose=${purpose}`);
  const referrals = async () => ((await as['coordinator'].get(`/cases/${caseCode}/referrals?purpose=case_management`)).body as CaseReferralList).items;
  const referral = referralForm;
  const sharing = sharingDecision;
  const consent = consentForm;
  /** Every answer in a packet is of a category in `allowed` (looked up in the form's own schema). */
  const categoriesIn = (p: CaseReferralPacketView) => new Set(p.documents.flatMap((d) => d.fields.map((f) => categoryAt(d.formKey, f.pointer) ?? `uncategorised:${d.formKey}${f.pointer}`)));

  const UPTD_SHARED = ['identity', 'profile', 'medical', 'risk_assessment', 'needs_and_plan'];
  const DINKES_SHARED = ['profile', 'medical'];
  const DINSOS_SHARED = ['identity', 'profile', 'family', 'exploitation_details', 'screening', 'medical', 'risk_assessment', 'needs_and_plan'];

  beforeAll(async () => {
    stack = await startCaseStack('case_referral', {
      caseWorker: 'pekerja.jabar@gugus.test',
      coordinator: 'koordinator.jabar@gugus.test',
      dinsos: 'dinsos.jabar@gugus.test',
      dinkes: 'dinkes.bandung@gugus.test',
      kepri: 'admin.kepri@gugus.test',
      secretariat: 'sekretariat.jabar@gugus.test',
      admin: 'admin.jabar@gugus.test',
    });
    ({ env, api, db } = stack);
    Object.assign(as, stack.as);
    Object.assign(agency, stack.agency);
  });

  afterAll(async () => {
    await stack?.stop('case-referral');
  });

  step('a girl presumed a victim, her guardian consents to share some categories with three agencies', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32.04', intakeAgencyId: agency['dinkes'], intakeChannel: 'police' });
    expect(opened.status).toBe(201);
    caseCode = (opened.body as CaseView).code;
    caseId = (await db.query(`SELECT id FROM cases WHERE code = $1`, [caseCode])).rows[0].id as string;
    const intake = fixture('case-intake', 'valid-indonesian-adult');
    (intake['identity'] as Record<string, unknown>)['fullName'] = MARKER_NAME;
    expect((await decide('caseWorker', (await openTask('caseWorker', 'intake', caseCode)).id, intake)).status).toBe(200);
    expect((await decide('caseWorker', (await openTask('caseWorker', 'screening', caseCode)).id, fixture('victim-screening', 'valid-child-sexual-no-means'))).status).toBe(200);
    const res = await as['coordinator'].post(`/cases/${caseCode}/consents`, consent([sharing(agency['uptd'], UPTD_SHARED), sharing(agency['dinkes'], DINKES_SHARED), sharing(agency['dinsos'], DINSOS_SHARED)]));
    expect(res.status).toBe(201);
  });

  step('a referral declaring a category the consent does not cover is refused at that field; nothing is sent', async () => {
    const res = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('health_rehabilitation', agency['dinkes'], ['profile', 'identity']));
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details.fields).toEqual([{ field: 'data/sharedDataCategories/1', message: expect.stringContaining('tidak tercakup persetujuan') }]);
    // A case worker of another province, the secretariat: no case role here → refused before anything.
    expect((await as['kepri'].post(`/cases/${caseCode}/referrals`, referral('shelter', agency['uptd'], ['profile']))).status).toBe(403);
    expect(await referrals()).toEqual([]);
  });

  step('shelter to the UPTD PPA: sent, answered by its case worker (accepted); its packet holds what a shelter needs and nothing else', async () => {
    const sent = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('shelter', agency['uptd'], ['profile', 'risk_assessment', 'needs_and_plan']));
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ caseCode, number: 1, serviceType: 'shelter', status: 'sent', receivingAgency: { id: agency['uptd'], name: 'UPTD PPA Provinsi Jawa Barat' }, replacesNumber: null });
    const task = await openTask('caseWorker', 'referral-response', `Rujukan #1 kasus ${caseCode}`);
    expect(task.assignee).toEqual(expect.objectContaining({ agencyId: agency['uptd'], role: 'case_worker' }));
    const p = (await packet('caseWorker', 1)).body as CaseReferralPacketView;
    expect(p.categories).toEqual(['profile', 'risk_assessment', 'needs_and_plan']);
    expect(p.withheld).toEqual([]);
    expect(p.consent.status).toBe('granted');
    expect(JSON.stringify(p)).not.toContain(MARKER_NAME);
    for (const c of categoriesIn(p)) expect(['profile', 'risk_assessment', 'needs_and_plan']).toContain(c);
    expect((await decide('caseWorker', task.id, { ...fixture('referral-response', 'valid-accepted'), respondedOn: today(), expectedStartDate: today() })).status).toBe(200);
    await openTask('caseWorker', 'service-outcome', `rujukan #1 kasus ${caseCode}`);
    expect((await referrals())[0].status).toBe('accepted');
  });

  step('health to Dinas Kesehatan: declined with a reason, back to the coordinator, re-referred to the UPTD PPA, accepted and closed with an outcome report', async () => {
    // The form claims more is consented than is: the server writes what the consent on record covers.
    const sent = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('health_rehabilitation', agency['dinkes'], DINKES_SHARED, { consentedCategories: ['identity', ...DINKES_SHARED] }));
    expect([sent.status, sent.body.number]).toEqual([201, 2]);
    const task = await openTask('dinkes', 'referral-response', `Rujukan #2 kasus ${caseCode}`);
    // Health needs identity, psychosocial and the plan too; the consent for Dinkes covers none of them.
    const p = (await packet('dinkes', 2)).body as CaseReferralPacketView;
    expect([p.categories, p.withheld]).toEqual([DINKES_SHARED, ['identity', 'psychosocial', 'needs_and_plan']]);
    expect(p.notice?.id).toContain('tidak tercakup persetujuan');
    expect(JSON.stringify(p)).not.toContain(MARKER_NAME);
    const declined: Record<string, unknown> = { ...fixture('referral-response', 'valid-declined-no-capacity'), respondedOn: today() };
    delete declined['suggestedAgencyId'];
    expect((await decide('dinkes', task.id, declined)).status).toBe(200);

    const again = await openTask('coordinator', 're-referral', `rujukan #2 kasus ${caseCode} ditolak`);
    const view = (await as['coordinator'].get(`/tasks/${again.id}`)).body;
    // The decline's reason beside the form, and the form as first sent.
    expect(view.review.data).toMatchObject({ decision: 'declined', declineReason: 'no_capacity' });
    expect(view.initialData).toMatchObject({ serviceType: 'health_rehabilitation', receivingAgencyId: agency['dinkes'], consentedCategories: DINKES_SHARED });
    expect((await referrals()).map((r) => [r.number, r.status])).toEqual([[1, 'accepted'], [2, 'declined']]);
    // The declined agency no longer reads the data.
    const after = (await packet('dinkes', 2)).body as CaseReferralPacketView;
    expect([after.documents, after.notice?.id]).toEqual([[], expect.stringContaining('ditolak')]);

    expect((await decide('coordinator', again.id, { ...view.initialData, receivingAgencyId: agency['uptd'], consentedCategories: UPTD_SHARED, sharedDataCategories: ['identity', 'profile', 'medical', 'needs_and_plan'] })).status).toBe(200);
    const third = await openTask('caseWorker', 'referral-response', `Rujukan #3 kasus ${caseCode}`);
    expect((await referrals()).map((r) => [r.number, r.status, r.replacesNumber])).toEqual([
      [1, 'accepted', null],
      [2, 'declined', null],
      [3, 'sent', 2],
    ]);
    // Health at the UPTD: identity is needed and covered now, so the name goes with it.
    const health = (await packet('caseWorker', 3)).body as CaseReferralPacketView;
    expect(health.categories).toEqual(['identity', 'profile', 'medical', 'needs_and_plan']);
    expect(JSON.stringify(health)).toContain(MARKER_NAME);
    expect((await decide('caseWorker', third.id, { ...fixture('referral-response', 'valid-accepted'), respondedOn: today(), expectedStartDate: today() })).status).toBe(200);
    const outcome = await openTask('caseWorker', 'service-outcome', `rujukan #3 kasus ${caseCode}`);
    const outcomeView = (await as['caseWorker'].get(`/tasks/${outcome.id}`)).body;
    expect(outcomeView.initialData).toEqual({ serviceType: 'health_rehabilitation' });
    expect((await decide('caseWorker', outcome.id, { ...fixture('service-outcome', 'valid-shelter-completed'), serviceType: 'health_rehabilitation', startDate: today(), endDate: today() })).status).toBe(200);
    await eventually(async () => ((await referrals())[2].status === 'completed' ? true : undefined), 60_000, 'referral 3 completed');
    await eventually(async () => ((await temporalClient(env.connection).workflow.getHandle(`case-${caseCode}-referral-2`).describe()).status.name === 'COMPLETED' ? true : undefined), 60_000, 'the referral process ended');
  });

  step('consular notification, a return and family contact wait for their own consent, and a child\'s family for an assessment: refused at the service', async () => {
    for (const service of ['immigration_consular', 'repatriation', 'family_tracing']) {
      const refused = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral(service, agency['dinsos'], []));
      expect({ service, status: refused.status, fields: refused.body.details?.fields?.map((f: { field: string }) => f.field) }).toEqual({ service, status: 400, fields: ['data/serviceType'] });
      // A return waits first for the assessment before return (fear of return, non-refoulement, statelessness).
      expect(refused.body.details.fields[0].message).toContain(service === 'repatriation' ? 'penilaian takut kembali' : 'persetujuan');
    }
    const before = (await referrals()).length;
    const decision = (purpose: string) => consentDecision(purpose);
    expect((await as['coordinator'].post(`/cases/${caseCode}/consents`, consent([decision('consular_notification'), decision('return'), decision('family_contact')]))).status).toBe(201);
    expect((await referrals()).length).toBe(before);
    // A child's family is not contacted before a family assessment, even with consent (she has none yet).
    const tracing = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('family_tracing', agency['dinsos'], []));
    expect([tracing.status, tracing.body.details.fields[0].field, tracing.body.details.fields[0].message]).toEqual([400, 'data/serviceType', expect.stringContaining('asesmen keluarga')]);
  });

  step('minimal disclosure, every service type: the packet holds exactly the needed categories the consent covers, field by field', async () => {
    // Family tracing waits for the family assessment in a child's case (the step before): every other service.
    // A return also waits for the assessment before return: a safe, voluntary one is on record.
    expect((await as['coordinator'].post(`/cases/${caseCode}/return-assessments`, { data: fixture('return-assessment', 'valid-safe-voluntary-return') })).status).toBe(201);
    for (const service of SERVICE_TYPES.filter((s) => s !== 'family_tracing')) {
      const needed = DEFAULT_PACKET_CATEGORIES[service];
      const expected: string[] = needed.filter((c) => DINSOS_SHARED.includes(c));
      const sent = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral(service, agency['dinsos'], expected));
      expect({ service, status: sent.status }).toEqual({ service, status: 201 });
      const p = (await packet('dinsos', sent.body.number)).body as CaseReferralPacketView;
      expect({ service, categories: p.categories, withheld: p.withheld }).toEqual({ service, categories: expected, withheld: needed.filter((c: string) => !DINSOS_SHARED.includes(c)) });
      const seen = categoriesIn(p);
      for (const c of seen) expect({ service, category: c, allowed: expected.includes(c) }).toEqual({ service, category: c, allowed: true });
      // What the case's forms hold of an expected category is there (intake, screening and referral hold these).
      for (const c of expected.filter((x) => ['identity', 'profile', 'screening', 'needs_and_plan'].includes(x))) expect({ service, present: seen.has(c), c }).toEqual({ service, present: true, c });
      expect(JSON.stringify(p).includes(MARKER_NAME)).toBe(expected.includes('identity'));
    }
  });

  step('the girl declines legal aid: the provider records it as the outcome; the referral is complete and the case goes on', async () => {
    const legal = (await referrals()).filter((r) => r.serviceType === 'legal_aid' && r.receivingAgency.id === agency['dinsos']).pop()!;
    const answer = await openTask('dinsos', 'referral-response', `Rujukan #${legal.number} kasus ${caseCode}`);
    expect((await decide('dinsos', answer.id, { ...fixture('referral-response', 'valid-accepted'), respondedOn: today(), expectedStartDate: today() })).status).toBe(200);
    const outcome = await openTask('dinsos', 'service-outcome', `rujukan #${legal.number} kasus ${caseCode}`);
    const declined = { ...fixture('service-outcome', 'valid-medical-declined'), serviceType: 'legal_aid', startDate: today(), endDate: today() };
    expect((await decide('dinsos', outcome.id, declined)).status).toBe(200);
    await eventually(async () => ((await referrals()).find((r) => r.number === legal.number)?.status === 'completed' ? true : undefined), 60_000, 'the declined service recorded');
    // Nothing else stops: the case is open and its other steps wait as before.
    const view = (await as['coordinator'].get(`/cases/${caseCode}?purpose=case_management`)).body as CaseView;
    expect([view.closedAt, view.stage]).toEqual([null, 'case_conference']);
    expect((await tasksOf('coordinator')).some((t) => t.step === 'conference')).toBe(true);
  });

  step('in the rendered page: the receiving agency sees its packet (labels, what is withheld and why); the name only where identity is shared', async () => {
    const [web, browser] = await Promise.all([startWeb(api.url), browserSession()]);
    try {
      const page = await browser.open(web.url, { as: 'dinsos.jabar@gugus.test', path: '/tugas' });
      const tasks = (await tasksOf('dinsos')).filter((t) => t.step === 'referral-response');
      const openPacket = async (service: string) => {
        const list = await referrals();
        const number = list.filter((r) => r.serviceType === service && r.receivingAgency.id === agency['dinsos']).pop()?.number as number;
        const task = tasks.find((t) => t.title.id.startsWith(`Rujukan #${number} kasus`)) as Task;
        await page.goto(`${web.url}/tugas/${task.id}`);
        await page.getByTestId('referral-packet').waitFor();
        return page.getByTestId('referral-packet');
      };
      const shelter = await openPacket('shelter');
      await shelter.getByText('Dibagikan sesuai persetujuan:').waitFor();
      expect(await shelter.innerText()).not.toContain(MARKER_NAME);
      await browser.shot(page, 'cases-referral-packet-shelter');
      const police = await openPacket('law_enforcement');
      await police.getByText(MARKER_NAME).first().waitFor();
      await police.getByTestId('packet-withheld').waitFor();
      await browser.shot(page, 'cases-referral-packet-police');
      const other = await openPacket('other');
      await other.getByTestId('packet-empty').waitFor();
      await page.context().close();
    } finally {
      await browser.close();
      await web.stop();
    }
  });

  step('in Chromium: the shelter accepts from its inbox; the health office declines with a reason; the coordinator re-refers from the task it gets back', async () => {
    const shelter = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('shelter', agency['uptd'], ['profile', 'risk_assessment', 'needs_and_plan']));
    const health = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('health_rehabilitation', agency['dinkes'], DINKES_SHARED));
    expect([shelter.status, health.status]).toEqual([201, 201]);
    const [web, browser] = await Promise.all([startWeb(api.url), browserSession()]);
    try {
      const signIn = (email: string) => browser.open(web.url, { as: email, path: '/tugas' });
      /** Opens, from the inbox, the task of `step` whose title names referral `number`. */
      const fromInbox = async (page: Awaited<ReturnType<typeof signIn>>, taskStep: string, number: number) => {
        // The people here have many open tasks from the steps before: page through the inbox to the one.
        let found = false;
        for (let n = 1; n <= 20 && !found; n++) {
          await page.goto(`${web.url}/tugas?hal=${n}`);
          await page.getByTestId('task-list').or(page.getByTestId('inbox-empty')).first().waitFor();
          const row = page.locator(`[data-testid="task-row"][data-step="${taskStep}"]`).filter({ hasText: `#${number} kasus ${caseCode}` });
          if ((await row.count()) === 1) {
            await row.getByRole('link').first().click();
            found = true;
          } else if ((await page.getByTestId('task-row').count()) === 0) break;
        }
        expect({ taskStep, number, found }).toEqual({ taskStep, number, found: true });
        await page.getByTestId('task-form').waitFor();
        return (name: string) => page.getByTestId('task-form').locator(`[data-field="root_${name}"]`);
      };

      await openTask('caseWorker', 'referral-response', `Rujukan #${shelter.body.number} kasus`);
      await openTask('dinkes', 'referral-response', `Rujukan #${health.body.number} kasus`);
      // The UPTD PPA's case worker accepts the shelter referral.
      let page = await signIn('pekerja.jabar@gugus.test');
      let field = await fromInbox(page, 'referral-response', shelter.body.number);
      await page.getByTestId('referral-packet').waitFor();
      await field('respondedOn').locator('input').fill(today());
      await field('decision').getByRole('radio', { name: 'Diterima' }).check();
      await field('expectedStartDate').locator('input').fill(today());
      await browser.shot(page, 'cases-referral-accept');
      await page.getByTestId('task-complete').click();
      await page.getByTestId('task-done').waitFor();

      // Dinas Kesehatan declines the health referral, with its reason.
      page = await signIn('dinkes.bandung@gugus.test');
      field = await fromInbox(page, 'referral-response', health.body.number);
      await field('respondedOn').locator('input').fill(today());
      await field('decision').getByRole('radio', { name: 'Ditolak' }).check();
      await field('declineReason').locator('select').selectOption({ label: 'Kapasitas layanan penuh' });
      await field('declineNote').locator('textarea').fill('Contoh fiktif: ruang rawat penuh bulan ini.');
      await browser.shot(page, 'cases-referral-decline');
      await page.getByTestId('task-complete').click();
      await page.getByTestId('task-done').waitFor();

      // The coordinator gets it back, the form as sent beside the decline, and re-refers to the UPTD PPA.
      await openTask('coordinator', 're-referral', `rujukan #${health.body.number} kasus`);
      page = await signIn('koordinator.jabar@gugus.test');
      field = await fromInbox(page, 're-referral', health.body.number);
      await page.getByTestId('task-review').waitFor();
      await page.getByTestId('task-review').locator('summary').click();
      const reason = page.getByTestId('review-form').locator('[data-field="tinjau_declineReason"]');
      await expect(reason.locator('option:checked').innerText().catch(() => reason.innerText())).resolves.toContain('Kapasitas layanan penuh');
      await field('referralDate').locator('input').fill(today());
      await field('receivingAgencyId').locator('select').selectOption({ label: 'UPTD PPA Provinsi Jawa Barat' });
      await browser.shot(page, 'cases-referral-rerefer');
      await page.getByTestId('task-complete').click();
      await page.getByTestId('task-done').waitFor();
    } finally {
      await browser.close();
      await web.stop();
    }
    const list = await eventually(async () => ((l) => (l.some((r) => r.replacesNumber === health.body.number) ? l : undefined))(await referrals()), 60_000, 'the re-referral sent');
    expect(list.find((r) => r.number === shelter.body.number)?.status).toBe('accepted');
    expect(list.find((r) => r.number === health.body.number)?.status).toBe('declined');
    expect(list.find((r) => r.replacesNumber === health.body.number)).toMatchObject({ serviceType: 'health_rehabilitation', receivingAgency: { id: agency['uptd'] }, status: 'sent' });
  });

  step('the province adjusts what a shelter packet carries: the next read follows; bad lists are refused by name; only its administrators may', async () => {
    const lists = (who: string) => as[who].get('/case-packet-lists/32');
    const shelterOf = (body: CasePacketListView) => body.items.find((i) => i.serviceType === 'shelter');
    // The case team reads the lists, and may not change them.
    const read = await lists('caseWorker');
    expect([read.status, read.body.canEdit, shelterOf(read.body)]).toEqual([200, false, expect.objectContaining({ categories: ['profile', 'risk_assessment', 'needs_and_plan'], adjusted: false })]);
    expect((await as['caseWorker'].put('/case-packet-lists/32/shelter', { categories: ['profile'] })).status).toBe(403);
    expect((await as['kepri'].put('/case-packet-lists/32/shelter', { categories: ['profile'] })).status).toBe(403);
    expect((await as['dinkes'].get('/case-packet-lists/32')).status).toBe(403);
    // Unknown service, unknown category, a category twice, not a list: 400 naming the part.
    const bad = await as['admin'].put('/case-packet-lists/32/shelter', { categories: ['profile', 'shoe_size', 'profile'] });
    expect([bad.status, bad.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['categories/1', 'categories/2']]);
    expect((await as['admin'].put('/case-packet-lists/32/teleportation', { categories: [] })).body.details.fields[0].field).toBe('serviceType');
    expect((await as['admin'].put('/case-packet-lists/32/shelter', { categories: 'profile' })).status).toBe(400);
    expect((await as['admin'].put('/case-packet-lists/32.04/shelter', { categories: [] })).status).toBe(400);

    // In the browser, the administrator narrows shelter to the profile alone.
    const [web, browser] = await Promise.all([startWeb(api.url), browserSession()]);
    try {
      const page = await browser.open(web.url, { as: 'admin.jabar@gugus.test', path: '/pengaturan-proses' });
      await page.getByTestId('packet-lists-link').click();
      await page.waitForURL((url) => url.pathname === '/pengaturan-proses/paket-rujukan');
      const shelter = page.locator('[data-testid="packet-list"][data-service="shelter"]');
      await shelter.getByTestId('packet-list-edit').click();
      for (const name of ['Penilaian risiko dan keamanan', 'Kebutuhan dan rencana layanan']) await shelter.getByRole('checkbox', { name: new RegExp(`^${name}`) }).uncheck();
      await shelter.getByTestId('packet-list-save').click();
      await page.locator('[data-testid="packet-list"][data-service="shelter"][data-adjusted="true"]').waitFor();
      await shelter.getByText('Diubah provinsi').waitFor();
      await browser.shot(page, 'cases-packet-lists');
      await page.context().close();
    } finally {
      await browser.close();
      await web.stop();
    }
    expect(shelterOf((await lists('caseWorker')).body)).toEqual(expect.objectContaining({ categories: ['profile'], adjusted: true }));
    const narrowed = (await packet('caseWorker', 1)).body as CaseReferralPacketView;
    expect([narrowed.categories, [...categoriesIn(narrowed)]]).toEqual([['profile'], ['profile']]);
    // Back to the national default.
    expect((await as['admin'].put('/case-packet-lists/32/shelter', { categories: null })).status).toBe(200);
    expect(((await packet('caseWorker', 1)).body as CaseReferralPacketView).categories).toEqual(['profile', 'risk_assessment', 'needs_and_plan']);
    const audited = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case_packet_list.update' AND target_id = '32:shelter'`)).rows[0].n as number;
    expect(audited).toBe(2);
  });

  step('consent for the UPTD PPA withdrawn: its people are told, its packets empty at once, showing when; new sharing with it refused', async () => {
    const res = await as['coordinator'].post(`/cases/${caseCode}/consents`, consent([{ purpose: 'data_sharing', status: 'withdrawn', agencyId: agency['uptd'], decidedOn: today(), withdrawnOn: today(), method: 'verbal_recorded', interpreterUsed: false }]));
    expect(res.status).toBe(201);
    for (const number of [1, 3]) {
      const p = (await packet('caseWorker', number)).body as CaseReferralPacketView;
      expect({ number, status: p.consent.status, withdrawnOn: p.consent.withdrawnOn, documents: p.documents, categories: p.categories }).toEqual({ number, status: 'withdrawn', withdrawnOn: today(), documents: [], categories: [] });
      expect(JSON.stringify(p)).not.toContain(MARKER_NAME);
    }
    // The UPTD PPA received data (referrals 1 and 3): its people are told, by the case code alone.
    const told = ((await as['caseWorker'].get('/notifications?limit=50')).body.items as { kind: string; title: { id: string }; body: { id: string } }[]).filter((n) => n.kind === 'case.consent_withdrawn');
    expect(told.map((n) => n.title.id)).toEqual([`Persetujuan berbagi data ditarik: kasus ${caseCode}`]);
    expect(told[0].body.id).toContain(today());
    expect(JSON.stringify(told)).not.toContain(MARKER_NAME);
    expect(((await as['dinsos'].get('/notifications?limit=50')).body.items as { kind: string }[]).filter((n) => n.kind === 'case.consent_withdrawn')).toEqual([]);
    const refused = await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('psychosocial', agency['uptd'], ['profile']));
    expect(refused.status).toBe(400);
    expect(refused.body.details.fields[0].message).toContain('ditarik');
    // Nothing but the codes: a referral with no categories still goes (the agency can reach the person through the coordinator).
    expect((await as['coordinator'].post(`/cases/${caseCode}/referrals`, referral('psychosocial', agency['uptd'], []))).status).toBe(201);
  });

  step('who may read a packet: the receiving agency and the case team; anyone else 404; bad numbers 400; every read audited', async () => {
    expect((await packet('dinsos', 1)).status).toBe(404);
    expect((await packet('kepri', 1)).status).toBe(404);
    expect((await packet('secretariat', 1)).status).toBe(404);
    expect((await packet('coordinator', 1, 'case_management')).status).toBe(200);
    expect((await packet('caseWorker', 999)).status).toBe(404);
    for (const bad of ['abc', '0', '99999999999', '-1']) expect((await as['caseWorker'].get(`/cases/${caseCode}/referrals/${bad}/packet?purpose=referral_follow_up`)).status).toBe(400);
    expect((await as['caseWorker'].get(`/cases/${caseCode}/referrals/1/packet`)).status).toBe(400);
    expect((await as['dinkes'].get(`/cases/${caseCode}/referrals?purpose=case_management`)).status).toBe(403);
    const reads = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case_packet.read' AND target_id = $1`, [caseCode])).rows[0].n as number;
    expect(reads).toBeGreaterThanOrEqual(SERVICE_TYPES.length + 7);
  });

  step('the case closes with referrals under way: their open steps are cancelled, they end as cancelled, their agencies read nothing more', async () => {
    const before = await referrals();
    const underWay = before.filter((r) => r.status === 'sent' || r.status === 'accepted');
    expect(underWay.length).toBeGreaterThan(2);
    const dinsosOpen = underWay.find((r) => r.receivingAgency.id === agency['dinsos'])!;
    const closure = { data: { ...fixture('case-closure', 'valid-declined-further-assistance'), closureDate: today() } };
    expect((await as['coordinator'].post(`/cases/${caseCode}/closure`, closure)).status).toBe(200);
    await eventually(async () => ((await referrals()).filter((r) => r.status === 'cancelled').length === underWay.length ? true : undefined), 60_000, 'the referrals under way cancelled');
    const after = new Map((await referrals()).map((r) => [r.number, r.status]));
    // What had ended keeps its status: completed loops and declines stand.
    for (const r of before) expect({ number: r.number, status: after.get(r.number) }).toEqual({ number: r.number, status: r.status === 'sent' || r.status === 'accepted' ? 'cancelled' : r.status });
    await eventually(async () => ((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE process_id = $1 AND status = 'open'`, [caseId])).rows[0].n === 0 ? true : undefined), 60_000, 'no open step left');
    const closed = (await packet('dinsos', dinsosOpen.number)).body as CaseReferralPacketView;
    expect([closed.referral.status, closed.documents, closed.notice?.id]).toEqual(['cancelled', [], `Rujukan #${dinsosOpen.number} dibatalkan karena kasus ${caseCode} ditutup; datanya tidak lagi dibagikan.`]);
  });

  step('privacy probe with intake, screening, consent, referrals and responses filled: no marker in the database dump, the logs or a task title', async () => {
    const markers = [MARKER_NAME, 'Rujukanwati'];
    const dump = await plainDump(stack.own.ownerUrl);
    expect(dump).toContain(caseCode);
    expect(markersIn(dump, markers)).toEqual([]);
    expect(markersIn(stack.api.output(), markers)).toEqual([]);
    expect(markersIn(stack.worker.output(), markers)).toEqual([]);
    const titles = (await db.query(`SELECT title FROM tasks WHERE process_id = $1`, [caseId])).rows.map((r) => JSON.stringify(r.title));
    expect(titles.length).toBeGreaterThan(SERVICE_TYPES.length);
    for (const title of titles) expect(title).toContain(caseCode);
    expect(markersIn(titles.join('\n'), markers)).toEqual([]);
    // Notifications name the case by its code only.
    const notes = (await db.query(`SELECT title, body FROM notifications WHERE link LIKE '/tugas/%' ORDER BY created_at DESC LIMIT 200`)).rows.map((r) => JSON.stringify(r));
    expect(notes.length).toBeGreaterThan(0);
    expect(markersIn(notes.join('\n'), markers)).toEqual([]);
  });

  step('no workflow history of the case or its referrals holds a name or an answer', async () => {
    const temporal = temporalClient(env.connection);
    const count = (await referrals()).length;
    for (const id of [`case-${caseCode}`, ...Array.from({ length: count }, (_, i) => `case-${caseCode}-referral-${i + 1}`)]) {
      const text = await decodedHistory(temporal, id).catch(() => '');
      if (!text) continue;
      expect(text).toContain(caseCode);
      for (const words of [MARKER_NAME, 'Melati', 'kamar penuh', 'perlu tempat tinggal aman']) expect({ id, has: text.includes(words) }).toEqual({ id, has: false });
    }
  });
});
