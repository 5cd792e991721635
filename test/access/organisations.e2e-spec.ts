import { randomUUID } from 'node:crypto';
import { client, login, serviceEnv, startApi, type RunningApi } from '../support';

const unique = () => randomUUID().slice(0, 8);
const isoDate = (offsetDays: number) => new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('organisations as they really are', () => {
  let api: RunningApi;
  let admin: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('knows all 38 provinces and 514 regencies/cities by their official codes', async () => {
    const provinces = await admin.get('/jurisdictions?level=province');
    const regencies = await admin.get('/jurisdictions?level=regency');
    expect(provinces.body).toHaveLength(38);
    expect(regencies.body).toHaveLength(514);
    expect(provinces.body).toContainEqual({ code: '32', name: 'Jawa Barat', level: 'province', parentCode: '00' });
    expect(regencies.body).toContainEqual({ code: '21.71', name: 'Kota Batam', level: 'regency', parentCode: '21' });
    const westJava = await admin.get('/jurisdictions?parentCode=32');
    expect(westJava.body).toHaveLength(27);
  });

  it('gives a province task force 6 Sub-TFs and a regency/city one 5 (no Legal Norm Development)', async () => {
    const province = await admin.get('/task-forces/32');
    const regency = await admin.put('/task-forces/32.79'); // Kota Banjar: formed on demand
    expect(province.body.subTaskForces).toHaveLength(6);
    expect(regency.status).toBe(200);
    expect(regency.body).toMatchObject({ jurisdictionCode: '32.79', name: 'Gugus Tugas PP-TPPO Kota Banjar' });
    expect(regency.body.subTaskForces.map((s: { kind: string }) => s.kind)).not.toContain('legal_norm_development');
    expect(regency.body.subTaskForces).toHaveLength(5);
    // Forming it again changes nothing.
    expect((await admin.put('/task-forces/32.79')).body.id).toBe(regency.body.id);
  });

  it.each([
    ['a malformed code', '/jurisdictions/32-04', 400, 'VALIDATION_FAILED'],
    ['an unknown jurisdiction', '/jurisdictions/99.99', 404, 'NOT_FOUND'],
    ['an unformed task force', '/task-forces/32.78', 404, 'NOT_FOUND'],
    ['a malformed agency ID', '/agencies/abc', 400, 'VALIDATION_FAILED'],
    ['an unknown agency', `/agencies/${randomUUID()}`, 404, 'NOT_FOUND'],
  ])('answers %s with a clear 4xx', async (_what, path, status, code) => {
    expect(await admin.get(path)).toMatchObject({ status, body: { code } });
  });

  it('keeps history and the handover note when a position moves to a new person', async () => {
    const agency = await admin.post('/agencies', { jurisdictionCode: '32.04', name: `Dinas Sosial Uji ${unique()}`, kind: 'government_office', subTaskForces: ['social_rehabilitation_repatriation_reintegration'] });
    expect(agency.status).toBe(201);
    expect(agency.body.subTaskForceKinds).toEqual(['social_rehabilitation_repatriation_reintegration']);
    const position = await admin.post(`/agencies/${agency.body.id}/positions`, { title: 'Kepala Seksi Rehabilitasi', roles: ['agency_officer'] });
    const password = 'sandi-uji-yang-panjang';
    const first = await admin.post('/people', { agencyId: agency.body.id, fullName: 'Asep Pertama', email: `asep.${unique()}@gugus.test`, password });
    const second = await admin.post('/people', { agencyId: agency.body.id, fullName: 'Budi Kedua', email: `budi.${unique()}@gugus.test`, password });

    expect((await admin.put(`/positions/${position.body.id}/holder`, { personId: first.body.id })).body.holder.fullName).toBe('Asep Pertama');
    const firstSession = client(api.url, (await login(api.url, first.body.email, password)).accessToken);
    expect((await firstSession.get(`/agencies/${agency.body.id}`)).status).toBe(200);

    // Replacing the holder needs a handover note, and refuses without one, changing nothing.
    const noNote = await admin.put(`/positions/${position.body.id}/holder`, { personId: second.body.id });
    expect(noNote).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'handoverNote' }] } } });
    expect((await admin.get(`/positions/${position.body.id}`)).body.holder.fullName).toBe('Asep Pertama');

    const moved = await admin.put(`/positions/${position.body.id}/holder`, { personId: second.body.id, handoverNote: 'Tiga kasus rujukan masih terbuka; berkas di lemari B.' });
    expect(moved.status).toBe(200);
    expect(moved.body.holder.fullName).toBe('Budi Kedua');
    expect(moved.body.history).toEqual([
      expect.objectContaining({ personName: 'Budi Kedua', endedAt: null, handoverNote: null }),
      expect.objectContaining({ personName: 'Asep Pertama', endedAt: expect.any(String), handoverNote: 'Tiga kasus rujukan masih terbuka; berkas di lemari B.' }),
    ]);
    // The rights went with the position: the previous holder no longer reads the agency.
    expect((await firstSession.get(`/agencies/${agency.body.id}`)).status).toBe(403);
    const secondSession = client(api.url, (await login(api.url, second.body.email, password)).accessToken);
    expect((await secondSession.get(`/agencies/${agency.body.id}`)).status).toBe(200);
  });

  it('grants a Plt. the position’s rights only within the delegation’s dates', async () => {
    const agencies = await admin.get('/agencies?jurisdictionCode=32');
    const legalBureau = agencies.body.find((a: { name: string }) => a.name === 'Biro Hukum Setda Provinsi Jawa Barat');
    const [reviewerPosition] = (await admin.get(`/agencies/${legalBureau.id}/positions`)).body;
    const password = 'sandi-plt-yang-panjang';
    const acting = await admin.post('/people', { agencyId: legalBureau.id, fullName: 'Plt. Uji', email: `plt.${unique()}@gugus.test`, password });
    const session = client(api.url, (await login(api.url, acting.body.email, password)).accessToken);
    const grantsNow = async () => (await session.get('/auth/me')).body.grants as { role: string; via: string }[];
    expect(await grantsNow()).toEqual([]);

    // A future delegation gives nothing today.
    await admin.post(`/positions/${reviewerPosition.id}/delegations`, { personId: acting.body.id, startsOn: isoDate(10), endsOn: isoDate(20), reason: 'Cuti' });
    expect(await grantsNow()).toEqual([]);
    expect((await session.get('/task-forces/32')).status).toBe(403);

    // One covering today does, with the position's role.
    const current = await admin.post(`/positions/${reviewerPosition.id}/delegations`, { personId: acting.body.id, startsOn: isoDate(-1), endsOn: isoDate(1) });
    expect(current.status).toBe(201);
    expect(current.body.delegations).toHaveLength(2);
    expect(await grantsNow()).toEqual([expect.objectContaining({ role: 'legal_reviewer', jurisdictionCode: '32', via: 'delegation' })]);
    expect((await session.get('/task-forces/32')).status).toBe(200);
  });

  it('rejects a delegation that ends before it starts, naming the field', async () => {
    const agencies = await admin.get('/agencies?jurisdictionCode=32');
    const [position] = (await admin.get(`/agencies/${agencies.body[0].id}/positions`)).body;
    const people = (await admin.get(`/people?agencyId=${agencies.body[0].id}`)).body;
    const res = await admin.post(`/positions/${position.id}/delegations`, { personId: people[0].id, startsOn: '2027-02-10', endsOn: '2027-02-01' });
    expect(res).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'endsOn' }] } } });
  });

  it('refuses a duplicate agency and a duplicate e-mail with 409', async () => {
    const name = `Yayasan Uji ${unique()}`;
    expect((await admin.post('/agencies', { jurisdictionCode: '32', name, kind: 'ngo' })).status).toBe(201);
    expect(await admin.post('/agencies', { jurisdictionCode: '32', name, kind: 'ngo' })).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
    const agencies = await admin.get('/agencies?jurisdictionCode=32');
    const dup = await admin.post('/people', { agencyId: agencies.body[0].id, fullName: 'Duplikat', email: 'ADMIN.jabar@gugus.test' });
    expect(dup).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });
});
