import { Injectable } from '@nestjs/common';
import {
  SUB_TASK_FORCE_KINDS,
  SubTaskForceKind,
  type AgencyView,
  type JurisdictionLevel,
  type JurisdictionView,
  type OrgChangeView,
  type OrgFieldChange,
  type OrgSubjectType,
  type PersonView,
  type PositionView,
  Role,
  type TaskForceView,
} from '@gugus/contracts';
import { AuditService, type AuditRecord } from '@gugus/server-audit';
import { abilityFor, assertCan, canOn, forbidden, grantForbidden, hasGrantCovering, hashPassword, mayGrant, selfGrantForbidden, type AuthUser } from '@gugus/server-access';
import { assertJurisdictionCode, conflict, invalid, notFound } from './orgs.errors';
import { toAgencyView, toJurisdictionView, toOrgChangeView, toPersonView, toPositionView, toTaskForceView } from './orgs.mapper';
import { OrgsRepository } from './orgs.repository';
import type {
  AssignHolderDto,
  CreateAgencyDto,
  CreateDelegationDto,
  CreatePersonDto,
  CreatePositionDto,
  SetActiveDto,
  SetSubTaskForceLeadDto,
  SetTaskForceChairDto,
  UpdateAgencyDto,
  UpdatePersonDto,
  UpdatePositionDto,
} from './orgs.dto';

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

