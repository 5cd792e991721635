import type { Pool } from 'pg';
import type { CaseReferralPacketView, CaseReturnAssessmentList, CaseView, ReturnAssessmentView } from '@gugus/contracts';
import { browserSession, decodedHistory, eventually, sequentialSteps, startWeb, temporalClient } from '../support';
import { type Api, type CaseStack, caseTasks, categoryAt, fixture, openCasePage, startCaseStack, today, consentDecision, consentForm, referralForm } from './support';
import { DEFAULT_PACKET_CATEGORIES } from '@gugus/cases';

/**
 * Issue 11, step 8 and acceptance 2 — the foreign national path — through the built API and worker. An
 * adult foreign national is presumed a victim in West Java. Consular notification is refused without her
 * consent and sent after it. A return cannot be referred before the assessment before return (fear of
 * return, non-refoulement, statelessness); her assessment finds a fear of return, which keeps a return
 * refused and offers an international protection (asylum) referral instead, which goes. When a later
 * assessment finds a return voluntary and safe, it still waits for her consent to return. Her consent to
 * share data with one agency is then withdrawn: that agency's packet shows the withdrawal and its date and
 * holds nothing, and new sharing with it is refused. No assessment's note reaches the audit trail, a
 * listing or a workflow history.
 */
const NOTE_MARKER = 'Catatan penilai Seroja Penandakembali';

