import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AgencyKind, Grant, JurisdictionLevel, OrgChangeView, OrgFieldChange, OrgSubjectType, Role, SubTaskForceKind } from '@gugus/contracts';
import {
  AgencyEntity,
  DelegationEntity,
  JurisdictionEntity,
  OrgChangeEntity,
  PersonEntity,
  PositionAssignmentEntity,
  PositionEntity,
  SubTaskForceEntity,
  TaskForceEntity,
} from './orgs.entities';

const SUBJECT_TABLES: Readonly<Record<OrgSubjectType, string>> = { agency: 'agencies', position: 'positions', person: 'people' };

/** All persistence of the organisations context. Only this class touches TypeORM. */
@Injectable()
export class OrgsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  transaction<T>(work: (tx: OrgsRepository) => Promise<T>): Promise<T> {
    return this.db.transaction((manager) => work(new TransactionalOrgsRepository(this.db, manager)));
  }

  protected get manager(): EntityManager {
    return this.db.manager;
  }

  /** The EntityManager of this repository's transaction, for writes that must commit together (audit). */
  get entityManager(): EntityManager {
    return this.manager;
  }

  // Jurisdictions
  findJurisdiction(code: string): Promise<JurisdictionEntity | null> {
    return this.manager.findOneBy(JurisdictionEntity, { code });
  }

  listJurisdictions(filter: { level?: JurisdictionLevel; parentCode?: string }): Promise<JurisdictionEntity[]> {
    return this.manager.find(JurisdictionEntity, { where: { ...filter }, order: { code: 'ASC' } });
  }

  // Task forces
  findTaskForce(jurisdictionCode: string): Promise<TaskForceEntity | null> {
    return this.manager.findOne(TaskForceEntity, { where: { jurisdictionCode }, relations: { subTaskForces: { members: true } } });
  }

  async createTaskForce(jurisdictionCode: string, name: string, kinds: readonly SubTaskForceKind[]): Promise<TaskForceEntity> {
    const id = randomUUID();
    await this.manager.insert(TaskForceEntity, { id, jurisdictionCode, name, chairPositionId: null, steeringAgencyId: null });
    await this.manager.insert(
      SubTaskForceEntity,
      kinds.map((kind) => ({ id: randomUUID(), taskForceId: id, kind, leadAgencyId: null })),
    );
    return (await this.findTaskForce(jurisdictionCode)) as TaskForceEntity;
  }

  async updateTaskForce(id: string, patch: { chairPositionId?: string | null; steeringAgencyId?: string | null; name?: string }): Promise<void> {
    await this.manager.update(TaskForceEntity, { id }, patch);
  }

  async setSubTaskForceLead(subTaskForceId: string, agencyId: string | null): Promise<void> {
    await this.manager.update(SubTaskForceEntity, { id: subTaskForceId }, { leadAgencyId: agencyId });
  }

  // Agencies
  findAgency(id: string): Promise<AgencyEntity | null> {
    return this.manager.findOne(AgencyEntity, { where: { id }, relations: { subTaskForces: true } });
  }

  /** The agencies of a jurisdiction; deactivated ones only when `includeInactive` (pickers never offer them). */
  listAgencies(jurisdictionCode: string, includeInactive = false): Promise<AgencyEntity[]> {
    return this.manager.find(AgencyEntity, { where: { jurisdictionCode, ...(includeInactive ? {} : { active: true }) }, relations: { subTaskForces: true }, order: { name: 'ASC' } });
  }

  findAgencyByName(jurisdictionCode: string, name: string): Promise<AgencyEntity | null> {
    return this.manager.findOneBy(AgencyEntity, { jurisdictionCode, name });
  }

  async createAgency(input: { jurisdictionCode: string; name: string; kind: AgencyKind }, subTaskForceIds: string[]): Promise<AgencyEntity> {
    const id = randomUUID();
    await this.manager.insert(AgencyEntity, { id, ...input });
    if (subTaskForceIds.length) {
      await this.manager.query(
        `INSERT INTO sub_task_force_members (sub_task_force_id, agency_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
        [subTaskForceIds, id],
      );
    }
    return (await this.findAgency(id)) as AgencyEntity;
  }

  /** Makes the agency a member of exactly these Sub-TFs (of its own task force). */
  async setAgencySubTaskForces(agencyId: string, subTaskForceIds: string[]): Promise<void> {
    await this.manager.query(`DELETE FROM sub_task_force_members WHERE agency_id = $1 AND NOT (sub_task_force_id = ANY($2::uuid[]))`, [agencyId, subTaskForceIds]);
    await this.manager.query(
      `INSERT INTO sub_task_force_members (sub_task_force_id, agency_id) SELECT unnest($1::uuid[]), $2 ON CONFLICT DO NOTHING`,
      [subTaskForceIds, agencyId],
    );
  }

  /** Sub-TFs this agency leads. */
  async subTaskForcesLedBy(agencyId: string): Promise<SubTaskForceEntity[]> {
    return this.manager.find(SubTaskForceEntity, { where: { leadAgencyId: agencyId } });
  }

  /** Task forces whose chair is this position. */
  async taskForcesChairedBy(positionId: string): Promise<TaskForceEntity[]> {
    return this.manager.find(TaskForceEntity, { where: { chairPositionId: positionId } });
  }

  /**
   * Locks the record until the transaction ends and tells its version: edits of one record run one after
   * the other, each comparing against what the one before it wrote (no lost update). Null when it is gone.
   */
  async lockForChange(subject: OrgSubjectType, id: string): Promise<number | null> {
    const rows = (await this.manager.query(`SELECT version FROM ${SUBJECT_TABLES[subject]} WHERE id = $1 FOR UPDATE`, [id])) as { version: number }[];
    return rows[0]?.version ?? null;
  }

  /** Writes the changed columns of one record and raises its version. */
  async updateSubject(subject: OrgSubjectType, id: string, patch: Record<string, unknown>): Promise<void> {
    const entity = { agency: AgencyEntity, position: PositionEntity, person: PersonEntity }[subject];
    await this.manager.createQueryBuilder().update(entity).set({ ...patch, version: () => 'version + 1' }).where('id = :id', { id }).execute();
  }

  async recordChange(change: { subjectType: OrgSubjectType; subjectId: string; action: OrgChangeView['action']; actorId: string | null; changes: OrgFieldChange[]; reason: string | null }): Promise<void> {
    await this.manager.query(
      `INSERT INTO org_changes (subject_type, subject_id, action, actor_id, changes, reason) VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [change.subjectType, change.subjectId, change.action, change.actorId, JSON.stringify(change.changes), change.reason],
    );
  }

  /** A record's changes, newest first, with who made them. */
  listChanges(subjectType: OrgSubjectType, subjectId: string): Promise<OrgChangeEntity[]> {
    return this.manager.find(OrgChangeEntity, { where: { subjectType, subjectId }, relations: { actor: true }, order: { id: 'DESC' }, take: 200 });
  }

  // People
  findPerson(id: string): Promise<PersonEntity | null> {
    return this.manager.findOne(PersonEntity, { where: { id }, relations: { agency: true } });
  }

  findPersonByEmail(email: string): Promise<PersonEntity | null> {
    return this.manager.findOne(PersonEntity, { where: { email }, relations: { agency: true } });
  }

  listPeople(filter: { agencyIds: string[] }): Promise<PersonEntity[]> {
    if (filter.agencyIds.length === 0) return Promise.resolve([]);
    return this.manager
      .createQueryBuilder(PersonEntity, 'p')
      .leftJoinAndSelect('p.agency', 'a')
      .where('p.agency_id = ANY(:ids)', { ids: filter.agencyIds })
      .orderBy('p.full_name')
      .getMany();
  }

  async createPerson(input: { agencyId: string; fullName: string; email: string; passwordHash: string | null }): Promise<PersonEntity> {
    const id = randomUUID();
    await this.manager.insert(PersonEntity, { id, ...input, active: true });
    return (await this.findPerson(id)) as PersonEntity;
  }

  // Positions
  findPosition(id: string): Promise<PositionEntity | null> {
    return this.manager.findOne(PositionEntity, { where: { id }, relations: { agency: true, holder: true } });
  }

  listPositions(agencyId: string): Promise<PositionEntity[]> {
    return this.manager.find(PositionEntity, { where: { agencyId }, relations: { agency: true, holder: true }, order: { title: 'ASC' } });
  }

  async createPosition(input: { agencyId: string; title: string; roles: Role[]; representsAgency: boolean }): Promise<PositionEntity> {
    const id = randomUUID();
    await this.manager.insert(PositionEntity, { id, ...input, holderId: null });
    return (await this.findPosition(id)) as PositionEntity;
  }

  positionHistory(positionId: string): Promise<PositionAssignmentEntity[]> {
    return this.manager.find(PositionAssignmentEntity, { where: { positionId }, relations: { person: true }, order: { startedAt: 'DESC' } });
  }

  positionDelegations(positionId: string): Promise<DelegationEntity[]> {
    return this.manager.find(DelegationEntity, { where: { positionId }, relations: { delegate: true }, order: { startsOn: 'DESC' } });
  }

  /** Ends the current holder's assignment with the handover note and starts the new one. */
  async assignPosition(positionId: string, personId: string | null, handoverNote: string | null, assignedBy: string | null): Promise<void> {
    await this.manager.query(
      `UPDATE position_assignments SET ended_at = now(), handover_note = $2 WHERE position_id = $1 AND ended_at IS NULL`,
      [positionId, handoverNote],
    );
    if (personId) {
      await this.manager.insert(PositionAssignmentEntity, {
        id: randomUUID(),
        positionId,
        personId,
        startedAt: new Date(),
        endedAt: null,
        handoverNote: null,
        assignedBy,
      });
    }
    await this.manager.update(PositionEntity, { id: positionId }, { holderId: personId });
  }

  async createDelegation(input: { positionId: string; delegateId: string; startsOn: string; endsOn: string; reason: string | null; createdBy: string | null }): Promise<string> {
    const id = randomUUID();
    await this.manager.insert(DelegationEntity, { id, ...input });
    return id;
  }

  /** Grants from active positions (of active agencies) the person holds, and from delegations whose dates include `onDate`. */
  async grantsFor(personId: string, onDate: string): Promise<Grant[]> {
    const rows: { role: Role; jurisdiction_code: string; agency_id: string; position_id: string; via: 'holder' | 'delegation' }[] = await this.manager.query(
      `SELECT unnest(p.roles) AS role, a.jurisdiction_code, a.id AS agency_id, p.id AS position_id, 'holder' AS via
         FROM positions p JOIN agencies a ON a.id = p.agency_id
        WHERE p.holder_id = $1 AND p.active AND a.active
       UNION ALL
       SELECT unnest(p.roles), a.jurisdiction_code, a.id, p.id, 'delegation'
         FROM delegations d JOIN positions p ON p.id = d.position_id JOIN agencies a ON a.id = p.agency_id
        WHERE d.delegate_id = $1 AND $2::date BETWEEN d.starts_on AND d.ends_on AND p.active AND a.active`,
      [personId, onDate],
    );
    return rows.map((r) => ({ role: r.role, jurisdictionCode: r.jurisdiction_code, agencyId: r.agency_id, positionId: r.position_id, via: r.via }));
  }

  /**
   * Every role a person has or will have (where it applies): from the positions they hold — active or not, a
   * reactivation gives them back — and from delegations not yet over (Jakarta's today). Changing the person's
   * e-mail or activity hands these to whoever signs in as them: only someone who may grant them all may.
   */
  async rolesHeldBy(personId: string): Promise<{ role: Role; jurisdictionCode: string }[]> {
    const rows: { role: Role; jurisdiction_code: string }[] = await this.manager.query(
      `SELECT DISTINCT unnest(p.roles) AS role, a.jurisdiction_code
         FROM positions p JOIN agencies a ON a.id = p.agency_id
        WHERE p.holder_id = $1
       UNION
       SELECT DISTINCT unnest(p.roles), a.jurisdiction_code
         FROM delegations d JOIN positions p ON p.id = d.position_id JOIN agencies a ON a.id = p.agency_id
        WHERE d.delegate_id = $1 AND d.ends_on >= (now() AT TIME ZONE 'Asia/Jakarta')::date`,
      [personId],
    );
    return rows.map((r) => ({ role: r.role, jurisdictionCode: r.jurisdiction_code }));
  }

  /** The roles of an agency's positions (active or not): what (re)activating or deactivating the agency turns on or off. */
  async rolesOfAgency(agencyId: string): Promise<Role[]> {
    const rows: { role: Role }[] = await this.manager.query(`SELECT DISTINCT unnest(roles) AS role FROM positions WHERE agency_id = $1`, [agencyId]);
    return rows.map((r) => r.role);
  }

  /** Whether `personId` is, or is named to become, the position's Plt. (a delegation not yet over). */
  async isDelegateOf(positionId: string, personId: string): Promise<boolean> {
    const rows: unknown[] = await this.manager.query(
      `SELECT 1 FROM delegations WHERE position_id = $1 AND delegate_id = $2 AND ends_on >= (now() AT TIME ZONE 'Asia/Jakarta')::date LIMIT 1`,
      [positionId, personId],
    );
    return rows.length > 0;
  }

  /** The jurisdiction of each of these agencies that exists (ids that are not UUIDs are simply unknown). */
  async agencyJurisdictions(ids: readonly string[]): Promise<Map<string, string>> {
    const uuids = [...new Set(ids)].filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
    if (!uuids.length) return new Map();
    const rows = (await this.manager.query('SELECT id, jurisdiction_code FROM agencies WHERE id = ANY($1::uuid[])', [uuids])) as { id: string; jurisdiction_code: string }[];
    return new Map(rows.map((r) => [r.id, r.jurisdiction_code]));
  }
}

class TransactionalOrgsRepository extends OrgsRepository {
  constructor(
    db: DataSource,
    private readonly tx: EntityManager,
  ) {
    super(db);
  }
  protected override get manager(): EntityManager {
    return this.tx;
  }
  override transaction<T>(work: (tx: OrgsRepository) => Promise<T>): Promise<T> {
    return work(this);
  }
}
