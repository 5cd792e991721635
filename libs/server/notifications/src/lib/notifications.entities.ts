import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BilingualText } from '@gugus/server-http';

@Entity({ name: 'notifications' })
export class NotificationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'recipient_person_id', type: 'uuid' }) recipientPersonId: string;
  @Column('text') kind: string;
  @Column('jsonb') title: BilingualText;
  @Column('jsonb') body: BilingualText;
  /** An app path (`/tugas/<uuid>`), never data. */
  @Column({ type: 'text', nullable: true }) link: string | null;
  @Column({ name: 'dedupe_key', type: 'text' }) dedupeKey: string;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'read_at', type: 'timestamptz', nullable: true }) readAt: Date | null;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

@Entity({ name: 'notification_outbox' })
export class NotificationOutboxEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'notification_id', type: 'uuid' }) notificationId: string;
  @Column({ name: 'to_email', type: 'text' }) toEmail: string;
  @Column('text') subject: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText: string;
  @Column('text') status: OutboxStatus;
  @Column('integer') attempts: number;
  @Column({ name: 'last_error', type: 'text', nullable: true }) lastError: string | null;
  @Column({ name: 'next_attempt_at', type: 'timestamptz' }) nextAttemptAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

export const NOTIFICATIONS_ENTITIES = [NotificationEntity, NotificationOutboxEntity];