type FieldValue = OrgFieldChange['before'];

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** The fields whose values differ between `before` and `after` (arrays compared as sorted lists). */
export function fieldChanges<K extends string>(before: Record<K, FieldValue>, after: Record<K, FieldValue>): OrgFieldChange[] {
  return (Object.keys(before) as K[]).filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
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
    if (dto.agencyId !== null && (sub.members ?? []).some((m) => m.id === dto.agencyId && !m.active)) {
      throw invalid('agencyId', { id: 'instansi ini nonaktif', en: 'this agency is inactive' });
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
      if (!position.active) throw invalid('positionId', { id: 'jabatan ini nonaktif', en: 'this position is inactive' });
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

  /** Active agencies; deactivated ones too with `includeInactive` (the admin pages show them, pickers do not). */
  async listAgencies(user: AuthUser, jurisdictionCode: string, includeInactive = false): Promise<AgencyView[]> {
    assertJurisdictionCode(jurisdictionCode);
    if (!hasGrantCovering(user, jurisdictionCode)) {
      for (const rule of this.directoryGrants) if (await rule(user, jurisdictionCode)) return (await this.repo.listAgencies(jurisdictionCode)).map(toAgencyView);
      throw forbidden();
    }
    const agencies = await this.repo.listAgencies(jurisdictionCode, includeInactive);
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

  /** A position's roles are granted here and when it is edited (`updatePosition`): both check the grant table. */
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
    if (dto.personId) this.assertActive(await this.personInScope(user, dto.personId, 'personId'));
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
    this.assertActive(await this.personInScope(user, dto.personId, 'personId'));
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

  // Editing and deactivating (issue 13). Nothing is deleted: tasks, the audit trail and holder histories keep
  // pointing at the record. Each change is locked, compared with the version the editor saw, written to the
  // record's change history (before → after, shown on its page) and to the audit trail, in one transaction.

  async updateAgency(user: AuthUser, id: string, dto: UpdateAgencyDto): Promise<AgencyView> {
    const agency = await this.agencyInScope(user, id, 'update');
    const jurisdictionCode = agency.jurisdictionCode;
    const name = dto.name?.trim();
    if (name !== undefined && name.length < 3) throw invalid('name', { id: 'minimal 3 huruf', en: 'must be at least 3 characters' });
    if (name && name !== agency.name) {
      const clash = await this.repo.findAgencyByName(jurisdictionCode, name);
      if (clash && clash.id !== id) throw invalid('name', { id: 'sudah ada instansi dengan nama ini di wilayah ini', en: 'another agency of this jurisdiction has this name' });
    }
    let subTaskForceIds: string[] | undefined;
    if (dto.subTaskForces) {
      const kinds = [...new Set(dto.subTaskForces)];
      const tf = await this.repo.findTaskForce(jurisdictionCode);
      if (!tf && kinds.length) throw invalid('subTaskForces', { id: 'gugus tugas wilayah ini belum dibentuk', en: 'this jurisdiction has no task force yet' });
      const missing = kinds.filter((k) => !tf?.subTaskForces.some((s) => s.kind === k));
      if (missing.length) throw invalid('subTaskForces', { id: `sub-gugus tidak ada di wilayah ini: ${missing.join(', ')}`, en: `no such Sub-TF here: ${missing.join(', ')}` });
      const led = (await this.repo.subTaskForcesLedBy(id)).filter((s) => !kinds.includes(s.kind));
      if (led.length) {
        throw invalid('subTaskForces', {
          id: `instansi ini memimpin sub-gugus ${led.map((s) => s.kind).join(', ')}; tunjuk pemimpin lain dulu`,
          en: `this agency leads Sub-TF ${led.map((s) => s.kind).join(', ')}; name another lead first`,
        });
      }
      subTaskForceIds = (tf?.subTaskForces ?? []).filter((s) => kinds.includes(s.kind)).map((s) => s.id);
    }
    return this.repo.transaction(async (tx) => {
      const current = await this.lockedCurrent(tx, 'agency', id, dto.version, () => tx.findAgency(id));
      const before = { name: current.name, kind: current.kind, subTaskForces: (current.subTaskForces ?? []).map((s) => s.kind).sort() };
      const after = { name: name ?? before.name, kind: dto.kind ?? before.kind, subTaskForces: dto.subTaskForces ? [...new Set(dto.subTaskForces)].sort() : before.subTaskForces };
      const changes = fieldChanges(before, after);
      if (!changes.length) return toAgencyView(current);
      await tx.updateSubject('agency', id, { name: after.name, kind: after.kind });
      if (subTaskForceIds) await tx.setAgencySubTaskForces(id, subTaskForceIds);
      await this.recordChange(tx, user, { type: 'agency', id, jurisdictionCode }, 'update', changes, null);
      return toAgencyView((await tx.findAgency(id)) as NonNullable<typeof current>);
    });
  }

  /** Deactivates (or reactivates) an agency: while inactive its positions give no rights and get no new tasks. */
  async setAgencyActive(user: AuthUser, id: string, dto: SetActiveDto): Promise<AgencyView> {
    const agency = await this.agencyInScope(user, id, 'update');
    const reason = this.reasonFor(dto);
    // Turning an agency on or off turns its positions' roles on or off: only someone who may grant them all.
    await this.assertMayGrant(user, { kind: 'position', roles: await this.repo.rolesOfAgency(id), jurisdictionCode: agency.jurisdictionCode, target: { type: 'agency', id }, personId: null });
    if (!dto.active) {
      const led = await this.repo.subTaskForcesLedBy(id);
      if (led.length) {
        throw conflict({
          id: `Instansi ini memimpin sub-gugus (${led.map((s) => s.kind).join(', ')}); tunjuk pemimpin lain sebelum menonaktifkannya.`,
          en: `This agency leads a Sub-TF (${led.map((s) => s.kind).join(', ')}); name another lead before deactivating it.`,
        });
      }
    }
    return this.repo.transaction(async (tx) => {
      const current = await this.lockedCurrent(tx, 'agency', id, dto.version, () => tx.findAgency(id));
      if (current.active === dto.active) return toAgencyView(current);
      await tx.updateSubject('agency', id, { active: dto.active });
      await this.recordChange(tx, user, { type: 'agency', id, jurisdictionCode: current.jurisdictionCode }, dto.active ? 'reactivate' : 'deactivate', [{ field: 'active', before: current.active, after: dto.active }], reason);
      return toAgencyView((await tx.findAgency(id)) as NonNullable<typeof current>);
    });
  }

  async agencyChanges(user: AuthUser, id: string): Promise<OrgChangeView[]> {
    await this.agencyInScope(user, id, 'read');
    return (await this.repo.listChanges('agency', id)).map(toOrgChangeView);
  }

  /**
   * Edits a position's title, roles or whether it represents its agency. Changing roles changes who has
   * which rights: the caller must be able to grant every role before and after, and never to themselves.
   */
  async updatePosition(user: AuthUser, id: string, dto: UpdatePositionDto): Promise<PositionView> {
    const { position, jurisdictionCode } = await this.positionInScope(user, id, 'update');
    const title = dto.title?.trim();
    if (title !== undefined && title.length < 3) throw invalid('title', { id: 'minimal 3 huruf', en: 'must be at least 3 characters' });
    const roles = dto.roles ? [...new Set(dto.roles)] : undefined;
    if (roles && !sameSet(roles, position.roles)) {
      if (!roles.includes(Role.CHAIR) && (await this.repo.taskForcesChairedBy(id)).length) {
        throw invalid('roles', { id: 'jabatan ini ketua gugus tugas; peran ketua tidak bisa dicabut sebelum ketua lain ditunjuk', en: 'this position chairs the task force; its chair role cannot be removed before another chair is named' });
      }
      await this.assertMayGrant(user, { kind: 'position', roles: [...new Set([...roles, ...position.roles])], jurisdictionCode, target: { type: 'position', id }, personId: await this.receiverOf(user, id, position.holderId) });
    }
    await this.repo.transaction(async (tx) => {
      const current = await this.lockedCurrent(tx, 'position', id, dto.version, () => tx.findPosition(id));
      const before = { title: current.title, roles: [...current.roles].sort(), representsAgency: current.representsAgency };
      const after = { title: title ?? before.title, roles: roles ? [...roles].sort() : before.roles, representsAgency: dto.representsAgency ?? before.representsAgency };
      const changes = fieldChanges(before, after);
      if (!changes.length) return;
      await tx.updateSubject('position', id, after);
      await this.recordChange(tx, user, { type: 'position', id, jurisdictionCode }, 'update', changes, null);
    });
    return this.getPosition(user, id);
  }

  /**
   * Deactivates (or reactivates) a position. While inactive it gives its holder no rights and gets no new
   * tasks; tasks already open for it stay in oversight's lists to be reassigned. Its holder history stays.
   */
  async setPositionActive(user: AuthUser, id: string, dto: SetActiveDto): Promise<PositionView> {
    const { position, jurisdictionCode } = await this.positionInScope(user, id, 'update');
    const reason = this.reasonFor(dto);
    if (!dto.active && (await this.repo.taskForcesChairedBy(id)).length) {
      throw conflict({ id: 'Jabatan ini ketua gugus tugas; tunjuk ketua lain sebelum menonaktifkannya.', en: 'This position chairs the task force; name another chair before deactivating it.' });
    }
    // Reactivating gives the holder (and any Plt.) the position's roles again: a grant like any other. Switching
    // them off is the same power: a province may not switch off a position whose roles it could not give.
    if (dto.active !== position.active) {
      await this.assertMayGrant(user, { kind: 'position', roles: position.roles, jurisdictionCode, target: { type: 'position', id }, personId: dto.active ? await this.receiverOf(user, id, position.holderId) : null });
    }
    await this.repo.transaction(async (tx) => {
      const current = await this.lockedCurrent(tx, 'position', id, dto.version, () => tx.findPosition(id));
      if (current.active === dto.active) return;
      await tx.updateSubject('position', id, { active: dto.active });
      await this.recordChange(tx, user, { type: 'position', id, jurisdictionCode }, dto.active ? 'reactivate' : 'deactivate', [{ field: 'active', before: current.active, after: dto.active }], reason);
    });
    return this.getPosition(user, id);
  }

  async positionChanges(user: AuthUser, id: string): Promise<OrgChangeView[]> {
    await this.positionInScope(user, id, 'read');
    return (await this.repo.listChanges('position', id)).map(toOrgChangeView);
  }

  async updatePerson(user: AuthUser, id: string, dto: UpdatePersonDto): Promise<PersonView> {
    const person = await this.personInScope(user, id, 'id', 'update');
    const jurisdictionCode = person.agency?.jurisdictionCode ?? null;
    const fullName = dto.fullName?.trim();
    if (fullName !== undefined && fullName.length < 2) throw invalid('fullName', { id: 'minimal 2 huruf', en: 'must be at least 2 characters' });
    const email = dto.email?.trim().toLowerCase();
    // Whoever controls the e-mail signs in as the person (password reset, single sign-on): only someone who
    // may grant every role the person holds may change it.
    if (email && email !== person.email) await this.assertMayManagePerson(user, id);
    if (email && email !== person.email) {
      const clash = await this.repo.findPersonByEmail(email);
      if (clash && clash.id !== id) throw invalid('email', { id: 'alamat e-mail ini sudah dipakai orang lain', en: 'this e-mail address is used by someone else' });
    }
    return this.repo.transaction(async (tx) => {
      const current = await this.lockedCurrent(tx, 'person', id, dto.version, () => tx.findPerson(id));
      const before = { fullName: current.fullName, email: current.email };
      const after = { fullName: fullName ?? before.fullName, email: email ?? before.email };
      const changes = fieldChanges(before, after);
      if (!changes.length) return toPersonView(current);
      await tx.updateSubject('person', id, after);
      await this.recordChange(tx, user, { type: 'person', id, jurisdictionCode }, 'update', changes, null);
      return toPersonView((await tx.findPerson(id)) as NonNullable<typeof current>);
    });
  }

  /**
   * Deactivates (or reactivates) a person. An inactive person cannot log in (their sessions stop at once),
   * gets no new tasks or notifications, and acts as Plt. for nobody; positions they hold stay theirs
   * (with their history) until moved to someone else with a handover note.
   */
  async setPersonActive(user: AuthUser, id: string, dto: SetActiveDto): Promise<PersonView> {
    const person = await this.personInScope(user, id, 'id', 'update');
    if (!dto.active && id === user.personId) throw invalid('active', { id: 'Anda tidak dapat menonaktifkan diri sendiri', en: 'you cannot deactivate yourself' });
    const reason = this.reasonFor(dto);
    // Locking a person out, or letting them back in, is a power over their roles: a province may not do it to a peer administrator.
    if (dto.active !== person.active) await this.assertMayManagePerson(user, id);
    return this.repo.transaction(async (tx) => {
      const current = await this.lockedCurrent(tx, 'person', id, dto.version, () => tx.findPerson(id));
      if (current.active === dto.active) return toPersonView(current);
      await tx.updateSubject('person', id, { active: dto.active });
      await this.recordChange(tx, user, { type: 'person', id, jurisdictionCode: person.agency?.jurisdictionCode ?? null }, dto.active ? 'reactivate' : 'deactivate', [{ field: 'active', before: current.active, after: dto.active }], reason);
      return toPersonView((await tx.findPerson(id)) as NonNullable<typeof current>);
    });
  }

  async personChanges(user: AuthUser, id: string): Promise<OrgChangeView[]> {
    const person = await this.personInScope(user, id, 'id', 'read');
    const changes = (await this.repo.listChanges('person', id)).map(toOrgChangeView);
    await this.audit.record({ ...this.entry(user, 'person.read', { type: 'person', id, jurisdictionCode: person.agency?.jurisdictionCode ?? null }), purpose: 'history' });
    return changes;
  }

  /** A reason is required to deactivate (it is what the next administrator reads); trimmed, or null. */
  private reasonFor(dto: SetActiveDto): string | null {
    const reason = dto.reason?.trim() || null;
    if (!dto.active && !reason) throw invalid('reason', { id: 'wajib diisi saat menonaktifkan', en: 'is required to deactivate' });
    return reason;
  }

  /** Locks the record, refuses a stale edit (409), and reads it as it is now. */
  private async lockedCurrent<T>(tx: OrgsRepository, subject: OrgSubjectType, id: string, seen: number | undefined, read: () => Promise<T | null>): Promise<T> {
    const version = await tx.lockForChange(subject, id);
    const current = version === null ? null : await read();
    if (version === null || !current) throw notFound({ agency: AGENCY, position: POSITION, person: PERSON }[subject], id);
    if (seen !== undefined && seen !== version) {
      throw conflict({
        id: 'Data ini sudah diubah orang lain sejak Anda membukanya. Muat ulang halaman, lalu ulangi perubahan Anda.',
        en: 'Someone else changed this record since you opened it. Reload the page, then make your change again.',
      });
    }
    return current;
  }

  /** One change: its history row and its audit entry (digests of before and after), in the caller's transaction. */
  private async recordChange(
    tx: OrgsRepository,
    user: AuthUser,
    target: { type: OrgSubjectType; id: string; jurisdictionCode: string | null },
    action: OrgChangeView['action'],
    changes: OrgFieldChange[],
    reason: string | null,
  ): Promise<void> {
    await tx.recordChange({ subjectType: target.type, subjectId: target.id, action, actorId: user.personId, changes, reason });
    const before = Object.fromEntries(changes.map((c) => [c.field, c.before]));
    const after = { ...Object.fromEntries(changes.map((c) => [c.field, c.after])), ...(reason ? { reason } : {}) };
    await this.audit.record(this.entry(user, `${target.type}.${action}`, target, before, after), tx.entityManager);
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

  /** Who would receive a position's roles from this change: the caller themselves if they are its Plt. (a self-grant), else its holder. */
  private async receiverOf(user: AuthUser, positionId: string, holderId: string | null): Promise<string | null> {
    return (await this.repo.isDelegateOf(positionId, user.personId)) ? user.personId : holderId;
  }

  /** Refuses (audited, 403) a change to a person's e-mail or activity unless the caller may grant every role the person holds. */
  private async assertMayManagePerson(user: AuthUser, personId: string): Promise<void> {
    const held = await this.repo.rolesHeldBy(personId);
    const refused = held.filter((h) => !mayGrant(user.grants, h.role, h.jurisdictionCode));
    if (!refused.length) return;
    const roles = [...new Set(refused.map((r) => r.role))];
    await this.audit.record(
      this.entry(user, 'person.change_refused', { type: 'person', id: personId, jurisdictionCode: refused[0].jurisdictionCode }, undefined, { reason: 'role_not_grantable', refusedRoles: roles }),
    );
    throw grantForbidden(roles, refused[0].jurisdictionCode);
  }

  /** An inactive person can neither hold a position nor act as Plt. (they could not log in to do the work). */
  private assertActive(person: { active: boolean }): void {
    if (!person.active) throw invalid('personId', { id: 'orang ini nonaktif; aktifkan kembali dulu', en: 'this person is inactive; reactivate them first' });
  }

  private async agencyInScope(user: AuthUser, id: string, action: 'read' | 'update') {
    const agency = await this.repo.findAgency(id);
    if (!agency) throw notFound(AGENCY, id);
    assertCan(user, action, 'Agency', { jurisdictionCode: agency.jurisdictionCode, agencyId: id });
    return agency;
  }

  private async positionInScope(user: AuthUser, id: string, action: 'read' | 'update') {
    const position = await this.repo.findPosition(id);
    if (!position?.agency) throw notFound(POSITION, id);
    const jurisdictionCode = position.agency.jurisdictionCode;
    assertCan(user, action, 'Position', { jurisdictionCode, agencyId: position.agencyId });
    return { position, jurisdictionCode };
  }

  private async personInScope(user: AuthUser, personId: string, field: string, action: 'read' | 'update' = 'read') {
    const person = await this.repo.findPerson(personId);
    if (!person?.agency) throw field === 'id' ? notFound(PERSON, personId) : invalid(field, { id: 'orang ini tidak ditemukan', en: 'no such person' });
    assertCan(user, action, 'Person', { jurisdictionCode: person.agency.jurisdictionCode, agencyId: person.agencyId });
    return person;
  }
}
