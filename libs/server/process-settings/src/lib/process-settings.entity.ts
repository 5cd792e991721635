import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One immutable version of a process's settings for one jurisdiction (a trigger refuses UPDATE and DELETE). */
@Entity({ name: 'process_settings' })
export class ProcessSettingsEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'process_key', type: 'text' }) processKey: string;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column('integer') version: number;
  @Column({ type: 'jsonb' }) settings: Record<string, unknown>;
  @Column({ type: 'text', nullable: true }) note: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** A version with the name of the person who saved it (for the history list). */
export type ProcessSettingsRow = ProcessSettingsEntity & { createdByName: string | null };
