import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The case-management plan and the directory it draws on (issue 11, step 10; digest F8 and F21).
 * `service_providers` is the directory: per member agency, the services it offers, whom it serves, its
 * capacity and how to refer to it. `case_plan_items` are a case's planned services — service × responsible
 * agency × budget line × funding source, with dates, amounts and status —, and `case_plan_changes` the
 * history the whole case team reads (who changed what, when). `cases.plan_version` counts the plan's
 * changes, so that two people editing at once cannot overwrite each other. Codes, ids, figures and dates
 * only: nothing here identifies a person.
 */
export class CreateCasePlans1763900002400 implements MigrationInterface {
  name = 'CreateCasePlans1763900002400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE service_providers (
        agency_id uuid PRIMARY KEY REFERENCES agencies (id),
        services text[] NOT NULL,
        target_groups text[] NOT NULL,
        capacity integer CHECK (capacity IS NULL OR capacity BETWEEN 0 AND 100000),
        contact_point text CHECK (contact_point IS NULL OR length(contact_point) BETWEEN 1 AND 200),
        referral_protocol text CHECK (referral_protocol IS NULL OR length(referral_protocol) BETWEEN 1 AND 1000),
        updated_by uuid NOT NULL REFERENCES people (id),
        updated_at timestamptz NOT NULL
      )`);
    // "Who offers shelter in this province": the plan's agency picker.
    await q.query(`CREATE INDEX service_providers_services_idx ON service_providers USING gin (services)`);
    await q.query(`ALTER TABLE cases ADD COLUMN plan_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE case_plan_items (
        id uuid PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        number integer NOT NULL,
        service_type text NOT NULL,
        agency_id uuid NOT NULL REFERENCES agencies (id),
        horizon text NOT NULL,
        budget_line text CHECK (budget_line IS NULL OR length(budget_line) BETWEEN 1 AND 160),
        funding_source text NOT NULL,
        amount_planned bigint NOT NULL CHECK (amount_planned >= 0),
        amount_spent bigint CHECK (amount_spent IS NULL OR amount_spent >= 0),
        starts_on date NOT NULL,
        ends_on date,
        status text NOT NULL,
        created_by uuid NOT NULL REFERENCES people (id),
        created_at timestamptz NOT NULL,
        updated_by uuid NOT NULL REFERENCES people (id),
        updated_at timestamptz NOT NULL,
        CHECK (ends_on IS NULL OR ends_on >= starts_on),
        UNIQUE (case_id, number)
      )`);
    await q.query(`
      CREATE TABLE case_plan_changes (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases (id),
        item_id uuid NOT NULL REFERENCES case_plan_items (id),
        plan_version integer NOT NULL,
        action text NOT NULL CHECK (action IN ('added', 'changed')),
        fields text[] NOT NULL,
        before jsonb,
        after jsonb NOT NULL,
        actor_id uuid NOT NULL REFERENCES people (id),
        at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX case_plan_changes_case_idx ON case_plan_changes (case_id, plan_version DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_plan_changes`);
    await q.query(`DROP TABLE case_plan_items`);
    await q.query(`ALTER TABLE cases DROP COLUMN plan_version`);
    await q.query(`DROP TABLE service_providers`);
  }
}
