import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CASE_READ_PURPOSES, type AuditEntryView, type CaseList, type CaseSummary, type CaseView, type ErrorBody } from '@gugus/contracts';
import { client, login, sequentialSteps, serviceEnv, startApi, testEnv, type RunningApi } from '../support';

/**
 * Issue 11, step 1 "Entry": opening a case gives it a coded id numbered per jurisdiction and Jakarta
 * year, also under concurrent openings; bad input names the field and changes nothing; the list and the
 * page carry no name; every page read is audited with its purpose; another province and the national
 * analyst see nothing. Kabupaten Bandung's numbers are counted from where this file finds them: the case
 * process test (case-process.e2e-spec.ts) opens cases there too, before or after this file.
 */
type Api = ReturnType<typeof client>;

const JAKARTA_YEAR = Number(new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 4));
const caseCode = (seq: number) => `32.04-${JAKARTA_YEAR}-${String(seq).padStart(4, '0')}`;
const SUMMARY_KEYS = ['closedAt', 'code', 'identificationStatus', 'intakeChannel', 'jurisdictionCode', 'nextDueAt', 'openedAt', 'riskLevel', 'stage'];
/** Names of the demo staff: none of them belongs in a case list either. */
const NAMES = ['Lina Marlina', 'Ahmad Fauzi', 'Yusuf Hidayat', 'Rahmat Hidayat'];

