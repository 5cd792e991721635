import { randomUUID } from 'node:crypto';
import { coordinationMeetingSettingsSchema, type CoordinationMeetingSettings } from '@gugus/contracts';
import type { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import type { FormsService } from '@gugus/server-forms';
import { notificationTitle, notifyOrLog, type TaskNotifier, type TasksRepository } from '@gugus/server-tasks';
import { meetingWorkflowId, type ActionPointPlan, type MeetingActivities, type TaskAssignee } from '@gugus/workflows';
import { addMonthsJakarta, meetingTitle, plannedMeeting, PLENARY_MAX_INTERVAL_MONTHS } from './meeting-dates';
import type { MeetingEntity } from './meetings.entities';
import { MEETING_PROCESS_KEY, type MeetingSettingsSource } from './meetings.ports';
import type { MeetingsRepository } from './meetings.repository';

export interface MeetingActivityDeps {
  meetings: MeetingsRepository;
  tasks: TasksRepository;
  forms: FormsService;
  audit: AuditService;
  settings: MeetingSettingsSource;
  notifier: TaskNotifier;
}

const fmt = (d: Date, language: 'id' | 'en') =>
  d.toLocaleString(language === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Asia/Jakarta' });

/** Activity implementations of the coordination-meeting process. Each is idempotent. */
export function createMeetingActivities({ meetings, tasks, forms, audit, settings, notifier }: MeetingActivityDeps): MeetingActivities {
  const load = async (meetingId: string): Promise<MeetingEntity> => {
    const meeting = await meetings.find(meetingId);
    if (!meeting) throw new Error(`Meeting ${meetingId} not found`);
    return meeting;
  };
  const dataOf = async (submissionId: string | null) => (submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {});
  const link = (meetingId: string) => `/rapat/${meetingId}`;
  /** Whom a meeting concerns: the representatives of its invited agencies (not those who declined, when asked), its secretariat, and (with `withChair`) the escalation role. */
  const peopleOf = async (meeting: MeetingEntity, { skipDeclined = false, withChair = false, invitees = true } = {}): Promise<string[]> => {
    const roles = meeting.settings?.roles;
    const people = new Set<string>();
    for (const inv of invitees ? await meetings.invitations(meeting.id) : []) {
      if (skipDeclined && inv.response === 'decline') continue;
      const rep = await tasks.representativeOf(inv.agencyId, roles?.rsvp ?? 'agency_officer');
      for (const id of rep ? await tasks.peopleFor(rep) : []) people.add(id);
    }
    for (const role of [roles?.agenda ?? 'secretariat', ...(withChair ? [roles?.escalation ?? 'chair'] : [])]) {
      const holder = await tasks.agencyWithRole(meeting.jurisdictionCode, role);
      if (holder) for (const id of await tasks.peopleFor({ agencyId: holder.agencyId, role: role as TaskAssignee['role'] })) people.add(id);
    }
    return [...people];
  };

  return {
    async prepareMeeting({ meetingId }) {
      const meeting = await load(meetingId);
      // Settings are captured once, when the process starts, and kept with the meeting.
      let captured = meeting.settings;
      let version = meeting.settingsVersion ?? 0;
      if (!captured) {
        const effective = await settings.effective(MEETING_PROCESS_KEY, meeting.jurisdictionCode);
        captured = coordinationMeetingSettingsSchema.parse(effective.settings) as CoordinationMeetingSettings;
        version = effective.version;
        await meetings.update(meetingId, { settings: captured, settingsVersion: version });
      }
      const secretariat = await tasks.agencyWithRole(meeting.jurisdictionCode, captured.roles.agenda);
      if (!secretariat) throw new Error(`No ${captured.roles.agenda} in ${meeting.jurisdictionCode}`);
      const chairAgency = await tasks.agencyWithRole(meeting.jurisdictionCode, captured.roles.approval);
      const chair = (await meetings.chairPosition(meeting.jurisdictionCode, captured.roles.approval)) ?? (chairAgency ? { agencyId: chairAgency.agencyId, role: captured.roles.approval } : null);
      if (!chair) throw new Error(`No ${captured.roles.approval} in ${meeting.jurisdictionCode}`);
      const minutesAgency = (await tasks.agencyWithRole(meeting.jurisdictionCode, captured.roles.minutes)) ?? secretariat;
      const memberIds = await meetings.memberAgencies(meeting.jurisdictionCode, meeting.subTaskForceId);
      const members = await Promise.all(memberIds.map(async (agencyId) => ({ agencyId, assignee: await tasks.representativeOf(agencyId, captured.roles.rsvp) })));
      return {
        meetingId,
        jurisdictionCode: meeting.jurisdictionCode,
        kind: meeting.kind,
        subTaskForce: meeting.subTaskForceId ? await meetings.subTaskForceKind(meeting.subTaskForceId) : null,
        title: meeting.title,
        scheduledAt: meeting.scheduledAt.toISOString(),
        autoScheduled: meeting.autoScheduled,
        secretariat: { agencyId: secretariat.agencyId, role: captured.roles.agenda },
        minutesTaker: { agencyId: minutesAgency.agencyId, role: captured.roles.minutes },
        chair,
        members,
        settings: captured,
        settingsVersion: version,
      };
    },

    async openActionPoints({ meetingId }) {
      const meeting = await load(meetingId);
      const points = await meetings.openActionPointsBefore(meeting.jurisdictionCode, meetingId);
      const names = await meetings.names(points.map((p) => p.responsibleAgencyId));
      const today = jakartaDate(new Date());
      return points.map((p) => ({
        id: p.id,
        meetingTitle: p.meetingTitle,
        description: p.description,
        agencyName: names[p.responsibleAgencyId] ?? null,
        dueDate: p.dueDate,
        status: p.dueDate < today ? ('overdue' as const) : p.status === 'in_progress' || p.status === 'blocked' ? ('in_progress' as const) : ('open' as const),
      }));
    },

    async recordAgenda({ meetingId, submissionId }) {
      const meeting = await load(meetingId);
      const data = await dataOf(submissionId);
      const date = typeof data['meetingDate'] === 'string' ? data['meetingDate'] : null;
      const time = typeof data['startTime'] === 'string' ? data['startTime'] : '09:00';
      const scheduledAt = date ? new Date(`${date}T${time}:00+07:00`) : meeting.scheduledAt;
      const venue = typeof data['venue'] === 'string' ? data['venue'] : typeof data['onlineLink'] === 'string' ? data['onlineLink'] : meeting.venue;
      if (meeting.agendaSubmissionId !== submissionId) {
        await meetings.updateUnlessCancelled(meetingId, { agendaSubmissionId: submissionId, scheduledAt, venue, status: 'agenda_ready' });
        await audit.record({ actorId: null, action: 'meeting.agenda', targetType: 'meeting', targetId: meetingId, jurisdictionCode: meeting.jurisdictionCode, requestId: null, before: { scheduledAt: meeting.scheduledAt }, after: { scheduledAt, submissionId } });
      }
      return { scheduledAt: (await load(meetingId)).scheduledAt.toISOString() };
    },

    async recordMeetingStatus({ meetingId, status, at }) {
      const meeting = await load(meetingId);
      if (meeting.status === status) return;
      await meetings.updateUnlessCancelled(meetingId, { status, ...(status === 'held' ? { heldAt: new Date(at) } : {}) });
      await audit.record({ actorId: null, action: `meeting.${status}`, targetType: 'meeting', targetId: meetingId, jurisdictionCode: meeting.jurisdictionCode, requestId: null });
    },

    async sendInvitations({ meetingId, invitations }) {
      const meeting = await load(meetingId);
      await meetings.addInvitations(meetingId, invitations);
      if (meeting.status !== 'invited') await meetings.updateUnlessCancelled(meetingId, { status: 'invited' });
      const role = meeting.settings?.roles.rsvp ?? 'agency_officer';
      for (const invitation of invitations) {
        const rep = (await tasks.representativeOf(invitation.agencyId, role)) ?? null;
        const personIds = rep ? await tasks.peopleFor(rep) : [];
        if (!personIds.length) continue;
        await notifyOrLog(notifier, {
          dedupeKey: `meeting:${meetingId}:invitation:${invitation.agencyId}`,
          recipients: { personIds },
          kind: 'meeting_invitation',
          title: notificationTitle({ id: `Undangan: ${meeting.title}`, en: `Invitation: ${meeting.title}` }),
          body: { id: `Rapat pada ${fmt(meeting.scheduledAt, 'id')}. Mohon konfirmasi kehadiran instansi Anda.`, en: `Meeting on ${fmt(meeting.scheduledAt, 'en')}. Please confirm your agency's attendance.` },
          link: invitation.taskId ? `/tugas/${invitation.taskId}` : link(meetingId),
          email: true,
        });
      }
    },

    async recordRsvp({ meetingId, agencyId, submissionId, taskId }) {
      const data = await dataOf(submissionId);
      await meetings.recordRsvp(meetingId, agencyId, typeof data['response'] === 'string' ? data['response'] : null, submissionId, taskId);
    },

    async remindMeeting({ meetingId }) {
      const meeting = await load(meetingId);
      const people = await peopleOf(meeting, { skipDeclined: true });
      if (!people.length) return;
      await notifyOrLog(notifier, {
        // Each move of the meeting gets its own reminder.
        dedupeKey: `meeting:${meetingId}:reminder${meeting.rescheduleCount ? `:${meeting.rescheduleCount}` : ''}`,
        recipients: { personIds: people },
        kind: 'meeting_reminder',
        title: notificationTitle({ id: `Pengingat rapat: ${meeting.title}`, en: `Meeting reminder: ${meeting.title}` }),
        body: { id: `Rapat berlangsung ${fmt(meeting.scheduledAt, 'id')}.`, en: `The meeting is on ${fmt(meeting.scheduledAt, 'en')}.` },
        link: link(meetingId),
        email: true,
      });
    },

    async recordMinutesApproved({ meetingId, submissionId }) {
      const meeting = await load(meetingId);
      const data = await dataOf(submissionId);
      const listed = Array.isArray(data['actionPoints']) ? (data['actionPoints'] as { description?: string; responsibleAgencyId?: string; dueDate?: string }[]) : [];
      const rows = await meetings.insertActionPoints(
        meetingId,
        listed.filter((p) => p.description && p.responsibleAgencyId && p.dueDate).map((p) => ({ description: p.description as string, responsibleAgencyId: p.responsibleAgencyId as string, dueDate: p.dueDate as string })),
      );
      if (meeting.status !== 'minutes_approved') {
        await meetings.update(meetingId, { status: 'minutes_approved', minutesSubmissionId: submissionId });
        await audit.record({ actorId: null, action: 'meeting.minutes_approved', targetType: 'meeting', targetId: meetingId, jurisdictionCode: meeting.jurisdictionCode, requestId: null, after: { submissionId, actionPoints: rows.length } });
      }
      const role = meeting.settings?.roles.actionPoint ?? 'agency_officer';
      const actionPoints: ActionPointPlan[] = await Promise.all(
        rows.map(async (row) => ({
          id: row.id,
          seq: row.seq,
          description: row.description,
          dueDate: row.dueDate,
          assignee: (await tasks.representativeOf(row.responsibleAgencyId, role)) ?? { agencyId: row.responsibleAgencyId, role: role as TaskAssignee['role'], positionId: null },
        })),
      );
      return { actionPoints };
    },

    async recordActionPointReport({ actionPointId, taskId, submissionId }) {
      const point = await meetings.findActionPoint(actionPointId);
      if (!point) throw new Error(`Action point ${actionPointId} not found`);
      const data = await dataOf(submissionId);
      const reported = typeof data['status'] === 'string' ? data['status'] : 'in_progress';
      const status = (['in_progress', 'blocked', 'done', 'dropped'].includes(reported) ? reported : 'in_progress') as 'in_progress' | 'blocked' | 'done' | 'dropped';
      await meetings.updateActionPoint(actionPointId, { status, taskId, reportSubmissionId: submissionId, completedAt: status === 'done' || status === 'dropped' ? new Date() : null });
      return { status };
    },

    async scheduleNextMeeting({ meetingId }) {
      const existing = await meetings.successorOf(meetingId);
      if (existing) return { meetingId: existing.id, workflowId: existing.workflowId, scheduledAt: existing.scheduledAt.toISOString() };
      const meeting = await load(meetingId);
      const months = meeting.kind === 'plenary' ? (meeting.settings?.plenaryIntervalMonths ?? 4) : (meeting.settings?.subTaskForceIntervalMonths ?? 1);
      const scheduledAt = addMonthsJakarta(meeting.scheduledAt, months);
      const id = randomUUID();
      try {
        await meetings.insert(
          plannedMeeting({ id, jurisdictionCode: meeting.jurisdictionCode, kind: meeting.kind, subTaskForceId: meeting.subTaskForceId, title: meetingTitle(meeting.kind, scheduledAt), scheduledAt, venue: meeting.venue, autoScheduled: true, previousMeetingId: meetingId, createdBy: null }),
        );
      } catch (err) {
        // A concurrent retry inserted it first (one successor per plenary).
        const raced = await meetings.successorOf(meetingId);
        if (raced) return { meetingId: raced.id, workflowId: raced.workflowId, scheduledAt: raced.scheduledAt.toISOString() };
        throw err;
      }
      await audit.record({ actorId: null, action: 'meeting.schedule', targetType: 'meeting', targetId: id, jurisdictionCode: meeting.jurisdictionCode, requestId: null, after: { kind: meeting.kind, scheduledAt, autoScheduled: true, previousMeetingId: meetingId } });
      return { meetingId: id, workflowId: meetingWorkflowId(id), scheduledAt: scheduledAt.toISOString() };
    },
    async recordMeetingCancelled({ meetingId, actorId, reason, requestId, at }) {
      const meeting = await load(meetingId);
      if (await meetings.markCancelled(meetingId, { at: new Date(at), by: actorId, reason })) {
        await audit.record({ actorId, action: 'meeting.cancel', targetType: 'meeting', targetId: meetingId, jurisdictionCode: meeting.jurisdictionCode, requestId, before: { status: meeting.status, scheduledAt: meeting.scheduledAt }, after: { status: 'cancelled', reason } });
      }
      const people = await peopleOf(meeting, { withChair: true });
      if (!people.length) return;
      const plenary = meeting.kind === 'plenary';
      await notifyOrLog(notifier, {
        dedupeKey: `meeting:${meetingId}:cancelled`,
        recipients: { personIds: people },
        kind: 'meeting_cancelled',
        title: notificationTitle({ id: `Rapat dibatalkan: ${meeting.title}`, en: `Meeting cancelled: ${meeting.title}` }),
        body: {
          id: `Rapat pada ${fmt(meeting.scheduledAt, 'id')} dibatalkan. Alasan: ${reason}${plenary ? ' Rapat pleno tetap wajib diadakan paling lambat 4 bulan sejak pleno terakhir.' : ''}`,
          en: `The meeting on ${fmt(meeting.scheduledAt, 'en')} was cancelled. Reason: ${reason}${plenary ? ' A plenary is still required within 4 months of the last one.' : ''}`,
        },
        link: link(meetingId),
        email: true,
      });
    },

    async recordMeetingRescheduled({ meetingId, actorId, scheduledAt, venue, reason, requestId, at }) {
      const meeting = await load(meetingId);
      const moved = await meetings.markRescheduled(meetingId, { at: new Date(at), by: actorId, scheduledAt: new Date(scheduledAt), venue, reason });
      if (moved.applied) {
        await audit.record({
          actorId,
          action: 'meeting.reschedule',
          targetType: 'meeting',
          targetId: meetingId,
          jurisdictionCode: meeting.jurisdictionCode,
          requestId,
          before: { scheduledAt: meeting.scheduledAt, venue: meeting.venue },
          after: { scheduledAt: new Date(scheduledAt), venue: venue ?? meeting.venue, reason },
        });
      }
      const fresh = await load(meetingId);
      // Before the invitations go out nobody outside the secretariat has been told of the meeting yet.
      const people = await peopleOf(fresh);
      if (people.length) {
        const why = reason ? { id: ` Alasan: ${reason}`, en: ` Reason: ${reason}` } : { id: '', en: '' };
        await notifyOrLog(notifier, {
          dedupeKey: `meeting:${meetingId}:rescheduled:${moved.count}`,
          recipients: { personIds: people },
          kind: 'meeting_rescheduled',
          title: notificationTitle({ id: `Rapat dijadwalkan ulang: ${fresh.title}`, en: `Meeting rescheduled: ${fresh.title}` }),
          body: {
            id: `Rapat dipindah ke ${fmt(fresh.scheduledAt, 'id')}${fresh.venue ? ` di ${fresh.venue}` : ''}.${why.id}`,
            en: `The meeting moved to ${fmt(fresh.scheduledAt, 'en')}${fresh.venue ? ` at ${fresh.venue}` : ''}.${why.en}`,
          },
          link: link(meetingId),
          email: true,
        });
      }
      return { rescheduleCount: moved.count };
    },

    async reopenInvitations({ meetingId, invitations }) {
      await meetings.reopenInvitations(meetingId, invitations);
    },

    async plenaryRequirement({ meetingId }) {
      const meeting = await load(meetingId);
      const lastHeld = await meetings.lastPlenaryHeld(meeting.jurisdictionCode);
      // Never held one: the cancelled meeting was when the first was due.
      const dueBy = lastHeld ? addMonthsJakarta(lastHeld, PLENARY_MAX_INTERVAL_MONTHS) : meeting.scheduledAt;
      return { lastHeldAt: lastHeld?.toISOString() ?? null, dueBy: dueBy.toISOString() };
    },

    async plenaryHeldSince({ meetingId, since }) {
      const meeting = await load(meetingId);
      return meetings.plenaryHeldSince(meeting.jurisdictionCode, since ? new Date(since) : null);
    },

    async escalateMissingPlenary({ meetingId, dueBy, taskId }) {
      const meeting = await load(meetingId);
      await audit.record({ actorId: null, action: 'meeting.plenary_overdue', targetType: 'meeting', targetId: meetingId, jurisdictionCode: meeting.jurisdictionCode, requestId: null, after: { dueBy, taskId } });
      const people = await peopleOf(meeting, { withChair: true, invitees: false });
      if (!people.length) return;
      await notifyOrLog(notifier, {
        dedupeKey: `meeting:${meetingId}:plenary-overdue`,
        recipients: { personIds: people },
        kind: 'meeting_plenary_overdue',
        title: notificationTitle({ id: 'Rapat pleno terlambat: belum ada pleno dalam 4 bulan', en: 'Plenary overdue: none held within 4 months' }),
        body: {
          id: `Batas rapat pleno ${fmt(new Date(dueBy), 'id')} terlewati (${meeting.title} dibatalkan). Sekretariat diminta segera menjadwalkan rapat pleno.`,
          en: `The plenary deadline of ${fmt(new Date(dueBy), 'en')} has passed (${meeting.title} was cancelled). The secretariat is asked to schedule a plenary now.`,
        },
        link: `/tugas/${taskId}`,
        email: true,
      });
    },
  };
}
