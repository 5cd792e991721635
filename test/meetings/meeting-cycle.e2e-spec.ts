import { Pool } from 'pg';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { FORM_LIBRARY } from '@gugus/forms';
import { client, eventually, login, type RunningApi, sequentialSteps, serviceEnv, type ServiceProcess, startApi, startTimeSkippingEnv, startWorker, testEnv } from '../support';

/**
 * Issue 5, acceptance 1–3: a full coordination-meeting cycle through the real API and worker (built apps,
 * child processes) on a real PostgreSQL and Temporal's time-skipping test server, driven as the demo users
 * would: agenda → invitations and RSVPs → reminder → minutes with three action points → returned once,
 * then approved by the steering chair → action points done → the next plenary scheduled ~4 months on,
 * whose agenda is reminded and then escalated when its due date passes. Months pass in seconds.
 */
const DAY = 24 * 3600 * 1000;
const WIB = 7 * 3600 * 1000;
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const jakartaDayAt = (date: string, time = '09:00') => new Date(`${date}T${time}:00+07:00`);

type Api = ReturnType<typeof client>;
type Task = { id: string; step: string; processId: string; status: string; dueAt: string; assignee: { agencyId: string; role: string; positionId: string | null } };

const fixture = (key: string) => structuredClone(Object.values(FORM_LIBRARY.find((f) => f.definition.key === key)?.valid ?? {})[0]) as Record<string, unknown>;

