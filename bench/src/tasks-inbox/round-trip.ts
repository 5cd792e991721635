import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { FORM_LIBRARY } from '@gugus/forms';
import { meetingWorkflowId } from '@gugus/workflows';
import { echoUpdate, stopSignal, updateEcho } from './echo.workflow';
import { Cleanup, nowMs, progress, sleep, until } from '../support/process';
import { login, startProcessEngine } from '../support/services';

export interface RoundTripResult {
  /** executeUpdate on the echo workflow, ms. */
  bareUpdate: number[];
  /** POST /tasks/:id/decision until its 200, ms. */
  ack: number[];
  /** POST /tasks/:id/decision until the next task is in the other agency's inbox, ms. */
  visible: number[];
  /** Each GET /tasks?processId=… made while polling, ms. */
  inboxGets: number[];
  /** RSVP tasks each completed agenda opened (member agencies with a representative). */
  fanOut: number;
  /** Median ms from sending the POST to each point of the step, from the client and the workflow histories. */
  timeline: { label: string; ms: number }[];
  iterations: number;
  warmUp: number;
  pollMs: number;
}

const WIB = 7 * 3600_000;
const jakartaDate = (ms: number) => new Date(ms + WIB).toISOString().slice(0, 10);
const jakartaTime = (ms: number) => new Date(ms + WIB).toISOString().slice(11, 16);
/** Bare updates timed per iteration, next to the API round trip, so both see the same machine. */
export const BARE_PER_ITERATION = 5;

/**
 * "Complete a task through the API → the next task is visible in the inbox", against a bare Temporal
 * Update round trip on the same dev server. The built API and worker run as child processes on the
 * benchmark database; the Update baseline runs on an in-process Worker with a one-handler workflow.
 *
 * Each iteration schedules a West Java plenary ~3 hours ahead as the secretariat (so its invitations,
 * 14 days before, are already due), waits for the agenda task, then times: POST the completed agenda →
 * the API's 200 (form checked against the pinned version, Update accepted and its handler's activity
 * done) → the RSVP task in Dinas Sosial's inbox, polled through GET /tasks?processId=… every `pollMs`.
 */
export async function measureRoundTrip(databaseUrl: string, cleanup: Cleanup, options: { iterations: number; warmUp: number; pollMs: number }): Promise<RoundTripResult> {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
  const { temporal, apiUrl } = await startProcessEngine(databaseUrl, cleanup);

  const nativeConnection = await NativeConnection.connect({ address: temporal.address });
  cleanup.add('bench worker connection', () => nativeConnection.close());
  const echoQueue = `bench-echo-${randomUUID()}`;
  const echoWorker = await Worker.create({ connection: nativeConnection, taskQueue: echoQueue, workflowsPath: require.resolve('./echo.workflow') });
  const echoRunning = echoWorker.run();
  cleanup.add('bench worker', async () => {
    if (echoWorker.getState() === 'RUNNING') echoWorker.shutdown();
    await echoRunning;
  });
  const connection = await Connection.connect({ address: temporal.address });
  cleanup.add('Temporal client connection', () => connection.close());
  const client = new Client({ connection });
  const echo = await client.workflow.start(updateEcho, { taskQueue: echoQueue, workflowId: `bench-echo-${randomUUID()}` });
  cleanup.add('echo workflow', () => echo.signal(stopSignal));
  progress('in-process Update baseline worker started');

  const db = new Pool({ connectionString: databaseUrl, max: 1 });
  const presenter = await db.query(`SELECT id FROM agencies WHERE jurisdiction_code = '32' AND name = 'DP3AKB Provinsi Jawa Barat'`).finally(() => db.end());
  const presenterAgencyId = presenter.rows[0]?.id as string | undefined;
  if (!presenterAgencyId) throw new Error('demo agency DP3AKB Provinsi Jawa Barat not found');
  const fixture = FORM_LIBRARY.find((f) => f.definition.key === 'meeting-agenda');
  if (!fixture) throw new Error('form meeting-agenda is not in the library');

  const secretariat = await login(apiUrl, 'sekretariat.jabar@gugus.test');
  const dinsos = await login(apiUrl, 'dinsos.jabar@gugus.test');

  const result: RoundTripResult = { bareUpdate: [], ack: [], visible: [], inboxGets: [], fanOut: 0, timeline: [], iterations: options.iterations, warmUp: options.warmUp, pollMs: options.pollMs };
  for (let i = 0; i < 20; i++) await echo.executeUpdate(echoUpdate, { args: [i] });
  const steps: StepTimes[] = [];

  const total = options.warmUp + options.iterations;
  for (let i = 0; i < total; i++) {
    const measured = i >= options.warmUp;
    const at = Math.ceil((Date.now() + 3 * 3600_000) / 60_000) * 60_000;
    const scheduled = await secretariat('POST', '/meetings', { jurisdictionCode: '32', kind: 'plenary', scheduledAt: new Date(at).toISOString(), venue: 'Aula DP3AKB' });
    if (scheduled.status !== 201) throw new Error(`POST /meetings → ${scheduled.status} ${JSON.stringify(scheduled.body)}`);
    const meetingId = scheduled.body.id as string;
    const agenda = await until(
      'the agenda task',
      async () => ((await secretariat('GET', `/tasks?processId=${meetingId}&status=open`)).body.items as { id: string; step: string }[]).find((t) => t.step === 'agenda'),
      60_000,
      20,
    );
    const data = structuredClone(Object.values(fixture.valid)[0]) as Record<string, unknown>;
    Object.assign(data, { meetingType: 'plenary', meetingDate: jakartaDate(at), startTime: jakartaTime(at), meetingMode: 'in_person', venue: 'Aula DP3AKB' });
    delete data['onlineLink'];
    delete data['subTaskForce'];
    data['agendaItems'] = [{ topic: 'Tindak lanjut rapat sebelumnya', presenterAgencyId, durationMinutes: 30, purpose: 'discussion' }];
    await sleep(250);

    for (let j = 0; j < BARE_PER_ITERATION; j++) {
      const start = nowMs();
      await echo.executeUpdate(echoUpdate, { args: [j] });
      if (measured) result.bareUpdate.push(nowMs() - start);
    }

    const wallStart = Date.now();
    const start = nowMs();
    const decided = await secretariat('POST', `/tasks/${agenda.id}/decision`, { outcome: 'completed', data });
    const acked = nowMs();
    if (decided.status !== 200) throw new Error(`POST /tasks/${agenda.id}/decision → ${decided.status} ${JSON.stringify(decided.body)}`);
    await until(
      'the RSVP task in Dinas Sosial’s inbox',
      async () => {
        const t = nowMs();
        const inbox = await dinsos('GET', `/tasks?processId=${meetingId}&status=open&limit=100`);
        if (measured) result.inboxGets.push(nowMs() - t);
        return (inbox.body.items as { step: string }[]).some((x) => x.step === 'rsvp') ? true : undefined;
      },
      60_000,
      options.pollMs,
    );
    const visible = nowMs();
    if (measured) {
      result.ack.push(acked - start);
      result.visible.push(visible - start);
      steps.push({ workflowId: meetingWorkflowId(meetingId), wallStart, ack: acked - start, visible: visible - start });
    }
    // Let the rest of the step finish (the other RSVP tasks, the invitations, the reminder) before the next iteration.
    const meeting = await until(
      'the invitations to be recorded',
      async () => {
        const m = (await secretariat('GET', `/meetings/${meetingId}`)).body as { status: string; invitations: { taskId: string | null }[] };
        return m.status === 'invited' ? m : undefined;
      },
      60_000,
      50,
    );
    result.fanOut = meeting.invitations.filter((x) => x.taskId).length;
    await sleep(250);
    if ((i + 1) % 10 === 0 || i + 1 === total) progress(`round trip: ${i + 1}/${total} (${options.warmUp} warm-up)`);
  }
  result.timeline = await timeline(client, steps);
  return result;
}

