import { Client } from 'pg';
import { Cleanup } from '../support/process';
import { startBenchDatabase as startTemplateCopy, withClient, type BenchDatabase, type BuildStep } from '../support/database';

/**
 * The benchmark's database (bench/src/support/database.ts): the base data, synthetic agencies for every
 * province and regency/city, and the generated tasks, in the template `gugus_bench_template`.
 */

/** Bump when the generated data changes shape; a template built by another version is rebuilt. */
const GENERATOR_VERSION = 1;
/** Due dates are spread around the time of generation; an older template is rebuilt so "now" stays in the middle. */
const MAX_TEMPLATE_AGE_DAYS = 3;

/** Process keys and a step of each, for the generated tasks. */
const PROCESSES = [
  ['coordination-meeting', 'action-point'],
  ['victim-referral', 'referral-intake'],
  ['action-plan', 'plan-review'],
  ['case-management', 'case-update'],
] as const;

export function startBenchDatabase(taskCount: number, cleanup: Cleanup, options: { fresh: boolean }): Promise<BenchDatabase> {
  return startTemplateCopy(
    { template: 'gugus_bench_template', run: 'gugus_bench_run', shape: { GENERATOR_VERSION, taskCount }, maxAgeDays: MAX_TEMPLATE_AGE_DAYS, build: (url, step) => buildTemplate(url, taskCount, step) },
    cleanup,
    options,
  );
}

async function buildTemplate(url: string, taskCount: number, step: BuildStep): Promise<void> {
  await withClient(url, async (c) => {
    await step('synthetic agencies, people, positions (3 per province and regency/city)', () => syntheticOrganisations(c));
    await step(`${taskCount.toLocaleString('en')} tasks`, () => generateTasks(c, taskCount));
    await step('VACUUM ANALYZE', async () => {
      await c.query(`VACUUM (ANALYZE) tasks`);
      await c.query(`ANALYZE`);
    });
  });
}

/**
 * Three agencies in every province and regency/city, each with one person holding one position that
 * represents it (roles: agency officer, case coordinator, case worker). Created after the demo data, so
 * the demo secretariat and chair stay the ones the meeting process picks in West Java.
 */
async function syntheticOrganisations(c: Client): Promise<void> {
  await c.query('BEGIN');
  await c.query(`
    CREATE TEMP TABLE bench_orgs ON COMMIT DROP AS
    SELECT gen_random_uuid() AS agency_id, gen_random_uuid() AS person_id, gen_random_uuid() AS position_id, j.code, k
    FROM jurisdictions j CROSS JOIN generate_series(1, 3) k
    WHERE j.level IN ('province', 'regency')`);
  await c.query(`
    INSERT INTO agencies (id, jurisdiction_code, name, kind)
    SELECT agency_id, code, format('Instansi Uji %s #%s', code, k), (ARRAY['government_office', 'integrated_service_centre', 'women_child_protection_office'])[k]
    FROM bench_orgs`);
  await c.query(`
    INSERT INTO people (id, agency_id, full_name, email)
    SELECT person_id, agency_id, format('Petugas Uji %s #%s', code, k), format('bench-%s-%s@bench.invalid', replace(code, '.', '-'), k)
    FROM bench_orgs`);
  await c.query(`
    INSERT INTO positions (id, agency_id, title, roles, represents_agency, holder_id)
    SELECT position_id, agency_id, 'Petugas Instansi', ARRAY[(ARRAY['agency_officer', 'case_coordinator', 'case_worker'])[k]], true, person_id
    FROM bench_orgs`);
  await c.query(`INSERT INTO position_assignments (id, position_id, person_id) SELECT gen_random_uuid(), position_id, person_id FROM bench_orgs`);
  await c.query('COMMIT');
}

/**
 * `taskCount` tasks in one INSERT … SELECT generate_series, spread evenly over every position of every
 * agency outside the national level (the synthetic ones and the demo ones): ~20% open, the rest done
 * (completed, approved, returned, cancelled); due dates uniform ±90 days around now; 8 tasks per process,
 * four process keys; 15% assigned to a position, the rest to agency + role. Random values come from a
 * seeded generator, so every build has the same shape (ids differ).
 *
 * The table's secondary indexes — read from the catalogue, so exactly what the migrations made — are
 * dropped for the load and built again afterwards; foreign-key triggers are skipped (the rows reference
 * rows that exist by construction).
 */
