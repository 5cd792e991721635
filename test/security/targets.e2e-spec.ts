import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { FORM_LIBRARY } from '@gugus/forms';
import { client, eventually, login, serviceEnv, startApi, startWorker, testEnv, type RunningApi, type ServiceProcess } from '../support';

/**
 * Issue 9, item 4 ("the API trusts targets the client names"), against the real API, worker, PostgreSQL
 * and Temporal: a task cannot be reassigned to an agency outside its jurisdiction (another province, an
 * unknown id) or to a role its step does not allow, and an agency named in form data (an agenda's
 * presenter, an action point's responsible agency) must be an agency of the jurisdiction. Each refusal
 * is a 400 naming the field; the task stays where it was, with no new history, and no process is started
 * with the bad id (which once made an activity retry forever).
 */
type Api = ReturnType<typeof client>;
type Task = { id: string; step: string; status: string; assignee: { agencyId: string; role: string } };

describe('the API checks the targets a client names', () => {
  const env = serviceEnv();
  let api: RunningApi;
  let worker: ServiceProcess;
  let db: Pool;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  let meetingId = '';
  let agenda: Task;

  const eventsOf = async (taskId: string) => (await db.query(`SELECT kind FROM task_events WHERE task_id = $1 ORDER BY id`, [taskId])).rows.map((r) => r.kind as string);
  const fieldsOf = (body: { details?: { fields?: { field: string; message: string }[] } }) => body.details?.fields ?? [];

  beforeAll(async () => {
    db = new Pool({ connectionString: testEnv().databaseUrl, max: 2 });
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    for (const [who, email] of Object.entries({ secretariat: 'sekretariat.jabar@gugus.test', sys: 'admin@gugus.test', batam: 'dinsos.batam@gugus.test' })) {
      as[who] = client(api.url, (await login(api.url, email)).accessToken);
    }
    for (const row of (await db.query(`SELECT id, name FROM agencies WHERE jurisdiction_code IN ('32', '21.71')`)).rows) agency[row.name as string] = row.id as string;
    expect(agency['Dinas Sosial Kota Batam']).toBeDefined();

    const res = await as.secretariat.post('/meetings', { jurisdictionCode: '32', kind: 'plenary', scheduledAt: new Date(Date.now() + 2 * 3600_000).toISOString() });
    expect(res.status).toBe(201);
    meetingId = res.body.id;
    agenda = await eventually(async () => {
      const items = (await as.secretariat.get(`/tasks?scope=mine&processId=${meetingId}&status=open&limit=100`)).body.items as Task[];
      return items.find((t) => t.step === 'agenda');
    }, 60_000, 'the agenda task');
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await db?.end();
  });

  it.each([
    ['an agency of another province (Kota Batam, Riau Islands)', 'secretariat', () => agency['Dinas Sosial Kota Batam'], 'agencyId'],
    ['an agency of another province, even by the system administrator', 'sys', () => agency['Dinas Sosial Kota Batam'], 'agencyId'],
    ['an agency that does not exist', 'secretariat', () => randomUUID(), 'agencyId'],
  ])('refuses reassigning a West Java task to %s, naming the field; nothing changes', async (_what, who, target, field) => {
    const before = await eventsOf(agenda.id);
    const res = await as[who].post(`/tasks/${agenda.id}/reassign`, { agencyId: target(), role: 'agency_officer', note: 'Pindahkan ke instansi lain.' });
    expect({ status: res.status, fields: fieldsOf(res.body).map((f) => f.field) }).toEqual({ status: 400, fields: [field] });
    expect(JSON.stringify(res.body)).not.toContain(target());
    expect(await eventsOf(agenda.id)).toEqual(before);
    const now = (await as.secretariat.get(`/tasks/${agenda.id}`)).body as Task;
    expect(now.assignee).toEqual(expect.objectContaining({ agencyId: agency['DP3AKB Provinsi Jawa Barat'], role: 'secretariat' }));
    // Kota Batam's officer never sees it.
    expect((await as.batam.get(`/tasks/${agenda.id}`)).status).toBe(404);
  });

  it('refuses a role the step does not allow (system_admin), naming the field', async () => {
    const before = await eventsOf(agenda.id);
    const res = await as.secretariat.post(`/tasks/${agenda.id}/reassign`, { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], role: 'system_admin', note: 'Naikkan hak akses.' });
    expect({ status: res.status, fields: fieldsOf(res.body).map((f) => f.field) }).toEqual({ status: 400, fields: ['role'] });
    expect(await eventsOf(agenda.id)).toEqual(before);
  });

  it.each([
    ['an agency of another province', () => agency['Dinas Sosial Kota Batam'], /bukan anggota gugus tugas wilayah ini/],
    ['an unknown agency', () => randomUUID(), /instansi tidak dikenal/],
  ])('refuses completing the agenda with %s as presenter, naming the field; the task stays open', async (_what, presenter, message) => {
    const page = (await as.secretariat.get(`/tasks/${agenda.id}`)).body;
    const data = structuredClone(Object.values(FORM_LIBRARY.find((f) => f.definition.key === 'meeting-agenda')?.valid ?? {})[0]) as Record<string, unknown>;
    Object.assign(data, page.initialData, { meetingMode: 'in_person', venue: 'Aula DP3AKB' });
    delete data['onlineLink'];
    delete data['subTaskForce'];
    data['agendaItems'] = [{ topic: 'Koordinasi', presenterAgencyId: presenter(), durationMinutes: 30, purpose: 'discussion' }];
    const before = await eventsOf(agenda.id);

    const res = await as.secretariat.post(`/tasks/${agenda.id}/decision`, { outcome: 'completed', data });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body)).toEqual([{ field: 'data/agendaItems/0/presenterAgencyId', message: expect.stringMatching(message) }]);
    expect(await eventsOf(agenda.id)).toEqual(before);
    expect((await as.secretariat.get(`/tasks/${agenda.id}`)).body.status).toBe('open');
    const meeting = (await as.secretariat.get(`/meetings/${meetingId}`)).body;
    expect(meeting.status).not.toBe('invited');
  });

  it("refuses minutes whose action point names an agency outside the jurisdiction, before any process sees it", async () => {
    const fixture = FORM_LIBRARY.find((f) => f.definition.key === 'meeting-minutes')?.valid['plenary-2026-09'] as Record<string, unknown>;
    // The fixture's made-up agencies become West Java's real ones, a different one for each.
    const westJava = (await db.query(`SELECT id FROM agencies WHERE jurisdiction_code = '32' ORDER BY name`)).rows.map((r) => r.id as string);
    const chosen = new Map<string, string>();
    const text = JSON.stringify(fixture).replace(/3f1c2a4e-7b21-4d0a-9e55-1a2b3c4d5e\d\d/g, (id) => {
      if (!chosen.has(id)) chosen.set(id, westJava[chosen.size % westJava.length]);
      return chosen.get(id) as string;
    });
    const data = JSON.parse(text) as { attendance: { presentAgencyIds: string[]; absentAgencyIds: string[] }; actionPoints: { responsibleAgencyId: string }[] };
    // West Java has fewer agencies than the fixture's attendance list: present and absent stay distinct.
    data.attendance.presentAgencyIds = [...new Set(data.attendance.presentAgencyIds)].slice(0, westJava.length - 1);
    data.attendance.absentAgencyIds = [westJava[westJava.length - 1]];
    data.attendance.presentAgencyIds = data.attendance.presentAgencyIds.filter((id) => id !== westJava[westJava.length - 1]);
    data.actionPoints[0].responsibleAgencyId = agency['Dinas Sosial Kota Batam'];
    data.actionPoints[1].responsibleAgencyId = randomUUID();

    const res = await as.secretariat.post('/forms/meeting-minutes/submissions', { jurisdictionCode: '32', data, status: 'submitted' });
    expect(res.status).toBe(400);
    expect(fieldsOf(res.body).map((f) => f.field).sort()).toEqual(['data/actionPoints/0/responsibleAgencyId', 'data/actionPoints/1/responsibleAgencyId']);

    // The same minutes with West Java's own agencies are accepted: the check refuses only the bad targets.
    data.actionPoints[0].responsibleAgencyId = westJava[0];
    data.actionPoints[1].responsibleAgencyId = westJava[1];
    expect((await as.secretariat.post('/forms/meeting-minutes/submissions', { jurisdictionCode: '32', data, status: 'submitted' })).status).toBe(201);
  });
});