interface StepTimes {
  workflowId: string;
  /** Date.now() when the POST was sent: the workflow history's event times are on the same (wall) clock. */
  wallStart: number;
  ack: number;
  visible: number;
}

/** The parts of a history event used here (the SDK's generated types, narrowed). */
interface HistoryEvent {
  eventId?: { toNumber(): number } | number | null;
  eventTime?: { seconds?: { toNumber(): number } | number | null; nanos?: number | null } | null;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null } | null;
  activityTaskCompletedEventAttributes?: { scheduledEventId?: { toNumber(): number } | number | null } | null;
  workflowExecutionUpdateAcceptedEventAttributes?: object | null;
  workflowExecutionUpdateCompletedEventAttributes?: object | null;
}

const num = (v: { toNumber(): number } | number | null | undefined) => (typeof v === 'number' ? v : (v?.toNumber() ?? 0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

/**
 * Where the time of the step goes: for each measured iteration, the moments of the meeting workflow's
 * history (Update accepted and completed, the activities that record the decision and the agenda and
 * write the RSVP tasks) next to the client's own (the API's 200, the task seen in the inbox), each as ms
 * after the POST was sent; the median of each over the iterations.
 */
async function timeline(client: Client, steps: StepTimes[]): Promise<{ label: string; ms: number }[]> {
  const points = new Map<string, number[]>();
  const add = (label: string, ms: number | undefined) => {
    if (ms === undefined) return;
    points.set(label, [...(points.get(label) ?? []), ms]);
  };
  for (const step of steps) {
    const history = await client.workflow.getHandle(step.workflowId).fetchHistory();
    const events = (history.events ?? []) as HistoryEvent[];
    const at = (e: HistoryEvent) => num(e.eventTime?.seconds) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6 - step.wallStart;
    const scheduled = new Map<number, string>();
    const completed: { name: string; at: number }[] = [];
    let accepted: number | undefined;
    let updated: number | undefined;
    for (const e of events) {
      if (e.activityTaskScheduledEventAttributes) scheduled.set(num(e.eventId), e.activityTaskScheduledEventAttributes.activityType?.name ?? '?');
      if (e.activityTaskCompletedEventAttributes) completed.push({ name: scheduled.get(num(e.activityTaskCompletedEventAttributes.scheduledEventId)) ?? '?', at: at(e) });
      if (e.workflowExecutionUpdateAcceptedEventAttributes) accepted = at(e);
      if (e.workflowExecutionUpdateCompletedEventAttributes) updated = at(e);
    }
    const agendaRecorded = completed.find((c) => c.name === 'recordAgenda')?.at;
    const rsvps = completed.filter((c) => c.name === 'openTask' && agendaRecorded !== undefined && c.at > agendaRecorded).map((c) => c.at);
    add('Update accepted (validator passed)', accepted);
    add('recordTaskDecision activity done', completed.find((c) => c.name === 'recordTaskDecision')?.at);
    add('Update completed', updated);
    add('API answered 200', step.ack);
    add('recordAgenda activity done', agendaRecorded);
    add('first RSVP openTask activity done', rsvps.length ? Math.min(...rsvps) : undefined);
    add('RSVP task seen in the inbox (poll)', step.visible);
    add('last RSVP openTask activity done', rsvps.length ? Math.max(...rsvps) : undefined);
  }
  return [...points.entries()].map(([label, xs]) => ({ label, ms: median(xs) }));
}
