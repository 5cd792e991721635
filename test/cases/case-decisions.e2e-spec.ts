import type { Pool } from 'pg';
import type { CaseIdentificationDecisionList, CaseJusticeRecordList, CaseView } from '@gugus/contracts';
import { browserSession, sequentialSteps, startWeb } from '../support';
import { type Api, type CaseStack, caseTasks, fixture, openCasePage, startCaseStack, today } from './support';

/**
 * Issue 11, steps 2 and 11, through the built API and worker. After screening, a woman presumed a victim
 * is verified by the authorised officers' determination interview (refused before the interview or
 * while she is not yet in a safe place) and then confirmed (refused before verification); a later "not a
 * victim" finding records how support is adjusted — her case is not closed and its open steps go on. The
 * justice track records stage, charges, verdict, sentence and restitution (a verdict stage without a
 * verdict refused at its field) as codes and figures for the reports; the notes never reach a listing or
 * the audit trail. Other provinces get nothing.
 */
const RATIONALE_MARKER = 'Alasan Kamboja Penandaputusan';
const NOTE_MARKER = 'Catatan Teratai Penandaperadilan';

describe('identification decisions after screening, and the justice track', () => {
  let stack: CaseStack;
  let db: Pool;
  const as: Record<string, Api> = {};
  let caseId = '';
  let caseCode = '';
  const step = sequentialSteps();

  const { tasksOf, openTask, decide } = caseTasks(as, () => caseId);
  const view = async () => (await as['coordinator'].get(`/cases/${caseCode}?purpose=case_management`)).body as CaseView;
  const identify = (name: string, extra: Record<string, unknown> = {}) =>
    as['coordinator'].post(`/cases/${caseCode}/identification-decisions`, { data: { ...fixture('identification-decision', name), decidedOn: today(), decidingAgencyId: stack.agency.uptd, rationale: RATIONALE_MARKER, ...extra } });
  const justice = (name: string, extra: Record<string, unknown> = {}) => as['coordinator'].post(`/cases/${caseCode}/justice-records`, { data: { ...fixture('justice-record', name), recordedOn: today(), ...extra } });
  const fields = (res: { body: { details?: { fields?: { field: string }[] } } }) => (res.body.details?.fields ?? []).map((f) => f.field);

  beforeAll(async () => {
    stack = await startCaseStack('case_decisions', { caseWorker: 'pekerja.jabar@gugus.test', coordinator: 'koordinator.jabar@gugus.test', kepri: 'admin.kepri@gugus.test', batam: 'koordinator.batam@gugus.test' });
    ({ db } = stack);
    Object.assign(as, stack.as);
  });

  afterAll(async () => {
    await stack?.stop('case-decisions');
  });

  step('a woman presumed a victim after screening', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32', intakeAgencyId: stack.agency.uptd, intakeChannel: 'police' });
    caseCode = (opened.body as CaseView).code;
    caseId = (await db.query(`SELECT id FROM cases WHERE code = $1`, [caseCode])).rows[0].id as string;
    expect((await decide('caseWorker', (await openTask('caseWorker', 'intake')).id, fixture('case-intake', 'valid-indonesian-adult'))).status).toBe(200);
    expect((await decide('caseWorker', (await openTask('caseWorker', 'screening')).id, fixture('victim-screening', 'valid-adult-labour-presumed'))).status).toBe(200);
    await openTask('coordinator', 'conference');
    expect((await view()).identificationStatus).toBe('presumed');
    // What reports will count is on record as codes, from the sealed intake and screening (no name, no note).
    const facts = (await db.query(`SELECT sex, age_group, nationality_group, trafficking_scope, origin_region, identified_in_region, exploitation_types, sectors, means FROM case_facts WHERE case_id = $1`, [caseId])).rows;
    expect(facts).toEqual([
      { sex: 'male', age_group: 'adult', nationality_group: 'indonesian', trafficking_scope: 'international', origin_region: '35.10', identified_in_region: '32.04', exploitation_types: ['forced_labour'], sectors: ['logistics_transport'], means: ['debt_bondage', 'deception'] },
    ]);
  });

  step('verified only after the determination interview in a safe place; confirmed only after verification', async () => {
    const noInterview = await identify('valid-verified-after-interview', { interviewHeld: false });
    expect([noInterview.status, fields(noInterview)]).toEqual([400, ['data/interviewHeld']]);
    const unsafe = await identify('valid-verified-after-interview', { personInSafePlace: false });
    expect([unsafe.status, fields(unsafe)]).toEqual([400, ['data/interviewHeld']]);
    const early = await identify('valid-verified-after-interview', { status: 'confirmed' });
    expect([early.status, fields(early)]).toEqual([400, ['data/status']]);
    expect((await view()).identificationStatus).toBe('presumed');
    expect([(await identify('valid-verified-after-interview')).status, (await view()).identificationStatus]).toEqual([201, 'verified']);
    expect([(await identify('valid-verified-after-interview', { status: 'confirmed' })).status, (await view()).identificationStatus]).toEqual([201, 'confirmed']);
  });

  step('a later "not a victim" finding adjusts support by a recorded decision: the case stays open and its steps go on', async () => {
    const without = await identify('valid-not-confirmed-support-continues', { supportAdjustment: undefined });
    expect([without.status, fields(without)]).toEqual([400, ['data/supportAdjustment']]);
    const found = await identify('valid-not-confirmed-support-continues');
    expect([found.status, found.body.status, found.body.supportAdjustment]).toEqual([201, 'not_confirmed', 'continue_until_safe']);
    const after = await view();
    expect([after.identificationStatus, after.stage === 'closed', after.closedAt]).toEqual(['not_confirmed', false, null]);
    expect((await tasksOf('coordinator')).some((t) => t.step === 'conference')).toBe(true);
    const list = (await as['coordinator'].get(`/cases/${caseCode}/identification-decisions?purpose=case_management`)).body as CaseIdentificationDecisionList;
    expect(list.items.map((i) => i.status)).toEqual(['verified', 'confirmed', 'not_confirmed']);
    expect(JSON.stringify(list)).not.toContain('Kamboja');
  });

  step('the justice track: stage, charges, verdict, sentence and restitution in codes and figures; a verdict stage needs its verdict', async () => {
    const bad = await justice('valid-conviction-with-restitution', { verdict: undefined, sentenceMonths: undefined });
    expect([bad.status, fields(bad)]).toEqual([400, ['data/verdict']]);
    const negative = await justice('valid-under-investigation', { restitutionOrderedIdr: -1 });
    expect([negative.status, fields(negative)]).toEqual([400, ['data/restitutionOrderedIdr']]);
    expect((await justice('valid-under-investigation', { note: NOTE_MARKER })).status).toBe(201);
    const verdict = await justice('valid-conviction-with-restitution', { note: NOTE_MARKER });
    expect(verdict.status).toBe(201);
    const list = (await as['coordinator'].get(`/cases/${caseCode}/justice-records?purpose=case_management`)).body as CaseJusticeRecordList;
    expect(list.items.map((i) => [i.stage, i.verdict, i.sentenceMonths, i.restitutionOrderedIdr, i.restitutionPaidIdr])).toEqual([
      ['investigation', null, null, null, null],
      ['verdict', 'convicted', 60, 85_000_000, 20_000_000],
    ]);
    expect(list.items[1].charges).toEqual(['tppo_art4_out_of_indonesia', 'migrant_worker_law']);
    expect(JSON.stringify(list)).not.toContain('Teratai');
  });

  step('in Chromium: the case page lists the decisions and the justice track in words, without their texts', async () => {
    const [web, browser] = await Promise.all([startWeb(stack.api.url), browserSession()]);
    try {
      const page = await browser.open(web.url, { as: 'koordinator.jabar@gugus.test', path: `/kasus/${caseCode}` });
      await openCasePage(page, web.url, caseCode);
      const identification = page.getByTestId('identification-list');
      await identification.locator('li[data-status="not_confirmed"]').getByText('Tidak dikonfirmasi sebagai korban').waitFor();
      const justiceList = page.getByTestId('justice-list');
      await justiceList.locator('li[data-stage="verdict"]').waitFor();
      await expect(justiceList.innerText()).resolves.toContain('pidana 60 bulan');
      await expect(page.getByTestId('case-justice').innerText()).resolves.not.toContain('Teratai');
      await page.getByTestId('case-decision').scrollIntoViewIfNeeded();
      await browser.shot(page, 'cases-decisions');
    } finally {
      await browser.close();
      await web.stop();
    }
  });

  step('other provinces get nothing; the audit trail has the decisions in codes and no text', async () => {
    expect((await as['kepri'].get(`/cases/${caseCode}/justice-records?purpose=supervision`)).status).toBe(403);
    expect((await as['batam'].get(`/cases/${caseCode}/justice-records?purpose=supervision`)).status).toBe(404);
    expect((await as['batam'].post(`/cases/${caseCode}/identification-decisions`, { data: fixture('identification-decision', 'valid-verified-after-interview') })).status).toBe(404);
    const audit = (await db.query(`SELECT action, row_to_json(a)::text AS row FROM audit_log a WHERE target_id = $1`, [caseCode])).rows as { action: string; row: string }[];
    expect(audit.filter((r) => r.action === 'case.identification')).toHaveLength(3);
    expect(audit.filter((r) => r.action === 'case.justice_record')).toHaveLength(2);
    expect(audit.some((r) => r.row.includes('Kamboja') || r.row.includes('Teratai'))).toBe(false);
  });
});
