import { Pool } from 'pg';
import { Connection } from '@temporalio/client';
import { FORM_LIBRARY } from '@gugus/forms';
import { meetingWorkflowId } from '@gugus/workflows';
import { client, eventually, login, serviceEnv, startApi, startWorker, temporalClient, testEnv, workflowIdle, type RunningApi, type ServiceProcess } from '../support';

/**
 * Issue 5, acceptance 3 and 4 on the real Temporal dev server and wall clock: a task moved to another
 * agency can no longer be completed by its old assignee (and nothing changes), and killing the worker
 * right after the API acknowledged a completion loses nothing — once the worker is back, the next tasks
 * appear, exactly once each.
 */
type Api = ReturnType<typeof client>;
type Task = { id: string; step: string; assignee: { agencyId: string; role: string } };

describe('human tasks: reassignment and a worker killed after the acknowledgement', () => {
  const env = serviceEnv();
  let api: RunningApi;
  let worker: ServiceProcess;
  let db: Pool;
  let connection: Connection;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  let meetingId = '';

  const openTasks = async (who: string, step: string, scope = 'mine'): Promise<Task[]> =>
    ((await as[who].get(`/tasks?scope=${scope}&processId=${meetingId}&status=open&limit=100`)).body.items as Task[]).filter((t) => t.step === step);
  const eventsOf = async (taskId: string) => (await db.query(`SELECT kind FROM task_events WHERE task_id = $1 ORDER BY id`, [taskId])).rows.map((r) => r.kind as string);

  beforeAll(async () => {
    db = new Pool({ connectionString: testEnv().databaseUrl, max: 2 });
    connection = await Connection.connect({ address: testEnv().temporalAddress });
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    for (const [who, email] of Object.entries({ secretariat: 'sekretariat.jabar@gugus.test', dinsos: 'dinsos.jabar@gugus.test', bandung: 'sekretariat.bandung@gugus.test', admin: 'admin.jabar@gugus.test' })) {
      as[who] = client(api.url, (await login(api.url, email)).accessToken);
    }
    for (const row of (await db.query(`SELECT id, name FROM agencies WHERE jurisdiction_code = '32'`)).rows) agency[row.name as string] = row.id as string;
  });
  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await db?.end();
    await connection?.close();
  });

  it('schedules a plenary two hours ahead (invitations are already due, so the agenda leads straight to RSVPs)', async () => {
    const res = await as.secretariat.post('/meetings', { jurisdictionCode: '32', kind: 'plenary', scheduledAt: new Date(Date.now() + 2 * 3600_000).toISOString() });
    expect(res.status).toBe(201);
    meetingId = res.body.id;
    await eventually(async () => ((await openTasks('secretariat', 'agenda')).length === 1 ? true : undefined), 60_000, 'the agenda task');
  });

  it('a reassigned task moves inboxes; its old assignee is refused and nothing changes', async () => {
    const [agenda] = await openTasks('secretariat', 'agenda');
    // Only coordinators of the jurisdiction may reassign; the regency secretariat may not.
    expect((await as.bandung.post(`/tasks/${agenda.id}/reassign`, { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], role: 'agency_officer', note: 'Pindah ke Dinas Sosial.' })).status).toBe(404);
    // The step decides which roles it may go to (the agenda: the secretariat or an agency officer).
    const bad = await as.secretariat.post(`/tasks/${agenda.id}/reassign`, { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], role: 'legal_reviewer', note: 'Peran ini tidak menyusun agenda.' });
    expect({ status: bad.status, field: bad.body.details?.fields?.[0]?.field }).toEqual({ status: 400, field: 'role' });

    const moved = await as.secretariat.post(`/tasks/${agenda.id}/reassign`, { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], role: 'agency_officer', note: 'Dinas Sosial menyusun agenda kali ini.' });
    expect(moved.status).toBe(200);
    expect(moved.body.assignee).toEqual(expect.objectContaining({ agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], role: 'agency_officer' }));
    expect((await openTasks('dinsos', 'agenda')).map((t) => t.id)).toEqual([agenda.id]);
    expect(await openTasks('secretariat', 'agenda')).toEqual([]);

    const before = await eventsOf(agenda.id);
    const refused = await as.secretariat.post(`/tasks/${agenda.id}/decision`, { outcome: 'completed', data: {} });
    expect(refused.status).toBe(403);
    expect(await eventsOf(agenda.id)).toEqual(before);
    expect((await as.secretariat.get(`/tasks/${agenda.id}`)).body).toEqual(expect.objectContaining({ status: 'open', history: expect.arrayContaining([expect.objectContaining({ kind: 'reassigned', detail: expect.objectContaining({ note: 'Dinas Sosial menyusun agenda kali ini.' }) })]) }));

    // And back to the secretariat, for the rest of this test.
    expect((await as.secretariat.post(`/tasks/${agenda.id}/reassign`, { agencyId: agency['DP3AKB Provinsi Jawa Barat'], role: 'secretariat', note: 'Kembali ke sekretariat.' })).status).toBe(200);
    expect((await openTasks('secretariat', 'agenda')).map((t) => t.id)).toEqual([agenda.id]);
  });

  it('kills the worker right after the API acknowledged the agenda; once it is back, each RSVP task appears exactly once', async () => {
    const [agenda] = await openTasks('secretariat', 'agenda');
    const page = (await as.secretariat.get(`/tasks/${agenda.id}`)).body;
    const data = structuredClone(Object.values(FORM_LIBRARY.find((f) => f.definition.key === 'meeting-agenda')?.valid ?? {})[0]) as Record<string, unknown>;
    Object.assign(data, page.initialData, { meetingMode: 'in_person', venue: 'Aula DP3AKB' });
    delete data['onlineLink'];
    delete data['subTaskForce'];
    data['agendaItems'] = [{ topic: 'Koordinasi', presenterAgencyId: agency['DP3AKB Provinsi Jawa Barat'], durationMinutes: 30, purpose: 'discussion' }];

    const ack = await as.secretariat.post(`/tasks/${agenda.id}/decision`, { outcome: 'completed', data });
    await worker.kill();
    expect({ status: ack.status, body: ack.status === 200 ? ack.body.status : ack.body }).toEqual({ status: 200, body: 'completed' });
    const rsvpsAtKill = Number((await db.query(`SELECT count(*)::int AS n FROM tasks WHERE process_id = $1 AND step = 'rsvp'`, [meetingId])).rows[0].n);

    worker = await startWorker(env);
    const invited = await eventually(async () => {
      const m = (await as.secretariat.get(`/meetings/${meetingId}`)).body;
      return m.status === 'invited' ? (m.invitations as { taskId: string | null }[]).filter((i) => i.taskId).length : undefined;
    }, 60_000, 'the invitations');
    expect(invited).toBeGreaterThanOrEqual(5);
    // Once the meeting's workflow waits only on people, a replayed worker has opened whatever it (wrongly) would twice.
    await workflowIdle(temporalClient(connection), meetingWorkflowId(meetingId));
    const { rows } = await db.query(`SELECT assignee_agency_id, count(*)::int AS n FROM tasks WHERE process_id = $1 AND step = 'rsvp' GROUP BY assignee_agency_id`, [meetingId]);
    expect(rows.length).toBe(invited);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect((await openTasks('dinsos', 'rsvp')).length).toBe(1);
    // The agenda's submission was stored once, pinned to the task's form version.
    const { rows: stored } = await db.query(`SELECT count(*)::int AS n FROM tasks t JOIN form_submissions s ON s.id = t.submission_id WHERE t.id = $1 AND s.form_version_id = t.form_version_id`, [agenda.id]);
    expect(stored[0].n).toBe(1);
    // Worth knowing how far the worker got before it died (either way nothing may be lost or doubled).
    expect(rsvpsAtKill).toBeLessThanOrEqual(invited);
  });

  it('claims, keeps a draft, releases, and delegates to another position of the agency; the delegator can no longer act', async () => {
    const [rsvp] = await openTasks('dinsos', 'rsvp');
    expect((await as.secretariat.post(`/tasks/${rsvp.id}/claim`)).status).toBe(403);
    const claimed = await as.dinsos.post(`/tasks/${rsvp.id}/claim`);
    expect({ status: claimed.status, by: claimed.body.claimedBy?.name, can: claimed.body.can }).toEqual({ status: 200, by: 'Wulan Sari', can: expect.objectContaining({ unclaim: true, act: true }) });
    // The coordinator sees who holds it.
    expect((await as.secretariat.get(`/tasks/${rsvp.id}`)).body.claimedBy.name).toBe('Wulan Sari');

    const saved = await as.dinsos.put(`/tasks/${rsvp.id}/draft`, { data: { response: 'attend_by_delegate' } });
    expect(saved.status).toBe(200);
    const page = (await as.dinsos.get(`/tasks/${rsvp.id}`)).body;
    expect({ draft: page.draft.data, initial: page.initialData }).toEqual({ draft: { response: 'attend_by_delegate' }, initial: { response: 'attend_by_delegate' } });
    expect((await as.dinsos.post(`/tasks/${rsvp.id}/unclaim`)).status).toBe(200);
    expect((await as.dinsos.post(`/tasks/${rsvp.id}/unclaim`)).status).toBe(409);

    // A second officer position in Dinas Sosial, held by a new colleague, takes the task over.
    const dinsosAgency = agency['Dinas Sosial Provinsi Jawa Barat'];
    const position = await as.admin.post(`/agencies/${dinsosAgency}/positions`, { title: 'Staf Perlindungan Sosial (uji)', roles: ['agency_officer'] });
    const person = await as.admin.post('/people', { agencyId: dinsosAgency, fullName: 'Rekan Uji Dinsos', email: `rekan.${Date.now()}@gugus.test` });
    expect([position.status, person.status]).toEqual([201, 201]);
    expect((await as.admin.put(`/positions/${position.body.id}/holder`, { personId: person.body.id, handoverNote: 'Jabatan baru.' })).status).toBe(200);
    const delegated = await as.dinsos.post(`/tasks/${rsvp.id}/delegate`, { positionId: position.body.id, note: 'Saya cuti dua minggu.' });
    expect({ status: delegated.status, assignee: delegated.body.assignee }).toEqual({ status: 200, assignee: expect.objectContaining({ agencyId: dinsosAgency, role: 'agency_officer', positionId: position.body.id }) });
    expect((await openTasks('dinsos', 'rsvp')).map((t) => t.id)).not.toContain(rsvp.id);
    // Still visible to the agency, but no longer hers to complete.
    expect((await openTasks('dinsos', 'rsvp', 'agency')).map((t) => t.id)).toContain(rsvp.id);
    expect((await as.dinsos.post(`/tasks/${rsvp.id}/decision`, { outcome: 'completed', data: { agencyId: dinsosAgency, response: 'attend', attendeeCount: 1 } })).status).toBe(403);
    expect(await eventsOf(rsvp.id)).toEqual(['created', 'claimed', 'draft_saved', 'unclaimed', 'delegated']);
  });
});
