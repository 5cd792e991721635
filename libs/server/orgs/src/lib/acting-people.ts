import type { Role } from '@gugus/contracts';

/** Anything that runs SQL: a TypeORM DataSource or EntityManager. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

/**
 * Active people who hold an active position in an active `agencyId` (with `role` and `positionId`, when given) or act for
 * one as Plt. on `onDate` (YYYY-MM-DD, Jakarta) — the same two paths by which `OrgsRepository.grantsFor`
 * gives rights. Who gets a task's notifications, and whether a task can be handed to someone at all.
 */
export async function peopleActingFor(
  db: Queryable,
  who: { agencyId: string; role?: Role | null; positionId?: string | null },
  onDate: string,
): Promise<{ personId: string; email: string }[]> {
  const rows = (await db.query(
    `SELECT DISTINCT pe.id, pe.email
       FROM positions p
       JOIN LATERAL (
         SELECT p.holder_id AS person_id WHERE p.holder_id IS NOT NULL
         UNION ALL
         SELECT d.delegate_id FROM delegations d WHERE d.position_id = p.id AND $4::date BETWEEN d.starts_on AND d.ends_on
       ) acting ON true
       JOIN people pe ON pe.id = acting.person_id AND pe.active
       JOIN agencies ag ON ag.id = p.agency_id AND ag.active
      WHERE p.agency_id = $1 AND p.active AND ($2::text IS NULL OR $2::text = ANY (p.roles)) AND ($3::uuid IS NULL OR p.id = $3)
      ORDER BY pe.id`,
    [who.agencyId, who.role ?? null, who.positionId ?? null, onDate],
  )) as { id: string; email: string }[];
  return rows.map((r) => ({ personId: r.id, email: r.email }));
}
