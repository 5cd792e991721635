import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { coordinationMeetingSettingsSchema, ErrorCode } from '@gugus/contracts';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { abilityFor, assertCan, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import { DomainError } from '@gugus/server-http';
import { TasksRepository } from '@gugus/server-tasks';
import { cancelMeetingUpdate, coordinationMeeting, MeetingRefusal, rescheduleMeetingUpdate } from '@gugus/workflows';
import { meetingTitle, plannedMeeting } from './meeting-dates';
import type { MeetingEntity } from './meetings.entities';
import { MEETING_PROCESS_KEY, MEETING_SETTINGS, type MeetingSettingsSource } from './meetings.ports';
import { MeetingsRepository } from './meetings.repository';

const JURISDICTION_CODE = /^(00|\d{2}|\d{2}\.\d{2})$/;
const DAY = 24 * 3600 * 1000;
const notFound = (id: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Rapat ${id} tidak ditemukan.`, en: `Meeting ${id} was not found.` });
const invalid = (field: string, message: { id: string; en: string }) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });
const engineDown = () =>
  new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, { id: 'Mesin proses (Temporal) tidak dapat dihubungi. Coba lagi sebentar lagi.', en: 'The process engine (Temporal) cannot be reached. Try again shortly.' });

/** Statuses from which a meeting can no longer be moved or called off. */
const HELD = ['held', 'minutes_approved', 'closed'];
const notChangeable = (m: Pick<MeetingEntity, 'status'>) =>
  m.status === 'cancelled'
    ? new DomainError(ErrorCode.CONFLICT, { id: 'Rapat ini sudah dibatalkan.', en: 'This meeting has already been cancelled.' }, { meetingStatus: m.status })
    : new DomainError(ErrorCode.CONFLICT, { id: 'Rapat ini sudah diadakan; tidak dapat dibatalkan atau dijadwalkan ulang.', en: 'This meeting has already been held; it cannot be cancelled or rescheduled.' }, { meetingStatus: m.status });

/** A meeting's time must be at least an hour away and within two years (scheduling and moving alike). */
function checkTime(at: Date): void {
  if (Number.isNaN(at.getTime()) || at.getTime() < Date.now() + 3600_000) throw invalid('scheduledAt', { id: 'harus paling cepat satu jam dari sekarang', en: 'must be at least an hour from now' });
  if (at.getTime() > Date.now() + 2 * 365 * DAY) throw invalid('scheduledAt', { id: 'tidak boleh lebih dari dua tahun ke depan', en: 'must be within two years' });
}

/** Coordination meetings: scheduling (which starts the process), the calendar, and one meeting's state. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly tasks: TasksRepository,
    private readonly audit: AuditService,
    private readonly temporal: Client,
    @Inject(MEETING_SETTINGS) private readonly settings: MeetingSettingsSource,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
  ) {}

  async schedule(user: AuthUser, body: { jurisdictionCode: string; kind: 'plenary' | 'sub_tf' | 'special'; scheduledAt: string; title?: string; venue?: string; subTaskForceId?: string }, requestId: string | null) {
    assertCan(user, 'create', 'Meeting', { jurisdictionCode: body.jurisdictionCode });
    const scheduledAt = new Date(body.scheduledAt);
    checkTime(scheduledAt);
    if (body.kind === 'sub_tf') {
      if (!body.subTaskForceId) throw invalid('subTaskForceId', { id: 'wajib diisi untuk rapat Sub-Gugus Tugas', en: 'required for a Sub-task-force meeting' });
      if (!(await this.meetings.subTaskForceIn(body.subTaskForceId, body.jurisdictionCode))) throw invalid('subTaskForceId', { id: 'bukan Sub-Gugus Tugas wilayah ini', en: 'not a Sub-task force of this jurisdiction' });
    }
    const settings = coordinationMeetingSettingsSchema.parse((await this.settings.effective(MEETING_PROCESS_KEY, body.jurisdictionCode)).settings);
    // The process needs someone for its first and its approval steps; say so now rather than stall later.
    for (const [step, role] of [['agenda', settings.roles.agenda], ['approval', settings.roles.approval]] as const) {
      if (!(await this.tasks.agencyWithRole(body.jurisdictionCode, role))) {
        throw new DomainError(ErrorCode.CONFLICT, {
          id: `Belum ada pejabat dengan peran ${role} di wilayah ini untuk langkah ${step === 'agenda' ? 'penyusunan agenda' : 'persetujuan notulen'}. Tetapkan dulu di Administrasi.`,
          en: `Nobody holds the ${role} role in this jurisdiction for the ${step} step yet. Assign one in Administration first.`,
        });
      }
    }
    const id = randomUUID();
    const meeting = plannedMeeting({
      id,
      jurisdictionCode: body.jurisdictionCode,
      kind: body.kind,
      subTaskForceId: body.subTaskForceId ?? null,
      title: body.title?.trim() || meetingTitle(body.kind, scheduledAt),
      scheduledAt,
      venue: body.venue?.trim() || null,
      autoScheduled: false,
      previousMeetingId: null,
      createdBy: user.personId,
    });
    await this.meetings.transaction(async (tx) => {
      await this.meetings.insert(meeting, tx);
      await this.audit.record({ actorId: user.personId, action: 'meeting.schedule', targetType: 'meeting', targetId: id, jurisdictionCode: body.jurisdictionCode, requestId, after: { kind: body.kind, scheduledAt, title: meeting.title } }, tx);
      try {
        await this.temporal.workflow.start(coordinationMeeting, { workflowId: meeting.workflowId, taskQueue: this.config.TEMPORAL_TASK_QUEUE, args: [{ meetingId: id }] });
      } catch {
        throw engineDown();
      }
    });
    return this.view(user, id);
  }

  /** Calls a meeting off before it is held; the reason is required. Its process closes what is open and tells the invitees. */
  async cancel(user: AuthUser, id: string, body: { reason: string }, requestId: string | null) {
    const meeting = await this.changeable(user, id);
    const reason = body.reason?.trim() ?? '';
    if (!reason) throw invalid('reason', { id: 'wajib diisi', en: 'is required' });
    await this.send(meeting, () => this.temporal.workflow.getHandle(meeting.workflowId).executeUpdate(cancelMeetingUpdate, { args: [{ actorId: user.personId, reason, requestId }] }));
    return this.view(user, id);
  }

  /** Moves a meeting that has not been held: its tasks and reminder follow the new time; the invitees are told. */
  async reschedule(user: AuthUser, id: string, body: { scheduledAt: string; venue?: string; reason?: string }, requestId: string | null) {
    const meeting = await this.changeable(user, id);
    const scheduledAt = new Date(body.scheduledAt);
    checkTime(scheduledAt);
    const venue = body.venue?.trim() || null;
    if (scheduledAt.getTime() === meeting.scheduledAt.getTime() && (!venue || venue === meeting.venue)) throw invalid('scheduledAt', { id: 'sama dengan jadwal sekarang', en: 'is the time already scheduled' });
    await this.send(meeting, () =>
      this.temporal.workflow
        .getHandle(meeting.workflowId)
        .executeUpdate(rescheduleMeetingUpdate, { args: [{ actorId: user.personId, scheduledAt: scheduledAt.toISOString(), venue, reason: body.reason?.trim() || null, requestId }] }),
    );
    return this.view(user, id);
  }

  /** A meeting the person may see (else 404) and change (else 403), not held or cancelled yet (else 409). */
  private async changeable(user: AuthUser, id: string): Promise<MeetingEntity> {
    const meeting = await this.meetings.find(id);
    if (!meeting || !canOn(abilityFor(user.grants), 'read', 'Meeting', { jurisdictionCode: meeting.jurisdictionCode })) throw notFound(id);
    assertCan(user, 'update', 'Meeting', { jurisdictionCode: meeting.jurisdictionCode });
    if (meeting.status === 'cancelled' || HELD.includes(meeting.status)) throw notChangeable(meeting);
    return meeting;
  }

  /** Sends a change to the meeting's process, which has the last word (it may have begun meanwhile). */
  private async send(meeting: MeetingEntity, update: () => Promise<unknown>): Promise<void> {
    try {
      await update();
    } catch (err) {
      if (err instanceof WorkflowUpdateFailedError) {
        const type = (err.cause as { type?: string } | undefined)?.type;
        if (type === MeetingRefusal.PAST) throw invalid('scheduledAt', { id: 'waktunya sudah lewat', en: 'that time has passed' });
        throw notChangeable((await this.meetings.find(meeting.id)) ?? { status: 'held' });
      }
      if (err instanceof WorkflowNotFoundError) throw notChangeable({ status: 'held' });
      throw engineDown();
    }
  }

  async calendar(user: AuthUser, jurisdictionCode: string, from?: string, to?: string) {
    if (!JURISDICTION_CODE.test(jurisdictionCode)) throw invalid('jurisdictionCode', { id: 'bukan kode wilayah resmi', en: 'not an official region code' });
    assertCan(user, 'read', 'Meeting', { jurisdictionCode });
    const start = from ? new Date(from) : new Date(Date.now() - 31 * DAY);
    const end = to ? new Date(to) : new Date(Date.now() + 190 * DAY);
    if (end <= start) throw invalid('to', { id: 'harus sesudah from', en: 'must be after from' });
    const rows = await this.meetings.calendar(jurisdictionCode, start, end);
    const counts = await this.meetings.actionPointCounts(rows.map((m) => m.id));
    return {
      items: rows.map((m) => ({ ...this.summary(m), actionPoints: counts.get(m.id) ?? { open: 0, done: 0 } })),
      from: start.toISOString(),
      to: end.toISOString(),
    };
  }

  private summary(m: MeetingEntity) {
    return { id: m.id, jurisdictionCode: m.jurisdictionCode, kind: m.kind, title: m.title, scheduledAt: m.scheduledAt.toISOString(), venue: m.venue, status: m.status, autoScheduled: m.autoScheduled, previousMeetingId: m.previousMeetingId };
  }

  async view(user: AuthUser, id: string) {
    const meeting = await this.meetings.find(id);
    if (!meeting || !canOn(abilityFor(user.grants), 'read', 'Meeting', { jurisdictionCode: meeting.jurisdictionCode })) throw notFound(id);
    const [invitations, actionPoints, earlier] = await Promise.all([
      this.meetings.invitations(id),
      this.meetings.actionPoints(id),
      this.meetings.openActionPointsBefore(meeting.jurisdictionCode, id),
    ]);
    const people = await this.meetings.personNames([meeting.cancelledBy, meeting.rescheduledBy]);
    const names = await this.meetings.names([...invitations.map((i) => i.agencyId), ...actionPoints.map((a) => a.responsibleAgencyId), ...earlier.map((a) => a.responsibleAgencyId)]);
    const today = jakartaDate(new Date());
    const point = (a: { id: string; seq: number; description: string; responsibleAgencyId: string; dueDate: string; status: string; taskId: string | null }) => ({
      id: a.id,
      seq: a.seq,
      description: a.description,
      responsibleAgency: { id: a.responsibleAgencyId, name: names[a.responsibleAgencyId] ?? null },
      dueDate: a.dueDate,
      status: a.status,
      overdue: !['done', 'dropped'].includes(a.status) && a.dueDate < today,
      taskId: a.taskId,
    });
    return {
      ...this.summary(meeting),
      settingsVersion: meeting.settingsVersion,
      heldAt: meeting.heldAt?.toISOString() ?? null,
      cancellation: meeting.cancelledAt ? { at: meeting.cancelledAt.toISOString(), by: meeting.cancelledBy ? { id: meeting.cancelledBy, name: people[meeting.cancelledBy] ?? null } : null, reason: meeting.cancellationReason ?? '' } : null,
      lastMove: meeting.rescheduledAt
        ? { at: meeting.rescheduledAt.toISOString(), by: meeting.rescheduledBy ? { id: meeting.rescheduledBy, name: people[meeting.rescheduledBy] ?? null } : null, from: meeting.previousScheduledAt?.toISOString() ?? null, reason: meeting.rescheduleReason, count: meeting.rescheduleCount }
        : null,
      agendaSubmissionId: meeting.agendaSubmissionId,
      minutesSubmissionId: meeting.minutesSubmissionId,
      invitations: invitations.map((i) => ({ agency: { id: i.agencyId, name: names[i.agencyId] ?? null }, response: i.response, respondedAt: i.respondedAt?.toISOString() ?? null, taskId: i.taskId })),
      actionPoints: actionPoints.map(point),
      openActionPointsFromEarlierMeetings: earlier.map((a) => ({ ...point(a), meetingId: a.meetingId, meetingTitle: a.meetingTitle })),
    };
  }
}
