import type { MigrationInterface, QueryRunner } from 'typeorm';

const APP_GROUP_ROLE = 'gugus_app';

/**
 * Plans of action (RAD): one row per plan and its process, its immutable versions (the content the pure
 * plan core compiles), the spans of its life with who held it (timeline and analytics), steps held by
 * outside bodies (which pause the reviewer's clock), the decree, budget allocations (refused unless the
 * version is endorsed), integration into agency budgets and reported progress per activity and period.
 */
export class CreatePlans1763900001300 implements MigrationInterface {
  name = 'CreatePlans1763900001300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE plans (
        id uuid PRIMARY KEY,
        jurisdiction_code text NOT NULL REFERENCES jurisdictions (code),
        title text NOT NULL,
        period_start integer NOT NULL CHECK (period_start BETWEEN 2000 AND 2100),
        period_years integer NOT NULL CHECK (period_years IN (3, 5)),
        section_kinds text[] NOT NULL,
        working_group jsonb NOT NULL,
        stage text NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'endorsed', 'under_revision', 'closed')),
        round integer NOT NULL DEFAULT 0,
        generation integer NOT NULL DEFAULT 0,
        workflow_id text NOT NULL UNIQUE,
        settings jsonb NOT NULL,
        settings_version integer NOT NULL,
        endorsed_version_id uuid,
        created_by uuid REFERENCES people (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX plans_jurisdiction_idx ON plans (jurisdiction_code text_pattern_ops, created_at)`);
    await q.query(`
      CREATE TABLE plan_versions (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id),
        seq integer NOT NULL,
        kind text NOT NULL CHECK (kind IN ('compiled', 'member_revision', 'legal_round', 'revision')),
        round integer NOT NULL,
        generation integer NOT NULL,
        content jsonb NOT NULL,
        activity_count integer NOT NULL,
        budget_total bigint NOT NULL,
        endorsed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, seq)
      )`);
    await q.query(`ALTER TABLE plans ADD FOREIGN KEY (endorsed_version_id) REFERENCES plan_versions (id)`);
    // A version is never rewritten: the app may add versions and mark one endorsed, nothing else.
    await q.query(`
      CREATE FUNCTION plan_versions_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' OR NEW.content IS DISTINCT FROM OLD.content OR NEW.seq <> OLD.seq OR NEW.plan_id <> OLD.plan_id OR NEW.kind <> OLD.kind OR NEW.round <> OLD.round THEN
          RAISE EXCEPTION 'plan_versions are immutable' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER plan_versions_immutable BEFORE UPDATE OR DELETE ON plan_versions FOR EACH ROW EXECUTE FUNCTION plan_versions_immutable()`);
    await q.query(`
      CREATE TABLE plan_stage_spans (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id),
        stage text NOT NULL,
        round integer NOT NULL,
        holder_agency_id uuid REFERENCES agencies (id),
        holder_role text,
        started_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await q.query(`CREATE INDEX plan_stage_spans_plan_idx ON plan_stage_spans (plan_id, started_at)`);
    await q.query(`
      CREATE TABLE plan_outside_steps (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id),
        round integer NOT NULL,
        body text NOT NULL CHECK (body IN ('regulation_harmonisation', 'signature_queue', 'other')),
        reference_number text NOT NULL,
        letter_date date NOT NULL,
        note text,
        recorded_by uuid REFERENCES people (id),
        started_at timestamptz NOT NULL,
        ended_at timestamptz
      )`);
    await q.query(`CREATE UNIQUE INDEX plan_outside_steps_one_open ON plan_outside_steps (plan_id) WHERE ended_at IS NULL`);
    await q.query(`
      CREATE TABLE plan_decrees (
        plan_id uuid NOT NULL REFERENCES plans (id),
        version_id uuid NOT NULL REFERENCES plan_versions (id),
        number text NOT NULL,
        decree_date date NOT NULL,
        monitoring_frequency text NOT NULL CHECK (monitoring_frequency IN ('quarterly', 'semester', 'annual')),
        budget_sources text[] NOT NULL,
        submission_id uuid REFERENCES form_submissions (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, version_id)
      )`);
    await q.query(`
      CREATE TABLE plan_budget_allocations (
        id uuid PRIMARY KEY,
        plan_id uuid NOT NULL REFERENCES plans (id),
        version_id uuid NOT NULL REFERENCES plan_versions (id),
        activity_id text NOT NULL,
        fiscal_year integer NOT NULL,
        amount bigint NOT NULL CHECK (amount >= 0),
        budget_source text NOT NULL,
        approved_by_parliament boolean NOT NULL,
        recorded_by uuid REFERENCES people (id),
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX plan_budget_allocations_plan_idx ON plan_budget_allocations (plan_id, activity_id)`);
    await q.query(`
      CREATE TABLE plan_integrations (
        plan_id uuid NOT NULL REFERENCES plans (id),
        agency_id uuid NOT NULL REFERENCES agencies (id),
        document text NOT NULL CHECK (document IN ('renstra', 'renja', 'rka')),
        fiscal_year integer NOT NULL DEFAULT 0,
        status text NOT NULL CHECK (status IN ('open', 'done', 'skipped')),
        reason jsonb,
        due_date date,
        task_id uuid REFERENCES tasks (id),
        submission_id uuid REFERENCES form_submissions (id),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, agency_id, document, fiscal_year)
      )`);
    await q.query(`
      CREATE TABLE plan_progress (
        plan_id uuid NOT NULL REFERENCES plans (id),
        activity_id text NOT NULL,
        period text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        indicator_value numeric,
        status text,
        spent bigint,
        task_id uuid REFERENCES tasks (id),
        submission_id uuid REFERENCES form_submissions (id),
        recorded_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, activity_id, period)
      )`);
    await q.query(`
      CREATE TABLE plan_reporting (
        plan_id uuid NOT NULL REFERENCES plans (id),
        period text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        task_id uuid REFERENCES tasks (id),
        reported_at timestamptz,
        PRIMARY KEY (plan_id, period, agency_id)
      )`);
    // Created by the owner after the app role's default privileges: versions keep only SELECT/INSERT/UPDATE (the trigger guards content).
    await q.query(`
      DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_GROUP_ROLE}') THEN
          REVOKE DELETE ON plan_versions FROM ${APP_GROUP_ROLE};
        END IF;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['plan_reporting', 'plan_progress', 'plan_integrations', 'plan_budget_allocations', 'plan_decrees', 'plan_outside_steps', 'plan_stage_spans']) await q.query(`DROP TABLE ${table}`);
    await q.query(`ALTER TABLE plans DROP COLUMN endorsed_version_id`);
    await q.query(`DROP TABLE plan_versions`);
    await q.query(`DROP FUNCTION plan_versions_immutable()`);
    await q.query(`DROP TABLE plans`);
  }
}
