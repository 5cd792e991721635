import type { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { addMonths, earliestChildClosure } from '@gugus/cases';
import type { AgreementList, AgreementView, CaseList, CaseShareList, CaseShareView, CaseSharedRecordView, CaseView } from '@gugus/contracts';
import { agencyReferences, FORM_LIBRARY } from '@gugus/forms';
import { browserSession, client, decodedHistory, eventually, login, type RunningApi, sequentialSteps, startWeb, temporalClient } from '../support';
import { type Api, type CaseStack, type CaseTask as Task, caseTasks, fixture, openCasePage, startCaseStack, consentDecision, sharingDecision, consentForm, referralForm } from './support';
import { clockSkipper } from '../support';

/**
 * Issue 11, step 9 and acceptance 1 — a cross-region case — through the built API and worker on a
 * time-skipping Temporal server. A 16-year-old girl from Kabupaten Bandung is identified in Kota Batam:
 * Batam's case worker screens her (presumed a victim without the MEANS element), its coordinator gets the
 * immediate protection tasks. Her guardian cannot yet consent to share data with a West Java agency: no
 * agreement covers it. West Java's secretariat enters the cooperation agreement (MoU) with Kota Batam in
 * the register — across levels, a province with a city — and the consent is then recorded; Batam shares
 * the case with West Java's UPTD PPA, which leads her return and reintegration. West Java's coordinator
 * finds the case in the list, reads its record and steps (not its consent or referrals) and the shared
 * record: only what the agreement AND the consent cover. The conference within 48 hours assigns three
 * actions in Riau Islands; shelter is referred in Batam and accepted; health is declined by Batam's health
 * office with a reason and re-referred by the coordinator to the UPTD PPA, which accepts; the girl
 * declines legal aid (recorded as its outcome) and the case goes on. The reintegration plan, her
 * reunification and the follow-ups at 1, 3, 6 and 12 months land in West Java's inboxes; then the agreement
 * is terminated: West Java reads nothing more of the case, and the 24-month follow-up and the closure with
 * her feedback come back to Batam's team.
 */
const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
const WIB = 7 * HOUR;
const MARKER_NAME = 'Kenanga Lintasbatas Penandawati';
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const today = () => jakartaDate(Date.now());

describe('a cross-region case: a girl from Kabupaten Bandung identified in Kota Batam, shared with West Java under an agreement', () => {
  let stack: CaseStack;
  let env: TestWorkflowEnvironment;
  let api: RunningApi;
  let db: Pool;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  let caseId = '';
  let caseCode = '';
  let agreement: AgreementView;
  let share: CaseShareView;
  let reunifiedAt = '';
  const step = sequentialSteps();
  const skipTo = clockSkipper(() => env);

  const { tasksOf, openTasks, decide } = caseTasks(as, () => caseId);
  const caseView = async (who = 'batamCoordinator') => (await as[who].get(`/cases/${caseCode}?purpose=case_management`)).body as CaseView;
  const sharing = sharingDecision;
  // Her guardian's consent to assistance comes with every form here.
  const consent = (decisions: Record<string, unknown>[]) => consentForm([consentDecision('assistance'), ...decisions]);
  const agreementBody = (extra: Record<string, unknown> = {}) => ({
    reference: '119/PKS/GT-TPPO/2026',
    title: 'Kerja sama penanganan korban TPPO antara Gugus Tugas Provinsi Jawa Barat dan Gugus Tugas Kota Batam (contoh fiktif)',
    partyA: '32',
    partyB: '21.71',
    dataCategories: ['profile', 'family', 'screening', 'risk_assessment', 'needs_and_plan'],
    signedOn: jakartaDate(Date.now() - 40 * DAY),
    validFrom: jakartaDate(Date.now() - 30 * DAY),
    validUntil: jakartaDate(Date.now() + 5 * 365 * DAY),
    ...extra,
  });
  // What the guardian lets West Java's UPTD PPA see: identity is consented but not in the agreement; screening and risk are in the agreement but not consented.
  const JABAR_CONSENTED = ['identity', 'profile', 'family', 'needs_and_plan'];
  const JABAR_SEES = ['profile', 'family', 'needs_and_plan'];
  const JABAR_WITHHELD = ['screening', 'risk_assessment'];

  beforeAll(async () => {
    stack = await startCaseStack('case_cross_region', {
      batamWorker: 'pekerja.batam@gugus.test',
      batamCoordinator: 'koordinator.batam@gugus.test',
      batamOfficer: 'dinsos.batam@gugus.test',
      kepri: 'admin.kepri@gugus.test',
      secretariat: 'sekretariat.jabar@gugus.test',
      jabarCoordinator: 'koordinator.jabar@gugus.test',
      jabarWorker: 'pekerja.jabar@gugus.test',
      dinkes: 'dinkes.bandung@gugus.test',
    });
    ({ env, api, db } = stack);
    Object.assign(as, stack.as);
    const rows = (await db.query(`SELECT id, name FROM agencies WHERE jurisdiction_code IN ('21', '21.71')`)).rows as { id: string; name: string }[];
    for (const r of rows) agency[r.name] = r.id;
    agency['uptdJabar'] = stack.agency.uptd;
    // Kota Batam's health office, with an officer who answers referrals (entered by the Riau Islands administrator).
    const dinkes = await as['kepri'].post('/agencies', { jurisdictionCode: '21.71', name: 'Dinas Kesehatan Kota Batam', kind: 'government_office' });
    const position = await as['kepri'].post(`/agencies/${dinkes.body.id}/positions`, { title: 'Staf Pelayanan Kesehatan', roles: ['agency_officer'] });
    const person = await as['kepri'].post('/people', { agencyId: dinkes.body.id, fullName: 'Petugas Kesehatan Batam (contoh fiktif)', email: 'dinkes.batam.uji@gugus.test', password: 'sandi-uji-dinkes-batam' });
    expect([dinkes.status, position.status, person.status]).toEqual([201, 201, 201]);
    expect((await as['kepri'].put(`/positions/${position.body.id}/holder`, { personId: person.body.id })).status).toBe(200);
    agency['Dinas Kesehatan Kota Batam'] = dinkes.body.id as string;
    as['batamHealth'] = client(stack.api.url, (await login(stack.api.url, 'dinkes.batam.uji@gugus.test', 'sandi-uji-dinkes-batam')).accessToken);
  });

  afterAll(async () => {
    await stack?.stop('case-cross-region');
  });

  step('Kota Batam screens the girl: presumed a victim without MEANS; immediate protection opens for Batam\'s coordinator', async () => {
    const opened = await as['batamWorker'].post('/cases', { jurisdictionCode: '21.71', intakeAgencyId: agency['UPTD PPA Kota Batam'], intakeChannel: 'border_post' });
    expect(opened.status).toBe(201);
    caseCode = (opened.body as CaseView).code;
    expect(caseCode).toMatch(/^21\.71-\d{4}-0001$/);
    caseId = (await db.query(`SELECT id FROM cases WHERE code = $1`, [caseCode])).rows[0].id as string;
    const intake = fixture('case-intake', 'valid-indonesian-adult');
    (intake['identity'] as Record<string, unknown>)['fullName'] = MARKER_NAME;
    const [intakeTask] = await openTasks('batamWorker', 'intake', 1);
    expect((await decide('batamWorker', intakeTask.id, intake)).status).toBe(200);
    const [screening] = await openTasks('batamWorker', 'screening', 1);
    const screened = fixture('victim-screening', 'valid-child-sexual-no-means');
    expect(screened['means']).toBeUndefined();
    expect((await decide('batamWorker', screening.id, screened)).status).toBe(200);
    const protection = await eventually(async () => ((list) => (list.length ? list : undefined))((await tasksOf('batamCoordinator')).filter((t) => t.step === 'immediate-protection')), 120_000, 'protection tasks');
    expect(protection.every((t) => t.assignee.agencyId === agency['UPTD PPA Kota Batam'])).toBe(true);
    const view = await caseView();
    expect([view.identificationStatus, view.access, view.agencyJurisdictions]).toEqual(['presumed', 'team', ['21.71', '21']]);
  });

  step('without an agreement, consent to share with a West Java agency is refused at the agency field', async () => {
    const res = await as['batamCoordinator'].post(`/cases/${caseCode}/consents`, consent([sharing(agency['uptdJabar'], JABAR_CONSENTED)]));
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(res.body.details.fields).toEqual([expect.objectContaining({ field: 'data/decisions/1/agencyId' })]);
  });

  step('the register: West Java\'s secretariat enters the agreement with Kota Batam; bad entries are refused by field; who may read and enter it', async () => {
    const bad = await as['secretariat'].post('/agreements', agreementBody({ partyB: '32.04', dataCategories: ['profile', 'names'], validUntil: '2020-02-30' }));
    expect([bad.status, bad.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['partyB', 'dataCategories/1', 'validUntil']]);
    expect(bad.body.details.fields[0].message).toContain('provinsi sudah melayani');
    // An agency officer records no agreement; a regency's secretariat cannot enter one for its province.
    expect((await as['batamOfficer'].post('/agreements', agreementBody())).status).toBe(403);
    const created = await as['secretariat'].post('/agreements', agreementBody());
    expect(created.status).toBe(201);
    agreement = created.body as AgreementView;
    expect(agreement).toMatchObject({ parties: [{ code: '32', name: 'Jawa Barat' }, { code: '21.71', name: expect.stringMatching(/batam/i) }], status: 'active', terminatedOn: null, canTerminate: true });
    expect((await as['secretariat'].post('/agreements', agreementBody())).status).toBe(409);
    // Both parties' case teams see it (Batam's, and Riau Islands' administrator over Batam); a Bandung agency officer may not read the register.
    for (const who of ['batamCoordinator', 'kepri', 'jabarCoordinator']) {
      const list = (await as[who].get('/agreements')).body as AgreementList;
      expect(list.items.map((a) => a.id)).toContain(agreement.id);
    }
    expect(((await as['batamCoordinator'].get('/agreements')).body as AgreementList).items[0].canTerminate).toBe(false);
    expect((await as['dinkes'].get('/agreements')).status).toBe(403);
    const audited = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'agreement.record' AND target_id = $1`, [agreement.id])).rows[0].n as number;
    expect(audited).toBe(1);
  });

  step('under the agreement the guardian\'s consent names West Java\'s UPTD PPA; Batam shares the case with it, West Java leading her reintegration', async () => {
    const consented = await as['batamCoordinator'].post(`/cases/${caseCode}/consents`, consent([sharing(agency['uptdJabar'], JABAR_CONSENTED), sharing(agency['Dinas Sosial Kota Batam'], ['profile', 'risk_assessment', 'needs_and_plan'])]));
    expect(consented.status).toBe(201);
    expect((await caseView()).agencyJurisdictions).toEqual(['21.71', '21', '32']);
    // A Batam agency is not the other party; an unknown agreement is none of this case's; an agency officer cannot share.
    const ownSide = await as['batamCoordinator'].post(`/cases/${caseCode}/shares`, { agreementId: agreement.id, partnerAgencyId: agency['Dinas Sosial Kota Batam'], leadsReintegration: true });
    expect([ownSide.status, ownSide.body.details.fields[0].field]).toEqual([400, 'partnerAgencyId']);
    const unknown = await as['batamCoordinator'].post(`/cases/${caseCode}/shares`, { agreementId: '00000000-0000-4000-8000-000000000000', partnerAgencyId: agency['uptdJabar'], leadsReintegration: true });
    expect([unknown.status, unknown.body.details.fields[0].field]).toEqual([400, 'agreementId']);
    expect((await as['batamOfficer'].post(`/cases/${caseCode}/shares`, { agreementId: agreement.id, partnerAgencyId: agency['uptdJabar'], leadsReintegration: true })).status).toBe(403);
    // West Java's coordinator cannot share a Batam case (404, as for any case not theirs).
    expect((await as['jabarCoordinator'].post(`/cases/${caseCode}/shares`, { agreementId: agreement.id, partnerAgencyId: agency['uptdJabar'], leadsReintegration: true })).status).toBe(404);
    const shared = await as['batamCoordinator'].post(`/cases/${caseCode}/shares`, { agreementId: agreement.id, partnerAgencyId: agency['uptdJabar'], leadsReintegration: true });
    expect([shared.status, shared.body.details]).toEqual([201, undefined]);
    share = shared.body as CaseShareView;
    expect(share).toMatchObject({ caseCode, partnerAgency: { id: agency['uptdJabar'], name: 'UPTD PPA Provinsi Jawa Barat', jurisdictionCode: '32' }, leadsReintegration: true, active: true, endedAt: null });
    expect((await as['batamCoordinator'].post(`/cases/${caseCode}/shares`, { agreementId: agreement.id, partnerAgencyId: agency['uptdJabar'], leadsReintegration: false })).status).toBe(409);
    // A partner is reached through the share (bounded by the agreement), never through a referral (which it would not bound).
    const toPartner = await as['batamCoordinator'].post(`/cases/${caseCode}/referrals`, {
      data: { ...fixture('referral', 'valid-shelter-within-consent'), referralDate: today(), serviceType: 'reintegration', receivingAgencyId: agency['uptdJabar'], ageGroup: 'child', consentedCategories: [], sharedDataCategories: [] },
    });
    expect([toPartner.status, toPartner.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['data/receivingAgencyId']]);
    // West Java's UPTD PPA is told, by the case code alone.
    const notes = (await as['jabarCoordinator'].get('/notifications?limit=50')).body.items as { kind: string; title: { id: string }; body: { id: string } }[];
    const note = notes.find((n) => n.kind === 'case.shared');
    expect(note?.title.id).toBe(`Kasus ${caseCode} dibagikan dengan lembaga Anda`);
    expect(JSON.stringify(note)).not.toContain(MARKER_NAME);
  });

  step('West Java\'s coordinator finds the case, reads its record and steps as a partner — not its consent or referrals; others get nothing', async () => {
    const list = (await as['jabarCoordinator'].get('/cases?limit=50')).body as CaseList;
    expect(list.items.map((c) => c.code)).toContain(caseCode);
    const view = await caseView('jabarCoordinator');
    expect([view.code, view.access, view.stage]).toEqual([caseCode, 'partner', expect.any(String)]);
    // The steps, but not what Batam's are about (a need, a service) nor which of its agencies holds them.
    const timeline = (await as['jabarCoordinator'].get(`/cases/${caseCode}/timeline?purpose=case_management`)).body as { items: { step: string; title: { id: string }; agency: { id: string; name: string | null } }[] };
    const protection = timeline.items.filter((i) => i.step === 'immediate-protection');
    expect(protection.length).toBeGreaterThan(0);
    expect(protection.map((i) => [i.title.id, i.agency])).toEqual(protection.map(() => [`Perlindungan segera — kasus ${caseCode}`, { id: '', name: null }]));
    expect(JSON.stringify(timeline)).not.toContain('UPTD PPA Kota Batam');
    expect((await as['jabarCoordinator'].get(`/cases/${caseCode}/consents?purpose=case_management`)).status).toBe(404);
    expect((await as['jabarCoordinator'].get(`/cases/${caseCode}/referrals?purpose=case_management`)).status).toBe(404);
    const shares = (await as['jabarCoordinator'].get(`/cases/${caseCode}/shares?purpose=case_management`)).body as CaseShareList;
    expect([shares.items.map((s) => s.id), shares.agreements]).toEqual([[share.id], []]);
    // No case role: the Riau Islands administrator and a Bandung agency officer are refused.
    expect((await as['kepri'].get(`/cases/${caseCode}?purpose=supervision`)).status).toBe(403);
    expect((await as['dinkes'].get(`/cases/${caseCode}?purpose=supervision`)).status).toBe(403);
    // Every opening by the partner is in the audit trail, with its purpose.
    const me = (await as['jabarCoordinator'].get('/auth/me')).body.personId as string;
    const reads = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case.read' AND target_id = $1 AND actor_id = $2 AND purpose = 'case_management'`, [caseCode, me])).rows[0].n as number;
    expect(reads).toBe(1);
  });

  step('the shared record holds only what the agreement and the consent both cover; the rest is listed as withheld; no name', async () => {
    const res = await as['jabarCoordinator'].get(`/cases/${caseCode}/shares/${share.id}/record?purpose=case_management`);
    expect(res.status).toBe(200);
    const record = res.body as CaseSharedRecordView;
    expect([record.categories, record.withheld, record.consent.status]).toEqual([JABAR_SEES, JABAR_WITHHELD, 'granted']);
    expect(record.documents.length).toBeGreaterThan(0);
    expect(JSON.stringify(record)).not.toContain(MARKER_NAME);
    // Batam's team sees the same as its partner does; a Bandung officer gets 403, an unknown share 404.
    expect(((await as['batamCoordinator'].get(`/cases/${caseCode}/shares/${share.id}/record?purpose=case_management`)).body as CaseSharedRecordView).categories).toEqual(JABAR_SEES);
    expect((await as['dinkes'].get(`/cases/${caseCode}/shares/${share.id}/record?purpose=case_management`)).status).toBe(403);
    expect((await as['jabarCoordinator'].get(`/cases/${caseCode}/shares/00000000-0000-4000-8000-000000000000/record?purpose=case_management`)).status).toBe(404);
    expect((await as['jabarCoordinator'].get(`/cases/${caseCode}/shares/${share.id}/record`)).status).toBe(400);
    const audited = (await db.query(`SELECT count(*)::int AS n FROM audit_log WHERE action = 'case_shared_record.read' AND target_id = $1 AND purpose = 'case_management'`, [caseCode])).rows[0].n as number;
    expect(audited).toBe(2);
  });

  step('in the browser: Batam\'s coordinator sees the share and can pick West Java\'s agencies; West Java\'s coordinator reads the case as a partner; the register', async () => {
    const [web, browser] = await Promise.all([startWeb(api.url), browserSession()]);
    try {
      const signIn = (email: string, path: string) => browser.open(web.url, { as: email, path: path });
      const openCase = async (email: string) => {
        const page = await signIn(email, `/kasus/${caseCode}`);
        await openCasePage(page, web.url, caseCode);
        await page.getByTestId('share-row').first().waitFor();
        return page;
      };
      // Batam: its share, and the share form offering the other party's agencies (West Java's).
      let page = await openCase('koordinator.batam@gugus.test');
      await expect(page.getByTestId('share-row').first().innerText()).resolves.toContain('UPTD PPA Provinsi Jawa Barat');
      await page.getByTestId('share-new').click();
      await page.locator('[data-testid="share-agency"] option', { hasText: 'Dinas Sosial Provinsi Jawa Barat' }).waitFor({ state: 'attached' });
      const offered = await page.locator('[data-testid="share-agency"] option').allInnerTexts();
      expect(offered).toEqual(expect.arrayContaining(['UPTD PPA Provinsi Jawa Barat', 'Dinas Sosial Provinsi Jawa Barat']));
      expect(offered.some((o) => o.includes('Batam'))).toBe(false);
      await browser.shot(page, 'cases-share-batam');

      // West Java: the partner's page — the record, the share and its shared data, no consent or referrals.
      page = await openCase('koordinator.jabar@gugus.test');
      await page.getByTestId('case-partner-notice').waitFor();
      await expect(page.getByTestId('case-consent').count()).resolves.toBe(0);
      await expect(page.getByTestId('case-referrals').count()).resolves.toBe(0);
      await page.getByTestId('share-record-toggle').click();
      const record = page.getByTestId('shared-record');
      await record.getByTestId('shared-record-field').first().waitFor();
      await expect(record.getByTestId('shared-record-withheld').innerText()).resolves.toContain('Hasil penapisan');
      await expect(record.innerText()).resolves.not.toContain(MARKER_NAME);
      await browser.shot(page, 'cases-share-partner');

      // The register, as West Java's secretariat keeps it.
      page = await signIn('sekretariat.jabar@gugus.test', '/perjanjian-kerja-sama');
      await page.getByTestId('agreement-row').first().waitFor();
      await expect(page.getByTestId('agreement-parties').first().innerText()).resolves.toContain('Jawa Barat (32)');
      await browser.shot(page, 'cases-agreements');
    } finally {
      await browser.close();
      await web.stop();
    }
  });

  step('the conference, due within 48 hours, assigns three actions in Riau Islands; shelter is referred in Batam and accepted', async () => {
    const [conference] = await openTasks('batamCoordinator', 'conference', 1);
    const view = (await as['batamCoordinator'].get(`/tasks/${conference.id}`)).body;
    expect(Date.parse(view.dueAt) - Date.parse(view.createdAt)).toBe(48 * HOUR);
    const now = await env.currentTimeMs();
    const uptd = agency['UPTD PPA Kota Batam'];
    const dinsos = agency['Dinas Sosial Kota Batam'];
    const province = agency['DP3AP2KB Provinsi Kepulauan Riau'];
    const data = fixture('case-conference', 'valid-child-no-follow-up');
    Object.assign(data, {
      conferenceDate: jakartaDate(now),
      chairAgencyId: uptd,
      attendingAgencyIds: [uptd, dinsos, province],
      actions: [
        { description: 'Rumah aman sementara (contoh fiktif).', agencyId: uptd, dueDate: jakartaDate(now + 2 * DAY), service: 'shelter' },
        { description: 'Pendampingan psikososial (contoh fiktif).', agencyId: dinsos, dueDate: jakartaDate(now + 5 * DAY), service: 'psychosocial' },
        { description: 'Koordinasi pemulangan dengan Jawa Barat (contoh fiktif).', agencyId: province, dueDate: jakartaDate(now + 7 * DAY), service: 'repatriation' },
      ],
    });
    expect((await decide('batamCoordinator', conference.id, data)).status).toBe(200);
    const actions = await eventually(async () => ((list) => (list.length === 3 ? list : undefined))((await db.query(`SELECT assignee_agency_id FROM tasks WHERE process_id = $1 AND step = 'conference-action'`, [caseId])).rows as { assignee_agency_id: string }[]), 120_000, 'three actions');
    expect(actions.map((a) => a.assignee_agency_id).sort()).toEqual([uptd, dinsos, province].sort());

    const referral = referralForm('shelter', dinsos, ['profile', 'risk_assessment', 'needs_and_plan']).data;
    expect((await as['batamCoordinator'].post(`/cases/${caseCode}/referrals`, { data: referral })).status).toBe(201);
    const response = await eventually(async () => ((await as['batamOfficer'].get(`/tasks?status=open&limit=100`)).body.items as Task[]).find((t) => t.step === 'referral-response'), 120_000, 'the shelter referral at Dinas Sosial Kota Batam');
    expect((await decide('batamOfficer', response.id, { ...fixture('referral-response', 'valid-accepted'), respondedOn: today(), expectedStartDate: today() })).status).toBe(200);
    await eventually(async () => (((await as['batamCoordinator'].get(`/cases/${caseCode}/referrals?purpose=case_management`)).body.items as { status: string }[])[0]?.status === 'accepted' ? true : undefined), 60_000, 'the referral accepted');
  });

  step('health: Batam\'s health office declines with a reason, the coordinator re-refers to the UPTD PPA, which accepts; legal aid: the girl declines it, recorded, and the case goes on', async () => {
    const health = ['profile', 'medical'];
    const consented = await as['batamCoordinator'].post(`/cases/${caseCode}/consents`, consent([sharing(agency['Dinas Kesehatan Kota Batam'], health), sharing(agency['UPTD PPA Kota Batam'], health)]));
    expect(consented.status).toBe(201);
    const referralOf = referralForm;
    const sent = await as['batamCoordinator'].post(`/cases/${caseCode}/referrals`, referralOf('health_rehabilitation', agency['Dinas Kesehatan Kota Batam'], health));
    expect(sent.status).toBe(201);
    const answer = await eventually(async () => ((await as['batamHealth'].get('/tasks?status=open&limit=100')).body.items as Task[]).find((t) => t.step === 'referral-response' && t.title.id.includes(`#${sent.body.number} kasus`)), 120_000, 'the health referral at Dinas Kesehatan Kota Batam');
    const declined: Record<string, unknown> = { ...fixture('referral-response', 'valid-declined-no-capacity'), respondedOn: today() };
    delete declined['suggestedAgencyId'];
    expect((await decide('batamHealth', answer.id, declined)).status).toBe(200);
    const [again] = await openTasks('batamCoordinator', 're-referral', 1);
    const view = (await as['batamCoordinator'].get(`/tasks/${again.id}`)).body;
    expect(view.review.data).toMatchObject({ decision: 'declined', declineReason: 'no_capacity' });
    expect((await decide('batamCoordinator', again.id, { ...view.initialData, referralDate: today(), receivingAgencyId: agency['UPTD PPA Kota Batam'], consentedCategories: health, sharedDataCategories: health })).status).toBe(200);
    const third = await eventually(async () => (await tasksOf('batamWorker')).find((t) => t.step === 'referral-response'), 120_000, 'the re-referral at the UPTD PPA Kota Batam');
    expect((await decide('batamWorker', third.id, { ...fixture('referral-response', 'valid-accepted'), respondedOn: today(), expectedStartDate: today() })).status).toBe(200);

    // Legal aid: the girl declines it (the provider records it as the outcome); nothing else stops.
    const legal = await as['batamCoordinator'].post(`/cases/${caseCode}/referrals`, referralOf('legal_aid', agency['Dinas Sosial Kota Batam'], ['profile']));
    expect(legal.status).toBe(201);
    const legalAnswer = await eventually(async () => ((await as['batamOfficer'].get('/tasks?status=open&limit=100')).body.items as Task[]).find((t) => t.step === 'referral-response' && t.title.id.includes(`#${legal.body.number} kasus`)), 120_000, 'the legal aid referral');
    expect((await decide('batamOfficer', legalAnswer.id, { ...fixture('referral-response', 'valid-accepted'), respondedOn: today(), expectedStartDate: today() })).status).toBe(200);
    const outcome = await eventually(async () => ((await as['batamOfficer'].get('/tasks?status=open&limit=100')).body.items as Task[]).find((t) => t.step === 'service-outcome' && t.title.id.includes(`#${legal.body.number} kasus`)), 120_000, 'the legal aid outcome task');
    expect((await decide('batamOfficer', outcome.id, { ...fixture('service-outcome', 'valid-medical-declined'), serviceType: 'legal_aid', startDate: today(), endDate: today() })).status).toBe(200);
    const list = await eventually(
      async () => ((l) => (l.find((r) => r.number === legal.body.number)?.status === 'completed' && l.some((r) => r.replacesNumber === sent.body.number && r.status === 'accepted') ? l : undefined))((await as['batamCoordinator'].get(`/cases/${caseCode}/referrals?purpose=case_management`)).body.items as { number: number; status: string; serviceType: string; replacesNumber: number | null }[]),
      60_000,
      'health re-referred and accepted, legal aid declined by the girl',
    );
    expect(list.map((r) => [r.serviceType, r.status])).toEqual([
      ['shelter', 'accepted'],
      ['health_rehabilitation', 'declined'],
      ['health_rehabilitation', 'accepted'],
      ['legal_aid', 'completed'],
    ]);
    expect((await caseView()).closedAt).toBeNull();
  });

  step('return and reintegration land in West Java: the plan, her reunification, for West Java\'s coordinator — none for Batam', async () => {
    const [planTask] = await openTasks('jabarCoordinator', 'reintegration-plan', 1);
    expect(planTask.assignee).toEqual(expect.objectContaining({ agencyId: agency['uptdJabar'], role: 'case_coordinator' }));
    expect((await tasksOf('batamCoordinator')).filter((t) => t.step === 'reintegration-plan')).toEqual([]);
    const view = (await as['jabarCoordinator'].get(`/tasks/${planTask.id}`)).body;
    // West Java's steps are in West Java's region: its agencies are the ones its forms name.
    expect(view.agencyJurisdictions).toEqual(['32']);
    const data = fixture('reintegration-plan', 'valid-child-family-reunification');
    data['followUpMonths'] = [1, 3, 6, 12, 24];
    const { uiSchema } = FORM_LIBRARY.find((f) => f.definition.key === 'reintegration-plan')!.definition;
    for (const { pointer } of agencyReferences(uiSchema, data)) {
      const path = pointer.split('/').slice(1);
      path.slice(0, -1).reduce<Record<string, unknown>>((node, key) => node[key] as Record<string, unknown>, data)[path[path.length - 1]] = agency['uptdJabar'];
    }
    expect((await decide('jabarCoordinator', planTask.id, data)).status).toBe(200);
    const [reunion] = await openTasks('jabarCoordinator', 'reunification', 1);
    // Her return home follows the risk assessment, recorded with it.
    expect((await decide('jabarCoordinator', reunion.id, { ...fixture('reunification-risk', 'valid-adult-family-low-risk'), ageGroup: 'child', assessedOn: today() })).status).toBe(200);
    const after = await eventually(async () => ((v) => (v.reunifiedAt ? v : undefined))(await caseView()), 60_000, 'the reunification recorded');
    // The risk assessed before her return is Batam's to see on its list and page; West Java, a partner, never sees a risk level.
    await eventually(async () => ((await caseView()).riskLevel === 'low' ? true : undefined), 60_000, 'the risk recorded');
    expect((await caseView('jabarCoordinator')).riskLevel).toBeNull();
    const jabarList = (await as['jabarCoordinator'].get('/cases?limit=200')).body as CaseList;
    expect(jabarList.items.find((c) => c.code === caseCode)?.riskLevel).toBeNull();
    expect(((await as['jabarCoordinator'].get('/cases?risk=low&limit=200')).body as CaseList).items.map((c) => c.code)).not.toContain(caseCode);
    reunifiedAt = after.reunifiedAt as string;
    // The plan is shared too, in the categories both cover.
    const record = (await as['jabarCoordinator'].get(`/cases/${caseCode}/shares/${share.id}/record?purpose=case_management`)).body as CaseSharedRecordView;
    expect(record.documents.map((d) => d.formKey)).toContain('reintegration-plan');
  });

  step('follow-ups at 1, 3, 6 and 12 months for West Java\'s case worker; then the agreement is terminated, and month 24 and the closure (with her feedback) come back to Batam', async () => {
    const visitAt = async (who: string, i: number, month: number) => {
      const opensAt = Date.parse(addMonths(reunifiedAt, month));
      await skipTo(opensAt + 60_000);
      const [visit] = await openTasks(who, 'follow-up', 1);
      expect(visit.title.id).toBe(`Kunjungan pemantauan bulan ke-${month}: kasus ${caseCode}`);
      const answers = { ...fixture('follow-up-visit', 'valid-month-12-with-check'), visitNumber: i + 1, monthAfterReintegration: month, visitDate: jakartaDate(opensAt) };
      expect((await decide(who, visit.id, answers)).status).toBe(200);
      await eventually(async () => ((await tasksOf(who)).some((t) => t.id === visit.id) ? undefined : true), 60_000, `visit ${month} done`);
    };
    for (const [i, month] of [1, 3, 6, 12].entries()) await visitAt('jabarWorker', i, month);

    // The agreement ends (only its parties' secretariat or administrators may end it, on a real day after it began).
    expect((await as['batamCoordinator'].post(`/agreements/${agreement.id}/termination`, { terminatedOn: today(), reason: 'x' })).status).toBe(403);
    const bad = await as['secretariat'].post(`/agreements/${agreement.id}/termination`, { terminatedOn: '2001-01-01', reason: 'Tidak diperpanjang' });
    expect([bad.status, bad.body.details.fields[0].field]).toEqual([400, 'terminatedOn']);
    const done = await as['secretariat'].post(`/agreements/${agreement.id}/termination`, { terminatedOn: today(), reason: 'Diakhiri atas kesepakatan kedua pihak (contoh fiktif).' });
    expect([done.status, done.body.status]).toEqual([200, 'terminated']);
    expect((await as['secretariat'].post(`/agreements/${agreement.id}/termination`, { terminatedOn: today(), reason: 'lagi' })).status).toBe(409);

    // The later steps go back to the case's own team, in Batam.
    await visitAt('batamWorker', 4, 24);
    expect((await tasksOf('jabarWorker')).filter((t) => t.step === 'follow-up')).toEqual([]);
    const [closure] = await openTasks('batamCoordinator', 'closure', 1);
    const closing: Record<string, unknown> = { ...fixture('case-closure', 'valid-child-regained-control'), closureDate: earliestChildClosure(reunifiedAt) };
    expect(closing['feedback']).toBeDefined();
    expect((await decide('batamCoordinator', closure.id, closing)).status).toBe(200);
    const closed = await eventually(async () => ((v) => (v.stage === 'closed' ? v : undefined))(await caseView()), 60_000, 'the case closed');
    expect(closed.closedAt).not.toBeNull();
  });

  step('with the agreement terminated, West Java no longer finds or reads the case; Batam sees why', async () => {
    expect((await as['jabarCoordinator'].get(`/cases/${caseCode}?purpose=case_management`)).status).toBe(404);
    expect((await as['jabarCoordinator'].get(`/cases/${caseCode}/shares/${share.id}/record?purpose=case_management`)).status).toBe(404);
    expect(((await as['jabarCoordinator'].get('/cases?limit=50')).body as CaseList).items.map((c) => c.code)).not.toContain(caseCode);
    const record = (await as['batamCoordinator'].get(`/cases/${caseCode}/shares/${share.id}/record?purpose=case_management`)).body as CaseSharedRecordView;
    expect([record.share.active, record.documents, record.notice?.id]).toEqual([false, [], expect.stringContaining('tidak berlaku lagi')]);
  });

  step('no workflow history of the case holds her name', async () => {
    const text = await decodedHistory(temporalClient(env.connection), `case-${caseCode}`);
    expect(text).toContain(caseCode);
    expect(text).not.toContain(MARKER_NAME);
    expect(text).not.toContain('Kenanga');
  });
});
