import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { jakartaDate } from '@gugus/server-calendar';
import { peopleActingFor } from '@gugus/server-orgs';
import type { TaskAssignee } from '@gugus/workflows';
import { TaskEntity, TaskEventEntity, type TaskEventKind, type TaskStatus } from './tasks.entities';

/** Which tasks an inbox query looks at; the scopes are OR-ed (a person sees the union). */
export interface InboxScope {
  /** Tasks for these agency + role (+ position) assignments: "my tasks". */
  assignments?: { agencyId: string; role: string; positionId: string }[];
  /** Every task of these agencies: "my agency's tasks". */
  agencyIds?: string[];
  /** Every task in these jurisdictions (a province code covers its regencies): a coordinator's view. */
  jurisdictionCodes?: string[];
}

export interface InboxFilter {
  status: 'open' | 'done' | 'all';
  due?: 'overdue' | 'soon';
  jurisdictionCode?: string;
  processKey?: string;
  processId?: string;
  sort: 'due' | 'created';
  limit: number;
  offset: number;
}

export interface InboxCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  done: number;
}

/** "Due soon": within this many hours. */
export const DUE_SOON_HOURS = 72;

@Injectable()
export class TasksRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  find(id: string, manager: EntityManager = this.db.manager): Promise<TaskEntity | null> {
    return manager.findOneBy(TaskEntity, { id });
  }

  /** Writes the task once: a retried activity finds it there and changes nothing. */
  async insertOnce(task: Omit<TaskEntity, 'createdAt' | 'updatedAt'>, manager: EntityManager): Promise<boolean> {
    const result = await manager.createQueryBuilder().insert().into(TaskEntity).values(task as QueryDeepPartialEntity<TaskEntity>).orIgnore().returning('id').execute();
    return (result.raw as unknown[]).length > 0;
  }

  async update(id: string, values: Partial<TaskEntity>, manager: EntityManager = this.db.manager): Promise<void> {
    await manager.update(TaskEntity, { id }, { ...values, updatedAt: new Date() } as QueryDeepPartialEntity<TaskEntity>);
  }

  /** Sets the claim only if the task is open and unclaimed (or already ours); true when it is ours now. */
  async claim(id: string, personId: string): Promise<boolean> {
    const rows = await this.db.query(
      `UPDATE tasks SET claimed_by = $2, claimed_at = now(), updated_at = now()
       WHERE id = $1 AND status = 'open' AND (claimed_by IS NULL OR claimed_by = $2) RETURNING id`,
      [id, personId],
    );
    return (rows[0] as unknown[]).length > 0;
  }

  async addEvent(
    event: { taskId: string; kind: TaskEventKind; actorPersonId: string | null; detail?: Record<string, unknown>; dedupeKey?: string | null },
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TaskEventEntity)
      .values({ taskId: event.taskId, kind: event.kind, actorPersonId: event.actorPersonId, detail: event.detail ?? {}, dedupeKey: event.dedupeKey ?? null, at: new Date() } as QueryDeepPartialEntity<TaskEventEntity>)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  events(taskId: string): Promise<TaskEventEntity[]> {
    return this.db.manager.find(TaskEventEntity, { where: { taskId }, order: { id: 'ASC' } });
  }

  /**
   * The SQL condition for a scope, with its parameters appended to `params`. A jurisdiction and the ones
   * under it are one prefix (`32%` is exactly 32 and 32.xx: official codes are NN or NN.NN), which the
   * text_pattern_ops index answers in one range — `= '32' OR LIKE '32.%'` made PostgreSQL read all of it.
   */
  private scopeSql(scope: InboxScope, params: unknown[]): string {
    const parts: string[] = [];
    for (const a of scope.assignments ?? []) {
      params.push(a.agencyId, a.role, a.positionId);
      const n = params.length;
      parts.push(`(t.assignee_agency_id = $${n - 2} AND t.assignee_role = $${n - 1} AND (t.assignee_position_id IS NULL OR t.assignee_position_id = $${n}))`);
    }
    if (scope.agencyIds?.length) {
      params.push(scope.agencyIds);
      parts.push(`t.assignee_agency_id = ANY($${params.length}::uuid[])`);
    }
    for (const code of scope.jurisdictionCodes ?? []) {
      if (code === '00') {
        parts.push('TRUE');
        continue;
      }
      params.push(`${code}%`);
      parts.push(`t.jurisdiction_code LIKE $${params.length}`);
    }
    return parts.length ? `(${parts.join(' OR ')})` : 'FALSE';
  }

  private filterSql(filter: Omit<InboxFilter, 'status' | 'due' | 'sort' | 'limit' | 'offset'>, params: unknown[]): string {
    const parts: string[] = [];
    if (filter.jurisdictionCode) {
      params.push(`${filter.jurisdictionCode}%`);
      parts.push(`t.jurisdiction_code LIKE $${params.length}`);
    }
    if (filter.processKey) {
      params.push(filter.processKey);
      parts.push(`t.process_key = $${params.length}`);
    }
    if (filter.processId) {
      params.push(filter.processId);
      parts.push(`t.process_id = $${params.length}`);
    }
    return parts.length ? ` AND ${parts.join(' AND ')}` : '';
  }

  async inbox(scope: InboxScope, filter: InboxFilter): Promise<{ items: TaskEntity[]; total: number; counts: InboxCounts }> {
    const params: unknown[] = [];
    const where = `${this.scopeSql(scope, params)}${this.filterSql(filter, params)}`;
    const countParams = [...params];
    const statusSql = filter.status === 'open' ? ` AND t.status = 'open'` : filter.status === 'done' ? ` AND t.status <> 'open'` : '';
    const dueSql =
      filter.due === 'overdue' ? ` AND t.status = 'open' AND t.due_at < now()` : filter.due === 'soon' ? ` AND t.status = 'open' AND t.due_at >= now() AND t.due_at < now() + interval '${DUE_SOON_HOURS} hours'` : '';
    const order = filter.sort === 'created' ? 't.created_at DESC, t.id' : `(t.status = 'open') DESC, t.due_at ASC, t.id`;
    params.push(filter.limit, filter.offset);
    const [rows, totals, counts] = await Promise.all([
      this.db.query(`SELECT t.id FROM tasks t WHERE ${where}${statusSql}${dueSql} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`, params),
      this.db.query(`SELECT count(*)::int AS n FROM tasks t WHERE ${where}${statusSql}${dueSql}`, countParams),
      this.db.query(
        `SELECT count(*) FILTER (WHERE t.status = 'open')::int AS open,
                count(*) FILTER (WHERE t.status = 'open' AND t.due_at < now())::int AS overdue,
                count(*) FILTER (WHERE t.status = 'open' AND t.due_at >= now() AND t.due_at < now() + interval '${DUE_SOON_HOURS} hours')::int AS "dueSoon",
                count(*) FILTER (WHERE t.status <> 'open')::int AS done
         FROM tasks t WHERE ${where}`,
        countParams,
      ),
    ]);
    const ids = (rows as { id: string }[]).map((r) => r.id);
    const entities = ids.length ? await this.db.manager.createQueryBuilder(TaskEntity, 't').where('t.id IN (:...ids)', { ids }).getMany() : [];
    const byId = new Map(entities.map((e) => [e.id, e]));
    return { items: ids.map((id) => byId.get(id) as TaskEntity), total: (totals as { n: number }[])[0].n, counts: (counts as InboxCounts[])[0] };
  }

  /** Open tasks pinned to these form versions (the impact of a breaking form change). */
  async countOpenOnVersions(versionIds: string[]): Promise<number> {
    if (!versionIds.length) return 0;
    const rows = await this.db.query(`SELECT count(*)::int AS n FROM tasks WHERE status = 'open' AND form_version_id = ANY($1::uuid[])`, [versionIds]);
    return (rows as { n: number }[])[0].n;
  }

  /** Names for ids shown on a task page (people, agencies, positions). */
  async names(ids: { people: string[]; agencies: string[]; positions: string[] }): Promise<Record<string, string>> {
    const out: Record<string, string> = {};
    const [people, agencies, positions] = await Promise.all([
      ids.people.length ? this.db.query(`SELECT id, full_name AS name FROM people WHERE id = ANY($1::uuid[])`, [ids.people]) : [],
      ids.agencies.length ? this.db.query(`SELECT id, name FROM agencies WHERE id = ANY($1::uuid[])`, [ids.agencies]) : [],
      ids.positions.length ? this.db.query(`SELECT id, title AS name FROM positions WHERE id = ANY($1::uuid[])`, [ids.positions]) : [],
    ]);
    for (const row of [...people, ...agencies, ...positions] as { id: string; name: string }[]) out[row.id] = row.name;
    return out;
  }

  /** People who can act on a task for `assignee` today (Jakarta date): holders and acting officials of matching positions. */
  async peopleFor(assignee: TaskAssignee): Promise<string[]> {
    return (await peopleActingFor(this.db, assignee, jakartaDate(new Date()))).map((p) => p.personId);
  }


  /** The agency of `jurisdictionCode` where someone holds `role` (an agency-representing position first): who gets an escalation, who keeps the secretariat. */
  async agencyWithRole(jurisdictionCode: string, role: string): Promise<{ agencyId: string; positionId: string } | null> {
    const rows = await this.db.query(
      `SELECT p.agency_id, p.id FROM positions p JOIN agencies a ON a.id = p.agency_id
        WHERE a.jurisdiction_code = $1 AND $2 = ANY(p.roles) AND p.holder_id IS NOT NULL ORDER BY p.represents_agency DESC, p.created_at LIMIT 1`,
      [jurisdictionCode, role],
    );
    const row = (rows as { agency_id: string; id: string }[])[0];
    return row ? { agencyId: row.agency_id, positionId: row.id } : null;
  }
}

export type { TaskStatus };