describe('case record and coded case id', () => {
  let api: RunningApi;
  let db: Pool;
  let worker: Api;
  let coordinator: Api;
  let analyst: Api;
  let admin: Api;
  let kepriWorker: Api;
  let coordinatorId = '';
  const agency: Record<string, string> = {};
  const step = sequentialSteps();
  /** Kabupaten Bandung's last number this year, and its cases in stage intake, when this file starts. */
  let base = 0;
  let intakeBefore = 0;
  /** The `n`th case this file opens in Kabupaten Bandung. */
  const code = (n: number) => caseCode(base + n);

  const open = (as: Api, body: Record<string, unknown>) => as.post('/cases', body);
  const bandungCase = (channel = 'hotline') => ({ jurisdictionCode: '32.04', intakeAgencyId: agency.bandung, intakeChannel: channel });
  const counter = async () => (await db.query(`SELECT last FROM case_code_counters WHERE jurisdiction_code = '32.04' AND year = $1`, [JAKARTA_YEAR])).rows[0]?.last as number | undefined;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    db = new Pool({ connectionString: testEnv().databaseUrl, max: 2 });
    base = (await counter()) ?? 0;
    intakeBefore = Number((await db.query(`SELECT count(*) FROM cases WHERE jurisdiction_code = '32.04' AND stage = 'intake'`)).rows[0].count);
    const as = async (email: string, password?: string) => client(api.url, (await login(api.url, email, password)).accessToken);
    worker = await as('pekerja.jabar@gugus.test');
    coordinator = await as('koordinator.jabar@gugus.test');
    analyst = await as('analis@gugus.test');
    admin = await as('admin@gugus.test');
    coordinatorId = (await coordinator.get('/auth/me')).body.personId;
    const named = async (jurisdiction: string, name: string) => ((await admin.get(`/agencies?jurisdictionCode=${jurisdiction}`)).body as { id: string; name: string }[]).find((a) => a.name === name)!.id;
    agency.bandung = await named('32.04', 'Dinas Kesehatan Kabupaten Bandung');
    agency.batam = await named('21.71', 'Dinas Sosial Kota Batam');

    // A case worker of Riau Islands (Kota Batam): the demo data has none.
    const position = await admin.post(`/agencies/${agency.batam}/positions`, { title: `Pekerja Kasus ${randomUUID().slice(0, 6)}`, roles: ['case_worker'] });
    const password = 'sandi-uji-kasus-batam';
    const person = await admin.post('/people', { agencyId: agency.batam, fullName: 'Pekerja Kasus Batam (uji)', email: `kasus.batam.${randomUUID().slice(0, 8)}@gugus.test`, password });
    expect([position.status, person.status]).toEqual([201, 201]);
    expect((await admin.put(`/positions/${position.body.id}/holder`, { personId: person.body.id })).status).toBe(200);
    kepriWorker = await as(person.body.email, password);
  });
  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  step('opens Kabupaten Bandung cases as 32.04-<year>-0001, -0002 …, in stage intake and with nothing about the person', async () => {
    const first = await open(worker, bandungCase('police'));
    expect(first.status).toBe(201);
    const view = first.body as CaseView;
    expect(view).toEqual({
      code: code(1),
      jurisdictionCode: '32.04',
      year: JAKARTA_YEAR,
      seq: base + 1,
      stage: 'intake',
      identificationStatus: null,
      intakeChannel: 'police',
      intakeAgency: { id: agency.bandung, name: 'Dinas Kesehatan Kabupaten Bandung' },
      openedAt: expect.any(String),
      openedBy: expect.any(String),
      closedAt: null,
      reunifiedAt: null,
      riskLevel: null,
      nextDueAt: null,
      access: 'team',
      // Its own regency and province (and the other party of any agreement in force: none here).
      agencyJurisdictions: ['32.04', '32'],
    });
    const second = await open(coordinator, bandungCase('labour_inspection'));
    expect([second.status, second.body.code]).toEqual([201, code(2)]);
    expect(second.body.openedBy).toBe(coordinatorId);
  });

  step('gives 20 concurrent openings 20 distinct consecutive numbers', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => open(i % 2 ? worker : coordinator, bandungCase('hotline'))));
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(201));
    const seqs = results.map((r) => (r.body as CaseView).seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => base + i + 3));
    expect(new Set(results.map((r) => r.body.code)).size).toBe(20);
    for (const r of results) expect(r.body.code).toBe(caseCode(r.body.seq));
    expect(await counter()).toBe(base + 22);
  });

  step('refuses bad input with a 400 naming the field, in Bahasa Indonesia first, and uses up no number', async () => {
    const fieldsOf = (body: ErrorBody) => (body.details.fields ?? []).map((f) => f.field);

    const channel = await open(worker, bandungCase('telepati'));
    expect([channel.status, channel.body.code, fieldsOf(channel.body)]).toEqual([400, 'VALIDATION_FAILED', ['intakeChannel']]);
    expect(channel.body.details.fields[0].message).toBe('nilainya tidak termasuk pilihan yang diizinkan');

    // An agency of another province, and one that does not exist, get the same answer.
    const foreign = await open(worker, { ...bandungCase(), intakeAgencyId: agency.batam });
    const unknown = await open(worker, { ...bandungCase(), intakeAgencyId: randomUUID() });
    expect([foreign.status, fieldsOf(foreign.body)]).toEqual([400, ['intakeAgencyId']]);
    expect(foreign.body.details.fields).toEqual([{ field: 'intakeAgencyId', message: 'bukan instansi anggota gugus tugas wilayah ini' }]);
    expect({ ...unknown.body, details: { ...unknown.body.details, requestId: 'x' } }).toEqual({ ...foreign.body, details: { ...foreign.body.details, requestId: 'x' } });

    for (const jurisdictionCode of ['32.4', '00', 'Jawa Barat', '32.04.01']) {
      const bad = await open(worker, { ...bandungCase(), jurisdictionCode });
      expect({ jurisdictionCode, status: bad.status, fields: fieldsOf(bad.body) }).toEqual({ jurisdictionCode, status: 400, fields: ['jurisdictionCode'] });
    }
    const english = await worker.call('POST', '/cases', { ...bandungCase(), jurisdictionCode: '32.4' }, { 'accept-language': 'en' });
    expect(english.body.details.fields).toEqual([{ field: 'jurisdictionCode', message: 'must be the official code of a province or regency/city, such as 32 or 32.04' }]);

    const missing = await open(worker, { jurisdictionCode: '32.04' });
    expect(missing.status).toBe(400);
    expect(fieldsOf(missing.body).sort()).toEqual(expect.arrayContaining(['intakeAgencyId', 'intakeChannel']));

    expect(await counter()).toBe(base + 22);
    expect((await open(worker, bandungCase('community'))).body.code).toBe(code(23));
  });

  step('lists the cases to coordinators, newest first and page by page, with no name anywhere', async () => {
    const res = await coordinator.get('/cases?jurisdictionCode=32.04&limit=5');
    expect(res.status).toBe(200);
    const list = res.body as CaseList;
    expect([list.total, list.limit, list.offset, list.items.length]).toEqual([base + 23, 5, 0, 5]);
    expect(list.items[0].code).toBe(code(23));
    for (const item of list.items) expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);

    const all = (await worker.get('/cases?jurisdictionCode=32.04&limit=200')).body as CaseList;
    expect(all.items.map((c) => c.code).sort()).toEqual(Array.from({ length: base + 23 }, (_, i) => caseCode(i + 1)).sort());
    const text = JSON.stringify(all);
    for (const name of NAMES) expect(text).not.toContain(name);

    // The province's case roles see their regencies' cases without naming one; stage filters.
    const province = (await coordinator.get('/cases?limit=200')).body as CaseList;
    expect(province.items.filter((c: CaseSummary) => c.jurisdictionCode === '32.04')).toHaveLength(base + 23);
    expect(((await coordinator.get('/cases?jurisdictionCode=32.04&stage=intake')).body as CaseList).total).toBe(intakeBefore + 23);
    expect(((await coordinator.get('/cases?jurisdictionCode=32.04&stage=closed')).body as CaseList).total).toBe(0);
    const badStage = await coordinator.get('/cases?stage=archived');
    expect([badStage.status, badStage.body.details.fields[0].field]).toEqual([400, 'stage']);
    // Paging out of range is refused per field, never answered with a database error.
    for (const [query, field] of [['offset=100000000000000000000', 'offset'], ['offset=-1', 'offset'], ['limit=0', 'limit'], ['limit=201', 'limit'], ['limit=abc', 'limit']] as const) {
      const res = await coordinator.get(`/cases?${query}`);
      expect({ query, status: res.status, fields: [...new Set(((res.body.details?.fields ?? []) as { field: string }[]).map((f) => f.field))] }).toEqual({ query, status: 400, fields: [field] });
    }
  });

  step('writes every read of the case page to the audit trail with its purpose', async () => {
    const page = await coordinator.get(`/cases/${code(7)}?purpose=supervision`);
    expect(page.status).toBe(200);
    expect((page.body as CaseView).code).toBe(code(7));

    const entries = (await admin.get(`/audit?targetType=case&targetId=${code(7)}&kind=read`)).body as AuditEntryView[];
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'case.read', actorId: coordinatorId, targetId: code(7), jurisdictionCode: '32.04', purpose: 'supervision' });

    const missing = await coordinator.get(`/cases/${code(7)}`);
    expect([missing.status, missing.body.details.fields.map((f: { field: string }) => f.field)[0]]).toEqual([400, 'purpose']);
    const other = await coordinator.get(`/cases/${code(7)}?purpose=curiosity`);
    expect([other.status, other.body.details.fields[0].field]).toEqual([400, 'purpose']);
    for (const malformed of ['32.04-2027-7', 'not-a-case', '32.04-2027-0001x']) {
      const bad = await coordinator.get(`/cases/${malformed}?purpose=case_management`);
      expect({ malformed, status: bad.status, field: bad.body.details?.fields?.[0]?.field }).toEqual({ malformed, status: 400, field: 'code' });
    }
    // Refused reads are not reads: still the one entry.
    expect(((await admin.get(`/audit?targetType=case&targetId=${code(7)}&kind=read`)).body as AuditEntryView[]).length).toBe(1);
    for (const purpose of CASE_READ_PURPOSES) expect((await worker.get(`/cases/${code(7)}?purpose=${purpose}`)).status).toBe(200);
    const purposes = ((await admin.get(`/audit?targetType=case&targetId=${code(7)}&kind=read`)).body as AuditEntryView[]).map((e) => e.purpose).sort();
    expect(purposes).toEqual([...CASE_READ_PURPOSES, 'supervision'].sort());
  });

  step('another province: 404 on the page (as for an unknown case), none of the cases in its list', async () => {
    const foreign = await kepriWorker.get(`/cases/${code(1)}?purpose=case_management`);
    const unknown = await coordinator.get(`/cases/32.04-${JAKARTA_YEAR}-9999?purpose=case_management`);
    expect([foreign.status, foreign.body.code, foreign.body.message]).toEqual([404, 'NOT_FOUND', `Kasus ${code(1)} tidak ditemukan.`]);
    expect([unknown.status, unknown.body.code, unknown.body.message]).toEqual([404, 'NOT_FOUND', `Kasus 32.04-${JAKARTA_YEAR}-9999 tidak ditemukan.`]);

    const own = await open(kepriWorker, { jurisdictionCode: '21.71', intakeAgencyId: agency.batam, intakeChannel: 'border_post' });
    // Kota Batam's numbering is shared with the authorization matrix: only its shape is certain here.
    expect(own.status).toBe(201);
    expect(own.body.code).toMatch(new RegExp(`^21\\.71-${JAKARTA_YEAR}-\\d{4}$`));
    const list = (await kepriWorker.get('/cases?limit=200')).body as CaseList;
    expect(list.items.map((c) => c.code)).toContain(own.body.code);
    expect(list.items.filter((c) => !c.jurisdictionCode.startsWith('21.'))).toEqual([]);
    expect((await kepriWorker.get('/cases?jurisdictionCode=32.04')).status).toBe(403);
    // Nor can it open a case in West Java.
    expect((await open(kepriWorker, bandungCase())).status).toBe(403);
    // And West Java's case roles do not see Kota Batam's case.
    expect(((await coordinator.get('/cases?limit=200')).body as CaseList).items.map((c) => c.code)).not.toContain(own.body.code);
    expect((await coordinator.get(`/cases/${own.body.code}?purpose=case_management`)).status).toBe(404);
  });

  step('the national analyst gets no case rows: aggregates only', async () => {
    for (const res of [await analyst.get('/cases'), await analyst.get('/cases?jurisdictionCode=32.04'), await analyst.get(`/cases/${code(1)}?purpose=supervision`), await open(analyst, bandungCase())]) {
      expect([res.status, res.body.code, res.body.items]).toEqual([403, 'FORBIDDEN', undefined]);
    }
  });
});