describe('coordination meeting: a full cycle, months in seconds', () => {
  let env: TestWorkflowEnvironment;
  let api: RunningApi;
  let worker: ServiceProcess;
  let db: Pool;
  const as: Record<string, Api> = {};
  const agency: Record<string, string> = {};
  const holidays = new Set<string>();
  let addedHoliday = '';
  let meetingId = '';
  let meetingDate = '';
  let startedAt = 0;

  /** `n` working days after `date` (Mon–Fri, skipping holidays): the test's own count, not the code under test. */
  function workingDaysAfter(date: string, n: number): string {
    let ms = Date.parse(`${date}T00:00:00Z`);
    for (let left = n; left > 0; ) {
      ms += DAY;
      const d = new Date(ms);
      const iso = d.toISOString().slice(0, 10);
      if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6 && !holidays.has(iso)) left -= 1;
    }
    return new Date(ms).toISOString().slice(0, 10);
  }

  async function openTasks(who: string, step: string, processId = meetingId): Promise<Task[]> {
    const res = await as[who].get(`/tasks?processId=${processId}&status=open&limit=100`);
    expect(res.status).toBe(200);
    return (res.body.items as Task[]).filter((t) => t.step === step);
  }
  const one = (who: string, step: string, processId = meetingId) =>
    eventually(async () => {
      const tasks = await openTasks(who, step, processId);
      return tasks.length === 1 ? tasks[0] : undefined;
    }, 60_000, `${who} to see one open ${step} task`);

  async function decide(who: string, taskId: string, body: Record<string, unknown>) {
    const res = await as[who].post(`/tasks/${taskId}/decision`, body);
    expect({ status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ status: 200, body: undefined });
    return res.body;
  }
  /** Moves the test server's clock to `ms` (timers up to then fire). */
  const skipTo = async (ms: number) => {
    const now = await env.currentTimeMs();
    if (ms > now) await env.sleep(ms - now);
  };

  const step = sequentialSteps();
  const eventsOf = async (taskId: string) => (await db.query(`SELECT kind FROM task_events WHERE task_id = $1 ORDER BY id`, [taskId])).rows.map((r) => r.kind as string);

  beforeAll(async () => {
    env = await startTimeSkippingEnv();
    startedAt = await env.currentTimeMs();
    const settings = serviceEnv({ TEMPORAL_ADDRESS: env.address, TEMPORAL_NAMESPACE: 'default' });
    db = new Pool({ connectionString: testEnv().databaseUrl, max: 2 });
    api = await startApi(settings);
    for (const [who, email] of Object.entries({
      secretariat: 'sekretariat.jabar@gugus.test',
      chair: 'ketua.jabar@gugus.test',
      dinsos: 'dinsos.jabar@gugus.test',
      legal: 'hukum.jabar@gugus.test',
      uptd: 'koordinator.jabar@gugus.test',
      bandung: 'dinkes.bandung@gugus.test',
      sysadmin: 'admin@gugus.test',
    })) {
      as[who] = client(api.url, (await login(api.url, email)).accessToken);
    }
    for (const row of (await db.query(`SELECT id, name FROM agencies WHERE jurisdiction_code = '32'`)).rows) agency[row.name as string] = row.id as string;

    // The meeting is 16 days out; a holiday is declared on the first working day after it (a weekday not
    // already a holiday, so nothing real is overwritten or later removed), before the worker starts (so
    // its calendar has it), and the minutes' due date must step over it.
    meetingDate = jakartaDate(startedAt + 16 * DAY);
    for (const year of new Set([meetingDate.slice(0, 4), String(Number(meetingDate.slice(0, 4)) + 1)])) {
      const list = await as.sysadmin.get(`/holidays?year=${year}`);
      for (const h of list.body.items ?? list.body) holidays.add(h.date as string);
    }
    for (let ms = Date.parse(`${meetingDate}T00:00:00Z`) + DAY; ; ms += DAY) {
      const day = new Date(ms).getUTCDay();
      const iso = new Date(ms).toISOString().slice(0, 10);
      if (day !== 0 && day !== 6 && !holidays.has(iso)) {
        addedHoliday = iso;
        break;
      }
    }
    const put = await as.sysadmin.put(`/holidays/${addedHoliday}`, { kind: 'national_holiday', nameId: 'Libur uji rapat koordinasi', nameEn: 'Coordination meeting test holiday' });
    expect(put.status).toBe(200);
    holidays.add(addedHoliday);
    worker = await startWorker(settings);
  });

  afterAll(async () => {
    await worker?.stop();
    if (addedHoliday) await as.sysadmin?.call('DELETE', `/holidays/${addedHoliday}`);
    await api?.stop();
    await db?.end();
    await env?.teardown();
  });

  step('the secretariat schedules a plenary; the agenda task is theirs, due in 5 working days', async () => {
    const res = await as.secretariat.post('/meetings', { jurisdictionCode: '32', kind: 'plenary', scheduledAt: jakartaDayAt(meetingDate).toISOString(), venue: 'Aula DP3AKB' });
    expect(res.status).toBe(201);
    meetingId = res.body.id;
    const agenda = await one('secretariat', 'agenda');
    expect(agenda.assignee).toEqual({ agencyId: agency['DP3AKB Provinsi Jawa Barat'], agencyName: 'DP3AKB Provinsi Jawa Barat', role: 'secretariat', positionId: null, positionTitle: null });
    expect(jakartaDate(Date.parse(agenda.dueAt))).toBe(workingDaysAfter(jakartaDate(startedAt), 5));
    // Nobody else in the task force has it in their inbox.
    expect(await openTasks('dinsos', 'agenda')).toEqual([]);
  });

  step('refuses an invalid agenda with field errors, and changes nothing', async () => {
    const agenda = await one('secretariat', 'agenda');
    const res = await as.secretariat.post(`/tasks/${agenda.id}/decision`, { outcome: 'completed', data: { meetingType: 'plenary', meetingDate } });
    expect(res.status).toBe(400);
    expect(res.body.details.extraErrors).toEqual(expect.objectContaining({ startTime: { __errors: ['wajib diisi'] }, agendaItems: { __errors: ['wajib diisi'] } }));
    const again = await as.secretariat.get(`/tasks/${agenda.id}`);
    expect({ status: again.body.status, history: (again.body.history as { kind: string }[]).map((h) => h.kind) }).toEqual({ status: 'open', history: ['created'] });
  });

  step('completes the agenda; two days later the invitations go out with an RSVP task per member agency', async () => {
    const agenda = await one('secretariat', 'agenda');
    const data = fixture('meeting-agenda');
    Object.assign(data, { meetingType: 'plenary', meetingDate, startTime: '09:00', meetingMode: 'in_person', venue: 'Aula DP3AKB' });
    delete data['onlineLink'];
    delete data['subTaskForce'];
    data['agendaItems'] = [{ topic: 'Tindak lanjut rapat sebelumnya', presenterAgencyId: agency['DP3AKB Provinsi Jawa Barat'], durationMinutes: 30, purpose: 'discussion' }];
    await decide('secretariat', agenda.id, { outcome: 'completed', data });
    expect((await as.secretariat.get(`/tasks/${agenda.id}`)).body.status).toBe('completed');

    // Invitations go out 14 days before the meeting (national default), whatever the hour the test started.
    await skipTo(jakartaDayAt(meetingDate).getTime() - 14 * DAY + 3 * 3600_000);
    const rsvp = await one('dinsos', 'rsvp');
    expect(rsvp.assignee.agencyId).toBe(agency['Dinas Sosial Provinsi Jawa Barat']);
    expect(jakartaDate(Date.parse(rsvp.dueAt))).toBe(jakartaDate(jakartaDayAt(meetingDate).getTime() - 2 * DAY));
    const meeting = await eventually(async () => {
      const m = await as.secretariat.get(`/meetings/${meetingId}`);
      return m.body.status === 'invited' && m.body.invitations.length >= 5 ? m.body : undefined;
    });
    expect(meeting.invitations.map((i: { agency: { name: string } }) => i.agency.name)).toEqual(expect.arrayContaining(['Dinas Sosial Provinsi Jawa Barat', 'Biro Hukum Setda Provinsi Jawa Barat']));
  });

  step('an RSVP from outside the agency, a wrong outcome, or twice is refused with a 4xx and changes nothing', async () => {
    const rsvp = await one('dinsos', 'rsvp');
    expect((await as.bandung.post(`/tasks/${rsvp.id}/decision`, { outcome: 'completed', data: {} })).status).toBe(404);
    expect((await as.legal.post(`/tasks/${rsvp.id}/decision`, { outcome: 'completed', data: {} })).status).toBe(404);
    const wrong = await as.dinsos.post(`/tasks/${rsvp.id}/decision`, { outcome: 'approved' });
    expect({ status: wrong.status, field: wrong.body.details?.fields?.[0]?.field }).toEqual({ status: 400, field: 'outcome' });
    const body = { outcome: 'completed', data: { agencyId: agency['Dinas Sosial Provinsi Jawa Barat'], response: 'attend', attendeeCount: 2 } };
    await decide('dinsos', rsvp.id, body);
    const twice = await as.dinsos.post(`/tasks/${rsvp.id}/decision`, body);
    expect(twice.status).toBe(409);
    expect(await eventsOf(rsvp.id)).toEqual(['created', 'completed']);
    await eventually(async () => {
      const m = await as.secretariat.get(`/meetings/${meetingId}`);
      return m.body.invitations.find((i: { agency: { id: string }; response: string | null }) => i.agency.id === agency['Dinas Sosial Provinsi Jawa Barat'])?.response === 'attend' ? true : undefined;
    });
  });

  step('reminds the members two days before, holds the meeting, and asks for minutes due 5 working days later (skipping the holiday)', async () => {
    await skipTo(jakartaDayAt(meetingDate).getTime() - 2 * DAY + 3600_000);
    await eventually(async () => {
      const { rows } = await db.query(`SELECT count(*)::int AS n FROM notifications WHERE kind = 'meeting_reminder' AND dedupe_key LIKE $1`, [`meeting:${meetingId}:reminder%`]);
      return rows[0].n > 0 ? true : undefined;
    }, 60_000, 'the meeting reminder');
    await skipTo(jakartaDayAt(meetingDate).getTime() + 3600_000);
    const minutes = await one('secretariat', 'minutes');
    expect(jakartaDate(Date.parse(minutes.dueAt))).toBe(workingDaysAfter(meetingDate, 5));
    // The due date really stepped over the holiday declared for this test.
    expect(workingDaysAfter(meetingDate, 5) > addedHoliday).toBe(true);
    // Invitations nobody answered closed when the meeting began.
    expect(await openTasks('legal', 'rsvp')).toEqual([]);
  });

  step('minutes with three action points are returned once by the steering chair, then approved', async () => {
    const minutes = await one('secretariat', 'minutes');
    const data = fixture('meeting-minutes');
    const present = [agency['DP3AKB Provinsi Jawa Barat'], agency['Dinas Sosial Provinsi Jawa Barat']];
    const due = (days: number) => jakartaDate(jakartaDayAt(meetingDate).getTime() + days * DAY);
    Object.assign(data, {
      meetingType: 'plenary',
      meetingDate,
      chairAgencyId: agency['Sekretariat Daerah Provinsi Jawa Barat'],
      attendance: { presentAgencyIds: present, absentAgencyIds: [] },
      actionPoints: [
        { description: 'Menyusun daftar rumah aman di kabupaten/kota', responsibleAgencyId: agency['Dinas Sosial Provinsi Jawa Barat'], dueDate: due(20) },
        { description: 'Mengkaji rancangan Pergub layanan terpadu', responsibleAgencyId: agency['Biro Hukum Setda Provinsi Jawa Barat'], dueDate: due(30) },
        { description: 'Memperbarui alur rujukan UPTD PPA', responsibleAgencyId: agency['UPTD PPA Provinsi Jawa Barat'], dueDate: due(25) },
      ],
    });
    delete data['previousActionPointsReview'];
    await decide('secretariat', minutes.id, { outcome: 'completed', data });

    const approval = await one('chair', 'minutes-approval');
    const page = await as.chair.get(`/tasks/${approval.id}`);
    expect(page.body.review.data.actionPoints).toHaveLength(3);
    expect(page.body.can).toEqual(expect.objectContaining({ act: true }));
    // Returning needs a comment; the comment may point at a field.
    expect((await as.chair.post(`/tasks/${approval.id}/decision`, { outcome: 'returned' })).status).toBe(400);
    await decide('chair', approval.id, { outcome: 'returned', comments: [{ field: '/actionPoints/1', text: 'Tenggat terlalu jauh; majukan satu minggu.' }] });

    const revision = await one('secretariat', 'minutes');
    const revisionPage = await as.secretariat.get(`/tasks/${revision.id}`);
    expect(revisionPage.body.returnedComments).toEqual([{ field: '/actionPoints/1', text: 'Tenggat terlalu jauh; majukan satu minggu.' }]);
    expect(revisionPage.body.initialData.actionPoints).toHaveLength(3);
    const revised = structuredClone(revisionPage.body.initialData) as { actionPoints: { dueDate: string }[] };
    revised.actionPoints[1].dueDate = due(23);
    await decide('secretariat', revision.id, { outcome: 'completed', data: revised });
    const second = await one('chair', 'minutes-approval');
    await decide('chair', second.id, { outcome: 'approved' });
  });

  step('each action point becomes a task for its agency, due on its date; done, the meeting closes', async () => {
    const point = await one('dinsos', 'action-point');
    expect(point.assignee.agencyId).toBe(agency['Dinas Sosial Provinsi Jawa Barat']);
    expect(jakartaDate(Date.parse(point.dueAt))).toBe(jakartaDate(jakartaDayAt(meetingDate).getTime() + 20 * DAY));
    const legalPoint = await one('legal', 'action-point');
    expect(jakartaDate(Date.parse(legalPoint.dueAt))).toBe(jakartaDate(jakartaDayAt(meetingDate).getTime() + 23 * DAY));
    const uptdPoint = await one('uptd', 'action-point');
    const meeting = (await as.secretariat.get(`/meetings/${meetingId}`)).body;
    expect(meeting.actionPoints.map((a: { status: string }) => a.status)).toEqual(['open', 'open', 'open']);

    const report = (agencyName: string, description: string) => ({
      outcome: 'completed',
      data: { agencyId: agency[agencyName], actionPoint: description, status: 'done', completedOn: meetingDate, narrative: 'Selesai dan dilaporkan kepada sekretariat.', needsCoordinationSupport: false },
    });
    await decide('dinsos', point.id, report('Dinas Sosial Provinsi Jawa Barat', 'Menyusun daftar rumah aman di kabupaten/kota'));
    await decide('legal', legalPoint.id, report('Biro Hukum Setda Provinsi Jawa Barat', 'Mengkaji rancangan Pergub layanan terpadu'));
    await decide('uptd', uptdPoint.id, report('UPTD PPA Provinsi Jawa Barat', 'Memperbarui alur rujukan UPTD PPA'));
    const closed = await eventually(async () => {
      const m = (await as.secretariat.get(`/meetings/${meetingId}`)).body;
      return m.status === 'closed' ? m : undefined;
    }, 60_000, 'the meeting to close');
    expect(closed.actionPoints.map((a: { status: string }) => a.status)).toEqual(['done', 'done', 'done']);
  });

  step('the next plenary is scheduled ~4 months on; its agenda is reminded, then escalated to the chair when overdue', async () => {
    const { rows } = await db.query(`SELECT id, scheduled_at, auto_scheduled FROM meetings WHERE previous_meeting_id = $1`, [meetingId]);
    expect(rows).toHaveLength(1);
    const next = rows[0] as { id: string; scheduled_at: Date; auto_scheduled: boolean };
    expect(next.auto_scheduled).toBe(true);
    const months = (next.scheduled_at.getTime() - jakartaDayAt(meetingDate).getTime()) / (30.44 * DAY);
    expect(months).toBeGreaterThan(3.8);
    expect(months).toBeLessThan(4.2);

    const agenda = await one('secretariat', 'agenda', next.id);
    // Due the day before its invitations (two weeks before the meeting).
    expect(jakartaDate(Date.parse(agenda.dueAt))).toBe(jakartaDate(next.scheduled_at.getTime() - 15 * DAY));
    const page = (await as.secretariat.get(`/tasks/${agenda.id}`)).body as { remindAt: string; escalateAt: string; dueAt: string };
    // Reminded one working day before the due date, escalated one working day after it (national defaults).
    expect(Date.parse(page.remindAt)).toBeLessThan(Date.parse(page.dueAt));
    expect(Date.parse(page.escalateAt)).toBeGreaterThan(Date.parse(page.dueAt));
    await env.sleep(Date.parse(page.remindAt) - (await env.currentTimeMs()) + 3600_000);
    await eventually(async () => ((await eventsOf(agenda.id)).includes('reminded') ? true : undefined), 60_000, 'the reminder');
    expect(await eventsOf(agenda.id)).toEqual(['created', 'reminded']);
    await env.sleep(Date.parse(page.escalateAt) - (await env.currentTimeMs()) + 3600_000);
    await eventually(async () => ((await eventsOf(agenda.id)).includes('escalated') ? true : undefined), 60_000, 'the escalation');
    const { rows: notes } = await db.query(
      `SELECT p.email FROM notifications n JOIN people p ON p.id = n.recipient_person_id WHERE n.kind = 'task_escalated' AND n.link = $1`,
      [`/tugas/${agenda.id}`],
    );
    expect(notes.map((n) => n.email)).toEqual(['ketua.jabar@gugus.test']);
    // The chair oversees the jurisdiction's tasks and sees it marked escalated (overdue is judged on the
    // wall clock, which this test server has left months behind).
    const overseen = await as.chair.get(`/tasks?scope=jurisdiction&jurisdictionCode=32&processId=${next.id}`);
    expect(overseen.body.items.map((t: Task & { escalated: boolean }) => ({ id: t.id, escalated: t.escalated }))).toEqual([{ id: agenda.id, escalated: true }]);
  });

  step('a breaking change to the agenda form lists that open agenda task before it can be published', async () => {
    const admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    const { rows } = await db.query(`SELECT id FROM tasks WHERE step = 'agenda' AND status = 'open' AND process_id = (SELECT id FROM meetings WHERE previous_meeting_id = $1)`, [meetingId]);
    const draft = await admin.post('/forms/meeting-agenda/variants/32/draft');
    expect(draft.status).toBe(200);
    await admin.put(`/form-versions/${draft.body.id}/overlay`, { overlay: { ...draft.body.overlay, require: ['/notes'] } });
    const refused = await admin.post(`/form-versions/${draft.body.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.details.impact.openTasks).toBeGreaterThanOrEqual(1);
    expect(refused.body.details.impact.tasks.map((t: { id: string }) => t.id)).toContain(rows[0].id);
  });

  step('left an audit trail of every step', async () => {
    // The agenda, one RSVP per invited agency with a representative, two rounds of minutes and of approval, three action points.
    const invited = (await as.secretariat.get(`/meetings/${meetingId}`)).body.invitations.filter((i: { taskId: string | null }) => i.taskId).length;
    expect(invited).toBeGreaterThanOrEqual(5);
    // Task creations and cancellations are audited by the workflow's activities, which may still be landing.
    const counts = await eventually(
      async () => {
        const { rows } = await db.query(
          `SELECT action, count(*)::int AS n FROM audit_log WHERE target_id IN (SELECT id::text FROM tasks WHERE process_id = $1) OR target_id = $1::text GROUP BY action ORDER BY action`,
          [meetingId],
        );
        const found: Record<string, number> = Object.fromEntries(rows.map((r) => [r.action, r.n]));
        return found['task.create'] === 1 + invited + 2 + 2 + 3 && found['task.cancel'] ? found : undefined;
      },
      60_000,
      'every task of the meeting audited',
    );
    expect(counts).toEqual(
      expect.objectContaining({ 'meeting.schedule': 1, 'task.create': 1 + invited + 2 + 2 + 3, 'task.completed': expect.any(Number), 'task.returned': 1, 'task.approved': 1, 'task.cancel': expect.any(Number) }),
    );
  });
});
