import { Column, Entity, JoinColumn, JoinTable, ManyToMany, ManyToOne, OneToMany, PrimaryColumn } from 'typeorm';
import type { AgencyKind, JurisdictionLevel, OrgChangeView, OrgFieldChange, OrgSubjectType, Role, SubTaskForceKind } from '@gugus/contracts';

@Entity({ name: 'jurisdictions' })
export class JurisdictionEntity {
  @PrimaryColumn('text') code: string;
  @Column('text') name: string;
  @Column('text') level: JurisdictionLevel;
  @Column({ name: 'parent_code', type: 'text', nullable: true }) parentCode: string | null;
}

@Entity({ name: 'agencies' })
export class AgencyEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column('text') name: string;
  @Column('text') kind: AgencyKind;
  @Column('boolean') active: boolean;
  @Column('integer') version: number;
  @ManyToMany(() => SubTaskForceEntity, (s) => s.members) subTaskForces?: SubTaskForceEntity[];
}

@Entity({ name: 'task_forces' })
export class TaskForceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'jurisdiction_code', type: 'text' }) jurisdictionCode: string;
  @Column('text') name: string;
  @Column({ name: 'chair_position_id', type: 'uuid', nullable: true }) chairPositionId: string | null;
  @Column({ name: 'steering_agency_id', type: 'uuid', nullable: true }) steeringAgencyId: string | null;
  @OneToMany(() => SubTaskForceEntity, (s) => s.taskForce, { cascade: ['insert'] }) subTaskForces: SubTaskForceEntity[];
}

@Entity({ name: 'sub_task_forces' })
export class SubTaskForceEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'task_force_id', type: 'uuid' }) taskForceId: string;
  @ManyToOne(() => TaskForceEntity, (t) => t.subTaskForces)
  @JoinColumn({ name: 'task_force_id' })
  taskForce?: TaskForceEntity;
  @Column('text') kind: SubTaskForceKind;
  @Column({ name: 'lead_agency_id', type: 'uuid', nullable: true }) leadAgencyId: string | null;
  @ManyToMany(() => AgencyEntity, (a) => a.subTaskForces)
  @JoinTable({ name: 'sub_task_force_members', joinColumn: { name: 'sub_task_force_id' }, inverseJoinColumn: { name: 'agency_id' } })
  members?: AgencyEntity[];
}

@Entity({ name: 'people' })
export class PersonEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @ManyToOne(() => AgencyEntity)
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column({ name: 'full_name', type: 'text' }) fullName: string;
  @Column('text') email: string;
  @Column({ name: 'password_hash', type: 'text', nullable: true, select: false }) passwordHash?: string | null;
  @Column('boolean') active: boolean;
  @Column('integer') version: number;
}

@Entity({ name: 'positions' })
export class PositionEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'agency_id', type: 'uuid' }) agencyId: string;
  @ManyToOne(() => AgencyEntity)
  @JoinColumn({ name: 'agency_id' })
  agency?: AgencyEntity;
  @Column('text') title: string;
  @Column('text', { array: true }) roles: Role[];
  @Column({ name: 'represents_agency', type: 'boolean' }) representsAgency: boolean;
  @Column('boolean') active: boolean;
  @Column('integer') version: number;
  @Column({ name: 'holder_id', type: 'uuid', nullable: true }) holderId: string | null;
  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'holder_id' })
  holder?: PersonEntity | null;
}

@Entity({ name: 'position_assignments' })
export class PositionAssignmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'position_id', type: 'uuid' }) positionId: string;
  @Column({ name: 'person_id', type: 'uuid' }) personId: string;
  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true }) endedAt: Date | null;
  @Column({ name: 'handover_note', type: 'text', nullable: true }) handoverNote: string | null;
  @Column({ name: 'assigned_by', type: 'uuid', nullable: true }) assignedBy: string | null;
}

@Entity({ name: 'delegations' })
export class DelegationEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'position_id', type: 'uuid' }) positionId: string;
  @Column({ name: 'delegate_id', type: 'uuid' }) delegateId: string;
  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'delegate_id' })
  delegate?: PersonEntity;
  @Column({ name: 'starts_on', type: 'date' }) startsOn: string;
  @Column({ name: 'ends_on', type: 'date' }) endsOn: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy: string | null;
}

/** One change to an agency, position or person, field by field; never edited (history is kept). */
@Entity({ name: 'org_changes' })
export class OrgChangeEntity {
  @PrimaryColumn({ type: 'bigint', generated: 'increment' }) id: string;
  @Column({ name: 'subject_type', type: 'text' }) subjectType: OrgSubjectType;
  @Column({ name: 'subject_id', type: 'uuid' }) subjectId: string;
  @Column('text') action: OrgChangeView['action'];
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  @ManyToOne(() => PersonEntity)
  @JoinColumn({ name: 'actor_id' })
  actor?: PersonEntity | null;
  @Column({ type: 'timestamptz' }) at: Date;
  @Column('jsonb') changes: OrgFieldChange[];
  @Column({ type: 'text', nullable: true }) reason: string | null;
}

export const ORGS_ENTITIES = [JurisdictionEntity, AgencyEntity, TaskForceEntity, SubTaskForceEntity, PersonEntity, PositionEntity, PositionAssignmentEntity, DelegationEntity, OrgChangeEntity];
