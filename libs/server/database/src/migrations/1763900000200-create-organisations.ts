import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Task forces as they are: jurisdictions, task forces and Sub-TFs, agencies, positions, people, sessions. */
export class CreateOrganisations1763900000200 implements MigrationInterface {
  name = 'CreateOrganisations1763900000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE jurisdictions (
        code text PRIMARY KEY,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('national', 'province', 'regency')),
        parent_code text REFERENCES jurisdictions (code)
      )`);
    await q.query(`CREATE INDEX jurisdictions_parent_idx ON jurisdictions (parent_code)`);

    await q.query(`
      CREATE TABLE task_forces (
        id uuid PRIMARY KEY,
        jurisdiction_code text NOT NULL UNIQUE REFERENCES jurisdictions (code),
        name text NOT NULL,
        chair_position_id uuid,
        steering_agency_id uuid,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE agencies (
        id uuid PRIMARY KEY,
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        name text NOT NULL,
        kind text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (jurisdiction_code, name)
      )`);
    await q.query(`CREATE INDEX agencies_jurisdiction_idx ON agencies (jurisdiction_code)`);
    await q.query(`
      CREATE TABLE sub_task_forces (
        id uuid PRIMARY KEY,
        task_force_id uuid NOT NULL REFERENCES task_forces (id),
        kind text NOT NULL,
        lead_agency_id uuid REFERENCES agencies (id),
        UNIQUE (task_force_id, kind)
      )`);
    await q.query(`
      CREATE TABLE sub_task_force_members (
        sub_task_force_id uuid NOT NULL REFERENCES sub_task_forces (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        PRIMARY KEY (sub_task_force_id, agency_id)
      )`);
    await q.query(`
      CREATE TABLE people (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        full_name text NOT NULL,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        password_hash text,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE positions (
        id uuid PRIMARY KEY,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        title text NOT NULL,
        roles text[] NOT NULL DEFAULT '{}',
        represents_agency boolean NOT NULL DEFAULT false,
        holder_id uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX positions_agency_idx ON positions (agency_id)`);
    await q.query(`CREATE INDEX positions_holder_idx ON positions (holder_id)`);
    await q.query(`ALTER TABLE task_forces ADD FOREIGN KEY (chair_position_id) REFERENCES positions (id)`);
    await q.query(`ALTER TABLE task_forces ADD FOREIGN KEY (steering_agency_id) REFERENCES agencies (id)`);
    // History of who held a position; the handover note travels with the position, not the person.
    await q.query(`
      CREATE TABLE position_assignments (
        id uuid PRIMARY KEY,
        position_id uuid NOT NULL REFERENCES positions (id),
        person_id uuid NOT NULL REFERENCES people (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz,
        handover_note text,
        assigned_by uuid REFERENCES people (id)
      )`);
    await q.query(`CREATE INDEX position_assignments_position_idx ON position_assignments (position_id, started_at DESC)`);
    // Acting official (Plt.): the position's rights for the delegate, only between the two dates.
    await q.query(`
      CREATE TABLE delegations (
        id uuid PRIMARY KEY,
        position_id uuid NOT NULL REFERENCES positions (id),
        delegate_id uuid NOT NULL REFERENCES people (id),
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        reason text,
        created_by uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (ends_on >= starts_on)
      )`);
    await q.query(`CREATE INDEX delegations_delegate_idx ON delegations (delegate_id, starts_on, ends_on)`);

    await q.query(`
      CREATE TABLE sessions (
        id uuid PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES people (id),
        access_hash text NOT NULL UNIQUE,
        access_expires_at timestamptz NOT NULL,
        refresh_hash text NOT NULL UNIQUE,
        refresh_expires_at timestamptz NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        ended_at timestamptz
      )`);
    // Failed logins per e-mail, known or not, so the lockout itself reveals nothing.
    await q.query(`
      CREATE TABLE login_throttle (
        email_key text PRIMARY KEY,
        failures integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['login_throttle', 'sessions', 'delegations', 'position_assignments']) await q.query(`DROP TABLE ${t}`);
    await q.query(`ALTER TABLE task_forces DROP COLUMN chair_position_id, DROP COLUMN steering_agency_id`);
    for (const t of ['positions', 'people', 'sub_task_force_members', 'sub_task_forces', 'agencies', 'task_forces', 'jurisdictions']) await q.query(`DROP TABLE ${t}`);
  }
}
