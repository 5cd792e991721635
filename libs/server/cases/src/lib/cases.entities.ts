import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage } from '@gugus/contracts';
import type { IdentificationStatus } from '@gugus/cases';

/** A case: its coded id and process data. No column identifies the person, by design. */
@Entity({ name: 'cases' })
export class CaseEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') code: string;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column('integer') year: number;
  @Column('integer') seq: number;
  @Column({ name: 'intake_channel', type: 'text' }) intakeChannel: string;
  @Column({ name: 'intake_agency_id', type: 'uuid' }) intakeAgencyId: string;
  @Column('text') stage: CaseStage;
  @Column({ name: 'identification_status', type: 'text', nullable: true }) identificationStatus: IdentificationStatus | null;
  @Column({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
  @Column({ name: 'opened_by', type: 'uuid' }) openedBy: string;
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt: Date | null;
}

export const CASE_ENTITIES = [CaseEntity];
