import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The task read model: one row per human task a workflow asked for, written idempotently by activities
 * (the workflow is the truth; this is what the inbox queries), and the task's history of events.
 * Form data never sits here longer than the hand-over to the workflow (`staged_data`); it is stored as a
 * submission pinned to the task's form version.
 */
export class CreateTasks1763900000800 implements MigrationInterface {
  name = 'CreateTasks1763900000800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY,
        workflow_id text NOT NULL,
        process_key text NOT NULL,
        process_id uuid NOT NULL,
        step text NOT NULL,
        title jsonb NOT NULL,
        form_key text,
        form_version_id uuid REFERENCES form_versions (id),
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        assignee_agency_id uuid NOT NULL REFERENCES agencies (id),
        assignee_role text NOT NULL,
        assignee_position_id uuid REFERENCES positions (id),
        status text NOT NULL CHECK (status IN ('open', 'completed', 'approved', 'returned', 'cancelled')),
        outcomes text[] NOT NULL,
        claimed_by uuid REFERENCES people (id),
        claimed_at timestamptz,
        draft_data jsonb,
        draft_saved_by uuid REFERENCES people (id),
        draft_saved_at timestamptz,
        staged_data jsonb,
        staged_by uuid REFERENCES people (id),
        submission_id uuid REFERENCES form_submissions (id),
        comments jsonb NOT NULL DEFAULT '[]',
        completed_by uuid REFERENCES people (id),
        completed_at timestamptz,
        due_at timestamptz NOT NULL,
        remind_at timestamptz,
        escalate_at timestamptz,
        escalation_role text NOT NULL,
        reminded_at timestamptz,
        escalated_at timestamptz,
        context jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // The inbox: my agency + role (open first, by due date); a coordinator's jurisdiction (prefix match:
    // a province covers its regencies); a process's tasks; a person's own assignments.
    await q.query(`CREATE INDEX tasks_assignee_idx ON tasks (assignee_agency_id, assignee_role, status, due_at)`);
    await q.query(`CREATE INDEX tasks_jurisdiction_idx ON tasks (jurisdiction_code text_pattern_ops, status, due_at)`);
    await q.query(`CREATE INDEX tasks_process_idx ON tasks (process_id, created_at)`);
    await q.query(`CREATE INDEX tasks_position_idx ON tasks (assignee_position_id) WHERE assignee_position_id IS NOT NULL AND status = 'open'`);
    await q.query(`CREATE INDEX tasks_form_version_idx ON tasks (form_version_id) WHERE status = 'open'`);
    await q.query(`
      CREATE TABLE task_events (
        id bigserial PRIMARY KEY,
        task_id uuid NOT NULL REFERENCES tasks (id),
        kind text NOT NULL,
        actor_person_id uuid REFERENCES people (id),
        detail jsonb NOT NULL DEFAULT '{}',
        dedupe_key text UNIQUE,
        at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX task_events_task_idx ON task_events (task_id, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE task_events`);
    await q.query(`DROP TABLE tasks`);
  }
}
