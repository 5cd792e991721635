import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Role } from '@gugus/contracts';
import type { BilingualText } from '@gugus/server-http';
import { peopleActingFor } from '@gugus/server-orgs';
import { NotificationEntity, type NotificationOutboxEntity } from './notifications.entities';

/** A person to notify, with the address their e-mail goes to. */
export interface Recipient {
  personId: string;
  email: string;
}

export interface NewNotification {
  dedupeKey: string;
  kind: string;
  title: BilingualText;
  body: BilingualText;
  link: string | null;
  /** Subject and text of the e-mail to queue for each new notification; none: in-app only. */
  email: { subject: string; text: string } | null;
}

/** An outbox row claimed by one dispatcher until its lease runs out. */
export type ClaimedMail = Pick<NotificationOutboxEntity, 'id' | 'notificationId' | 'toEmail' | 'subject' | 'bodyText' | 'attempts'>;

interface OutboxRow {
  id: string;
  notification_id: string;
  to_email: string;
  subject: string;
  body_text: string;
  attempts: number;
}

@Injectable()
export class NotificationsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Active people among `personIds`. */
  async peopleByIds(personIds: string[]): Promise<Recipient[]> {
    if (!personIds.length) return [];
    const rows: { id: string; email: string }[] = await this.db.query('SELECT id, email FROM people WHERE id = ANY($1::uuid[]) AND active ORDER BY id', [personIds]);
    return rows.map((r) => ({ personId: r.id, email: r.email }));
  }

  /**
   * Active people who hold a position in `agencyId` (with `role`, when given) or act for one as Plt. on
   * `onDate` — the same two paths by which `OrgsRepository.grantsFor` gives rights.
   */
  async peopleInAgency(agencyId: string, role: Role | undefined, onDate: string): Promise<Recipient[]> {
    return peopleActingFor(this.db, { agencyId, role }, onDate);
  }


  /**
   * One notification per recipient, and its e-mail in the outbox, in one transaction. A recipient who
   * already has a notification with this dedupe key gets nothing new. Returns how many were created.
   */
  async insertForRecipients(recipients: Recipient[], n: NewNotification): Promise<number> {
    if (!recipients.length) return 0;
    return this.db.transaction(async (tx) => {
      let created = 0;
      for (const r of recipients) {
        const inserted: { id: string }[] = await tx.query(
          `INSERT INTO notifications (id, recipient_person_id, kind, title, body, link, dedupe_key)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (dedupe_key, recipient_person_id) DO NOTHING
           RETURNING id`,
          [randomUUID(), r.personId, n.kind, JSON.stringify(n.title), JSON.stringify(n.body), n.link, n.dedupeKey],
        );
        if (!inserted.length) continue;
        created++;
        if (n.email && r.email) {
          await tx.query('INSERT INTO notification_outbox (id, notification_id, to_email, subject, body_text) VALUES ($1, $2, $3, $4, $5)', [
            randomUUID(),
            inserted[0].id,
            r.email,
            n.email.subject,
            n.email.text,
          ]);
        }
      }
      return created;
    });
  }

  list(personId: string, options: { unreadOnly: boolean; limit: number }): Promise<NotificationEntity[]> {
    const qb = this.db.manager
      .createQueryBuilder(NotificationEntity, 'n')
      .where('n.recipient_person_id = :personId', { personId })
      .orderBy('n.created_at', 'DESC')
      .addOrderBy('n.id', 'DESC')
      .limit(options.limit);
    if (options.unreadOnly) qb.andWhere('n.read_at IS NULL');
    return qb.getMany();
  }

  countUnread(personId: string): Promise<number> {
    return this.db.manager.createQueryBuilder(NotificationEntity, 'n').where('n.recipient_person_id = :personId AND n.read_at IS NULL', { personId }).getCount();
  }

  /** Marks one of `personId`'s notifications read (keeping the first read time); null when it is not theirs. */
  async markRead(id: string, personId: string): Promise<NotificationEntity | null> {
    // UPDATE answers [rows, affected count] through TypeORM's postgres driver.
    const [, affected] = (await this.db.query('UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND recipient_person_id = $2', [id, personId])) as [unknown, number];
    return affected ? this.db.manager.findOneBy(NotificationEntity, { id }) : null;
  }

  async markAllRead(personId: string): Promise<number> {
    const [, affected] = (await this.db.query('UPDATE notifications SET read_at = now() WHERE recipient_person_id = $1 AND read_at IS NULL', [personId])) as [unknown, number];
    return affected;
  }

  /**
   * Takes up to `limit` due e-mails for this dispatcher: counts the attempt and pushes their next
   * attempt `leaseSeconds` ahead, so another process skips them (SKIP LOCKED) and a dispatcher that dies
   * mid-send leaves them to be retried once the lease runs out.
   */
  async claimDueMail(limit: number, leaseSeconds: number): Promise<ClaimedMail[]> {
    const [rows] = (await this.db.query(
      `UPDATE notification_outbox o
          SET attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => $2)
        WHERE o.id IN (SELECT id FROM notification_outbox
                        WHERE status = 'pending' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at
                        LIMIT $1
                        FOR UPDATE SKIP LOCKED)
        RETURNING o.id, o.notification_id, o.to_email, o.subject, o.body_text, o.attempts`,
      [limit, leaseSeconds],
    )) as [OutboxRow[], number];
    return rows.map((r) => ({ id: r.id, notificationId: r.notification_id, toEmail: r.to_email, subject: r.subject, bodyText: r.body_text, attempts: r.attempts }));
  }

  async markMailSent(id: string): Promise<void> {
    await this.db.query(`UPDATE notification_outbox SET status = 'sent', sent_at = now(), last_error = NULL WHERE id = $1 AND status = 'pending'`, [id]);
  }

  /** A failed attempt: try again after `retryInSeconds`, or give up (`failed`) when that is null. */
  async markMailAttemptFailed(id: string, error: string, retryInSeconds: number | null): Promise<void> {
    if (retryInSeconds === null) {
      await this.db.query(`UPDATE notification_outbox SET status = 'failed', last_error = $2 WHERE id = $1 AND status = 'pending'`, [id, error]);
    } else {
      await this.db.query(`UPDATE notification_outbox SET last_error = $2, next_attempt_at = now() + make_interval(secs => $3) WHERE id = $1 AND status = 'pending'`, [id, error, retryInSeconds]);
    }
  }
}
