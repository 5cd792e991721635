import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { Client as TemporalClient } from '@temporalio/client';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FORM_LIBRARY } from '@gugus/forms';
import {
  client,
  clockSkipper,
  databaseOfItsOwn,
  eventually,
  login,
  type OwnDatabase,
  type RunningApi,
  sequentialSteps,
  serviceEnv,
  type ServiceProcess,
  startApi,
  startTimeSkippingEnv,
  startWorker,
  temporalClient,
} from '../support';

/**
 * Issue 13, item 6 (second gap): a meeting is moved, then called off, through the real API and worker on
 * Temporal's time-skipping server and a database of this test's own (the plenary rule reads every plenary
 * of West Java, which other tests hold too). A move while the agenda is open asks for the agenda again
 * with the new date; a move after the invitations cancels the open answers, asks every agency again with
 * the new time, tells the invitees, and moves the reminder. A cancellation needs a reason, closes what is
 * open, tells the invitees, and shows who, when and why. An auto-scheduled plenary cancelled with a
 * reason still leaves the 4-month rule standing: when no plenary has been held by then, the secretariat
 * gets a task and the chair is told. Bad input, the wrong person, or a meeting already held or cancelled
 * are refused with the field or the problem named, and change nothing.
 */
const DAY = 24 * 3600 * 1000;
const WIB = 7 * 3600 * 1000;
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const jakartaDayAt = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

type Api = ReturnType<typeof client>;
type Task = { id: string; step: string; status: string; dueAt: string; title: { id: string; en: string } | string };
const titleOf = (t: Task) => (typeof t.title === 'string' ? t.title : t.title.id);

const fixture = (key: string) => structuredClone(Object.values(FORM_LIBRARY.find((f) => f.definition.key === key)?.valid ?? {})[0]) as Record<string, unknown>;

