import type { Client } from '@temporalio/client';
import type { CompileSample } from './drive';

/** The parts of a history event used here (the SDK's generated types, narrowed). */
type Id = { toNumber(): number } | number | null | undefined;
interface HistoryEvent {
  eventId?: Id;
  eventTime?: { seconds?: Id; nanos?: number | null } | null;
  activityTaskScheduledEventAttributes?: { activityType?: { name?: string | null } | null } | null;
  activityTaskStartedEventAttributes?: { scheduledEventId?: Id } | null;
  activityTaskCompletedEventAttributes?: { scheduledEventId?: Id } | null;
  workflowExecutionUpdateCompletedEventAttributes?: object | null;
}

const num = (v: Id) => (typeof v === 'number' ? v : (v?.toNumber() ?? 0));
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)] as number;

export interface CompileTimeline {
  /** Each compile's activity: scheduled → started (queued), started → completed (ran), ms. */
  activity: { round: number; queued: number; ran: number }[];
  /** The rounds' (not version 1's) median moments, ms after the last section's POST. */
  points: { label: string; ms: number }[];
}

/**
 * Where the compile's time goes: for each compile, the plan workflow's history (the Update that recorded
 * the last section, the compileVersion activity scheduled, started and completed) next to the client's
 * own moments, each as ms after the POST was sent.
 */
export async function compileTimeline(client: Client, workflowId: string, compiles: CompileSample[]): Promise<CompileTimeline> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = (history.events ?? []) as HistoryEvent[];
  const wall = (e: HistoryEvent) => num(e.eventTime?.seconds) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
  const compileScheduled = events.filter((e) => e.activityTaskScheduledEventAttributes?.activityType?.name === 'compileVersion');
  const startedOf = new Map(events.filter((e) => e.activityTaskStartedEventAttributes).map((e) => [num(e.activityTaskStartedEventAttributes?.scheduledEventId), e]));
  const completedOf = new Map(events.filter((e) => e.activityTaskCompletedEventAttributes).map((e) => [num(e.activityTaskCompletedEventAttributes?.scheduledEventId), e]));
  const updates = events.filter((e) => e.workflowExecutionUpdateCompletedEventAttributes);

  const activity: CompileTimeline['activity'] = [];
  const points = new Map<string, number[]>();
  const add = (label: string, value: number | undefined) => value !== undefined && points.set(label, [...(points.get(label) ?? []), value]);
  for (const c of compiles) {
    const scheduled = compileScheduled.find((e) => wall(e) >= c.wallStart);
    if (!scheduled) continue;
    const started = startedOf.get(num(scheduled.eventId));
    const completed = completedOf.get(num(scheduled.eventId));
    if (!started || !completed) continue;
    activity.push({ round: c.round, queued: wall(started) - wall(scheduled), ran: wall(completed) - wall(started) });
    if (c.round === 0) continue;
    const update = updates.find((e) => wall(e) >= c.wallStart);
    add('Update completed: the sixth section recorded', update ? wall(update) - c.wallStart : undefined);
    add('API answered 200', c.ack);
    add('compileVersion scheduled', wall(scheduled) - c.wallStart);
    add('compileVersion started in the worker', wall(started) - c.wallStart);
    add('version row seen (poll)', c.committed);
    add('compileVersion completed', wall(completed) - c.wallStart);
    add('GET /plans/:id returned it', c.visible);
  }
  return { activity, points: [...points].map(([label, xs]) => ({ label, ms: median(xs) })).sort((a, b) => a.ms - b.ms) };
}
