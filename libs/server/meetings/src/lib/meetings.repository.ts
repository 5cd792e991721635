import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { TaskAssignee } from '@gugus/workflows';
import { ActionPointEntity, MeetingEntity, MeetingInvitationEntity } from './meetings.entities';

@Injectable()
export class MeetingsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  find(id: string): Promise<MeetingEntity | null> {
    return this.db.manager.findOneBy(MeetingEntity, { id });
  }

  async insert(values: Omit<MeetingEntity, 'createdAt' | 'updatedAt'>, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.insert(MeetingEntity, { ...values, createdAt: new Date(), updatedAt: new Date() } as QueryDeepPartialEntity<MeetingEntity>);
  }

  async update(id: string, values: Partial<MeetingEntity>, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.update(MeetingEntity, { id }, { ...values, updatedAt: new Date() } as QueryDeepPartialEntity<MeetingEntity>);
  }

  /** A write of the process's own progress: never over a cancellation that landed first. */
  async updateUnlessCancelled(id: string, values: Partial<MeetingEntity>): Promise<void> {
    await this.db.manager
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({ ...values, updatedAt: new Date() } as QueryDeepPartialEntity<MeetingEntity>)
      .where('id = :id AND status <> :cancelled', { id, cancelled: 'cancelled' })
      .execute();
  }

  /** Records a cancellation once (a retried activity finds it done). */
  async markCancelled(id: string, values: { at: Date; by: string; reason: string }): Promise<boolean> {
    const result = await this.db.manager
      .createQueryBuilder()
      .update(MeetingEntity)
      .set({ status: 'cancelled', cancelledAt: values.at, cancelledBy: values.by, cancellationReason: values.reason, updatedAt: new Date() })
      .where('id = :id AND cancelled_at IS NULL', { id })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Records a move once per request (`at` tells a retry from a new move); returns the move's number. */
  async markRescheduled(id: string, values: { at: Date; by: string; scheduledAt: Date; venue: string | null; reason: string | null }): Promise<{ count: number; previous: Date | null; applied: boolean }> {
    return this.db.transaction(async (tx) => {
      const rows = (await tx.query(`SELECT scheduled_at, venue, reschedule_count, rescheduled_at FROM meetings WHERE id = $1 FOR UPDATE`, [id])) as { scheduled_at: Date; venue: string | null; reschedule_count: number; rescheduled_at: Date | null }[];
      const row = rows[0];
      if (!row) throw new Error(`Meeting ${id} not found`);
      // A retry of this very move (same workflow time, already applied). Two moves handled in one workflow
      // activation share the workflow time: the second, to another time or venue, is a move of its own.
      const retry = row.rescheduled_at?.getTime() === values.at.getTime() && row.scheduled_at.getTime() === values.scheduledAt.getTime() && (values.venue ?? row.venue) === row.venue;
      if (retry) return { count: row.reschedule_count, previous: null, applied: false };
      const count = row.reschedule_count + 1;
      await tx.update(MeetingEntity, { id }, {
        scheduledAt: values.scheduledAt,
        ...(values.venue ? { venue: values.venue } : {}),
        rescheduleCount: count,
        rescheduledAt: values.at,
        rescheduledBy: values.by,
        rescheduleReason: values.reason,
        previousScheduledAt: row.scheduled_at,
        updatedAt: new Date(),
      } as QueryDeepPartialEntity<MeetingEntity>);
      return { count, previous: row.scheduled_at, applied: true };
    });
  }

  /** After a move every agency is asked again: the invitation points at its new task and the old answer goes. */
  async reopenInvitations(meetingId: string, invitations: { agencyId: string; taskId: string | null }[]): Promise<void> {
    if (!invitations.length) return;
    await this.db.query(
      `INSERT INTO meeting_invitations (meeting_id, agency_id, task_id)
       SELECT $1, i.agency_id, i.task_id FROM unnest($2::uuid[], $3::uuid[]) AS i (agency_id, task_id)
       ON CONFLICT (meeting_id, agency_id) DO UPDATE SET task_id = EXCLUDED.task_id, response = NULL, rsvp_submission_id = NULL, responded_at = NULL
        WHERE meeting_invitations.task_id IS DISTINCT FROM EXCLUDED.task_id`,
      [meetingId, invitations.map((i) => i.agencyId), invitations.map((i) => i.taskId)],
    );
  }

  /** When the last plenary of a jurisdiction was held (null: never). */
  async lastPlenaryHeld(jurisdictionCode: string): Promise<Date | null> {
    const rows = (await this.db.query(`SELECT max(held_at) AS held FROM meetings WHERE jurisdiction_code = $1 AND kind = 'plenary' AND held_at IS NOT NULL`, [jurisdictionCode])) as { held: Date | null }[];
    return rows[0]?.held ?? null;
  }

  async plenaryHeldSince(jurisdictionCode: string, since: Date | null): Promise<boolean> {
    const rows = (await this.db.query(`SELECT 1 FROM meetings WHERE jurisdiction_code = $1 AND kind = 'plenary' AND held_at IS NOT NULL AND ($2::timestamptz IS NULL OR held_at > $2) LIMIT 1`, [
      jurisdictionCode,
      since,
    ])) as unknown[];
    return rows.length > 0;
  }

  async personNames(ids: (string | null)[]): Promise<Record<string, string>> {
    const unique = [...new Set(ids.filter((id): id is string => !!id))];
    if (!unique.length) return {};
    const rows = (await this.db.query(`SELECT id, full_name FROM people WHERE id = ANY($1::uuid[])`, [unique])) as { id: string; full_name: string }[];
    return Object.fromEntries(rows.map((r) => [r.id, r.full_name]));
  }

  successorOf(id: string): Promise<MeetingEntity | null> {
    return this.db.manager.findOneBy(MeetingEntity, { previousMeetingId: id });
  }

  /** Meetings in a jurisdiction (a province includes its regencies) between two instants. */
  calendar(jurisdictionCode: string, from: Date, to: Date): Promise<MeetingEntity[]> {
    return this.db.manager
      .createQueryBuilder(MeetingEntity, 'm')
      .where('(m.jurisdiction_code = :code OR m.jurisdiction_code LIKE :prefix)', { code: jurisdictionCode, prefix: `${jurisdictionCode}.%` })
      .andWhere('m.scheduled_at >= :from AND m.scheduled_at < :to', { from, to })
      .orderBy('m.scheduled_at', 'ASC')
      .getMany();
  }

  invitations(meetingId: string): Promise<MeetingInvitationEntity[]> {
    return this.db.manager.find(MeetingInvitationEntity, { where: { meetingId } });
  }

  async addInvitations(meetingId: string, invitations: { agencyId: string; taskId: string | null }[]): Promise<void> {
    if (!invitations.length) return;
    await this.db.manager
      .createQueryBuilder()
      .insert()
      .into(MeetingInvitationEntity)
      .values(invitations.map((i) => ({ meetingId, agencyId: i.agencyId, taskId: i.taskId })))
      .orIgnore()
      .execute();
  }

  async recordRsvp(meetingId: string, agencyId: string, response: string | null, submissionId: string | null, taskId?: string): Promise<void> {
    await this.db.manager.update(MeetingInvitationEntity, { meetingId, agencyId, ...(taskId ? { taskId } : {}) }, { response, rsvpSubmissionId: submissionId, respondedAt: new Date() });
  }

  actionPoints(meetingId: string): Promise<ActionPointEntity[]> {
    return this.db.manager.find(ActionPointEntity, { where: { meetingId }, order: { seq: 'ASC' } });
  }

  findActionPoint(id: string): Promise<ActionPointEntity | null> {
    return this.db.manager.findOneBy(ActionPointEntity, { id });
  }

  /** Action points not yet done from earlier meetings of this jurisdiction: the next agenda opens with them. */
  async openActionPointsBefore(jurisdictionCode: string, meetingId: string): Promise<(ActionPointEntity & { meetingTitle: string })[]> {
    const rows = await this.db.query(
      `SELECT ap.id, ap.meeting_id AS "meetingId", ap.seq, ap.description, ap.responsible_agency_id AS "responsibleAgencyId",
              to_char(ap.due_date, 'YYYY-MM-DD') AS "dueDate", ap.status, ap.task_id AS "taskId", m.title AS "meetingTitle"
         FROM meeting_action_points ap JOIN meetings m ON m.id = ap.meeting_id
        WHERE m.jurisdiction_code = $1 AND ap.meeting_id <> $2 AND ap.status NOT IN ('done', 'dropped')
        ORDER BY ap.due_date, ap.seq`,
      [jurisdictionCode, meetingId],
    );
    return rows as (ActionPointEntity & { meetingTitle: string })[];
  }

  /** Writes the minutes' action points once; a retry gets the rows already there. */
  async insertActionPoints(meetingId: string, points: { description: string; responsibleAgencyId: string; dueDate: string }[]): Promise<ActionPointEntity[]> {
    return this.db.transaction(async (tx) => {
      await tx.query('SELECT id FROM meetings WHERE id = $1 FOR UPDATE', [meetingId]);
      const existing = await tx.find(ActionPointEntity, { where: { meetingId }, order: { seq: 'ASC' } });
      if (existing.length || !points.length) return existing;
      const rows = points.map((p, i) => ({ id: randomUUID(), meetingId, seq: i + 1, description: p.description, responsibleAgencyId: p.responsibleAgencyId, dueDate: p.dueDate, status: 'open' as const, taskId: null, reportSubmissionId: null, completedAt: null, updatedAt: new Date() }));
      await tx.insert(ActionPointEntity, rows);
      return tx.find(ActionPointEntity, { where: { meetingId }, order: { seq: 'ASC' } });
    });
  }

  async updateActionPoint(id: string, values: Partial<ActionPointEntity>): Promise<void> {
    await this.db.manager.update(ActionPointEntity, { id }, { ...values, updatedAt: new Date() } as QueryDeepPartialEntity<ActionPointEntity>);
  }

  async actionPointCounts(meetingIds: string[]): Promise<Map<string, { open: number; done: number }>> {
    const out = new Map<string, { open: number; done: number }>();
    if (!meetingIds.length) return out;
    const rows = await this.db.query(
      `SELECT meeting_id, count(*) FILTER (WHERE status IN ('done', 'dropped'))::int AS done, count(*) FILTER (WHERE status NOT IN ('done', 'dropped'))::int AS open
         FROM meeting_action_points WHERE meeting_id = ANY($1::uuid[]) GROUP BY meeting_id`,
      [meetingIds],
    );
    for (const r of rows as { meeting_id: string; open: number; done: number }[]) out.set(r.meeting_id, { open: r.open, done: r.done });
    return out;
  }

  /** The task force's chair position, when the task force names one. */
  async chairPosition(jurisdictionCode: string, role: string): Promise<TaskAssignee | null> {
    const rows = await this.db.query(
      `SELECT p.id, p.agency_id FROM task_forces tf JOIN positions p ON p.id = tf.chair_position_id WHERE tf.jurisdiction_code = $1`,
      [jurisdictionCode],
    );
    const row = (rows as { id: string; agency_id: string }[])[0];
    return row ? { agencyId: row.agency_id, role: role as TaskAssignee['role'], positionId: row.id } : null;
  }

  /** Is `subTaskForceId` one of the Sub-TFs of the task force of `jurisdictionCode`? */
  async subTaskForceIn(subTaskForceId: string, jurisdictionCode: string): Promise<boolean> {
    const rows = await this.db.query(
      `SELECT 1 FROM sub_task_forces s JOIN task_forces tf ON tf.id = s.task_force_id WHERE s.id = $1 AND tf.jurisdiction_code = $2`,
      [subTaskForceId, jurisdictionCode],
    );
    return (rows as unknown[]).length > 0;
  }

  async subTaskForceKind(id: string): Promise<string | null> {
    const rows = await this.db.query(`SELECT kind FROM sub_task_forces WHERE id = $1`, [id]);
    return (rows as { kind: string }[])[0]?.kind ?? null;
  }

  /** Agencies invited: all of the jurisdiction's agencies, or a Sub-TF's members and lead. */
  async memberAgencies(jurisdictionCode: string, subTaskForceId: string | null): Promise<string[]> {
    const rows = subTaskForceId
      ? await this.db.query(
          `SELECT agency_id FROM sub_task_force_members WHERE sub_task_force_id = $1
           UNION SELECT lead_agency_id FROM sub_task_forces WHERE id = $1 AND lead_agency_id IS NOT NULL`,
          [subTaskForceId],
        )
      : await this.db.query(`SELECT id AS agency_id FROM agencies WHERE jurisdiction_code = $1 ORDER BY name`, [jurisdictionCode]);
    return (rows as { agency_id: string }[]).map((r) => r.agency_id);
  }

  async names(ids: string[]): Promise<Record<string, string>> {
    if (!ids.length) return {};
    const rows = await this.db.query(`SELECT id, name FROM agencies WHERE id = ANY($1::uuid[])`, [ids]);
    return Object.fromEntries((rows as { id: string; name: string }[]).map((r) => [r.id, r.name]));
  }
}
