import { randomUUID } from 'node:crypto';
import type { AuditEntryView, Me, PositionView } from '@gugus/contracts';
import { client, login, serviceEnv, startApi, type RunningApi } from '../support';

type Client = ReturnType<typeof client>;
const unique = () => randomUUID().slice(0, 8);
const OPERATIONAL = ['secretariat', 'agency_officer', 'legal_reviewer', 'case_coordinator', 'case_worker', 'chair'];

/**
 * Issue 9's first reproduction, against the real API and PostgreSQL: a provincial administrator made a
 * position with `system_admin`, took it, and could then verify the audit chain. Every way of handing out
 * a role (a new position, a holder change, a Plt. appointment) now goes through the grant table, nobody
 * grants to themselves, and the attempts are in the audit trail.
 */
describe('privilege escalation through positions', () => {
  let api: RunningApi;
  let sys: Client;
  let jabar: Client;
  let jabarMe: Me;
  /** DP3AKB Provinsi Jawa Barat: admin.jabar's own agency. */
  let jabarOffice: string;
  /** Dinas Sosial Provinsi Jawa Barat. */
  let jabarSocial: string;
  let kepriAgency: string;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    sys = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    jabar = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    jabarMe = (await jabar.get('/auth/me')).body as Me;
    const agencyNamed = async (code: string, name: string) => ((await sys.get(`/agencies?jurisdictionCode=${code}`)).body as { id: string; name: string }[]).find((a) => a.name === name)!.id;
    jabarOffice = await agencyNamed('32', 'DP3AKB Provinsi Jawa Barat');
    jabarSocial = await agencyNamed('32', 'Dinas Sosial Provinsi Jawa Barat');
    kepriAgency = await agencyNamed('21', 'DP3AP2KB Provinsi Kepulauan Riau');
  });
  afterAll(async () => {
    await api?.stop();
  });

  /** The newest audit entries matching `query`, as the system administrator sees them. */
  const audit = async (query: string, limit = 200) => (await sys.get(`/audit?limit=${limit}&${query}`)).body as AuditEntryView[];
  const newestSeq = async (query: string) => (await audit(query, 1))[0]?.seq ?? 0;
  const positionsOf = async (agencyId: string) => ((await sys.get(`/agencies/${agencyId}/positions`)).body as PositionView[]).map((p) => ({ id: p.id, roles: p.roles, holder: p.holder }));
  const newPerson = async (by: Client, agencyId: string, name: string) => {
    const password = `sandi-${unique()}-panjang`;
    const res = await by.post('/people', { agencyId, fullName: name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.${unique()}@gugus.test`, password });
    expect(res.status).toBe(201);
    return { id: res.body.id as string, email: res.body.email as string, password };
  };

  it('refuses admin.jabar a system_admin position with 403 naming the role, and nothing changes', async () => {
    const positionsBefore = await positionsOf(jabarOffice);
    const createsBefore = await newestSeq('action=position.create');

    const res = await jabar.post(`/agencies/${jabarOffice}/positions`, { title: `Admin Sistem Bayangan ${unique()}`, roles: ['system_admin'] });
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', details: { roles: ['system_admin'] } } });
    expect(res.body.message).toContain('"Administrator sistem" (system_admin)');
    const inEnglish = await jabar.call('POST', `/agencies/${jabarOffice}/positions`, { title: `Shadow Admin ${unique()}`, roles: ['agency_officer', 'system_admin'] }, { 'accept-language': 'en' });
    expect(inEnglish).toMatchObject({ status: 403, body: { details: { roles: ['system_admin'] } } });
    expect(inEnglish.body.message).toContain('"System administrator" (system_admin)');
    expect(inEnglish.body.message).not.toContain('agency_officer');

    expect(await positionsOf(jabarOffice)).toEqual(positionsBefore);
    expect(await newestSeq('action=position.create')).toBe(createsBefore);
    expect(await jabar.get('/audit/verify')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(((await jabar.get('/auth/me')).body as Me).grants.map((g) => g.role)).toEqual(['provincial_admin']);

    // The attempt itself is on the record, by whom and where.
    const [refusal] = await audit(`action=position.grant_refused&targetId=${jabarOffice}`);
    expect(refusal).toMatchObject({ actorId: jabarMe.personId, targetType: 'agency', targetId: jabarOffice, jurisdictionCode: '32', afterDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(refusal.seq).toBeGreaterThan(createsBefore);
  });

  it.each([
    ['national_analyst', 'a West Java agency', () => jabarOffice],
    ['provincial_admin', 'a West Java agency', () => jabarOffice],
    ['provincial_admin', 'another West Java agency', () => jabarSocial],
  ])('refuses admin.jabar a %s position in %s', async (role, _where, agency) => {
    const before = await positionsOf(agency());
    const res = await jabar.post(`/agencies/${agency()}/positions`, { title: `Jabatan Terlarang ${unique()}`, roles: [role] });
    expect(res).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', details: { roles: [role] } } });
    expect(res.body.message).toContain(`(${role})`);
    expect(await positionsOf(agency())).toEqual(before);
  });

  it('refuses admin.jabar any grant in Riau Islands, as before', async () => {
    const before = await positionsOf(kepriAgency);
    expect(await jabar.post(`/agencies/${kepriAgency}/positions`, { title: `Staf ${unique()}`, roles: ['agency_officer'] })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const [kepriPosition] = before;
    expect(await jabar.put(`/positions/${kepriPosition.id}/holder`, { personId: jabarMe.personId, handoverNote: 'ambil alih' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await jabar.post(`/positions/${kepriPosition.id}/delegations`, { personId: jabarMe.personId, startsOn: '2027-01-01', endsOn: '2027-01-31' })).toMatchObject({ status: 403 });
    expect(await positionsOf(kepriAgency)).toEqual(before);
  });

  it('refuses admin.jabar as holder or Plt. of any position, even one they may grant, and records the attempt', async () => {
    const position = await jabar.post(`/agencies/${jabarSocial}/positions`, { title: `Staf Perlindungan ${unique()}`, roles: ['agency_officer'] });
    expect(position.status).toBe(201);
    const assignsBefore = await newestSeq(`action=position.assign&targetId=${position.body.id}`);

    const take = await jabar.put(`/positions/${position.body.id}/holder`, { personId: jabarMe.personId });
    expect(take).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(take.body.message).toContain('diri sendiri');
    const actAs = await jabar.post(`/positions/${position.body.id}/delegations`, { personId: jabarMe.personId, startsOn: '2026-01-01', endsOn: '2030-12-31' });
    expect(actAs).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });

    const after = (await sys.get(`/positions/${position.body.id}`)).body as PositionView;
    expect(after).toMatchObject({ holder: null, history: [], delegations: [] });
    expect(await newestSeq(`action=position.assign&targetId=${position.body.id}`)).toBe(assignsBefore);
    expect(((await jabar.get('/auth/me')).body as Me).grants.map((g) => g.role)).toEqual(['provincial_admin']);
    const refusals = await audit(`action=position.grant_refused&targetId=${position.body.id}`);
    expect(refusals).toHaveLength(2);
    expect(refusals.every((e) => e.actorId === jabarMe.personId && e.jurisdictionCode === '32')).toBe(true);

    // An existing, held position: the same.
    const [held] = (await positionsOf(jabarSocial)).filter((p) => p.holder);
    const steal = await jabar.put(`/positions/${held.id}/holder`, { personId: jabarMe.personId, handoverNote: 'saya ambil alih' });
    expect(steal).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await sys.get(`/positions/${held.id}`)).body.holder).toEqual(held.holder);
  });

  it('refuses admin.jabar moving, vacating or delegating a position whose roles only a system administrator grants', async () => {
    const provincialAdmin = await sys.post(`/agencies/${jabarOffice}/positions`, { title: `Admin Provinsi Kedua ${unique()}`, roles: ['provincial_admin'] });
    expect(provincialAdmin.status).toBe(201);
    const colleague = await newPerson(jabar, jabarOffice, 'Rekan Kantor');

    const move = await jabar.put(`/positions/${provincialAdmin.body.id}/holder`, { personId: colleague.id });
    expect(move).toMatchObject({ status: 403, body: { code: 'FORBIDDEN', details: { roles: ['provincial_admin'] } } });
    expect(await jabar.put(`/positions/${provincialAdmin.body.id}/holder`, { personId: null })).toMatchObject({ status: 403, body: { details: { roles: ['provincial_admin'] } } });
    const plt = await jabar.post(`/positions/${provincialAdmin.body.id}/delegations`, { personId: colleague.id, startsOn: '2026-01-01', endsOn: '2030-12-31' });
    expect(plt).toMatchObject({ status: 403, body: { details: { roles: ['provincial_admin'] } } });
    expect((await sys.get(`/positions/${provincialAdmin.body.id}`)).body).toMatchObject({ holder: null, delegations: [] });

    // Their own position is no different: a provincial administrator does not appoint their successor.
    const own = jabarMe.grants[0].positionId;
    expect(await jabar.put(`/positions/${own}/holder`, { personId: colleague.id, handoverNote: 'pindah tugas' })).toMatchObject({ status: 403 });
    expect((await sys.get(`/positions/${own}`)).body.holder.id).toBe(jabarMe.personId);
  });

  it('tells each user which roles they may grant where (GET /auth/me)', async () => {
    expect(jabarMe.grantableRoles).toEqual([{ jurisdictionCode: '32', roles: expect.arrayContaining(OPERATIONAL) }]);
    expect(jabarMe.grantableRoles[0].roles).toHaveLength(OPERATIONAL.length);
    expect(((await sys.get('/auth/me')).body as Me).grantableRoles).toEqual([{ jurisdictionCode: '00', roles: expect.arrayContaining(['system_admin', 'national_analyst', 'provincial_admin', ...OPERATIONAL]) }]);
    const worker = client(api.url, (await login(api.url, 'pekerja.jabar@gugus.test')).accessToken);
    expect(((await worker.get('/auth/me')).body as Me).grantableRoles).toEqual([]);
  });

  it('still lets the system administrator create, fill and delegate any position — but not to themselves', async () => {
    const sysMe = (await sys.get('/auth/me')).body as Me;
    const agency = await sys.post('/agencies', { jurisdictionCode: '32', name: `Kantor Uji Eskalasi ${unique()}`, kind: 'government_office' });
    expect(agency.status).toBe(201);
    const person = await newPerson(sys, agency.body.id, 'Calon Admin');
    const acting = await newPerson(sys, agency.body.id, 'Calon Plt');
    for (const role of ['national_analyst', 'provincial_admin']) {
      const position = await sys.post(`/agencies/${agency.body.id}/positions`, { title: `Jabatan ${role} ${unique()}`, roles: [role] });
      expect(position).toMatchObject({ status: 201, body: { roles: [role] } });
    }
    const admin = await sys.post(`/agencies/${agency.body.id}/positions`, { title: `Admin Sistem Cadangan ${unique()}`, roles: ['system_admin'] });
    expect(admin.status).toBe(201);
    expect(await sys.put(`/positions/${admin.body.id}/holder`, { personId: sysMe.personId })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });

    expect(await sys.put(`/positions/${admin.body.id}/holder`, { personId: person.id })).toMatchObject({ status: 200, body: { holder: { id: person.id } } });
    expect(await sys.post(`/positions/${admin.body.id}/delegations`, { personId: acting.id, startsOn: '2020-01-01', endsOn: '2020-01-31', reason: 'uji (sudah lewat)' })).toMatchObject({ status: 201 });
    const appointed = client(api.url, (await login(api.url, person.email, person.password)).accessToken);
    expect(await appointed.get('/audit/verify')).toMatchObject({ status: 200 });

    const [assigned] = await audit(`action=position.assign&targetId=${admin.body.id}`);
    expect(assigned).toMatchObject({ actorId: sysMe.personId, jurisdictionCode: '32' });
    // Leave no spare system administrator behind in the shared test database.
    expect(await sys.put(`/positions/${admin.body.id}/holder`, { personId: null, handoverNote: 'akhir uji' })).toMatchObject({ status: 200, body: { holder: null } });
    expect(await appointed.get('/audit/verify')).toMatchObject({ status: 403 });
  });

  it('lets admin.jabar staff a West Java agency (agency_officer), and audits each grant with its actor', async () => {
    const position = await jabar.post(`/agencies/${jabarSocial}/positions`, { title: `Petugas Rujukan ${unique()}`, roles: ['agency_officer'] });
    expect(position).toMatchObject({ status: 201, body: { roles: ['agency_officer'] } });
    const colleague = await newPerson(jabar, jabarSocial, 'Rekan Dinsos');
    const acting = await newPerson(jabar, jabarSocial, 'Plt Dinsos');
    expect(await jabar.put(`/positions/${position.body.id}/holder`, { personId: colleague.id })).toMatchObject({ status: 200, body: { holder: { id: colleague.id } } });
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    expect(await jabar.post(`/positions/${position.body.id}/delegations`, { personId: acting.id, startsOn: today, endsOn: '2099-12-31' })).toMatchObject({ status: 201 });

    const session = client(api.url, (await login(api.url, colleague.email, colleague.password)).accessToken);
    expect(((await session.get('/auth/me')).body as Me).grants).toEqual([expect.objectContaining({ role: 'agency_officer', jurisdictionCode: '32', agencyId: jabarSocial, via: 'holder' })]);
    const actingSession = client(api.url, (await login(api.url, acting.email, acting.password)).accessToken);
    expect(((await actingSession.get('/auth/me')).body as Me).grants).toEqual([expect.objectContaining({ role: 'agency_officer', via: 'delegation' })]);

    const byTarget = async (action: string, targetId: string) => (await audit(`action=${action}&targetId=${targetId}`))[0];
    expect(await byTarget('position.create', position.body.id)).toMatchObject({ actorId: jabarMe.personId, targetType: 'position', jurisdictionCode: '32', afterDigest: expect.any(String) });
    expect(await byTarget('position.assign', position.body.id)).toMatchObject({ actorId: jabarMe.personId, targetType: 'position', jurisdictionCode: '32', beforeDigest: expect.any(String), afterDigest: expect.any(String) });
    const delegation = ((await sys.get(`/positions/${position.body.id}`)).body as PositionView).delegations[0];
    expect(await byTarget('position.delegate', delegation.id)).toMatchObject({ actorId: jabarMe.personId, targetType: 'delegation', jurisdictionCode: '32', afterDigest: expect.any(String) });
    expect(await audit(`action=position.grant_refused&targetId=${position.body.id}`)).toEqual([]);
  });
});
