import { Injectable } from '@nestjs/common';
import {
  SUB_TASK_FORCE_KINDS,
  SubTaskForceKind,
  type AgencyView,
  type JurisdictionLevel,
  type JurisdictionView,
  type PersonView,
  type PositionView,
  Role,
  type TaskForceView,
} from '@gugus/contracts';
import { AuditService, type AuditRecord } from '@gugus/server-audit';
import { abilityFor, assertCan, canOn, forbidden, grantForbidden, hasGrantCovering, hashPassword, mayGrant, selfGrantForbidden, type AuthUser } from '@gugus/server-access';
import { assertJurisdictionCode, conflict, invalid, notFound } from './orgs.errors';
import { toAgencyView, toJurisdictionView, toPersonView, toPositionView, toTaskForceView } from './orgs.mapper';
import { OrgsRepository } from './orgs.repository';
import type { AssignHolderDto, CreateAgencyDto, CreateDelegationDto, CreatePersonDto, CreatePositionDto, SetSubTaskForceLeadDto, SetTaskForceChairDto } from './orgs.dto';

const JURISDICTION = { id: 'Wilayah', en: 'Jurisdiction' };
const TASK_FORCE = { id: 'Gugus tugas', en: 'Task force' };
const AGENCY = { id: 'Instansi', en: 'Agency' };
const PERSON = { id: 'Orang', en: 'Person' };
const POSITION = { id: 'Jabatan', en: 'Position' };

/** A request that would give people roles: a new position, a holder change or a Plt. appointment. */
interface GrantAttempt {
  kind: 'position' | 'holder' | 'delegation';
  roles: readonly Role[];
  /** Where the roles apply: the jurisdiction of the position's agency. */
  jurisdictionCode: string;
  /** The audit target: the agency for a new position, else the position. */
  target: { type: 'agency' | 'position'; id: string };
  /** Who would receive the roles (holder or Plt.); null when a position is created or left vacant. */
  personId: string | null;
}

/** Sub-TFs of a task force at `level`: regencies/cities have no Legal Norm Development Sub-TF. */
export function subTaskForceKindsFor(level: JurisdictionLevel): SubTaskForceKind[] {
  return SUB_TASK_FORCE_KINDS.filter((k) => level !== 'regency' || k !== SubTaskForceKind.LEGAL_NORM);
}

/** The rules of the organisations context; every method checks the caller's rights on the record. */
@Injectable()
export class OrgsService {
  private readonly directoryGrants: ((user: AuthUser, jurisdictionCode: string) => Promise<boolean>)[] = [];

