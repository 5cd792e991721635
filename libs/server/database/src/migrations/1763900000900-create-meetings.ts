import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Coordination meetings (plenary, Sub-TF, special), the agencies invited to each with their answer, and
 * the action points the approved minutes produce, each tracked to done.
 */
export class CreateMeetings1763900000900 implements MigrationInterface {
  name = 'CreateMeetings1763900000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE meetings (
        id uuid PRIMARY KEY,
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        kind text NOT NULL CHECK (kind IN ('plenary', 'sub_tf', 'special')),
        sub_task_force_id uuid REFERENCES sub_task_forces (id),
        title text NOT NULL,
        scheduled_at timestamptz NOT NULL,
        venue text,
        status text NOT NULL CHECK (status IN ('planned', 'agenda_ready', 'invited', 'held', 'minutes_approved', 'closed', 'cancelled')),
        auto_scheduled boolean NOT NULL DEFAULT false,
        previous_meeting_id uuid REFERENCES meetings (id),
        workflow_id text NOT NULL UNIQUE,
        settings_version integer,
        settings jsonb,
        agenda_submission_id uuid REFERENCES form_submissions (id),
        minutes_submission_id uuid REFERENCES form_submissions (id),
        held_at timestamptz,
        created_by uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX meetings_calendar_idx ON meetings (jurisdiction_code text_pattern_ops, scheduled_at)`);
    // One automatically scheduled successor per plenary (a retried activity must not make two).
    await q.query(`CREATE UNIQUE INDEX meetings_one_successor ON meetings (previous_meeting_id) WHERE previous_meeting_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE meeting_invitations (
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        task_id uuid REFERENCES tasks (id),
        response text,
        rsvp_submission_id uuid REFERENCES form_submissions (id),
        responded_at timestamptz,
        PRIMARY KEY (meeting_id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE meeting_action_points (
        id uuid PRIMARY KEY,
        meeting_id uuid NOT NULL REFERENCES meetings (id),
        seq integer NOT NULL,
        description text NOT NULL,
        responsible_agency_id uuid NOT NULL REFERENCES agencies (id),
        due_date date NOT NULL,
        status text NOT NULL CHECK (status IN ('open', 'in_progress', 'blocked', 'done', 'dropped')),
        task_id uuid REFERENCES tasks (id),
        report_submission_id uuid REFERENCES form_submissions (id),
        completed_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (meeting_id, seq)
      )`);
    await q.query(`CREATE INDEX meeting_action_points_agency_idx ON meeting_action_points (responsible_agency_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE meeting_action_points`);
    await q.query(`DROP TABLE meeting_invitations`);
    await q.query(`DROP TABLE meetings`);
  }
}
