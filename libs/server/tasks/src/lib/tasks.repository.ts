import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { jakartaDate } from '@gugus/server-calendar';
import { RecordCipher, type DataKey } from '@gugus/server-crypto';
import { peopleActingFor } from '@gugus/server-orgs';
import type { TaskAssignee, TaskComment } from '@gugus/workflows';
import type { InboxCursor } from './inbox-cursor';
import { TaskEntity, TaskEventEntity, type TaskEventKind, type TaskStatus } from './tasks.entities';

/** The sealed parts of a task, opened (rows from before encryption fall back to their plain columns). */
export interface TaskPrivate {
  draft: Record<string, unknown> | null;
  staged: Record<string, unknown> | null;
  stagedComments: TaskComment[];
  comments: TaskComment[];
}

/** Free text of a task event: sealed apart from the ids and codes in `detail`. */
export interface TaskEventText {
  comments?: TaskComment[];
  note?: string;
}

type SealedColumn = 'draft_sealed' | 'staged_sealed' | 'staged_comments_sealed' | 'comments_sealed' | 'task_events.detail_sealed';
const sealedContext = (taskId: string, column: SealedColumn) => `tasks.${column}:${taskId}`;
const stagedContext = (taskId: string, decisionId: string, column: 'data_sealed' | 'comments_sealed') => `task_staged_decisions.${column}:${taskId}:${decisionId}`;

/** A decision's checked form data (null without a form) and comments, waiting for the workflow to record them. */
export interface StagedDecision {
  data: Record<string, unknown> | null;
  comments: TaskComment[];
  by: string;
}

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
  /** Rows to skip (page numbers); with `after`, 0. */
  offset: number;
  /** Start after this row (keyset paging): an index range however deep the page. Its `sort` must be `sort`'s. */
  after?: InboxCursor;
}

export interface InboxCounts {
  open: number;
  overdue: number;
  dueSoon: number;
  done: number;
}

/**
 * Counts stop here: a figure past it is "more than 1,000" (flagged in `capped`), not exact.
 * Counting every open task of the nation on each inbox read cost ~200 ms at a million tasks; counting
 * up to the cap reads at most this many entries of a partial index.
 */
export const INBOX_COUNT_CAP = 1_000;

export interface InboxResult {
  items: TaskEntity[];
  /** Rows matching the filters (at most INBOX_COUNT_CAP). */
  total: number;
  /** The whole scope per status, whatever the status and due filters (each at most INBOX_COUNT_CAP). */
  counts: InboxCounts;
  /** Which figures went past INBOX_COUNT_CAP (shown as the cap): the true number is more. */
  capped: { total: boolean } & Record<keyof InboxCounts, boolean>;
  /** Where the next page starts; null on the last page. */
  next: InboxCursor | null;
}

/** "Due soon": within this many hours. */
export const DUE_SOON_HOURS = 72;

