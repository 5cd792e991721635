import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { peopleActingFor } from '@gugus/server-orgs';
import { client, login, serviceEnv, startApi, testEnv, type RunningApi } from '../support';

const unique = () => randomUUID().slice(0, 8);
const PASSWORD = 'sandi-uji-yang-panjang';
type Api = ReturnType<typeof client>;

/**
 * Editing and deactivating agencies, positions and people (issue 13): each change kept as history (who,
 * when, before → after) and in the audit trail, with names; stale edits refused; nothing deleted.
 */
describe('editing the organisations directory', () => {
  let api: RunningApi;
  let admin: Api;
  let adminId: string;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    const tokens = await login(api.url, 'admin.jabar@gugus.test');
    admin = client(api.url, tokens.accessToken);
    adminId = (await admin.get('/auth/me')).body.personId;
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function newAgency(code = '32.04') {
    const res = await admin.post('/agencies', { jurisdictionCode: code, name: `LSM Sunting ${unique()}`, kind: 'ngo' });
    expect(res.status).toBe(201);
    return res.body as { id: string; name: string; version: number; active: boolean };
  }

  async function newPerson(agencyId: string) {
    const res = await admin.post('/people', { agencyId, fullName: 'Sari Uji', email: `sari.${unique()}@gugus.test`, password: PASSWORD });
    expect(res.status).toBe(201);
    return res.body as { id: string; email: string; version: number };
  }

  it('edits an agency, keeps the change as history and in the audit trail with names', async () => {
    const agency = await newAgency();
    expect(agency).toMatchObject({ active: true, version: 1 });
    const newName = `Yayasan Sunting ${unique()}`;
    const edited = await admin.call('PATCH', `/agencies/${agency.id}`, { version: 1, name: newName, kind: 'faith_group', subTaskForces: ['prevention_child_participation'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ name: newName, kind: 'faith_group', subTaskForceKinds: ['prevention_child_participation'], version: 2 });

    const history = await admin.get(`/agencies/${agency.id}/changes`);
    expect(history.status).toBe(200);
    expect(history.body).toEqual([
      expect.objectContaining({
        action: 'update',
        actor: { id: adminId, fullName: 'Rina Kusumawati' },
        changes: [
          { field: 'name', before: agency.name, after: newName },
          { field: 'kind', before: 'ngo', after: 'faith_group' },
          { field: 'subTaskForces', before: [], after: ['prevention_child_participation'] },
        ],
      }),
    ]);

    // Saving what is already there records nothing.
    expect((await admin.call('PATCH', `/agencies/${agency.id}`, { version: 2, name: newName })).body.version).toBe(2);
    expect((await admin.get(`/agencies/${agency.id}/changes`)).body).toHaveLength(1);

    const trail = await admin.get(`/audit?targetType=agency&targetId=${agency.id}`);
    expect(trail.body.map((e: { action: string }) => e.action)).toEqual(['agency.update', 'agency.create']);
    expect(trail.body[0]).toMatchObject({ actorId: adminId, actorName: 'Rina Kusumawati', targetId: agency.id, targetName: newName });
  });

  it('refuses an edit made on a stale copy (409) and loses neither of two concurrent edits', async () => {
    const agency = await newAgency();
    expect((await admin.call('PATCH', `/agencies/${agency.id}`, { version: 1, name: `Pertama ${unique()}` })).status).toBe(200);
    const stale = await admin.call('PATCH', `/agencies/${agency.id}`, { version: 1, name: `Basi ${unique()}` });
    expect(stale).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });

    // Two editors who both saw version 2: one wins, the other is told, and the history has exactly one change.
    const [a, b] = await Promise.all([
      admin.call('PATCH', `/agencies/${agency.id}`, { version: 2, name: `Editor A ${unique()}` }),
      admin.call('PATCH', `/agencies/${agency.id}`, { version: 2, name: `Editor B ${unique()}` }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const winner = a.status === 200 ? a : b;
    expect((await admin.get(`/agencies/${agency.id}`)).body).toMatchObject({ name: winner.body.name, version: 3 });
    expect((await admin.get(`/agencies/${agency.id}/changes`)).body).toHaveLength(2);
  });

  it.each([
    ['a name too short', { name: ' ab ' }, 'name'],
    ['an unknown kind', { kind: 'club' }, 'kind'],
    ['an unknown Sub-TF', { subTaskForces: ['cooking'] }, 'subTaskForces'],
    ['a version that is not a number', { version: 'x' }, 'version'],
    ['an unknown field', { holderId: randomUUID() }, 'holderId'],
  ])('answers an agency edit with %s with 400 naming the field, changing nothing', async (_what, body, field) => {
    const agency = await newAgency();
    const res = await admin.call('PATCH', `/agencies/${agency.id}`, body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain(field);
    expect((await admin.get(`/agencies/${agency.id}`)).body).toMatchObject({ name: agency.name, version: 1 });
  });

  it('refuses another province (403), an unknown record (404) and a role that may not edit (403)', async () => {
    const agency = await newAgency();
    const kepri = client(api.url, (await login(api.url, 'admin.kepri@gugus.test')).accessToken);
    const secretariat = client(api.url, (await login(api.url, 'sekretariat.jabar@gugus.test')).accessToken);
    expect((await kepri.call('PATCH', `/agencies/${agency.id}`, { name: 'Bukan milik Anda' })).status).toBe(403);
    expect((await kepri.put(`/agencies/${agency.id}/active`, { active: false, reason: 'uji' })).status).toBe(403);
    expect((await kepri.get(`/agencies/${agency.id}/changes`)).status).toBe(403);
    expect((await secretariat.call('PATCH', `/agencies/${agency.id}`, { name: 'Sekretariat tidak boleh' })).status).toBe(403);
    expect((await admin.call('PATCH', `/agencies/${randomUUID()}`, { name: 'Tidak ada' })).status).toBe(404);
    expect((await admin.call('PATCH', `/people/${randomUUID()}`, { fullName: 'Tidak ada' })).status).toBe(404);
    expect((await admin.get(`/agencies/${agency.id}`)).body.name).toBe(agency.name);
  });

  it('edits a person; a deactivated person is signed out, cannot log in, and can be reactivated', async () => {
    const agency = await newAgency();
    const person = await newPerson(agency.id);
    const session = client(api.url, (await login(api.url, person.email, PASSWORD)).accessToken);
    expect((await session.get('/auth/me')).status).toBe(200);

    const email = `sari.baru.${unique()}@gugus.test`;
    const edited = await admin.call('PATCH', `/people/${person.id}`, { version: person.version, fullName: 'Sari Rahayu', email: email.toUpperCase() });
    expect(edited.body).toMatchObject({ fullName: 'Sari Rahayu', email, version: 2 });
    expect(await admin.call('PATCH', `/people/${person.id}`, { email: 'admin.jabar@gugus.test' })).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'email' }] } } });
    expect(await admin.call('PATCH', `/people/${person.id}`, { email: 'bukan-email' })).toMatchObject({ status: 400 });

    expect(await admin.put(`/people/${person.id}/active`, { active: false })).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'reason' }] } } });
    expect(await admin.put(`/people/${adminId}/active`, { active: false, reason: 'diri sendiri' })).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'active' }] } } });
    const off = await admin.put(`/people/${person.id}/active`, { active: false, reason: 'Pindah tugas ke luar daerah' });
    expect(off.body).toMatchObject({ active: false, version: 3 });
    expect((await session.get('/auth/me')).status).toBe(401);
    await expect(login(api.url, email, PASSWORD)).rejects.toThrow();

    expect((await admin.put(`/people/${person.id}/active`, { active: true })).body).toMatchObject({ active: true, version: 4 });
    expect((await login(api.url, email, PASSWORD)).accessToken).toBeTruthy();

    const history = (await admin.get(`/people/${person.id}/changes`)).body as { action: string; reason: string | null; changes: unknown[] }[];
    expect(history.map((h) => h.action)).toEqual(['reactivate', 'deactivate', 'update']);
    expect(history[1]).toMatchObject({ reason: 'Pindah tugas ke luar daerah', changes: [{ field: 'active', before: true, after: false }] });
    expect(history[2].changes).toEqual([
      { field: 'fullName', before: 'Sari Uji', after: 'Sari Rahayu' },
      { field: 'email', before: person.email, after: email },
    ]);
    const trail = (await admin.get(`/audit?targetType=person&targetId=${person.id}&limit=20`)).body as { action: string; targetName: string }[];
    expect(trail.map((e) => e.action)).toEqual(expect.arrayContaining(['person.update', 'person.deactivate', 'person.reactivate']));
    expect(trail.every((e) => e.targetName === 'Sari Rahayu')).toBe(true);
  });

  it('edits a position (roles checked against the grant table); a deactivated one gives its holder no rights', async () => {
    const agency = await newAgency('32');
    const person = await newPerson(agency.id);
    const position = (await admin.post(`/agencies/${agency.id}/positions`, { title: 'Staf Pendamping', roles: ['agency_officer'] })).body;
    await admin.put(`/positions/${position.id}/holder`, { personId: person.id });
    const session = client(api.url, (await login(api.url, person.email, PASSWORD)).accessToken);
    const roles = async () => ((await session.get('/auth/me')).body.grants as { role: string }[]).map((g) => g.role).sort();
    expect(await roles()).toEqual(['agency_officer']);

    const edited = await admin.call('PATCH', `/positions/${position.id}`, { version: 1, title: 'Koordinator Pendamping', roles: ['agency_officer', 'case_coordinator'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: 'Koordinator Pendamping', roles: ['agency_officer', 'case_coordinator'], version: 2, active: true });
    expect(await roles()).toEqual(['agency_officer', 'case_coordinator']);
    // A provincial administrator cannot hand out the national roles, also not by editing a position.
    const refused = await admin.call('PATCH', `/positions/${position.id}`, { roles: ['system_admin'] });
    expect(refused.status).toBe(403);
    expect(await admin.call('PATCH', `/positions/${position.id}`, { roles: [] })).toMatchObject({ status: 400 });

    const off = await admin.put(`/positions/${position.id}/active`, { version: 2, active: false, reason: 'Jabatan dihapus dari struktur organisasi' });
    expect(off.body).toMatchObject({ active: false, version: 3, holder: { id: person.id } });
    expect(await roles()).toEqual([]);
    expect((await admin.put(`/positions/${position.id}/active`, { version: 3, active: true })).body.active).toBe(true);
    expect(await roles()).toEqual(['agency_officer', 'case_coordinator']);

    const history = (await admin.get(`/positions/${position.id}/changes`)).body as { action: string; changes: { field: string }[] }[];
    expect(history.map((h) => h.action)).toEqual(['reactivate', 'deactivate', 'update']);
    expect(history[2].changes.map((c) => c.field)).toEqual(['title', 'roles']);
    const trail = (await admin.get(`/audit?targetType=position&targetId=${position.id}&limit=20`)).body as { targetName: string }[];
    expect(trail[0].targetName).toBe(`Koordinator Pendamping — ${agency.name}`);
  });

  it("refuses a province power over a peer administrator (e-mail, activity, position) and a Plt.'s edit of its own position's roles", async () => {
    const sys = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    const agency = await newAgency('32');
    // A second West Java administrator: only the national level may make one.
    const peer = (await sys.post('/people', { agencyId: agency.id, fullName: 'Admin Kedua', email: `admin2.${unique()}@gugus.test`, password: PASSWORD })).body as { id: string; email: string };
    const seat = (await sys.post(`/agencies/${agency.id}/positions`, { title: 'Admin Provinsi Kedua', roles: ['provincial_admin'] })).body as { id: string };
    expect((await sys.put(`/positions/${seat.id}/holder`, { personId: peer.id })).status).toBe(200);
    // Taking over the peer's e-mail (and with it their sign-in), locking them out, or switching their seat off: refused.
    const takeOver = await admin.call('PATCH', `/people/${peer.id}`, { email: `bukan-milik-anda.${unique()}@gugus.test` });
    expect(takeOver.status).toBe(403);
    expect((await admin.put(`/people/${peer.id}/active`, { active: false, reason: 'Uji: bukan wewenang provinsi' })).status).toBe(403);
    expect((await admin.put(`/positions/${seat.id}/active`, { active: false, reason: 'Uji: bukan wewenang provinsi' })).status).toBe(403);
    expect((await admin.put(`/agencies/${agency.id}/active`, { active: false, reason: 'Uji: bukan wewenang provinsi' })).status).toBe(403);
    const unchanged = (await sys.get(`/people/${peer.id}`)).body as { email: string; active: boolean };
    expect([unchanged.email, unchanged.active]).toEqual([peer.email, true]);
    // The name stays the province's to correct; the national level may change the rest.
    expect((await admin.call('PATCH', `/people/${peer.id}`, { fullName: 'Admin Kedua Jabar' })).status).toBe(200);
    const peerEmail = `admin2b.${unique()}@gugus.test`;
    expect((await sys.call('PATCH', `/people/${peer.id}`, { email: peerEmail })).status).toBe(200);

    // Named Plt. of a position, a provincial administrator may not add roles to it: they would receive them.
    // (The peer, not admin.jabar: other test files share the database and count admin.jabar's roles.)
    const desk = (await admin.post(`/agencies/${agency.id}/positions`, { title: 'Staf Layanan', roles: ['agency_officer'] })).body as { id: string };
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    const until = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + 7 * 86_400_000));
    const plt = await sys.post(`/positions/${desk.id}/delegations`, { personId: peer.id, startsOn: today, endsOn: until, reason: 'Uji: pemegang cuti' });
    expect(plt.status).toBe(201);
    const peerSession = client(api.url, (await login(api.url, peerEmail, PASSWORD)).accessToken);
    expect((await peerSession.call('PATCH', `/positions/${desk.id}`, { roles: ['agency_officer', 'case_worker'] })).status).toBe(403);
    // Another administrator of the province may (it is not their own grant).
    expect((await admin.call('PATCH', `/positions/${desk.id}`, { roles: ['agency_officer', 'case_worker'] })).status).toBe(200);
    expect(((await sys.get(`/positions/${desk.id}`)).body as { roles: string[] }).roles.sort()).toEqual(['agency_officer', 'case_worker']);
    // The second administrator goes again (the database is shared with other test files).
    expect((await sys.put(`/people/${peer.id}/active`, { active: false, reason: 'Uji selesai' })).status).toBe(200);
    expect((await sys.put(`/positions/${seat.id}/active`, { active: false, reason: 'Uji selesai' })).status).toBe(200);
  });

  it('hands no new task or notification to an inactive person, position or agency (who acts for an agency and role)', async () => {
    const agency = await newAgency('32');
    const person = await newPerson(agency.id);
    const position = (await admin.post(`/agencies/${agency.id}/positions`, { title: 'Staf Penerima Tugas', roles: ['agency_officer'] })).body;
    await admin.put(`/positions/${position.id}/holder`, { personId: person.id });
    const db = new Pool({ connectionString: testEnv().databaseUrl, max: 1 });
    try {
      // The query tasks and notifications use to find who acts for an agency in a role (it takes rows, as TypeORM answers).
      const rows = { query: async (sql: string, params?: unknown[]) => (await db.query(sql, params)).rows };
      const acting = async () => (await peopleActingFor(rows, { agencyId: agency.id, role: 'agency_officer' }, new Date().toISOString().slice(0, 10))).map((p) => p.personId);
      expect(await acting()).toEqual([person.id]);
      await admin.put(`/people/${person.id}/active`, { active: false, reason: 'Cuti panjang' });
      expect(await acting()).toEqual([]);
      // Nor can they be made a holder or a Plt. while inactive.
      const spare = (await admin.post(`/agencies/${agency.id}/positions`, { title: 'Staf Cadangan', roles: ['agency_officer'] })).body;
      expect(await admin.put(`/positions/${spare.id}/holder`, { personId: person.id })).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'personId' }] } } });
      expect(await admin.post(`/positions/${spare.id}/delegations`, { personId: person.id, startsOn: '2027-01-01', endsOn: '2027-01-31' })).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'personId' }] } } });
      await admin.put(`/people/${person.id}/active`, { active: true });
      expect(await acting()).toEqual([person.id]);
      await admin.put(`/positions/${position.id}/active`, { active: false, reason: 'Dihapus dari struktur' });
      expect(await acting()).toEqual([]);
      await admin.put(`/positions/${position.id}/active`, { active: true });
      await admin.put(`/agencies/${agency.id}/active`, { active: false, reason: 'Lembaga bubar' });
      expect(await acting()).toEqual([]);
    } finally {
      await db.end();
    }
  });

  it('deactivates an agency: hidden from pickers, shown to administrators, its positions give no rights', async () => {
    const agency = await newAgency('32');
    const person = await newPerson(agency.id);
    const position = (await admin.post(`/agencies/${agency.id}/positions`, { title: 'Staf Lapangan', roles: ['agency_officer'] })).body;
    await admin.put(`/positions/${position.id}/holder`, { personId: person.id });
    const session = client(api.url, (await login(api.url, person.email, PASSWORD)).accessToken);
    expect(((await session.get('/auth/me')).body.grants as unknown[]).length).toBe(1);

    expect((await admin.put(`/agencies/${agency.id}/active`, { active: false, reason: 'Lembaga bubar' })).body).toMatchObject({ active: false });
    expect(((await session.get('/auth/me')).body.grants as unknown[]).length).toBe(0);
    const ids = async (query: string) => ((await admin.get(`/agencies?jurisdictionCode=32${query}`)).body as { id: string }[]).map((a) => a.id);
    expect(await ids('')).not.toContain(agency.id);
    expect(await ids('&includeInactive=true')).toContain(agency.id);
    // Still there for everything that points at it.
    expect((await admin.get(`/agencies/${agency.id}`)).body).toMatchObject({ id: agency.id, active: false });
    expect((await admin.get('/agencies?jurisdictionCode=32&includeInactive=maybe')).status).toBe(400);
  });

  it('names a meeting in the audit trail by its title', async () => {
    const secretariat = client(api.url, (await login(api.url, 'sekretariat.jabar@gugus.test')).accessToken);
    const title = `Rapat khusus uji nama ${unique()}`;
    const meeting = await secretariat.post('/meetings', { jurisdictionCode: '32', kind: 'special', scheduledAt: new Date(Date.now() + 30 * 86_400_000).toISOString(), title, venue: 'Aula' });
    expect(meeting.status).toBe(201);
    const trail = (await admin.get(`/audit?targetType=meeting&targetId=${meeting.body.id}`)).body as { action: string; targetName: string; actorName: string }[];
    expect(trail[0]).toMatchObject({ action: 'meeting.schedule', targetName: title });
  });

  it('shows names in the audit trail for people, agencies and positions, never for a case', async () => {
    const sys = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    const intake = ((await sys.get('/agencies?jurisdictionCode=32')).body as { id: string; name: string }[]).find((a) => a.name === 'UPTD PPA Provinsi Jawa Barat')!.id;
    const opened = await sys.post('/cases', { jurisdictionCode: '32', intakeAgencyId: intake, intakeChannel: 'ngo' });
    expect(opened.status).toBe(201);
    const caseTrail = (await sys.get(`/audit?targetType=case&targetId=${opened.body.code}`)).body as { targetId: string; targetName: string | null }[];
    expect(caseTrail.length).toBeGreaterThan(0);
    expect(caseTrail.every((e) => e.targetId === opened.body.code && e.targetName === null)).toBe(true);
    const trail = (await admin.get('/audit?jurisdictionCode=32&limit=200')).body as { actorId: string | null; actorName: string | null; targetType: string; targetName: string | null }[];
    expect(trail.length).toBeGreaterThan(0);
    expect(trail.filter((e) => e.actorId === adminId).every((e) => e.actorName === 'Rina Kusumawati')).toBe(true);
    expect(trail.filter((e) => e.targetType === 'case').every((e) => e.targetName === null)).toBe(true);
  });
});
