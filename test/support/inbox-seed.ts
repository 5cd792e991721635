import { sql } from './own-database';

/**
 * Writes `count` tasks of process `processKey` straight into the task read model of the database at
 * `ownerUrl` (no workflow behind them: for inbox reads only), spread over the agencies of West, Central
 * and East Java. `status`, `due` and `created` are SQL expressions over the row number `i`.
 */
export async function seedInboxTasks(ownerUrl: string, processKey: string, count: number, columns: { status: string; due: string; created: string }): Promise<void> {
  await sql(
    ownerUrl,
    `WITH a AS (
       SELECT a.id, a.jurisdiction_code, row_number() OVER (ORDER BY a.jurisdiction_code, a.id) AS n
       FROM agencies a WHERE a.jurisdiction_code IN ('32', '33', '35')
     )
     INSERT INTO tasks (id, workflow_id, process_key, process_id, step, title, jurisdiction_code, assignee_agency_id, assignee_role,
                        status, outcomes, due_at, escalation_role, reassign_roles, created_at, updated_at)
     SELECT gen_random_uuid(), $1 || '-' || i, $1, gen_random_uuid(), 'check', jsonb_build_object('id', 'Uji #' || i, 'en', 'Check #' || i),
            a.jurisdiction_code, a.id, 'agency_officer', ${columns.status}, ARRAY['completed'], ${columns.due}, 'chair', ARRAY['agency_officer'], ${columns.created}, now()
     FROM generate_series(1, $2::int) i JOIN a ON a.n = 1 + i % (SELECT count(*) FROM a)`,
    [processKey, count],
  );
}
