import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row of the append-only audit trail (see the CreateAuditLog migration). */
@Entity({ name: 'audit_log' })
export class AuditEntryEntity {
  // bigint arrives from pg as a string; sequence numbers stay far below 2^53.
  @PrimaryColumn({ type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  seq: number;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'target_type', type: 'text' })
  targetType: string;

  @Column({ name: 'target_id', type: 'text', nullable: true })
  targetId: string | null;

  @Column({ name: 'jurisdiction_code', type: 'text', nullable: true })
  jurisdictionCode: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  @Column({ name: 'before_digest', type: 'text', nullable: true })
  beforeDigest: string | null;

  @Column({ name: 'after_digest', type: 'text', nullable: true })
  afterDigest: string | null;

  @Column({ type: 'text', nullable: true })
  purpose: string | null;

  /** 1: unkeyed SHA-256 (entries older than the audit key); 2: HMAC-SHA-256 under `keyId`. */
  @Column({ name: 'hash_version', type: 'smallint' })
  hashVersion: number;

  @Column({ name: 'key_id', type: 'text', nullable: true })
  keyId: string | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash: string;

  @Column({ type: 'text', unique: true })
  hash: string;
}
