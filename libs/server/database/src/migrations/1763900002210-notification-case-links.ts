import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A notification may link to a case page: its coded id has dots (`/kasus/21.71-2027-0001`). Links stay
 * app paths with no query string or fragment, and never `..` (the same rule as APP_PATH in
 * libs/server/notifications).
 */
export class NotificationCaseLinks1763900002210 implements MigrationInterface {
  name = 'NotificationCaseLinks1763900002210';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_link_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_link_check CHECK (link ~ '^/([A-Za-z0-9_-][A-Za-z0-9/_.-]*)?$' AND link !~ '\\.\\.')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notifications DROP CONSTRAINT notifications_link_check`);
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_link_check CHECK (link ~ '^/([A-Za-z0-9_-][A-Za-z0-9/_-]*)?$')`);
  }
}
