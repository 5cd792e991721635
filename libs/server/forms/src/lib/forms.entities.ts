import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FormDefinition, FormOverlay, OptionList } from '@gugus/forms';

export type FormVersionStatus = 'draft' | 'published' | 'retired';

@Entity({ name: 'form_versions' })
export class FormVersionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'form_key', type: 'text' }) formKey: string;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column('integer') number: number;
  @Column('text') status: FormVersionStatus;
  /** Version of the national library this row was loaded from (national rows only). */
  @Column({ name: 'library_version', type: 'text', nullable: true }) libraryVersion: string | null;
  /** The national version a province variant was built on. */
  @Column({ name: 'base_version_id', type: 'uuid', nullable: true }) baseVersionId: string | null;
  @Column({ type: 'jsonb', nullable: true }) overlay: FormOverlay | null;
  /** The complete definition this version renders and validates with (overlay already applied). */
  @Column({ type: 'jsonb' }) definition: FormDefinition;
  /** The option lists it uses, snapshotted so the version stays exactly as published. */
  @Column({ name: 'option_lists', type: 'jsonb' }) optionLists: OptionList[];
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'published_by', type: 'uuid', nullable: true }) publishedBy: string | null;
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true }) publishedAt: Date | null;
}

@Entity({ name: 'form_submissions' })
export class FormSubmissionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'form_version_id', type: 'uuid' }) formVersionId: string;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column('text') status: 'draft' | 'submitted';
  /** The public and internal answers; restricted and identifying ones are in `sealed`. */
  @Column({ type: 'jsonb' }) data: Record<string, unknown>;
  /** This record's own data key (null: nothing sensitive to seal, or a row from before encryption). */
  @Column({ name: 'data_key_id', type: 'uuid', nullable: true }) dataKeyId: string | null;
  /** The restricted and identifying answers with their places, AES-256-GCM under the data key. */
  @Column({ type: 'bytea', nullable: true }) sealed: Buffer | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
  @Column({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export const FORMS_ENTITIES = [FormVersionEntity, FormSubmissionEntity];
