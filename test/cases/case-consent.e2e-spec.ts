import { randomBytes, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { consentedCategories, type ConsentDecision } from '@gugus/cases';
import type { AuditEntryView, CaseConsentView, ConsentRecorded, ErrorBody, PurposeConsentView } from '@gugus/contracts';
import { client, login, sequentialSteps, serviceEnv, startApi, testEnv, type RunningApi } from '../support';

/**
 * Issue 11, step 4: consent per purpose, by whom and how, revocable. A case of Kota Bandung (32.73),
 * a jurisdiction no other test numbers cases in; its intake agency and the shelter that consent names
 * are made here. Recorded consent is a sealed form submission linked to the case; the state per purpose
 * is computed from every one of them, so a withdrawal applies to the next read at once.
 */
type Api = ReturnType<typeof client>;

const REGENCY = '32.73';
/** Written in the consent notes: must never be found in the clear in the database. */
const NOTE_MARKER = `Catatan-rahasia-${randomBytes(4).toString('hex')}`;
const today = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

describe('case consent per purpose', () => {
  let api: RunningApi;
  let db: Pool;
  let coordinator: Api;
  let worker: Api;
  let analyst: Api;
  let admin: Api;
  let kepriWorker: Api;
  let caseCode = '';
  const agency: Record<string, string> = {};
  const recorded: string[] = [];
  const suffix = randomBytes(3).toString('hex');
  const step = sequentialSteps();

  const consent = (decisions: Record<string, unknown>[], extra: Record<string, unknown> = {}) => ({
    data: { recordedOn: today(), givenBy: 'guardian', personViewsHeard: true, explanationLanguage: 'Bahasa Indonesia', explainedInUnderstoodLanguage: true, decisions, ...extra },
  });
  const decision = (purpose: string, status: string, extra: Record<string, unknown> = {}) => ({ purpose, status, decidedOn: today(), method: 'written_signature', interpreterUsed: false, ...extra });
  const fieldsOf = (body: ErrorBody) => (body.details.fields ?? []).map((f) => f.field);
  const state = async (as: Api = coordinator, purpose = 'case_management') => {
    const res = await as.get(`/cases/${caseCode}/consents?purpose=${purpose}`);
    expect(res.status).toBe(200);
    return res.body as CaseConsentView;
  };
  const purposeOf = (view: CaseConsentView, purpose: string) => view.purposes.find((p) => p.purpose === purpose) as PurposeConsentView;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    db = new Pool({ connectionString: testEnv().databaseUrl, max: 2 });
    const as = async (email: string, password?: string) => client(api.url, (await login(api.url, email, password)).accessToken);
    coordinator = await as('koordinator.jabar@gugus.test');
    worker = await as('pekerja.jabar@gugus.test');
    analyst = await as('analis@gugus.test');
    admin = await as('admin@gugus.test');
    const add = async (jurisdictionCode: string, name: string, kind: string) => {
      const res = await admin.post('/agencies', { jurisdictionCode, name, kind });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    agency.intake = await add(REGENCY, `Dinas Sosial Kota Bandung (uji ${suffix})`, 'government_office');
    agency.shelter = await add(REGENCY, `Rumah Aman Kota Bandung (uji ${suffix})`, 'ngo');
    agency.batam = ((await admin.get('/agencies?jurisdictionCode=21.71')).body as { id: string; name: string }[]).find((a) => a.name === 'Dinas Sosial Kota Batam')!.id;

    // A case worker of Riau Islands (Kota Batam): another province's case role.
    const position = await admin.post(`/agencies/${agency.batam}/positions`, { title: `Pekerja Kasus ${suffix}`, roles: ['case_worker'] });
    const password = 'sandi-uji-persetujuan';
    const person = await admin.post('/people', { agencyId: agency.batam, fullName: `Pekerja Kasus Batam (uji ${suffix})`, email: `persetujuan.batam.${suffix}@gugus.test`, password });
    expect([position.status, person.status]).toEqual([201, 201]);
    expect((await admin.put(`/positions/${position.body.id}/holder`, { personId: person.body.id })).status).toBe(200);
    kepriWorker = await as(person.body.email, password);

    const opened = await worker.post('/cases', { jurisdictionCode: REGENCY, intakeAgencyId: agency.intake, intakeChannel: 'hotline' });
    expect(opened.status).toBe(201);
    caseCode = opened.body.code;
  });
  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  step('before any consent every purpose stands at none', async () => {
    const view = await state();
    expect(view.caseCode).toBe(caseCode);
    expect(view.history).toEqual([]);
    expect(view.purposes.map((p) => p.status)).toEqual(view.purposes.map(() => 'none'));
    expect(purposeOf(view, 'data_sharing').agencies).toEqual([]);
  });

  step('the guardian consents to assistance and to sharing two categories with a named shelter: the state shows them', async () => {
    const res = await coordinator.post(
      `/cases/${caseCode}/consents`,
      consent([decision('assistance', 'granted', { method: 'thumbprint' }), decision('data_sharing', 'granted', { agencyId: agency.shelter, dataCategories: ['needs_and_plan', 'profile'] })], { notes: NOTE_MARKER }),
    );
    expect(res.status).toBe(201);
    const body = res.body as ConsentRecorded;
    expect(body).toEqual({ submissionId: expect.any(String), formVersionId: expect.any(String), recordedAt: expect.any(String) });
    recorded.push(body.submissionId);

    const view = await state();
    expect(purposeOf(view, 'assistance')).toEqual({ purpose: 'assistance', status: 'granted', since: today(), givenBy: 'guardian', method: 'thumbprint' });
    const sharing = purposeOf(view, 'data_sharing');
    expect(sharing.status).toBe('granted');
    expect(sharing.agencies).toEqual([
      {
        agencyId: agency.shelter,
        agencyName: `Rumah Aman Kota Bandung (uji ${suffix})`,
        status: 'granted',
        categories: ['profile', 'needs_and_plan'],
        decidedOn: today(),
        withdrawnOn: null,
        validUntil: null,
        givenBy: 'guardian',
        method: 'written_signature',
      },
    ]);
    expect(purposeOf(view, 'return').status).toBe('none');
    expect(view.history).toEqual([
      {
        submissionId: body.submissionId,
        recordedAt: body.recordedAt,
        givenBy: 'guardian',
        decisions: [
          { purpose: 'assistance', status: 'granted', agencyId: null, decidedOn: today(), withdrawnOn: null },
          { purpose: 'data_sharing', status: 'granted', agencyId: agency.shelter, decidedOn: today(), withdrawnOn: null },
        ],
      },
    ]);
    // No answer text in what the state gives.
    expect(JSON.stringify(view)).not.toContain(NOTE_MARKER);
  });

  step('data sharing without an agency, or with an agency of another province, is refused naming the field', async () => {
    const without = await coordinator.post(`/cases/${caseCode}/consents`, consent([decision('data_sharing', 'granted', { dataCategories: ['profile'] })]));
    expect([without.status, without.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(fieldsOf(without.body)).toEqual(['data/decisions/0/agencyId']);

    const foreign = await coordinator.post(`/cases/${caseCode}/consents`, consent([decision('assistance', 'granted'), decision('data_sharing', 'granted', { agencyId: agency.batam, dataCategories: ['profile'] })]));
    expect([foreign.status, fieldsOf(foreign.body)]).toEqual([400, ['data/decisions/1/agencyId']]);
    const unknown = await coordinator.post(`/cases/${caseCode}/consents`, consent([decision('data_sharing', 'granted', { agencyId: randomUUID(), dataCategories: ['profile'] })]));
    expect([unknown.status, fieldsOf(unknown.body)]).toEqual([400, ['data/decisions/0/agencyId']]);
    // An agency of the province's task force may be named (the case is shared within its province).
    const provincial = ((await admin.get('/agencies?jurisdictionCode=32')).body as { id: string; name: string }[]).find((a) => a.name === 'UPTD PPA Provinsi Jawa Barat')!.id;
    const province = await worker.post(`/cases/${caseCode}/consents`, consent([decision('data_sharing', 'declined', { agencyId: provincial })], { givenBy: 'person' }));
    expect(province.status).toBe(201);
    recorded.push(province.body.submissionId);

    const bad = await coordinator.post(`/cases/${caseCode}/consents`, { data: { recordedOn: today() } });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(expect.arrayContaining(['data/givenBy', 'data/decisions']));
    expect((await coordinator.post(`/cases/${caseCode}/consents`, {})).status).toBe(400);
    // Refused ones are not recorded.
    expect((await state()).history.map((h) => h.submissionId)).toEqual(recorded);
  });

  step('a withdrawal applies at once: the state shows it with its date, and consentedCategories gives nothing', async () => {
    const res = await coordinator.post(
      `/cases/${caseCode}/consents`,
      consent([decision('data_sharing', 'withdrawn', { agencyId: agency.shelter, method: 'verbal_recorded', withdrawnOn: today(), withdrawalNote: NOTE_MARKER })], { givenBy: 'guardian' }),
    );
    expect(res.status).toBe(201);
    recorded.push(res.body.submissionId);
    const view = await state(worker, 'referral_follow_up');
    const shelter = purposeOf(view, 'data_sharing').agencies?.find((a) => a.agencyId === agency.shelter);
    expect(shelter).toMatchObject({ status: 'withdrawn', categories: [], withdrawnOn: today(), method: 'verbal_recorded' });
    expect(purposeOf(view, 'assistance').status).toBe('granted');
    expect(view.history.map((h) => h.submissionId)).toEqual(recorded);
    expect(view.history[2].decisions).toEqual([{ purpose: 'data_sharing', status: 'withdrawn', agencyId: agency.shelter, decidedOn: today(), withdrawnOn: today() }]);

    // What the referral packet would be built from: the decisions as recorded.
    const decisions: ConsentDecision[] = view.history.flatMap((h) => h.decisions.map((d) => ({ purpose: d.purpose, status: d.status, decidedOn: d.decidedOn, ...(d.agencyId ? { agencyId: d.agencyId } : {}) })));
    expect(consentedCategories(decisions, agency.shelter, today())).toMatchObject({ status: 'withdrawn', categories: [] });
  });

  step('the audit trail has every read with its purpose, the recordings, and no answer', async () => {
    const reads = (await admin.get(`/audit?targetType=case&targetId=${caseCode}&kind=read`)).body as AuditEntryView[];
    expect(reads.filter((e) => e.action === 'case_consent.read').map((e) => e.purpose)).toEqual(expect.arrayContaining(['case_management', 'referral_follow_up']));
    const all = (await admin.get(`/audit?targetType=case&targetId=${caseCode}`)).body as AuditEntryView[];
    expect(all.filter((e) => e.action === 'case.consent_recorded')).toHaveLength(3);
    expect(JSON.stringify(all)).not.toContain(NOTE_MARKER);
    const rows = await db.query(`SELECT * FROM audit_log WHERE target_id = $1 OR target_id = ANY($2::text[])`, [caseCode, recorded]);
    expect(rows.rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows.rows)).not.toContain(NOTE_MARKER);
  });

  step('the stored submissions hold no note in the clear; the case links them in order', async () => {
    const links = await db.query(`SELECT submission_id FROM case_consents cc JOIN cases c ON c.id = cc.case_id WHERE c.code = $1 ORDER BY cc.seq`, [caseCode]);
    expect(links.rows.map((r) => r.submission_id)).toEqual(recorded);
    const rows = await db.query(`SELECT * FROM form_submissions WHERE id = ANY($1::uuid[])`, [recorded]);
    expect(rows.rows).toHaveLength(3);
    const dump = JSON.stringify(rows.rows);
    for (const text of [dump, Buffer.from(dump).toString('base64'), Buffer.from(dump).toString('hex')]) expect(text).not.toContain(NOTE_MARKER);
    expect(dump).not.toContain(Buffer.from(NOTE_MARKER).toString('hex'));
  });

  step('another province gets 404 (as for an unknown case); the national analyst 403', async () => {
    for (const res of [await kepriWorker.get(`/cases/${caseCode}/consents?purpose=case_management`), await kepriWorker.post(`/cases/${caseCode}/consents`, consent([decision('assistance', 'granted')]))]) {
      expect([res.status, res.body.code, res.body.message]).toEqual([404, 'NOT_FOUND', `Kasus ${caseCode} tidak ditemukan.`]);
    }
    for (const res of [await analyst.get(`/cases/${caseCode}/consents?purpose=supervision`), await analyst.post(`/cases/${caseCode}/consents`, consent([decision('assistance', 'granted')]))]) {
      expect([res.status, res.body.code]).toEqual([403, 'FORBIDDEN']);
    }
    const missing = await coordinator.get(`/cases/${caseCode}/consents`);
    expect([missing.status, fieldsOf(missing.body)[0]]).toEqual([400, 'purpose']);
    expect((await state()).history).toHaveLength(3);
  });
});
