import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'sessions' })
export class SessionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  /** SHA-256 of the token: a stolen database does not yield usable tokens. */
  @Column({ name: 'access_hash', type: 'text' }) accessHash: string;
  @Column({ name: 'access_expires_at', type: 'timestamptz' }) accessExpiresAt: Date;
  @Column({ name: 'refresh_hash', type: 'text' }) refreshHash: string;
  @Column({ name: 'refresh_expires_at', type: 'timestamptz' }) refreshExpiresAt: Date;
  /** The absolute end, fixed at login: no refresh reaches past it. */
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
}
