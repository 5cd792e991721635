import { randomUUID } from 'node:crypto';
import { coordinationMeetingSettingsSchema, type CoordinationMeetingSettings } from '@gugus/contracts';
import type { AuditService } from '@gugus/server-audit';
import { jakartaDate } from '@gugus/server-calendar';
import type { FormsService } from '@gugus/server-forms';
import { notificationTitle, notifyOrLog, type TaskNotifier, type TasksRepository } from '@gugus/server-tasks';
import { meetingWorkflowId, type ActionPointPlan, type MeetingActivities, type TaskAssignee } from '@gugus/workflows';
import { addMonthsJakarta, meetingTitle, plannedMeeting } from './meeting-dates';
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
      const members = await Promise.all(memberIds.map(async (agencyId) => ({ agencyId, assignee: await meetings.representativeOf(agencyId, captured.roles.rsvp) })));
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
        await meetings.update(meetingId, { agendaSubmissionId: submissionId, scheduledAt, venue, status: 'agenda_ready' });
        await audit.record({ actorId: null, action: 'meeting.agenda', targetType: 'meeting', targetId: meetingId, jurisdictionCode: meeting.jurisdictionCode, requestId: null, before: { scheduledAt: meeting.scheduledAt }, after: { scheduledAt, submissionId } });
      }
      return { scheduledAt: (await load(meetingId)).scheduledAt.toISOString() };
    },

    async recordMeetingStatus({ meetingId, status, at }) {
      const meeting = await load(meetingId);
      if (meeting.status === status) return;
      await meetings.update(meetingId, { status, ...(status === 'held' ? { heldAt: new Date(at) } : {}) });
      await audit.record({ actorId: null, action: `meeting.${status}`, targetType: 'meeting', targetId: meetingId, jurisdictionCode: meeting.jurisdictionCode, requestId: null });
    },

    async sendInvitations({ meetingId, invitations }) {
      const meeting = await load(meetingId);
      await meetings.addInvitations(meetingId, invitations);
      if (meeting.status !== 'invited') await meetings.update(meetingId, { status: 'invited' });
      const role = meeting.settings?.roles.rsvp ?? 'agency_officer';
      for (const invitation of invitations) {
        const rep = (await meetings.representativeOf(invitation.agencyId, role)) ?? null;
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

    async recordRsvp({ meetingId, agencyId, submissionId }) {
      const data = await dataOf(submissionId);
      await meetings.recordRsvp(meetingId, agencyId, typeof data['response'] === 'string' ? data['response'] : null, submissionId);
    },

    async remindMeeting({ meetingId }) {
      const meeting = await load(meetingId);
      const invited = await meetings.invitations(meetingId);
      const role = meeting.settings?.roles.rsvp ?? 'agency_officer';
      const people = new Set<string>();
      for (const inv of invited) {
        if (inv.response === 'decline') continue;
        const rep = await meetings.representativeOf(inv.agencyId, role);
        for (const id of rep ? await tasks.peopleFor(rep) : []) people.add(id);
      }
      const secretariat = await tasks.agencyWithRole(meeting.jurisdictionCode, meeting.settings?.roles.agenda ?? 'secretariat');
      if (secretariat) for (const id of await tasks.peopleFor({ agencyId: secretariat.agencyId, role: meeting.settings?.roles.agenda ?? 'secretariat' })) people.add(id);
      if (!people.size) return;
      await notifyOrLog(notifier, {
        dedupeKey: `meeting:${meetingId}:reminder`,
        recipients: { personIds: [...people] },
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
          assignee: (await meetings.representativeOf(row.responsibleAgencyId, role)) ?? { agencyId: row.responsibleAgencyId, role: role as TaskAssignee['role'], positionId: null },
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
  };
}
