import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * In-app notifications and the e-mail outbox. A notification names only what the caller gave (a task
 * title, a due date) and an app path; never case data. The outbox is drained by the worker's
 * dispatcher, so a crash between "notify" and "send" loses nothing.
 */
export class CreateNotifications1763900000700 implements MigrationInterface {
  name = 'CreateNotifications1763900000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notifications (
        id uuid PRIMARY KEY,
        recipient_person_id uuid NOT NULL REFERENCES people (id),
        kind text NOT NULL,
        title jsonb NOT NULL,
        body jsonb NOT NULL,
        link text CHECK (link ~ '^/([A-Za-z0-9_-][A-Za-z0-9/_-]*)?$'),
        -- Activities are retried: the same key for the same person is one notification.
        dedupe_key text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        UNIQUE (dedupe_key, recipient_person_id)
      )`);
    // "My notifications, newest first" and "my unread ones" (the bell's count).
    await q.query(`CREATE INDEX notifications_recipient_idx ON notifications (recipient_person_id, created_at DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (recipient_person_id, created_at DESC) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_outbox (
        id uuid PRIMARY KEY,
        notification_id uuid NOT NULL UNIQUE REFERENCES notifications (id),
        to_email text NOT NULL,
        subject text NOT NULL,
        body_text text NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        last_error text,
        next_attempt_at timestamptz NOT NULL DEFAULT now(),
        sent_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX notification_outbox_due_idx ON notification_outbox (next_attempt_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE notification_outbox');
    await q.query('DROP TABLE notifications');
  }
}