  constructor(
    private readonly repo: OrgsRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Another module's rule for reading the member agencies (names and kinds) of a jurisdiction the reader
   * has no grant over: cases shared under a cooperation agreement name the partner task force's agencies.
   */
  registerDirectoryGrant(rule: (user: AuthUser, jurisdictionCode: string) => Promise<boolean>): void {
    this.directoryGrants.push(rule);
  }

  /** An audit entry by `user` in this request. */
  private entry(user: AuthUser, action: string, target: { type: string; id: string | null; jurisdictionCode: string | null }, before?: unknown, after?: unknown): AuditRecord {
    return { actorId: user.personId, action, targetType: target.type, targetId: target.id, jurisdictionCode: target.jurisdictionCode, requestId: user.requestId ?? null, before, after };
  }

  async listJurisdictions(filter: { level?: JurisdictionLevel; parentCode?: string }): Promise<JurisdictionView[]> {
    return (await this.repo.listJurisdictions(filter)).map(toJurisdictionView);
  }

  async getJurisdiction(code: string): Promise<JurisdictionView> {
    assertJurisdictionCode(code, 'code');
    const j = await this.repo.findJurisdiction(code);
    if (!j) throw notFound(JURISDICTION, code);
    return toJurisdictionView(j);
  }

  async getTaskForce(user: AuthUser, jurisdictionCode: string): Promise<TaskForceView> {
    assertJurisdictionCode(jurisdictionCode);
    assertCan(user, 'read', 'TaskForce', { jurisdictionCode });
    const tf = await this.repo.findTaskForce(jurisdictionCode);
    if (!tf) throw notFound(TASK_FORCE, jurisdictionCode);
    return toTaskForceView(tf);
  }

  /** Creates the task force of a jurisdiction, with its Sub-TFs, unless it exists already. */
  async ensureTaskForce(user: AuthUser, jurisdictionCode: string): Promise<TaskForceView> {
    assertJurisdictionCode(jurisdictionCode);
    assertCan(user, 'create', 'TaskForce', { jurisdictionCode });
    const j = await this.repo.findJurisdiction(jurisdictionCode);
    if (!j) throw notFound(JURISDICTION, jurisdictionCode);
    const existing = await this.repo.findTaskForce(jurisdictionCode);
    if (existing) return toTaskForceView(existing);
    const name = j.level === 'national' ? 'Gugus Tugas PP-TPPO Nasional' : `Gugus Tugas PP-TPPO ${j.name}`;
    return this.repo.transaction(async (tx) => {
      const view = toTaskForceView(await tx.createTaskForce(jurisdictionCode, name, subTaskForceKindsFor(j.level)));
      await this.audit.record(this.entry(user, 'task_force.create', { type: 'task_force', id: view.id, jurisdictionCode }, undefined, view), tx.entityManager);
      return view;
    });
  }

  /**
   * Names the agency that leads a Sub-TF (it drafts the Sub-TF's plan section and chairs its meetings).
   * The lead must be one of the Sub-TF's member agencies; null leaves it without a lead.
   */
  async setSubTaskForceLead(user: AuthUser, jurisdictionCode: string, kind: string, dto: SetSubTaskForceLeadDto): Promise<TaskForceView> {
    assertJurisdictionCode(jurisdictionCode);
    assertCan(user, 'update', 'TaskForce', { jurisdictionCode });
    const tf = await this.repo.findTaskForce(jurisdictionCode);
    if (!tf) throw notFound(TASK_FORCE, jurisdictionCode);
    const sub = tf.subTaskForces.find((s) => s.kind === kind);
    if (!sub) throw notFound({ id: 'Sub-gugus', en: 'Sub-TF' }, kind.slice(0, 40));
    if (dto.agencyId !== null && !(sub.members ?? []).some((m) => m.id === dto.agencyId)) {
      throw invalid('agencyId', { id: 'instansi ini bukan anggota sub-gugus ini; tambahkan dulu sebagai anggota', en: 'this agency is not a member of this Sub-TF; add it as a member first' });
    }
    const before = { leadAgencyId: sub.leadAgencyId };
    return this.repo.transaction(async (tx) => {
      await tx.setSubTaskForceLead(sub.id, dto.agencyId);
      await this.audit.record(this.entry(user, 'sub_task_force.set_lead', { type: 'sub_task_force', id: sub.id, jurisdictionCode }, before, { leadAgencyId: dto.agencyId }), tx.entityManager);
      return toTaskForceView((await tx.findTaskForce(jurisdictionCode)) as NonNullable<typeof tf>);
    });
  }

  /**
   * Names the task force's chair: a position with the `chair` role in one of the jurisdiction's agencies,
   * so whoever holds it (or acts for it) approves minutes and receives escalations. Null: none named.
   */
  async setTaskForceChair(user: AuthUser, jurisdictionCode: string, dto: SetTaskForceChairDto): Promise<TaskForceView> {
    assertJurisdictionCode(jurisdictionCode);
    assertCan(user, 'update', 'TaskForce', { jurisdictionCode });
    const tf = await this.repo.findTaskForce(jurisdictionCode);
    if (!tf) throw notFound(TASK_FORCE, jurisdictionCode);
    if (dto.positionId !== null) {
      const position = await this.repo.findPosition(dto.positionId);
      if (!position?.agency || position.agency.jurisdictionCode !== jurisdictionCode) {
        throw invalid('positionId', { id: 'jabatan tidak ditemukan di instansi wilayah ini', en: 'no such position in an agency of this jurisdiction' });
      }
      if (!position.roles.includes(Role.CHAIR)) {
        throw invalid('positionId', { id: 'jabatan ini tidak memiliki peran ketua (chair)', en: 'this position does not have the chair role' });
      }
    }
    const before = { chairPositionId: tf.chairPositionId };
    return this.repo.transaction(async (tx) => {
      await tx.updateTaskForce(tf.id, { chairPositionId: dto.positionId });
      await this.audit.record(this.entry(user, 'task_force.set_chair', { type: 'task_force', id: tf.id, jurisdictionCode }, before, { chairPositionId: dto.positionId }), tx.entityManager);
      return toTaskForceView((await tx.findTaskForce(jurisdictionCode)) as NonNullable<typeof tf>);
    });
  }

  async listAgencies(user: AuthUser, jurisdictionCode: string): Promise<AgencyView[]> {
    assertJurisdictionCode(jurisdictionCode);
    if (!hasGrantCovering(user, jurisdictionCode)) {
      for (const rule of this.directoryGrants) if (await rule(user, jurisdictionCode)) return (await this.repo.listAgencies(jurisdictionCode)).map(toAgencyView);
      throw forbidden();
    }
    const agencies = await this.repo.listAgencies(jurisdictionCode);
    const ability = abilityFor(user.grants);
    return agencies.filter((a) => canOn(ability, 'read', 'Agency', { jurisdictionCode: a.jurisdictionCode, agencyId: a.id })).map(toAgencyView);
  }

  async getAgency(user: AuthUser, id: string): Promise<AgencyView> {
    const agency = await this.repo.findAgency(id);
    if (!agency) throw notFound(AGENCY, id);
    assertCan(user, 'read', 'Agency', { jurisdictionCode: agency.jurisdictionCode, agencyId: agency.id });
    return toAgencyView(agency);
  }

  async createAgency(user: AuthUser, dto: CreateAgencyDto): Promise<AgencyView> {
    assertCan(user, 'create', 'Agency', { jurisdictionCode: dto.jurisdictionCode });
    const j = await this.repo.findJurisdiction(dto.jurisdictionCode);
    if (!j) throw notFound(JURISDICTION, dto.jurisdictionCode);
    const name = dto.name.trim();
    if (await this.repo.findAgencyByName(dto.jurisdictionCode, name)) {
      throw conflict({ id: `Instansi "${name}" sudah ada di wilayah ini.`, en: `Agency "${name}" already exists in this jurisdiction.` });
    }
    const kinds = dto.subTaskForces ?? [];
    let subTaskForceIds: string[] = [];
    if (kinds.length) {
      const tf = await this.repo.findTaskForce(dto.jurisdictionCode);
      if (!tf) throw invalid('subTaskForces', { id: 'gugus tugas wilayah ini belum dibentuk', en: 'this jurisdiction has no task force yet' });
      const missing = kinds.filter((k) => !tf.subTaskForces.some((s) => s.kind === k));
      if (missing.length) throw invalid('subTaskForces', { id: `sub-gugus tidak ada di wilayah ini: ${missing.join(', ')}`, en: `no such Sub-TF here: ${missing.join(', ')}` });
      subTaskForceIds = tf.subTaskForces.filter((s) => kinds.includes(s.kind)).map((s) => s.id);
    }
    return this.repo.transaction(async (tx) => {
      const view = toAgencyView(await tx.createAgency({ jurisdictionCode: dto.jurisdictionCode, name, kind: dto.kind }, subTaskForceIds));
      await this.audit.record(this.entry(user, 'agency.create', { type: 'agency', id: view.id, jurisdictionCode: view.jurisdictionCode }, undefined, view), tx.entityManager);
      return view;
    });
  }

  async listPositions(user: AuthUser, agencyId: string): Promise<PositionView[]> {
    const agency = await this.repo.findAgency(agencyId);
    if (!agency) throw notFound(AGENCY, agencyId);
    assertCan(user, 'read', 'Position', { jurisdictionCode: agency.jurisdictionCode, agencyId });
    return (await this.repo.listPositions(agencyId)).map((p) => toPositionView(p, [], []));
  }

  /** A position's roles are fixed when it is created (no route changes them), so this is where they are granted. */
  async createPosition(user: AuthUser, agencyId: string, dto: CreatePositionDto): Promise<PositionView> {
    const agency = await this.repo.findAgency(agencyId);
    if (!agency) throw notFound(AGENCY, agencyId);
    assertCan(user, 'create', 'Position', { jurisdictionCode: agency.jurisdictionCode, agencyId });
    const roles = [...new Set(dto.roles)];
    await this.assertMayGrant(user, { kind: 'position', roles, jurisdictionCode: agency.jurisdictionCode, target: { type: 'agency', id: agencyId }, personId: null });
    return this.repo.transaction(async (tx) => {
      const position = await tx.createPosition({ agencyId, title: dto.title.trim(), roles, representsAgency: dto.representsAgency ?? false });
      const view = toPositionView(position, [], []);
      await this.audit.record(this.entry(user, 'position.create', { type: 'position', id: view.id, jurisdictionCode: agency.jurisdictionCode }, undefined, view), tx.entityManager);
      return view;
    });
  }

  async getPosition(user: AuthUser, id: string): Promise<PositionView> {
    const position = await this.repo.findPosition(id);
    if (!position?.agency) throw notFound(POSITION, id);
    assertCan(user, 'read', 'Position', { jurisdictionCode: position.agency.jurisdictionCode, agencyId: position.agencyId });
    return toPositionView(position, await this.repo.positionHistory(id), await this.repo.positionDelegations(id));
  }

  /**
   * Moves a position to another person (staff turnover). The outgoing holder's assignment is closed
   * with the handover note; rights follow the position at once. The caller must be able to grant every
   * role of the position, also to leave it vacant (taking a role away is no less a change of who has it).
   */
  async assignHolder(user: AuthUser, positionId: string, dto: AssignHolderDto): Promise<PositionView> {
    const position = await this.repo.findPosition(positionId);
    if (!position?.agency) throw notFound(POSITION, positionId);
    const jurisdictionCode = position.agency.jurisdictionCode;
    assertCan(user, 'update', 'Position', { jurisdictionCode, agencyId: position.agencyId });
    await this.assertMayGrant(user, { kind: 'holder', roles: position.roles, jurisdictionCode, target: { type: 'position', id: positionId }, personId: dto.personId });
    if (dto.personId) await this.personInScope(user, dto.personId, 'personId');
    if (position.holderId && position.holderId === dto.personId) {
      throw conflict({ id: 'Orang ini sudah memegang jabatan tersebut.', en: 'This person already holds the position.' });
    }
    if (position.holderId && !dto.handoverNote?.trim()) {
      throw invalid('handoverNote', { id: 'wajib diisi saat jabatan berpindah tangan', en: 'is required when the position changes hands' });
    }
    await this.repo.transaction(async (tx) => {
      await tx.assignPosition(positionId, dto.personId, dto.handoverNote?.trim() || null, user.personId);
      await this.audit.record(
        this.entry(
          user,
          'position.assign',
          { type: 'position', id: positionId, jurisdictionCode },
          { holderId: position.holderId, roles: position.roles },
          { positionId, holderId: dto.personId, roles: position.roles, handoverNote: dto.handoverNote ?? null },
        ),
        tx.entityManager,
      );
    });
    return this.getPosition(user, positionId);
  }

  /** Delegates a position to an acting official (Plt.) for a period; rights apply only within it. The Plt. receives the position's roles: a grant. */
  async delegate(user: AuthUser, positionId: string, dto: CreateDelegationDto): Promise<PositionView> {
    const position = await this.repo.findPosition(positionId);
    if (!position?.agency) throw notFound(POSITION, positionId);
    const jurisdictionCode = position.agency.jurisdictionCode;
    assertCan(user, 'update', 'Position', { jurisdictionCode, agencyId: position.agencyId });
    if (dto.endsOn < dto.startsOn) throw invalid('endsOn', { id: 'tidak boleh sebelum tanggal mulai', en: 'must not be before startsOn' });
    await this.assertMayGrant(user, { kind: 'delegation', roles: position.roles, jurisdictionCode, target: { type: 'position', id: positionId }, personId: dto.personId });
    await this.personInScope(user, dto.personId, 'personId');
    await this.repo.transaction(async (tx) => {
      const reason = dto.reason?.trim() || null;
      const id = await tx.createDelegation({ positionId, delegateId: dto.personId, startsOn: dto.startsOn, endsOn: dto.endsOn, reason, createdBy: user.personId });
      await this.audit.record(
        this.entry(user, 'position.delegate', { type: 'delegation', id, jurisdictionCode }, undefined, { positionId, delegateId: dto.personId, roles: position.roles, startsOn: dto.startsOn, endsOn: dto.endsOn, reason }),
        tx.entityManager,
      );
    });
    return this.getPosition(user, positionId);
  }

  async listPeople(user: AuthUser, agencyId: string): Promise<PersonView[]> {
    const agency = await this.repo.findAgency(agencyId);
    if (!agency) throw notFound(AGENCY, agencyId);
    assertCan(user, 'read', 'Person', { jurisdictionCode: agency.jurisdictionCode, agencyId });
    const people = (await this.repo.listPeople({ agencyIds: [agencyId] })).map(toPersonView);
    // Personal data of staff: who looked is part of the record.
    await this.audit.record(this.entry(user, 'person.list', { type: 'agency', id: agencyId, jurisdictionCode: agency.jurisdictionCode }));
    return people;
  }

  async getPerson(user: AuthUser, id: string): Promise<PersonView> {
    const view = toPersonView(await this.personInScope(user, id, 'id', 'read'));
    await this.audit.record(this.entry(user, 'person.read', { type: 'person', id, jurisdictionCode: view.jurisdictionCode }));
    return view;
  }

  async createPerson(user: AuthUser, dto: CreatePersonDto): Promise<PersonView> {
    const agency = await this.repo.findAgency(dto.agencyId);
    if (!agency) throw notFound(AGENCY, dto.agencyId);
    assertCan(user, 'create', 'Person', { jurisdictionCode: agency.jurisdictionCode, agencyId: agency.id });
    const email = dto.email.trim().toLowerCase();
    if (await this.repo.findPersonByEmail(email)) {
      throw conflict({ id: 'Alamat e-mail ini sudah dipakai.', en: 'This e-mail address is already in use.' });
    }
    const passwordHash = dto.password ? await hashPassword(dto.password) : null;
    return this.repo.transaction(async (tx) => {
      const view = toPersonView(await tx.createPerson({ agencyId: agency.id, fullName: dto.fullName.trim(), email, passwordHash }));
      await this.audit.record(this.entry(user, 'person.create', { type: 'person', id: view.id, jurisdictionCode: agency.jurisdictionCode }, undefined, view), tx.entityManager);
      return view;
    });
  }

  /**
   * The grant table (server-access) applied to one request, plus "nobody grants a role to themselves".
   * A refusal is audited before it is thrown (outside any transaction, so it stays): an attempted
   * self-grant or a forbidden role is what an administrator reviewing the trail needs to see, and
   * the web never offers either, so such entries are rare and cheap.
   */
  private async assertMayGrant(user: AuthUser, attempt: GrantAttempt): Promise<void> {
    const selfGrant = attempt.personId !== null && attempt.personId === user.personId;
    const refusedRoles = attempt.roles.filter((role) => !mayGrant(user.grants, role, attempt.jurisdictionCode));
    if (!selfGrant && refusedRoles.length === 0) return;
    await this.audit.record(
      this.entry(user, 'position.grant_refused', { ...attempt.target, jurisdictionCode: attempt.jurisdictionCode }, undefined, {
        kind: attempt.kind,
        reason: selfGrant ? 'self_grant' : 'role_not_grantable',
        roles: attempt.roles,
        refusedRoles,
        personId: attempt.personId,
      }),
    );
    throw selfGrant ? selfGrantForbidden() : grantForbidden(refusedRoles, attempt.jurisdictionCode);
  }

  private async personInScope(user: AuthUser, personId: string, field: string, action: 'read' | 'update' = 'read') {
    const person = await this.repo.findPerson(personId);
    if (!person?.agency) throw field === 'id' ? notFound(PERSON, personId) : invalid(field, { id: 'orang ini tidak ditemukan', en: 'no such person' });
    assertCan(user, action, 'Person', { jurisdictionCode: person.agency.jurisdictionCode, agencyId: person.agencyId });
    return person;
  }
}