describe('coordination meeting: rescheduled, cancelled, and the plenary rule that outlives a cancellation', () => {
  let env: TestWorkflowEnvironment;
  let own: OwnDatabase;
  let api: RunningApi;
  let worker: ServiceProcess;
  let db: Pool;
  let temporal: TemporalClient;
  let taskQueue = '';
  const as: Record<string, Api> = {};
  const person: Record<string, string> = {};
  const agency: Record<string, string> = {};
  let meetingId = '';
  let firstDate = '';
  let secondDate = '';
  let thirdDate = '';

  const step = sequentialSteps();
  const skipTo = clockSkipper(() => env);
  /** Open tasks of a process in the person's inbox (or, `overseen`, in the whole of West Java). */
  async function tasksOf(who: string, processId: string, overseen = false): Promise<Task[]> {
    const res = await as[who].get(`/tasks?processId=${processId}&status=open&limit=100${overseen ? '&scope=jurisdiction&jurisdictionCode=32' : ''}`);
    expect(res.status).toBe(200);
    return res.body.items as Task[];
  }
  const one = (who: string, step: string, processId = meetingId, where: (t: Task) => boolean = () => true) =>
    eventually(async () => {
      const found = (await tasksOf(who, processId)).filter((t) => t.step === step && where(t));
      return found.length === 1 ? found[0] : undefined;
    }, 60_000, `${who} to see one open ${step} task`);
  async function decide(who: string, taskId: string, body: Record<string, unknown>) {
    const res = await as[who].post(`/tasks/${taskId}/decision`, body);
    expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
  }
  const meeting = async (id = meetingId) => (await as.secretariat.get(`/meetings/${id}`)).body;
  const audits = async (id: string) => (await db.query(`SELECT action, actor_id FROM audit_log WHERE target_type = 'meeting' AND target_id = $1 ORDER BY seq`, [id])).rows as { action: string; actor_id: string | null }[];
  const notes = async (kind: string, id: string) =>
    (await db.query(`SELECT p.email, n.dedupe_key FROM notifications n JOIN people p ON p.id = n.recipient_person_id WHERE n.kind = $1 AND n.dedupe_key LIKE $2 ORDER BY p.email`, [kind, `meeting:${id}:%`])).rows as {
      email: string;
      dedupe_key: string;
    }[];
  const fieldOf = (res: { body: { details?: { fields?: { field: string }[] } } }) => [...new Set(res.body.details?.fields?.map((f) => f.field))];

  beforeAll(async () => {
    [env, own] = await Promise.all([startTimeSkippingEnv(), databaseOfItsOwn('meeting_cancel')]);
    const settings = serviceEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default', DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir });
    taskQueue = settings['TEMPORAL_TASK_QUEUE'];
    temporal = temporalClient(env.connection);
    db = new Pool({ connectionString: own.appUrl, max: 2 });
    [api, worker] = await Promise.all([startApi(settings), startWorker(settings)]);
    for (const [who, email] of Object.entries({
      secretariat: 'sekretariat.jabar@gugus.test',
      chair: 'ketua.jabar@gugus.test',
      dinsos: 'dinsos.jabar@gugus.test',
      legal: 'hukum.jabar@gugus.test',
      bandungSecretariat: 'sekretariat.bandung@gugus.test',
      kepriAdmin: 'admin.kepri@gugus.test',
    })) {
      as[who] = client(api.url, (await login(api.url, email)).accessToken);
      person[who] = (await as[who].get('/auth/me')).body.personId as string;
    }
    for (const row of (await db.query(`SELECT id, name FROM agencies WHERE jurisdiction_code = '32'`)).rows) agency[row.name as string] = row.id as string;
    const now = await env.currentTimeMs();
    firstDate = jakartaDate(now + 20 * DAY);
    secondDate = jakartaDate(now + 25 * DAY);
    thirdDate = jakartaDate(now + 31 * DAY);
  });

  afterAll(async () => {
    await worker?.stop();
    await api?.stop();
    await db?.end();
    await env?.teardown();
    await own?.drop();
  });

  step('the secretariat schedules a special meeting; its agenda task opens', async () => {
    const res = await as.secretariat.post('/meetings', { jurisdictionCode: '32', kind: 'special', scheduledAt: jakartaDayAt(firstDate).toISOString(), title: 'Rapat Khusus Uji Penjadwalan Ulang', venue: 'Aula DP3AKB' });
    expect(res.status).toBe(201);
    meetingId = res.body.id;
    expect(res.body).toEqual(expect.objectContaining({ status: 'planned', cancellation: null, lastMove: null }));
    await one('secretariat', 'agenda');
  });

  step('bad input, the wrong person or another province are refused, naming the field or problem, and change nothing', async () => {
    const past = await as.secretariat.post(`/meetings/${meetingId}/reschedule`, { scheduledAt: new Date(Date.now() - DAY).toISOString() });
    expect({ status: past.status, fields: fieldOf(past) }).toEqual({ status: 400, fields: ['scheduledAt'] });
    const notADate = await as.secretariat.post(`/meetings/${meetingId}/reschedule`, { scheduledAt: 'besok pagi' });
    expect({ status: notADate.status, fields: fieldOf(notADate) }).toEqual({ status: 400, fields: ['scheduledAt'] });
    const same = await as.secretariat.post(`/meetings/${meetingId}/reschedule`, { scheduledAt: jakartaDayAt(firstDate).toISOString() });
    expect({ status: same.status, fields: fieldOf(same) }).toEqual({ status: 400, fields: ['scheduledAt'] });
    const noReason = await as.secretariat.post(`/meetings/${meetingId}/cancel`, {});
    expect({ status: noReason.status, fields: fieldOf(noReason) }).toEqual({ status: 400, fields: ['reason'] });
    const blankReason = await as.secretariat.post(`/meetings/${meetingId}/cancel`, { reason: '   ' });
    expect({ status: blankReason.status, fields: fieldOf(blankReason) }).toEqual({ status: 400, fields: ['reason'] });

    const move = { scheduledAt: jakartaDayAt(secondDate).toISOString(), reason: 'uji' };
    // Roles that read meetings but do not organise them: 403. Another task force's secretariat does not see it: 404.
    expect((await as.dinsos.post(`/meetings/${meetingId}/reschedule`, move)).status).toBe(403);
    expect((await as.chair.post(`/meetings/${meetingId}/cancel`, { reason: 'uji' })).status).toBe(403);
    expect((await as.kepriAdmin.post(`/meetings/${meetingId}/cancel`, { reason: 'uji' })).status).toBe(403);
    expect((await as.bandungSecretariat.post(`/meetings/${meetingId}/cancel`, { reason: 'uji' })).status).toBe(404);
    expect((await as.bandungSecretariat.post(`/meetings/${meetingId}/reschedule`, move)).status).toBe(404);
    expect((await as.secretariat.post(`/meetings/${randomUUID()}/cancel`, { reason: 'uji' })).status).toBe(404);

    const m = await meeting();
    expect({ status: m.status, scheduledAt: m.scheduledAt, cancellation: m.cancellation, lastMove: m.lastMove }).toEqual({ status: 'planned', scheduledAt: jakartaDayAt(firstDate).toISOString(), cancellation: null, lastMove: null });
    expect((await audits(meetingId)).map((a) => a.action)).toEqual(['meeting.schedule']);
  });

  step('moved while the agenda is open: the agenda is asked for again with the new date, and the move is audited', async () => {
    const before = await one('secretariat', 'agenda');
    const res = await as.secretariat.post(`/meetings/${meetingId}/reschedule`, { scheduledAt: jakartaDayAt(secondDate, '10:00').toISOString(), reason: 'Bertepatan dengan rapat kerja gubernur' });
    expect(res.status).toBe(200);
    expect(res.body.scheduledAt).toBe(jakartaDayAt(secondDate, '10:00').toISOString());
    expect(res.body.lastMove).toEqual(expect.objectContaining({ reason: 'Bertepatan dengan rapat kerja gubernur', from: jakartaDayAt(firstDate).toISOString(), count: 1, by: expect.objectContaining({ id: person.secretariat }) }));
    const agenda = await one('secretariat', 'agenda', meetingId, (t) => t.id !== before.id);
    expect((await as.secretariat.get(`/tasks/${before.id}`)).body.status).toBe('cancelled');
    const page = (await as.secretariat.get(`/tasks/${agenda.id}`)).body;
    expect(page.initialData).toEqual(expect.objectContaining({ meetingDate: secondDate, startTime: '10:00' }));
    expect(await audits(meetingId)).toEqual([
      { action: 'meeting.schedule', actor_id: person.secretariat },
      { action: 'meeting.reschedule', actor_id: person.secretariat },
    ]);
  });

  step('moved after the invitations: answers are asked again for the new time, invitees are told, the reminder moves', async () => {
    const agenda = await one('secretariat', 'agenda');
    const data = fixture('meeting-agenda');
    Object.assign(data, { meetingType: 'special', meetingDate: secondDate, startTime: '10:00', meetingMode: 'in_person', venue: 'Aula DP3AKB' });
    delete data['onlineLink'];
    delete data['subTaskForce'];
    data['agendaItems'] = [{ topic: 'Koordinasi penanganan kasus lintas wilayah', presenterAgencyId: agency['DP3AKB Provinsi Jawa Barat'], durationMinutes: 30, purpose: 'discussion' }];
    await decide('secretariat', agenda.id, { outcome: 'completed', data });
    await skipTo(jakartaDayAt(secondDate, '10:00').getTime() - 14 * DAY + 3 * 3600_000);
    const rsvp = await one('dinsos', 'rsvp');
    expect(titleOf(rsvp)).toContain(secondDate);
    await decide('dinsos', rsvp.id, { outcome: 'completed', data: { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], response: 'attend', attendeeCount: 2 } });
    const legalFirst = await one('legal', 'rsvp');
    await eventually(async () => ((await meeting()).invitations.some((i: { response: string | null }) => i.response === 'attend') ? true : undefined));

    const res = await as.secretariat.post(`/meetings/${meetingId}/reschedule`, { scheduledAt: jakartaDayAt(thirdDate).toISOString(), venue: 'Ruang Rapat Gedung Sate' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ venue: 'Ruang Rapat Gedung Sate', lastMove: expect.objectContaining({ count: 2, reason: null }) }));
    // Every agency is asked again with the new date; the earlier answer no longer counts.
    const again = await one('dinsos', 'rsvp', meetingId, (t) => t.id !== rsvp.id);
    expect(titleOf(again)).toContain(thirdDate);
    await one('legal', 'rsvp', meetingId, (t) => t.id !== legalFirst.id);
    expect((await as.legal.get(`/tasks/${legalFirst.id}`)).body.status).toBe('cancelled');
    expect((await as.dinsos.get(`/tasks/${rsvp.id}`)).body.status).toBe('completed');
    const dinsosInvitation = await eventually(async () => {
      const inv = (await meeting()).invitations.find((i: { agency: { id: string } }) => i.agency.id === agency['Dinas Sosial Provinsi Jawa Barat']);
      return inv?.taskId === again.id ? inv : undefined;
    });
    expect(dinsosInvitation.response).toBeNull();
    const told = await eventually(async () => {
      const rows = await notes('meeting_rescheduled', meetingId);
      return rows.some((r) => r.email === 'dinsos.jabar@gugus.test') ? rows : undefined;
    });
    expect(told.map((r) => r.email)).toEqual(expect.arrayContaining(['dinsos.jabar@gugus.test', 'hukum.jabar@gugus.test', 'sekretariat.jabar@gugus.test']));

    // A new venue alone is told, but asks nobody again.
    const venueOnly = await as.secretariat.post(`/meetings/${meetingId}/reschedule`, { scheduledAt: jakartaDayAt(thirdDate).toISOString(), venue: 'Aula Gedung Sate' });
    expect({ status: venueOnly.status, venue: venueOnly.body.venue, scheduledAt: venueOnly.body.scheduledAt }).toEqual({ status: 200, venue: 'Aula Gedung Sate', scheduledAt: jakartaDayAt(thirdDate).toISOString() });
    await eventually(async () => ((await notes('meeting_rescheduled', meetingId)).some((r) => r.dedupe_key.endsWith(':rescheduled:3')) ? true : undefined), 60_000, 'the venue change told');
    expect((await tasksOf('dinsos', meetingId)).map((t) => t.id)).toEqual([again.id]);

    // The old reminder time passes without a reminder; the new one comes two days before the new date.
    await skipTo(jakartaDayAt(secondDate, '10:00').getTime());
    expect(await notes('meeting_reminder', meetingId)).toEqual([]);
    await skipTo(jakartaDayAt(thirdDate).getTime() - 2 * DAY + 3600_000);
    const reminded = await eventually(async () => {
      const rows = await notes('meeting_reminder', meetingId);
      return rows.length ? rows : undefined;
    }, 60_000, 'the reminder at the new time');
    expect(new Set(reminded.map((r) => r.dedupe_key))).toEqual(new Set([`meeting:${meetingId}:reminder:3`]));
  });

  step('cancelled with a reason: open answers close as cancelled, invitees are told, the meeting says who, when and why', async () => {
    const open = await tasksOf('secretariat', meetingId, true);
    expect(open.length).toBeGreaterThan(1);
    const res = await as.secretariat.post(`/meetings/${meetingId}/cancel`, { reason: 'Anggaran perjalanan belum tersedia' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.cancellation).toEqual({ at: expect.any(String), by: { id: person.secretariat, name: expect.any(String) }, reason: 'Anggaran perjalanan belum tersedia' });
    await eventually(async () => ((await tasksOf('secretariat', meetingId, true)).length === 0 ? true : undefined), 60_000, 'every open task of the meeting closed');
    for (const t of open) expect((await as.secretariat.get(`/tasks/${t.id}`)).body.status).toBe('cancelled');
    const told = await eventually(async () => {
      const rows = await notes('meeting_cancelled', meetingId);
      return rows.length ? rows : undefined;
    });
    expect(told.map((r) => r.email)).toEqual(expect.arrayContaining(['dinsos.jabar@gugus.test', 'hukum.jabar@gugus.test', 'ketua.jabar@gugus.test']));
    // The invitee reads it on the meeting.
    const seen = (await as.dinsos.get(`/meetings/${meetingId}`)).body;
    expect({ status: seen.status, reason: seen.cancellation.reason }).toEqual({ status: 'cancelled', reason: 'Anggaran perjalanan belum tersedia' });
    expect((await audits(meetingId)).filter((a) => a.action === 'meeting.cancel')).toEqual([{ action: 'meeting.cancel', actor_id: person.secretariat }]);
  });

  step('a cancelled meeting cannot be cancelled or moved again (409), and never happens', async () => {
    const twice = await as.secretariat.post(`/meetings/${meetingId}/cancel`, { reason: 'lagi' });
    expect({ status: twice.status, message: twice.body.message, meetingStatus: twice.body.details.meetingStatus }).toEqual({ status: 409, message: 'Rapat ini sudah dibatalkan.', meetingStatus: 'cancelled' });
    expect((await as.secretariat.post(`/meetings/${meetingId}/reschedule`, { scheduledAt: jakartaDayAt(jakartaDate((await env.currentTimeMs()) + 40 * DAY)).toISOString() })).status).toBe(409);
    // A special meeting's process ends with its cancellation; its date passes and nothing is held.
    await eventually(async () => ((await temporal.workflow.getHandle(`meeting-${meetingId}`).describe()).status.name === 'COMPLETED' ? true : undefined), 60_000, 'the process to end');
    await skipTo(jakartaDayAt(thirdDate).getTime() + 3600_000);
    expect((await meeting()).status).toBe('cancelled');
    expect((await audits(meetingId)).filter((a) => a.action === 'meeting.cancel')).toHaveLength(1);
  });

  step('an auto-scheduled plenary is cancelled with a reason; with no plenary held in 4 months, the secretariat is asked and the chair told', async () => {
    const now = await env.currentTimeMs();
    // The last plenary was held three months ago; the process scheduled the next four months after it.
    // On the 10th at 09:00 WIB, so that four months on is the 10th again.
    const [y, m] = jakartaDate(now - 92 * DAY).split('-').map(Number);
    const heldAt = new Date(Date.UTC(y, m - 1, 10, 2));
    const dueBy = new Date(Date.UTC(y, m - 1 + 4, 10, 2));
    const previous = randomUUID();
    const next = randomUUID();
    await db.query(
      `INSERT INTO meetings (id, jurisdiction_code, kind, title, scheduled_at, venue, status, auto_scheduled, workflow_id, held_at) VALUES ($1, '32', 'plenary', 'Rapat Pleno Uji Sebelumnya', $2, 'Aula DP3AKB', 'closed', false, $3, $2)`,
      [previous, heldAt, `meeting-${previous}`],
    );
    await db.query(
      `INSERT INTO meetings (id, jurisdiction_code, kind, title, scheduled_at, venue, status, auto_scheduled, previous_meeting_id, workflow_id) VALUES ($1, '32', 'plenary', 'Rapat Pleno Uji Berikutnya', $2, 'Aula DP3AKB', 'planned', true, $3, $4)`,
      [next, dueBy, previous, `meeting-${next}`],
    );
    // As the previous plenary's process would have: the next one's own workflow.
    await temporal.workflow.start('coordinationMeeting', { workflowId: `meeting-${next}`, taskQueue, args: [{ meetingId: next }] });
    const agenda = await one('secretariat', 'agenda', next);

    // A meeting already held cannot be moved or called off.
    const held = await as.secretariat.post(`/meetings/${previous}/cancel`, { reason: 'uji' });
    expect({ status: held.status, meetingStatus: held.body.details?.meetingStatus }).toEqual({ status: 409, meetingStatus: 'closed' });
    expect((await as.secretariat.post(`/meetings/${previous}/reschedule`, { scheduledAt: new Date(now + 10 * DAY).toISOString() })).status).toBe(409);

    const missing = await as.secretariat.post(`/meetings/${next}/cancel`, { reason: '' });
    expect({ status: missing.status, fields: fieldOf(missing) }).toEqual({ status: 400, fields: ['reason'] });
    const res = await as.secretariat.post(`/meetings/${next}/cancel`, { reason: 'Ruang rapat direnovasi; pleno diadakan bersama rapat khusus' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(expect.objectContaining({ status: 'cancelled', autoScheduled: true, cancellation: expect.objectContaining({ reason: 'Ruang rapat direnovasi; pleno diadakan bersama rapat khusus' }) }));
    await eventually(async () => ((await as.secretariat.get(`/tasks/${agenda.id}`)).body.status === 'cancelled' ? true : undefined));
    const told = await eventually(async () => {
      const rows = await notes('meeting_cancelled', next);
      return rows.length ? rows : undefined;
    });
    expect(told.map((r) => r.email)).toEqual(expect.arrayContaining(['ketua.jabar@gugus.test', 'sekretariat.jabar@gugus.test']));

    // The cancellation does not end the rule: the process waits for the 4-month mark.
    expect((await temporal.workflow.getHandle(`meeting-${next}`).describe()).status.name).toBe('RUNNING');
    await skipTo(dueBy.getTime() - DAY);
    expect(await tasksOf('secretariat', next)).toEqual([]);
    await skipTo(dueBy.getTime() + 3600_000);
    const overdue = await one('secretariat', 'plenary-overdue', next);
    expect(titleOf(overdue)).toContain('4 bulan');
    const escalated = await eventually(async () => {
      const rows = await notes('meeting_plenary_overdue', next);
      return rows.length ? rows : undefined;
    }, 60_000, 'the chair told of the overdue plenary');
    expect(escalated.map((r) => r.email)).toEqual(expect.arrayContaining(['ketua.jabar@gugus.test', 'sekretariat.jabar@gugus.test']));
    expect((await audits(next)).map((a) => a.action)).toEqual(['meeting.cancel', 'meeting.plenary_overdue']);
    // Left undone, the task escalates to the chair as any overdue task does.
    const page = (await as.secretariat.get(`/tasks/${overdue.id}`)).body as { escalateAt: string };
    await skipTo(Date.parse(page.escalateAt) + 3600_000);
    await eventually(async () => {
      const { rows } = await db.query(`SELECT kind FROM task_events WHERE task_id = $1`, [overdue.id]);
      return rows.some((r) => r.kind === 'escalated') ? true : undefined;
    }, 60_000, 'the overdue task escalated');

    // A plenary is then held (here one recorded directly): within a day the task closes by itself, and the process ends.
    const heldLater = randomUUID();
    await db.query(
      `INSERT INTO meetings (id, jurisdiction_code, kind, title, scheduled_at, status, workflow_id, held_at) VALUES ($1, '32', 'plenary', 'Rapat Pleno Uji Susulan', $2, 'held', $3, $2)`,
      [heldLater, new Date(dueBy.getTime() + DAY), `meeting-${heldLater}`],
    );
    await skipTo(Date.parse(page.escalateAt) + DAY + 2 * 3600_000);
    const closed = await eventually(async () => {
      const { rows } = await db.query(`SELECT status FROM tasks WHERE id = $1`, [overdue.id]);
      return rows[0]?.status === 'cancelled' ? rows[0] : undefined;
    }, 60_000, 'the overdue task closed once a plenary was held');
    expect(closed.status).toBe('cancelled');
    await eventually(async () => ((await temporal.workflow.getHandle(`meeting-${next}`).describe()).status.name === 'COMPLETED' ? true : undefined), 60_000, 'the process ended');
  });
});