@Injectable()
export class TasksRepository {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly cipher: RecordCipher,
  ) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  find(id: string, manager: EntityManager = this.db.manager): Promise<TaskEntity | null> {
    return manager.findOneBy(TaskEntity, { id });
  }

  /** Writes the task once: a retried activity finds it there and changes nothing. */
  async insertOnce(task: Omit<TaskEntity, 'updatedAt'>, manager: EntityManager): Promise<boolean> {
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

  /** One event of the task's history; its free text (`text`) is sealed with the task's data key. */
  async addEvent(
    event: { taskId: string; kind: TaskEventKind; actorPersonId: string | null; detail?: Record<string, unknown>; text?: TaskEventText; dedupeKey?: string | null },
    manager: EntityManager = this.db.manager,
  ): Promise<boolean> {
    const hasText = !!event.text && (!!event.text.note || !!event.text.comments?.length);
    const key = hasText ? await this.keyOf(event.taskId, manager) : null;
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(TaskEventEntity)
      .values({
        taskId: event.taskId,
        kind: event.kind,
        actorPersonId: event.actorPersonId,
        detail: event.detail ?? {},
        detailSealed: key ? this.cipher.sealJson(key, event.text, sealedContext(event.taskId, 'task_events.detail_sealed')) : null,
        dedupeKey: event.dedupeKey ?? null,
        at: new Date(),
      } as QueryDeepPartialEntity<TaskEventEntity>)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as unknown[]).length > 0;
  }

  /** The task's history, with each event's free text opened into its `detail`. */
  async events(taskId: string): Promise<TaskEventEntity[]> {
    const rows = await this.db.manager.find(TaskEventEntity, { where: { taskId }, order: { id: 'ASC' } });
    if (!rows.some((r) => r.detailSealed)) return rows;
    const key = await this.keyOf(taskId);
    return rows.map((r) => (r.detailSealed ? { ...r, detail: { ...r.detail, ...this.cipher.openJson<TaskEventText>(key, r.detailSealed, sealedContext(taskId, 'task_events.detail_sealed')) } } : r));
  }

  /**
   * The task's own data key, made on first use. Two writers racing both make one; the row keeps the
   * first and the other is simply never used.
   */
  async keyOf(taskId: string, manager: EntityManager = this.db.manager): Promise<DataKey> {
    const [row] = (await manager.query('SELECT data_key_id FROM tasks WHERE id = $1', [taskId])) as { data_key_id: string | null }[];
    if (!row) throw new Error(`Task ${taskId} has no inbox row`);
    if (row.data_key_id) return this.cipher.dataKey(row.data_key_id, manager);
    const fresh = await this.cipher.newDataKey(manager);
    const [claimed] = (await manager.query('UPDATE tasks SET data_key_id = $2 WHERE id = $1 AND data_key_id IS NULL RETURNING data_key_id', [taskId, fresh.id])) as [unknown[], number];
    if (claimed.length) return fresh;
    return this.keyOf(taskId, manager);
  }

  /** Opens the sealed parts of `task`. */
  async openPrivate(task: TaskEntity, manager: EntityManager = this.db.manager): Promise<TaskPrivate> {
    const sealed = [task.draftSealed, task.stagedSealed, task.stagedCommentsSealed, task.commentsSealed];
    const key = task.dataKeyId && sealed.some(Boolean) ? await this.cipher.dataKey(task.dataKeyId, manager) : null;
    const open = <T>(blob: Buffer | null, column: SealedColumn, legacy: T): T => (key && blob ? this.cipher.openJson<T>(key, blob, sealedContext(task.id, column)) : legacy);
    return {
      draft: open(task.draftSealed, 'draft_sealed', task.draftData),
      staged: open(task.stagedSealed, 'staged_sealed', task.stagedData),
      stagedComments: open<TaskComment[]>(task.stagedCommentsSealed, 'staged_comments_sealed', []),
      comments: open(task.commentsSealed, 'comments_sealed', task.comments ?? []),
    };
  }

  /** Keeps unfinished form data with the task, sealed. */
  async saveDraft(taskId: string, data: Record<string, unknown>, by: string, at: Date): Promise<void> {
    const key = await this.keyOf(taskId);
    await this.update(taskId, { draftSealed: this.cipher.sealJson(key, data, sealedContext(taskId, 'draft_sealed')), draftData: null, draftSavedBy: by, draftSavedAt: at });
  }

  /**
   * Holds one decision's checked form data and comments, sealed, until the workflow records it: one row
   * per request, so a second decision sent meanwhile neither overwrites nor clears the first's.
   */
  async stageDecision(taskId: string, decisionId: string, staged: StagedDecision): Promise<void> {
    const key = await this.keyOf(taskId);
    await this.db.query(`INSERT INTO task_staged_decisions (id, task_id, data_sealed, comments_sealed, staged_by) VALUES ($1, $2, $3, $4, $5)`, [
      decisionId,
      taskId,
      staged.data ? this.cipher.sealJson(key, staged.data, stagedContext(taskId, decisionId, 'data_sealed')) : null,
      this.cipher.sealJson(key, staged.comments, stagedContext(taskId, decisionId, 'comments_sealed')),
      staged.by,
    ]);
  }

  /**
   * Takes a decision's staged data to record it, inside the recording transaction (a rollback puts it
   * back); null when its request has let go of it.
   */
  async takeStagedDecision(taskId: string, decisionId: string, manager: EntityManager): Promise<StagedDecision | null> {
    const [rows] = (await manager.query(`DELETE FROM task_staged_decisions WHERE id = $1 AND task_id = $2 RETURNING data_sealed, comments_sealed, staged_by`, [decisionId, taskId])) as [
      { data_sealed: Buffer | null; comments_sealed: Buffer; staged_by: string }[],
      number,
    ];
    const row = rows[0];
    if (!row) return null;
    const key = await this.keyOf(taskId, manager);
    return {
      data: row.data_sealed ? this.cipher.openJson<Record<string, unknown>>(key, row.data_sealed, stagedContext(taskId, decisionId, 'data_sealed')) : null,
      comments: this.cipher.openJson<TaskComment[]>(key, row.comments_sealed, stagedContext(taskId, decisionId, 'comments_sealed')),
      by: row.staged_by,
    };
  }

  /** Lets go of a decision's staged data. False when the recording has taken it: the decision is being recorded. */
  async dropStagedDecision(decisionId: string): Promise<boolean> {
    const [, count] = (await this.db.query(`DELETE FROM task_staged_decisions WHERE id = $1`, [decisionId])) as [unknown[], number];
    return count > 0;
  }

  /** The values that clear what a decision sent before per-request staging left on the task row. */
  static readonly UNSTAGED: Partial<TaskEntity> = { stagedSealed: null, stagedCommentsSealed: null, stagedData: null, stagedBy: null };

  /** Seals the comments a task was decided with (inside the decision's transaction). */
  async sealComments(taskId: string, comments: TaskComment[], manager: EntityManager): Promise<Buffer | null> {
    if (!comments.length) return null;
    return this.cipher.sealJson(await this.keyOf(taskId, manager), comments, sealedContext(taskId, 'comments_sealed'));
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

  private filterSql(filter: Pick<InboxFilter, 'jurisdictionCode' | 'processKey' | 'processId'>, params: unknown[]): string {
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

  /**
   * One page of the inbox, the figures of its scope, and where the next page starts.
   *
   * Two statements in parallel: the page (its rows and their sort keys, one row more than asked to know
   * whether there is a next page), and the counts per status, each counted only up to
   * INBOX_COUNT_CAP. The total is the count of the bucket the filters select, so it is not counted again.
   * With one status selected the order is the sort key and id alone, which the partial indexes on open
   * tasks (migration 2710) serve in order; "all" puts open tasks first.
   */
  async inbox(scope: InboxScope, filter: InboxFilter): Promise<InboxResult> {
    const params: unknown[] = [];
    const where = `${this.scopeSql(scope, params)}${this.filterSql(filter, params)}`;
    const countParams = [...params];
    const statusSql = filter.status === 'open' ? ` AND t.status = 'open'` : filter.status === 'done' ? ` AND t.status <> 'open'` : '';
    const dueSql =
      filter.due === 'overdue' ? ` AND t.status = 'open' AND t.due_at < now()` : filter.due === 'soon' ? ` AND t.status = 'open' AND t.due_at >= now() AND t.due_at < now() + interval '${DUE_SOON_HOURS} hours'` : '';
    // Open first only matters when both kinds are listed; otherwise the flag is constant and would hide the index order.
    const mixed = filter.status === 'all' && !filter.due;
    const column = filter.sort === 'created' ? 't.created_at' : 't.due_at';
    const order = filter.sort === 'created' ? 't.created_at DESC, t.id DESC' : mixed ? `(t.status = 'open') DESC, t.due_at, t.id` : 't.due_at, t.id';
    let afterSql = '';
    if (filter.after) {
      params.push(filter.after.at, filter.after.id);
      const key = `($${params.length - 1}::timestamptz, $${params.length}::uuid)`;
      const beyond = filter.sort === 'created' ? `(t.created_at, t.id) < ${key}` : `(t.due_at, t.id) > ${key}`;
      // In "all" (open first), after an open row come the later open rows and every other row; after a done row, later done rows.
      afterSql = filter.sort === 'created' || !mixed ? ` AND ${beyond}` : filter.after.open ? ` AND (t.status <> 'open' OR ${beyond})` : ` AND t.status <> 'open' AND ${beyond}`;
    }
    params.push(filter.limit + 1, filter.after ? 0 : filter.offset);
    const capped = (condition: string) => `(SELECT count(*) FROM (SELECT 1 FROM tasks t WHERE ${where}${condition} LIMIT ${INBOX_COUNT_CAP + 1}) c)::int`;
    const [rows, countRows] = await Promise.all([
      this.db.query(
        `SELECT t.*, to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS inbox_at, t.status = 'open' AS inbox_open
         FROM tasks t WHERE ${where}${statusSql}${dueSql}${afterSql} ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
        params,
      ) as Promise<(Record<string, unknown> & { id: string; inbox_at: string; inbox_open: boolean })[]>,
      this.db.query(
        `SELECT ${capped(` AND t.status = 'open'`)} AS open,
                ${capped(` AND t.status = 'open' AND t.due_at < now()`)} AS overdue,
                ${capped(` AND t.status = 'open' AND t.due_at >= now() AND t.due_at < now() + interval '${DUE_SOON_HOURS} hours'`)} AS "dueSoon",
                ${capped(` AND t.status <> 'open'`)} AS done`,
        countParams,
      ) as Promise<InboxCounts[]>,
    ]);
    const raw = countRows[0];
    const page = rows.slice(0, filter.limit);
    const last = page[page.length - 1];
    const bucketTotal = filter.due ? (filter.status === 'done' ? 0 : filter.due === 'overdue' ? raw.overdue : raw.dueSoon) : filter.status === 'open' ? raw.open : filter.status === 'done' ? raw.done : raw.open + raw.done;
    const over = (n: number) => n > INBOX_COUNT_CAP;
    const clamp = (n: number) => Math.min(n, INBOX_COUNT_CAP);
    return {
      items: page.map((row) => this.entityOf(row)),
      total: clamp(bucketTotal),
      counts: { open: clamp(raw.open), overdue: clamp(raw.overdue), dueSoon: clamp(raw.dueSoon), done: clamp(raw.done) },
      capped: { total: over(bucketTotal), open: over(raw.open), overdue: over(raw.overdue), dueSoon: over(raw.dueSoon), done: over(raw.done) },
      next: rows.length > filter.limit && last ? { sort: filter.sort, open: last.inbox_open, at: last.inbox_at, id: last.id } : null,
    };
  }

  /** A task row read with plain SQL (`SELECT t.*`) as the entity: one statement for the page instead of ids, then rows. */
  private entityOf(row: Record<string, unknown>): TaskEntity {
    return this.db.manager.create(TaskEntity, Object.fromEntries(this.db.getMetadata(TaskEntity).columns.map((c) => [c.propertyName, row[c.databaseName]])));
  }

  /**
   * Seals what up to `limit` tasks (and their events) stored in plain columns before encryption:
   * drafts, staged data, comments, notes. Returns how many rows it looked at.
   */
  async sealLegacy(limit: number): Promise<number> {
    const tasks = await this.db.manager
      .createQueryBuilder(TaskEntity, 't')
      .where(`t.draft_data IS NOT NULL OR t.staged_data IS NOT NULL OR t.comments <> '[]'::jsonb`)
      .limit(limit)
      .getMany();
    for (const task of tasks) {
      await this.db.transaction(async (tx) => {
        const key = await this.keyOf(task.id, tx);
        const sealIf = <T>(value: T | null, column: SealedColumn) => (value ? this.cipher.sealJson(key, value, sealedContext(task.id, column)) : null);
        await this.update(
          task.id,
          {
            draftSealed: task.draftSealed ?? sealIf(task.draftData, 'draft_sealed'),
            stagedSealed: task.stagedSealed ?? sealIf(task.stagedData, 'staged_sealed'),
            commentsSealed: task.commentsSealed ?? sealIf(task.comments.length ? task.comments : null, 'comments_sealed'),
            draftData: null,
            stagedData: null,
            comments: [],
          },
          tx,
        );
      });
    }
    const events = (await this.db.query(
      `SELECT id, task_id, detail FROM task_events WHERE detail_sealed IS NULL AND (detail ? 'comments' OR detail ? 'note') LIMIT $1`,
      [limit],
    )) as { id: string; task_id: string; detail: Record<string, unknown> }[];
    for (const event of events) {
      const { comments, note, ...rest } = event.detail as Record<string, unknown> & TaskEventText;
      const key = await this.keyOf(event.task_id);
      await this.db.query('UPDATE task_events SET detail = $2, detail_sealed = $3 WHERE id = $1 AND detail_sealed IS NULL', [
        event.id,
        rest,
        this.cipher.sealJson(key, { comments, note }, sealedContext(event.task_id, 'task_events.detail_sealed')),
      ]);
    }
    return tasks.length + events.length;
  }

  /** Tasks that produced, review or revise this submission (who works on it). */
  async tasksAbout(submissionId: string): Promise<TaskEntity[]> {
    return this.db.manager
      .createQueryBuilder(TaskEntity, 't')
      .where(`t.submission_id = CAST(:id AS uuid) OR t.context->>'reviewSubmissionId' = CAST(:id AS text) OR t.context->>'prefillFromSubmissionId' = CAST(:id AS text)`, { id: submissionId })
      .getMany();
  }

  /** Open tasks pinned to these form versions (the impact of a breaking form change). */
  async countOpenOnVersions(versionIds: string[]): Promise<number> {
    if (!versionIds.length) return 0;
    const rows = await this.db.query(`SELECT count(*)::int AS n FROM tasks WHERE status = 'open' AND form_version_id = ANY($1::uuid[])`, [versionIds]);
    return (rows as { n: number }[])[0].n;
  }

  /** Names for ids a page shows (people, agencies, positions): a task page, a case plan's agencies and history. */
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
  // ------------------------------------------------------------------------------------------------
  // A process's tasks, for the module that owns the process (e.g. a case's timeline and packet)

  /** Every task of process `processId` (all its workflows), oldest first, with the assignee agency's name. */
  async ofProcess(processKey: string, processId: string, limit = 500): Promise<{ id: string; step: string; title: { id: string; en: string }; status: string; agencyId: string; agencyName: string | null; createdAt: Date; dueAt: Date; completedAt: Date | null }[]> {
    const rows = (await this.db.query(
      `SELECT t.id, t.step, t.title, t.status, t.assignee_agency_id, a.name AS agency_name, t.created_at, t.due_at, t.completed_at
         FROM tasks t LEFT JOIN agencies a ON a.id = t.assignee_agency_id
        WHERE t.process_key = $1 AND t.process_id = $2 ORDER BY t.created_at, t.id LIMIT $3`,
      [processKey, processId, limit],
    )) as { id: string; step: string; title: { id: string; en: string }; status: string; assignee_agency_id: string; agency_name: string | null; created_at: Date; due_at: Date; completed_at: Date | null }[];
    return rows.map((r) => ({ id: r.id, step: r.step, title: r.title, status: r.status, agencyId: r.assignee_agency_id, agencyName: r.agency_name, createdAt: r.created_at, dueAt: r.due_at, completedAt: r.completed_at }));
  }

  /** The earliest due date of each process's open tasks, by process id (processes with none are left out). */
  async nextDueByProcess(processKey: string, processIds: readonly string[]): Promise<Map<string, Date>> {
    if (!processIds.length) return new Map();
    const rows = (await this.db.query(
      `SELECT process_id, min(due_at) AS due FROM tasks WHERE process_key = $1 AND status = 'open' AND process_id = ANY($2::uuid[]) GROUP BY process_id`,
      [processKey, processIds],
    )) as { process_id: string; due: Date }[];
    return new Map(rows.map((r) => [r.process_id, r.due]));
  }

  /** The submissions of the process's completed tasks at `steps`, oldest first (the latest last). */
  async submissionsOfProcess(processKey: string, processId: string, steps: readonly string[]): Promise<string[]> {
    const rows = (await this.db.query(
      `SELECT submission_id FROM tasks WHERE process_key = $1 AND process_id = $2 AND step = ANY($3::text[]) AND submission_id IS NOT NULL ORDER BY completed_at, id`,
      [processKey, processId, steps],
    )) as { submission_id: string }[];
    return rows.map((r) => r.submission_id);
  }

  /**
   * Who answers for an agency (a meeting invitation, a report part): the position that represents it (by position, whatever its holder), else
   * the agency's holders of `role`; null when nobody holds either.
   */
  async representativeOf(agencyId: string, role: string): Promise<TaskAssignee | null> {
    const rows = await this.db.query(
      `SELECT p.id, p.roles, p.represents_agency FROM positions p WHERE p.agency_id = $1 AND p.active AND EXISTS (SELECT 1 FROM people pe WHERE pe.id = p.holder_id AND pe.active)
        ORDER BY p.represents_agency DESC, ($2 = ANY(p.roles)) DESC, p.created_at`,
      [agencyId, role],
    );
    const row = (rows as { id: string; roles: string[]; represents_agency: boolean }[])[0];
    if (!row) return null;
    if (row.represents_agency) return { agencyId, role: (row.roles.includes(role) ? role : row.roles[0]) as TaskAssignee['role'], positionId: row.id };
    return row.roles.includes(role) ? { agencyId, role: role as TaskAssignee['role'], positionId: null } : null;
  }

  async agencyWithRole(jurisdictionCode: string, role: string): Promise<{ agencyId: string; positionId: string } | null> {
    const rows = await this.db.query(
      `SELECT p.agency_id, p.id FROM positions p JOIN agencies a ON a.id = p.agency_id
        WHERE a.jurisdiction_code = $1 AND $2 = ANY(p.roles) AND p.active AND a.active AND EXISTS (SELECT 1 FROM people pe WHERE pe.id = p.holder_id AND pe.active) ORDER BY p.represents_agency DESC, p.created_at LIMIT 1`,
      [jurisdictionCode, role],
    );
    const row = (rows as { agency_id: string; id: string }[])[0];
    return row ? { agencyId: row.agency_id, positionId: row.id } : null;
  }
}

export type { TaskStatus };