async function generateTasks(c: Client, taskCount: number): Promise<void> {
  const { rows: indexes } = await c.query<{ name: string; def: string }>(`
    SELECT i.relname AS name, pg_get_indexdef(i.oid) AS def
    FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
    WHERE x.indrelid = 'tasks'::regclass AND NOT x.indisprimary AND NOT x.indisunique`);
  await c.query(`
    CREATE TEMP TABLE bench_assignees AS
    SELECT (row_number() OVER (ORDER BY a.jurisdiction_code, p.id))::int AS n, a.id AS agency_id, a.jurisdiction_code, p.id AS position_id, p.roles[1] AS role
    FROM positions p JOIN agencies a ON a.id = p.agency_id
    WHERE a.jurisdiction_code <> '00' AND cardinality(p.roles) > 0`);
  const assignees = (await c.query(`SELECT count(*)::int AS n FROM bench_assignees`)).rows[0].n as number;
  for (const index of indexes) await c.query(`DROP INDEX ${index.name}`);
  await c.query(`SET session_replication_role = replica`);
  await c.query(`SELECT setseed(0.2026)`);
  await c.query(
    `
    INSERT INTO tasks (id, workflow_id, process_key, process_id, step, title, jurisdiction_code, assignee_agency_id, assignee_role, assignee_position_id,
                       status, outcomes, completed_at, due_at, remind_at, escalate_at, escalation_role, reassign_roles, created_at, updated_at)
    SELECT gen_random_uuid(), 'bench-' || g.process_id, (ARRAY[${PROCESSES.map(([k]) => `'${k}'`).join(', ')}])[g.k], g.process_id, (ARRAY[${PROCESSES.map(([, s]) => `'${s}'`).join(', ')}])[g.k],
           jsonb_build_object('id', 'Tugas uji #' || g.i, 'en', 'Bench task #' || g.i),
           a.jurisdiction_code, a.agency_id, a.role, CASE WHEN g.r_position < 0.15 THEN a.position_id END,
           g.status, ARRAY['completed'], CASE WHEN g.status <> 'open' THEN least(now(), g.created_at + (g.due_at - g.created_at) * g.r_done) END,
           g.due_at, g.due_at - interval '1 day', g.due_at + interval '1 day', 'chair', ARRAY[a.role], g.created_at, g.created_at
    FROM (
      SELECT r.*, least(now(), r.due_at - (2 + r.r_age * 12) * interval '1 day') AS created_at,
             CASE WHEN r.r_status < 0.20 THEN 'open' WHEN r.r_status < 0.85 THEN 'completed' WHEN r.r_status < 0.93 THEN 'approved'
                  WHEN r.r_status < 0.96 THEN 'returned' ELSE 'cancelled' END AS status
      FROM (
        SELECT i, md5('bench-process-' || (i / 8))::uuid AS process_id, 1 + (i / 8) % ${PROCESSES.length} AS k,
               1 + floor(random() * $2)::int AS a_n, random() AS r_status, random() AS r_position, random() AS r_done, random() AS r_age,
               now() + (random() * 180 - 90) * interval '1 day' AS due_at
        FROM generate_series(1, $1::int) i
      ) r
    ) g JOIN bench_assignees a ON a.n = g.a_n`,
    [taskCount, assignees],
  );
  await c.query(`RESET session_replication_role`);
  await c.query(`SET maintenance_work_mem = '256MB'`);
  for (const index of indexes) await c.query(index.def);
}

export interface DatasetSummary {
  tasks: number;
  open: number;
  overdue: number;
  jurisdictions: number;
  agencies: number;
  positions: number;
  tableSize: string;
  indexSize: string;
}

export async function summariseDataset(url: string): Promise<DatasetSummary> {
  return withClient(url, async (c) => {
    const { rows } = await c.query(`
      SELECT count(*)::int AS tasks, count(*) FILTER (WHERE status = 'open')::int AS open,
             count(*) FILTER (WHERE status = 'open' AND due_at < now())::int AS overdue,
             count(DISTINCT jurisdiction_code)::int AS jurisdictions, count(DISTINCT assignee_agency_id)::int AS agencies,
             (SELECT count(*)::int FROM positions) AS positions,
             pg_size_pretty(pg_table_size('tasks')) AS "tableSize", pg_size_pretty(pg_indexes_size('tasks')) AS "indexSize"
      FROM tasks`);
    return rows[0] as DatasetSummary;
  });
}