describe('a foreign national: consular notification with consent, no return before a safe assessment, protection instead', () => {
  let stack: CaseStack;
  let db: Pool;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  let caseId = '';
  let caseCode = '';
  const step = sequentialSteps();

  const { openTask, decide } = caseTasks(as, () => caseId);
  // She decides for herself, through an interpreter.
  const decision = (purpose: string, status = 'granted', extra: Record<string, unknown> = {}) => consentDecision(purpose, { status, method: 'verbal_recorded', interpreterUsed: true, ...extra });
  const consent = (decisions: Record<string, unknown>[]) => consentForm(decisions, { givenBy: 'person', personViewsHeard: undefined, explanationLanguage: 'Bahasa Tagalog (contoh)' });
  const referral = (service: string, to: string, shared: string[]) => referralForm(service, to, shared, { ageGroup: 'adult' });
  const send = (service: string, to: string, shared: string[] = []) => as['coordinator'].post(`/cases/${caseCode}/referrals`, referral(service, to, shared));
  const assess = (name: string, extra: Record<string, unknown> = {}) => as['coordinator'].post(`/cases/${caseCode}/return-assessments`, { data: { ...fixture('return-assessment', name), assessmentDate: today(), ...extra } });
  const referralCount = async () => ((await as['coordinator'].get(`/cases/${caseCode}/referrals?purpose=case_management`)).body.items as unknown[]).length;
  const SHARED = ['identity', 'profile', 'travel_documents', 'immigration_status'];

  beforeAll(async () => {
    stack = await startCaseStack('case_foreign', { caseWorker: 'pekerja.jabar@gugus.test', coordinator: 'koordinator.jabar@gugus.test', dinsos: 'dinsos.jabar@gugus.test', kepri: 'admin.kepri@gugus.test', batam: 'koordinator.batam@gugus.test' });
    ({ db } = stack);
    Object.assign(as, stack.as);
    Object.assign(agency, stack.agency);
  });

  afterAll(async () => {
    await stack?.stop('case-foreign-national');
  });

  step('an adult foreign national is presumed a victim in West Java', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32', intakeAgencyId: agency['uptd'], intakeChannel: 'labour_inspection' });
    expect(opened.status).toBe(201);
    caseCode = (opened.body as CaseView).code;
    caseId = (await db.query(`SELECT id FROM cases WHERE code = $1`, [caseCode])).rows[0].id as string;
    const intake = fixture('case-intake', 'valid-indonesian-adult');
    Object.assign(intake, { nationalityGroup: 'foreign', countryOfNationality: 'PH', originRegency: undefined });
    (intake['identity'] as Record<string, unknown>)['idDocument'] = { type: 'none' };
    const intakeRes = await decide('caseWorker', (await openTask('caseWorker', 'intake')).id, JSON.parse(JSON.stringify(intake)));
    expect([intakeRes.status, intakeRes.body.details]).toEqual([200, undefined]);
    const screening = { ...fixture('victim-screening', 'valid-adult-labour-presumed'), nationalityGroup: 'foreign' };
    const screened = await decide('caseWorker', (await openTask('caseWorker', 'screening')).id, screening);
    expect([screened.status, screened.body.details]).toEqual([200, undefined]);
    await eventually(async () => (((await as['coordinator'].get(`/cases/${caseCode}?purpose=case_management`)).body as CaseView).identificationStatus === 'presumed' ? true : undefined), 60_000, 'presumed');
  });

  step('consular notification is refused without her consent, and sent once she consents', async () => {
    const refused = await send('immigration_consular', agency['dinsos']);
    expect([refused.status, refused.body.details.fields[0].field, refused.body.details.fields[0].message]).toEqual([400, 'data/serviceType', expect.stringContaining('notifikasi konsuler')]);
    expect(await referralCount()).toBe(0);
    const consented = await as['coordinator'].post(`/cases/${caseCode}/consents`, consent([decision('assistance'), decision('consular_notification'), decision('data_sharing', 'granted', { agencyId: agency['dinsos'], dataCategories: SHARED })]));
    expect(consented.status).toBe(201);
    const sent = await send('immigration_consular', agency['dinsos'], SHARED);
    expect([sent.status, sent.body.number]).toEqual([201, 1]);
  });

  step('no return before the assessment before return; bad assessments are refused at their field and store nothing', async () => {
    const early = await send('repatriation', agency['dinsos']);
    expect([early.status, early.body.details.fields[0].field, early.body.details.fields[0].message]).toEqual([400, 'data/serviceType', expect.stringContaining('penilaian takut kembali')]);
    const contradictory = await assess('valid-fear-of-return', { recommendation: 'voluntary_return' });
    expect([contradictory.status, contradictory.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['data/recommendation']]);
    const incomplete = await assess('valid-fear-of-return', { fearReasons: undefined });
    expect([incomplete.status, incomplete.body.details.fields.map((f: { field: string }) => f.field)]).toEqual([400, ['data/fearReasons']]);
    expect(((await as['coordinator'].get(`/cases/${caseCode}/return-assessments?purpose=case_management`)).body as CaseReturnAssessmentList).items).toEqual([]);
    // Another province: no case role here (403) or a case role elsewhere (404, as for an unknown case).
    expect((await as['kepri'].post(`/cases/${caseCode}/return-assessments`, { data: fixture('return-assessment', 'valid-safe-voluntary-return') })).status).toBe(403);
    expect((await as['batam'].post(`/cases/${caseCode}/return-assessments`, { data: fixture('return-assessment', 'valid-safe-voluntary-return') })).status).toBe(404);
  });

  step('her assessment finds a fear of return: a return stays refused and international protection is offered instead, and goes', async () => {
    const feared = await assess('valid-fear-of-return', { assessorNote: NOTE_MARKER });
    expect(feared.status).toBe(201);
    expect((feared.body as ReturnAssessmentView).outcome).toEqual({ returnAllowed: false, blocks: expect.arrayContaining(['fear_of_return']), offer: 'international_protection' });
    const refused = await send('repatriation', agency['dinsos']);
    expect([refused.status, refused.body.details.fields[0].message]).toEqual([400, expect.stringContaining('perlindungan internasional')]);
    const protection = await send('international_protection', agency['dinsos'], SHARED);
    expect([protection.status, protection.body.serviceType]).toEqual([201, 'international_protection']);
    const list = (await as['coordinator'].get(`/cases/${caseCode}/return-assessments?purpose=case_management`)).body as CaseReturnAssessmentList;
    expect(list.items.map((i) => [i.recommendation, i.outcome.returnAllowed])).toEqual([['international_protection', false]]);
    expect(JSON.stringify(list)).not.toContain(NOTE_MARKER);
    expect((await as['batam'].get(`/cases/${caseCode}/return-assessments?purpose=case_management`)).status).toBe(404);
  });

  step('in the browser: the case page\'s return card says why a return cannot go and offers international protection, which opens the referral form for it', async () => {
    const [web, browser] = await Promise.all([startWeb(stack.api.url), browserSession()]);
    try {
      const page = await browser.open(web.url, { as: 'koordinator.jabar@gugus.test', path: `/kasus/${caseCode}` });
      await openCasePage(page, web.url, caseCode);
      const card = page.getByTestId('case-return');
      const latest = card.getByTestId('return-latest');
      await latest.waitFor();
      await expect(latest.getAttribute('data-allowed')).resolves.toBe('false');
      await expect(card.getByTestId('return-blocks').innerText()).resolves.toContain('takut kembali');
      await expect(card.innerText()).resolves.not.toContain('Seroja');
      await card.getByTestId('return-offer').click();
      const service = page.getByTestId('case-referrals').locator('[data-field="referral_serviceType"] select');
      // rjsf's select holds option indexes: the chosen option's label says which service.
      await eventually(async () => ((await service.locator('option:checked').innerText()) === 'Penapisan kebutuhan perlindungan internasional (suaka)' ? true : undefined), 10_000, 'the referral form open for international protection');
      await card.scrollIntoViewIfNeeded();
      await browser.shot(page, 'cases-return-offer');
    } finally {
      await browser.close();
      await web.stop();
    }
  });

  step('a later assessment finds return voluntary and safe: it still waits for her consent to return, then goes', async () => {
    expect((await assess('valid-safe-voluntary-return')).status).toBe(201);
    const waiting = await send('repatriation', agency['dinsos']);
    expect([waiting.status, waiting.body.details.fields[0].message]).toEqual([400, expect.stringContaining('persetujuan yang bersangkutan untuk kembali')]);
    expect((await as['coordinator'].post(`/cases/${caseCode}/consents`, consent([decision('return')]))).status).toBe(201);
    const sent = await send('repatriation', agency['dinsos'], ['identity', 'profile', 'travel_documents', 'immigration_status']);
    expect([sent.status, sent.body.serviceType]).toEqual([201, 'repatriation']);
  });

  step('family tracing for an adult, with her consent to family contact: its packet holds exactly what it needs and her consent covers, field by field', async () => {
    expect((await as['coordinator'].post(`/cases/${caseCode}/consents`, consent([decision('family_contact')]))).status).toBe(201);
    const sent = await send('family_tracing', agency['dinsos'], ['identity', 'profile']);
    expect(sent.status).toBe(201);
    const p = (await as['dinsos'].get(`/cases/${caseCode}/referrals/${sent.body.number}/packet?purpose=referral_follow_up`)).body as CaseReferralPacketView;
    const needed = DEFAULT_PACKET_CATEGORIES.family_tracing;
    expect([p.categories, p.withheld]).toEqual([needed.filter((c) => SHARED.includes(c)), needed.filter((c) => !SHARED.includes(c))]);
    const seen = new Set(p.documents.flatMap((d) => d.fields.map((f) => categoryAt(d.formKey, f.pointer) ?? `uncategorised:${d.formKey}${f.pointer}`)));
    expect([...seen].sort()).toEqual(['identity', 'profile']);
  });

  step('her consent to share with Dinas Sosial is withdrawn: its packets show when and hold nothing; new sharing is refused', async () => {
    const before = (await as['dinsos'].get(`/cases/${caseCode}/referrals/1/packet?purpose=referral_follow_up`)).body as CaseReferralPacketView;
    expect([before.consent.status, before.documents.length > 0]).toEqual(['granted', true]);
    const withdrawn = await as['coordinator'].post(`/cases/${caseCode}/consents`, consent([decision('data_sharing', 'withdrawn', { agencyId: agency['dinsos'], withdrawnOn: today() })]));
    expect(withdrawn.status).toBe(201);
    for (const number of [1, 2, 3, 4]) {
      const p = (await as['dinsos'].get(`/cases/${caseCode}/referrals/${number}/packet?purpose=referral_follow_up`)).body as CaseReferralPacketView;
      expect({ number, status: p.consent.status, withdrawnOn: p.consent.withdrawnOn, documents: p.documents }).toEqual({ number, status: 'withdrawn', withdrawnOn: today(), documents: [] });
    }
    const more = await send('international_protection', agency['dinsos'], ['profile']);
    expect([more.status, more.body.details.fields[0].field]).toEqual([400, 'data/sharedDataCategories/0']);
  });

  step('no assessment note in the audit trail or the workflow history', async () => {
    const audit = (await db.query(`SELECT row_to_json(a)::text AS row FROM audit_log a WHERE target_id = $1`, [caseCode])).rows as { row: string }[];
    expect(audit.some((r) => r.row.includes('case.return_assessed'))).toBe(true);
    expect(audit.some((r) => r.row.includes('Seroja'))).toBe(false);
    const text = await decodedHistory(temporalClient(stack.env.connection), `case-${caseCode}`);
    expect(text).toContain(caseCode);
    expect(text).not.toContain('Seroja');
  });
});
