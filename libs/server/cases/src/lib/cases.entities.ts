import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage, ReferralStatus } from '@gugus/contracts';
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
  /** When the person was reunified or returned: follow-ups count from it. */
  @Column({ name: 'reunified_at', type: 'timestamptz', nullable: true }) reunifiedAt: Date | null;
}

/** A referral of a case to a service: codes, ids and dates; the forms themselves are sealed submissions. */
@Entity({ name: 'case_referrals' })
export class CaseReferralEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column('integer') number: number;
  @Column({ name: 'service_type', type: 'text' }) serviceType: string;
  @Column({ name: 'receiving_agency_id', type: 'uuid' }) receivingAgencyId: string;
  @Column('text') status: ReferralStatus;
  @Column({ name: 'referral_submission_id', type: 'uuid' }) referralSubmissionId: string;
  @Column({ name: 'response_submission_id', type: 'uuid', nullable: true }) responseSubmissionId: string | null;
  @Column({ name: 'outcome_submission_id', type: 'uuid', nullable: true }) outcomeSubmissionId: string | null;
  @Column({ name: 'replaces_id', type: 'uuid', nullable: true }) replacesId: string | null;
  @Column({ name: 'sent_at', type: 'timestamptz' }) sentAt: Date;
  @Column({ name: 'sent_by', type: 'uuid' }) sentBy: string;
  @Column({ name: 'responded_at', type: 'timestamptz', nullable: true }) respondedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}

/** A province's adjusted packet list for one service (without a row, the national default applies). */
@Entity({ name: 'case_packet_lists' })
export class CasePacketListEntity {
  @PrimaryColumn({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @PrimaryColumn({ name: 'service_type', type: 'text' }) serviceType: string;
  @Column('text', { array: true }) categories: string[];
  @Column({ name: 'updated_by', type: 'uuid' }) updatedBy: string;
  @Column({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export const CASE_ENTITIES = [CaseEntity, CaseReferralEntity, CasePacketListEntity];
