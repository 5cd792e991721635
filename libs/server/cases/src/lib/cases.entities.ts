import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseRiskLevel, CaseStage, ReferralStatus } from '@gugus/contracts';
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
  /** The latest risk level the case team assessed (conference, before reunification, follow-up): low, medium or high. */
  @Column({ name: 'risk_level', type: 'text', nullable: true }) riskLevel: CaseRiskLevel | null;
  @Column({ name: 'risk_assessed_at', type: 'timestamptz', nullable: true }) riskAssessedAt: Date | null;
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

/** A cooperation agreement (MoU) between two task forces, in the register. */
@Entity({ name: 'cooperation_agreements' })
export class CooperationAgreementEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') reference: string;
  @Column('text') title: string;
  @Column({ name: 'party_a', type: 'text' }) partyA: string;
  @Column({ name: 'party_b', type: 'text' }) partyB: string;
  @Column({ name: 'data_categories', type: 'text', array: true }) dataCategories: string[];
  /** Days (YYYY-MM-DD), as PostgreSQL `date` columns read without a time zone. */
  @Column({ name: 'signed_on', type: 'date' }) signedOn: string;
  @Column({ name: 'valid_from', type: 'date' }) validFrom: string;
  @Column({ name: 'valid_until', type: 'date' }) validUntil: string;
  @Column({ name: 'terminated_on', type: 'date', nullable: true }) terminatedOn: string | null;
  @Column({ name: 'termination_reason', type: 'text', nullable: true }) terminationReason: string | null;
  @Column({ name: 'recorded_by', type: 'uuid' }) recordedBy: string;
  @Column({ name: 'recorded_at', type: 'timestamptz' }) recordedAt: Date;
  @Column({ name: 'terminated_by', type: 'uuid', nullable: true }) terminatedBy: string | null;
}

/** A case shared under an agreement with a member agency of the other party's task force. */
@Entity({ name: 'case_shares' })
export class CaseShareEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'agreement_id', type: 'uuid' }) agreementId: string;
  @Column({ name: 'partner_agency_id', type: 'uuid' }) partnerAgencyId: string;
  @Column({ name: 'partner_jurisdiction_code', type: 'text' }) partnerJurisdictionCode: string;
  @Column({ name: 'leads_reintegration', type: 'boolean' }) leadsReintegration: boolean;
  @Column({ name: 'shared_at', type: 'timestamptz' }) sharedAt: Date;
  @Column({ name: 'shared_by', type: 'uuid' }) sharedBy: string;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'ended_by', type: 'uuid', nullable: true }) endedBy: string | null;
}

export const CASE_ENTITIES = [CaseEntity, CaseReferralEntity, CasePacketListEntity, CooperationAgreementEntity, CaseShareEntity];
