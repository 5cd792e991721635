import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { AuditEntryEntity } from './audit-entry.entity';
import { auditTargetKey, type AuditNames } from './audit.mapper';

/** Key of the transaction-scoped advisory lock that serialises appends across every process ("audit" in ASCII). */
const APPEND_LOCK_KEY = 0x6175646974;

/** What an append sees while it holds the lock: the head of the chain, and the next slot in it. */
export interface AuditAppender {
  /** Hash of the newest entry, or null for an empty log. */
  lastHash(): Promise<string | null>;
  /** The next sequence number and the database clock, truncated to the millisecond JavaScript keeps. */
  nextSlot(): Promise<{ seq: number; at: Date }>;
  insert(row: AuditEntryEntity): Promise<void>;
}

export interface AuditListFilter {
  actorId?: string;
  action?: string;
  targetType?: string;
  targetId?: string;
  /** PostgreSQL regular expressions on jurisdiction_code; an entry must match one. Null: no restriction, entries without a jurisdiction included. */
  scopePatterns: string[] | null;
  /** A further regular expression the jurisdiction code must match. */
  jurisdictionPattern?: string;
  /** Only reads: actions ending in `.read`, and `person.list`. */
  readsOnly?: boolean;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** An entry as the chain's head or a checkpoint refers to it. */
export interface ChainPoint {
  seq: number;
  hash: string;
}

/** What the connected database role may do to the audit table. */
export interface AuditTablePrivileges {
  role: string;
  /** The role owns the table (or is a member of its owner): it can disable the triggers or drop the table. */
  owns: boolean;
  update: boolean;
  delete: boolean;
  truncate: boolean;
}

/**
 * Targets whose names the trail shows, and where each name is read. Only records of staff and of the task
 * force's work: a case (and anything else not listed) keeps its code, so no victim's name reaches the trail.
 * The audit lib sits below every other context (they record through it), so it reads these few columns
 * itself rather than asking their services.
 */
const NAMED_TARGETS: Readonly<Record<string, string>> = {
  person: 'SELECT id::text, full_name AS name FROM people WHERE id = ANY($1::uuid[])',
  agency: 'SELECT id::text, name FROM agencies WHERE id = ANY($1::uuid[])',
  position: `SELECT p.id::text, p.title || ' — ' || a.name AS name FROM positions p JOIN agencies a ON a.id = p.agency_id WHERE p.id = ANY($1::uuid[])`,
  plan: 'SELECT id::text, title AS name FROM plans WHERE id = ANY($1::uuid[])',
  meeting: 'SELECT id::text, title AS name FROM meetings WHERE id = ANY($1::uuid[])',
  task_force: 'SELECT id::text, name FROM task_forces WHERE id = ANY($1::uuid[])',
};
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const toPoint = (row: { seq: string | number; hash: string }): ChainPoint => ({ seq: Number(row.seq), hash: String(row.hash) });

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntryEntity) private readonly rows: Repository<AuditEntryEntity>) {}

  /**
   * Runs `work` holding the append lock until the transaction ends: inside `manager`'s transaction when
   * one is active (the entry then commits or rolls back with the caller's change), else in a new one.
   */
  withAppendLock<T>(work: (appender: AuditAppender) => Promise<T>, manager?: EntityManager): Promise<T> {
    const run = async (tx: EntityManager) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [APPEND_LOCK_KEY]);
      return work({
        lastHash: async () => {
          const [last] = await tx.query('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
          return last ? String(last.hash) : null;
        },
        nextSlot: async () => {
          const [slot] = await tx.query(
            `SELECT nextval(pg_get_serial_sequence('audit_log', 'seq')) AS seq, date_trunc('milliseconds', clock_timestamp()) AS at`,
          );
          return { seq: Number(slot.seq), at: slot.at as Date };
        },
        insert: async (row) => {
          await tx.insert(AuditEntryEntity, row);
        },
      });
    };
    if (manager?.queryRunner?.isTransactionActive) return run(manager);
    return (manager ?? this.rows.manager).transaction(run);
  }

  /** Up to `limit` entries after `afterSeq`, oldest first. */
  batchAfter(afterSeq: number, limit: number): Promise<AuditEntryEntity[]> {
    return this.rows.createQueryBuilder('a').where('a.seq > :afterSeq', { afterSeq }).orderBy('a.seq', 'ASC').limit(limit).getMany();
  }

  /** Newest first, so `beforeSeq` pages backwards through history. */
  list(filter: AuditListFilter): Promise<AuditEntryEntity[]> {
    const qb = this.rows.createQueryBuilder('a').orderBy('a.seq', 'DESC').limit(filter.limit);
    if (filter.scopePatterns) qb.andWhere('a.jurisdictionCode ~ ANY(CAST(:scope AS text[]))', { scope: filter.scopePatterns });
    if (filter.jurisdictionPattern) qb.andWhere('a.jurisdictionCode ~ :jurisdiction', { jurisdiction: filter.jurisdictionPattern });
    if (filter.actorId) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    if (filter.readsOnly) qb.andWhere(`(a.action LIKE '%.read' OR a.action = 'person.list')`);
    if (filter.targetType) qb.andWhere('a.targetType = :targetType', { targetType: filter.targetType });
    if (filter.targetId) qb.andWhere('a.targetId = :targetId', { targetId: filter.targetId });
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at <= :to', { to: filter.to });
    if (filter.beforeSeq) qb.andWhere('a.seq < :beforeSeq', { beforeSeq: filter.beforeSeq });
    return qb.getMany();
  }

  /**
   * Names for the actors and targets of a page of entries: one query per kind of target present (at most
   * six, however long the page), never one per entry.
   */
  async namesFor(rows: readonly AuditEntryEntity[]): Promise<AuditNames> {
    const wanted = new Map<string, Set<string>>();
    const want = (type: string, id: string | null) => {
      if (!id || !NAMED_TARGETS[type] || !UUID.test(id)) return;
      (wanted.get(type) ?? wanted.set(type, new Set()).get(type))?.add(id.toLowerCase());
    };
    for (const row of rows) {
      want('person', row.actorId);
      want(row.targetType, row.targetId);
    }
    const found = new Map<string, Map<string, string>>();
    for (const [type, ids] of wanted) {
      const named = (await this.rows.query(NAMED_TARGETS[type], [[...ids]])) as { id: string; name: string }[];
      found.set(type, new Map(named.map((r) => [r.id, r.name])));
    }
    const targets = new Map<string, string>();
    for (const [type, names] of found) for (const [id, name] of names) targets.set(auditTargetKey(type, id), name);
    return { people: found.get('person') ?? new Map(), targets };
  }

  /** The newest committed entry, or null for an empty log. */
  async head(): Promise<ChainPoint | null> {
    const [row] = await this.rows.query('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1');
    return row ? toPoint(row) : null;
  }

  /** The entries with these sequence numbers that exist. */
  async entriesAt(seqs: readonly number[]): Promise<ChainPoint[]> {
    if (!seqs.length) return [];
    const rows = await this.rows.query('SELECT seq, hash FROM audit_log WHERE seq = ANY($1::bigint[])', [seqs]);
    return rows.map(toPoint);
  }

  /** The newest entry before `seq`, or null. */
  async entryBefore(seq: number): Promise<ChainPoint | null> {
    const [row] = await this.rows.query('SELECT seq, hash FROM audit_log WHERE seq < $1 ORDER BY seq DESC LIMIT 1', [seq]);
    return row ? toPoint(row) : null;
  }

  /** What the role this process connects as may do to `audit_log` (a superuser may do everything). */
  async tablePrivileges(): Promise<AuditTablePrivileges | null> {
    const [row] = await this.rows.query(
      `SELECT current_user AS role,
              pg_has_role(current_user, t.tableowner, 'MEMBER') AS owns,
              has_table_privilege(current_user, 'audit_log', 'UPDATE') AS update,
              has_table_privilege(current_user, 'audit_log', 'DELETE') AS delete,
              has_table_privilege(current_user, 'audit_log', 'TRUNCATE') AS truncate
         FROM pg_tables t
        WHERE t.tablename = 'audit_log' AND t.schemaname = current_schema()`,
    );
    return row ? { role: String(row.role), owns: row.owns === true, update: row.update === true, delete: row.delete === true, truncate: row.truncate === true } : null;
  }
}
