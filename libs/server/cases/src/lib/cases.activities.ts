import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { afterScreening, factsFromIntake, factsFromScreening, mergeFacts, type CaseFacts, followUpSchedule, immediateNeedCodes, isScreeningResult, screeningFields, stageAfterScreening } from '@gugus/cases';
import { CASE_MANAGEMENT_PROCESS, CASE_RISK_LEVELS, caseManagementSettingsSchema, ErrorCode, Role, withDefaults, type CaseRiskLevel } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';
import type { AuditService } from '@gugus/server-audit';
import type { FormsService } from '@gugus/server-forms';
import { DomainError } from '@gugus/server-http';
import type { TasksRepository } from '@gugus/server-tasks';
import { CASE_PROCESS_KEY, caseReferralWorkflowId, type CaseActivities, type ConferenceAction, type ImmediateNeed, type TaskAssignee } from '@gugus/workflows';
import type { CaseEntity } from './cases.entities';
import type { CaseSettingsSource } from './cases.ports';
import { liveShares } from './case-access';
import type { CasesRepository } from './cases.repository';

export interface CaseActivityDeps {
  cases: CasesRepository;
  tasks: Pick<TasksRepository, 'agencyWithRole' | 'peopleFor'>;
  forms: Pick<FormsService, 'submissionData'>;
  audit: AuditService;
  settings: CaseSettingsSource;
}

/** The regency and its province, nearest first (a province's task force serves its regencies). */
const taskForceChain = (code: string) => (code.includes('.') ? [code, code.split('.')[0]] : [code]);

const NEED_LABELS = optionLabels('case-immediate-needs');
const SERVICE_LABELS = optionLabels('services');
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const isDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v);

/** Activity implementations of a case's process. Each is idempotent; none logs or returns an answer. */
export function createCaseActivities({ cases, tasks, forms, audit, settings }: CaseActivityDeps): CaseActivities {
  const load = async (caseId: string): Promise<CaseEntity> => {
    const found = await cases.findById(caseId);
    // Retried: the process may start a moment before the opening transaction commits.
    if (!found) throw new Error(`Case ${caseId} not found`);
    return found;
  };

  /** Someone holding `role` at `agencyId` if anyone does there, else the nearest agency up the task forces where someone does. */
  const holderNear = async (agencyId: string | null, jurisdictionCode: string, role: Role): Promise<TaskAssignee | null> => {
    if (agencyId && (await tasks.peopleFor({ agencyId, role })).length) return { agencyId, role, positionId: null };
    for (const code of taskForceChain(jurisdictionCode)) {
      const found = await tasks.agencyWithRole(code, role);
      if (found) return { agencyId: found.agencyId, role, positionId: null };
    }
    return null;
  };

  const moveTo = async (row: CaseEntity, next: Pick<CaseEntity, 'stage' | 'identificationStatus'>, action: string, extra: Record<string, unknown> = {}) => {
    await cases.transaction(async (tx) => {
      await cases.updateProgress(row.id, next, tx);
      await audit.record(
        { actorId: null, action, targetType: 'case', targetId: row.code, jurisdictionCode: row.jurisdictionCode, requestId: null, before: { stage: row.stage, identificationStatus: row.identificationStatus }, after: { ...next, ...extra } },
        tx,
      );
    });
  };

  /** Who at `agencyId` acts: whoever holds `role` there, else its case worker, else its coordinator, else `role` (the task waits there). */
  const actorAt = async (agencyId: string, role: Role): Promise<TaskAssignee> => {
    for (const candidate of [role, Role.CASE_WORKER, Role.CASE_COORDINATOR]) {
      if ((await tasks.peopleFor({ agencyId, role: candidate })).length) return { agencyId, role: candidate, positionId: null };
    }
    return { agencyId, role, positionId: null };
  };

  const loadReferral = async (referralId: string) => {
    const referral = await cases.findReferral(referralId);
    if (!referral) throw new Error(`Referral ${referralId} not found`);
    const row = await cases.findById(referral.caseId);
    if (!row) throw new Error(`Case of referral ${referralId} not found`);
    return { referral, row };
  };

  const auditCase = (row: CaseEntity, action: string, after: Record<string, unknown>, tx?: EntityManager) =>
    audit.record({ actorId: null, action, targetType: 'case', targetId: row.code, jurisdictionCode: row.jurisdictionCode, requestId: null, after }, tx);

  /** The codes reports count, from a sealed form: what it says replaces what was known (a retry writes the same). */
  const noteFacts = async (row: CaseEntity, next: Partial<CaseFacts>) => {
    await cases.saveFacts(row.id, mergeFacts((await cases.facts(row.id)) ?? {}, next));
  };

  /** A risk level the case team assessed becomes the case's (a code on the list; the assessment itself stays sealed). */
  const noteRisk = async (row: CaseEntity, level: unknown) => {
    if (!(CASE_RISK_LEVELS as readonly unknown[]).includes(level)) return;
    await cases.setRisk(row.id, level as CaseRiskLevel, new Date());
    await auditCase(row, 'case.risk_assessed', { riskLevel: level });
  };

  const auditReferral = (row: CaseEntity, action: string, after: Record<string, unknown>, tx?: EntityManager) =>
    audit.record({ actorId: null, action, targetType: 'case', targetId: row.code, jurisdictionCode: row.jurisdictionCode, requestId: null, after }, tx);

  /** The task force leading the return and reintegration through a live share under an agreement in force, or null (the case's own team). */
  const leadTeam = async (caseId: string) => {
    const lead = (await liveShares(cases, caseId)).find((share) => share.leadsReintegration);
    if (!lead) return null;
    const effective = await settings.effective(CASE_PROCESS_KEY, lead.partnerJurisdictionCode);
    const s = caseManagementSettingsSchema.parse(withDefaults(CASE_MANAGEMENT_PROCESS, effective.settings));
    const convener = (await holderNear(lead.partnerAgencyId, lead.partnerJurisdictionCode, s.roles.conference)) ?? { agencyId: lead.partnerAgencyId, role: s.roles.conference, positionId: null };
    const visitor = (await holderNear(lead.partnerAgencyId, lead.partnerJurisdictionCode, s.roles.followUp)) ?? convener;
    return { jurisdictionCode: lead.partnerJurisdictionCode, convener, visitor };
  };

  return {
    async prepareCase({ caseId }) {
      const row = await load(caseId);
      // Captured here, once: the activity's answer stays in the process's history, so a later settings
      // version does not change a running case.
      const effective = await settings.effective(CASE_PROCESS_KEY, row.jurisdictionCode);
      const s = caseManagementSettingsSchema.parse(withDefaults(CASE_MANAGEMENT_PROCESS, effective.settings));
      // Nobody holding the role anywhere near: the task waits at the intake agency, where the
      // jurisdiction's coordinators see it and can move it.
      const intake = (await holderNear(row.intakeAgencyId, row.jurisdictionCode, s.roles.intake)) ?? { agencyId: row.intakeAgencyId, role: s.roles.intake, positionId: null };
      const protection = (await holderNear(null, row.jurisdictionCode, s.roles.protection)) ?? { agencyId: row.intakeAgencyId, role: s.roles.protection, positionId: null };
      const conference = s.roles.conference === s.roles.protection ? protection : ((await holderNear(null, row.jurisdictionCode, s.roles.conference)) ?? { agencyId: row.intakeAgencyId, role: s.roles.conference, positionId: null });
      const followUp = s.roles.followUp === s.roles.intake ? intake : ((await holderNear(row.intakeAgencyId, row.jurisdictionCode, s.roles.followUp)) ?? { agencyId: row.intakeAgencyId, role: s.roles.followUp, positionId: null });
      return { caseId, caseCode: row.code, jurisdictionCode: row.jurisdictionCode, intake, protection, conference, followUp, settings: s, settingsVersion: effective.version };
    },

    async recordIntake({ caseId, submissionId }) {
      const row = await load(caseId);
      if (submissionId) await noteFacts(row, factsFromIntake((await forms.submissionData(submissionId))?.data));
      if (row.stage !== 'intake') return;
      await moveTo(row, { stage: 'screening', identificationStatus: row.identificationStatus }, 'case.intake');
    },

    async recordScreening({ caseId, submissionId }) {
      const row = await load(caseId);
      const data = submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {};
      await noteFacts(row, factsFromScreening(data));
      const result = screeningFields(data)['result'];
      // The API checked the result before the decision was accepted; a submission without one is a fault.
      if (!isScreeningResult(result)) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, { id: `Penapisan kasus ${row.code} tidak memuat hasil.`, en: `The screening of case ${row.code} holds no result.` });
      }
      const after = afterScreening(result);
      const stage = stageAfterScreening(result);
      if (!after || !stage) throw new DomainError(ErrorCode.VALIDATION_FAILED, { id: `Hasil penapisan kasus ${row.code} tidak dikenal.`, en: `The screening result of case ${row.code} is not known.` });
      // The screening gives the first identification status; a status already recorded (a retry) stands.
      const identificationStatus = row.identificationStatus ?? after.identificationStatus;
      if (row.stage === 'intake' || row.stage === 'screening') {
        if (row.stage !== stage || row.identificationStatus !== identificationStatus) await moveTo(row, { stage, identificationStatus }, 'case.screening', { result });
      }
      // Met at once for a presumed victim, whatever the person's cooperation with law enforcement (not read here).
      const immediateNeeds: ImmediateNeed[] =
        after.identificationStatus === 'presumed' ? immediateNeedCodes(data).map((code) => ({ code, label: NEED_LABELS.get(code) ?? { id: code, en: code } })) : [];
      return { result, identificationStatus, stage, immediateNeeds };
    },

    async openConference({ caseId, round }) {
      const row = await load(caseId);
      if (row.stage === 'case_conference' || row.stage === 'closed') return;
      await moveTo(row, { stage: 'case_conference', identificationStatus: row.identificationStatus }, 'case.conference_called', { round });
    },

    async recordConference({ caseId, round, submissionId, actionRole }) {
      const row = await load(caseId);
      const data = submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {};
      // The form and the API checked the answers (agencies of this task force, dates); read defensively all the same.
      const actions: ConferenceAction[] = (Array.isArray(data['actions']) ? data['actions'] : []).flatMap((a: unknown, index: number) => {
        if (!isRecord(a) || typeof a['agencyId'] !== 'string' || !isDate(a['dueDate'])) return [];
        const service = typeof a['service'] === 'string' && a['service'] ? a['service'] : null;
        return [{ index, agencyId: a['agencyId'], role: actionRole, dueDate: a['dueDate'], service, serviceLabel: service ? (SERVICE_LABELS.get(service) ?? { id: service, en: service }) : null }];
      });
      // The agency named acts: whoever there holds the action role, else its case worker or coordinator.
      for (const a of actions) {
        for (const role of [actionRole, Role.CASE_WORKER, Role.CASE_COORDINATOR]) {
          if ((await tasks.peopleFor({ agencyId: a.agencyId, role })).length) {
            a.role = role;
            break;
          }
        }
      }
      const agenda = isRecord(data['agenda']) ? data['agenda'] : {};
      await noteRisk(row, isRecord(agenda['dangerFromTrafficker']) ? agenda['dangerFromTrafficker']['riskLevel'] : undefined);
      const followUpDate = data['followUpConferenceNeeded'] === true && isDate(data['followUpConferenceDate']) ? data['followUpConferenceDate'] : null;
      if (row.stage === 'case_conference') {
        await moveTo(row, { stage: 'referral', identificationStatus: row.identificationStatus }, 'case.conference', { round, actions: actions.length, followUp: followUpDate !== null });
      }
      return { actions, followUpDate };
    },

    async openReintegration({ caseId }) {
      const row = await load(caseId);
      if (row.stage !== 'reintegration' && row.stage !== 'closed') await moveTo(row, { stage: 'reintegration', identificationStatus: row.identificationStatus }, 'case.reintegration');
      return leadTeam(row.id);
    },

    async reintegrationTeam({ caseId }) {
      return leadTeam((await load(caseId)).id);
    },

    async recordReintegrationPlan({ caseId, submissionId }) {
      const row = await load(caseId);
      const data = submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {};
      const child = data['ageGroup'] === 'child';
      const followUpMonths = followUpSchedule(data['followUpMonths'], child);
      await auditCase(row, 'case.reintegration_plan', { followUpMonths, child });
      return { followUpMonths, child };
    },

    async recordReunification({ caseId, at }) {
      const row = await load(caseId);
      if (row.reunifiedAt) return;
      await cases.transaction(async (tx) => {
        await cases.setReunified(row.id, new Date(at), tx);
        await auditCase(row, 'case.reunification', { at }, tx);
      });
    },

    async recordFollowUp({ caseId, month, submissionId }) {
      const row = await load(caseId);
      const data = submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {};
      const status = data['status'];
      await noteRisk(row, isRecord(data['retraffickingCheck']) ? data['retraffickingCheck']['riskLevel'] : undefined);
      await auditCase(row, 'case.follow_up', { month, status: typeof status === 'string' ? status : null });
    },

    async recordClosure({ caseId, submissionId, at }) {
      const row = await load(caseId);
      if (row.stage === 'closed') return;
      const reason = submissionId ? (await forms.submissionData(submissionId))?.data['reason'] : undefined;
      await cases.transaction(async (tx) => {
        await cases.close(row.id, new Date(at), tx);
        await auditCase(row, 'case.close', { reason: typeof reason === 'string' ? reason : null, stage: 'closed' }, tx);
      });
    },

    async prepareReferral({ referralId }) {
      const { referral, row } = await loadReferral(referralId);
      const effective = await settings.effective(CASE_PROCESS_KEY, row.jurisdictionCode);
      const s = caseManagementSettingsSchema.parse(withDefaults(CASE_MANAGEMENT_PROCESS, effective.settings));
      const coordinator = (await holderNear(null, row.jurisdictionCode, s.roles.conference)) ?? { agencyId: row.intakeAgencyId, role: s.roles.conference, positionId: null };
      return {
        referralId,
        number: referral.number,
        referralSubmissionId: referral.referralSubmissionId,
        jurisdictionCode: row.jurisdictionCode,
        serviceType: referral.serviceType,
        serviceLabel: SERVICE_LABELS.get(referral.serviceType) ?? { id: referral.serviceType, en: referral.serviceType },
        receiver: await actorAt(referral.receivingAgencyId, s.roles.referral),
        coordinator,
        settings: s,
      };
    },

    async recordReferralResponse({ referralId, submissionId }) {
      const { referral, row } = await loadReferral(referralId);
      const data = submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {};
      const decision = data['decision'] === 'accepted' ? 'accepted' : 'declined';
      if (referral.status === 'sent') {
        await cases.transaction(async (tx) => {
          // Only from `sent`: a referral cancelled with its case meanwhile stays cancelled.
          if (await cases.moveReferral(referralId, ['sent'], { status: decision, responseSubmissionId: submissionId, respondedAt: new Date() }, tx)) {
            await auditReferral(row, `case_referral.${decision}`, { number: referral.number, serviceType: referral.serviceType, agencyId: referral.receivingAgencyId }, tx);
          }
        });
      }
      return { decision };
    },

    async recordReReferral({ referralId, submissionId }) {
      const { referral, row } = await loadReferral(referralId);
      if (!submissionId) throw new Error(`Re-referral of ${referralId} has no form`);
      const done = await cases.findReferralBySubmission(submissionId);
      if (done) return { referralId: done.id };
      // The case closed while the coordinator was re-referring: no new referral goes out.
      if (row.stage === 'closed') return { referralId };
      const data = (await forms.submissionData(submissionId))?.data ?? {};
      const created = await cases.transaction(async (tx) => {
        const next = await cases.insertReferral(
          {
            id: randomUUID(),
            caseId: row.id,
            serviceType: typeof data['serviceType'] === 'string' ? data['serviceType'] : referral.serviceType,
            receivingAgencyId: typeof data['receivingAgencyId'] === 'string' ? data['receivingAgencyId'] : referral.receivingAgencyId,
            status: 'sent',
            referralSubmissionId: submissionId,
            responseSubmissionId: null,
            outcomeSubmissionId: null,
            replacesId: referral.id,
            sentAt: new Date(),
            // The coordinator who completed the re-referral task sent it.
            sentBy: (await forms.submissionData(submissionId))?.createdBy ?? row.openedBy,
            respondedAt: null,
            completedAt: null,
          },
          tx,
        );
        await auditReferral(row, 'case_referral.send', { number: next.number, replaces: referral.number, serviceType: next.serviceType, agencyId: next.receivingAgencyId }, tx);
        return next;
      });
      return { referralId: created.id };
    },

    async recordServiceOutcome({ referralId, submissionId }) {
      const { referral, row } = await loadReferral(referralId);
      if (referral.status === 'completed') return;
      await cases.transaction(async (tx) => {
        await cases.updateReferral(referralId, { status: 'completed', outcomeSubmissionId: submissionId, completedAt: new Date() }, tx);
        const outcome = submissionId ? (await forms.submissionData(submissionId))?.data['outcome'] : undefined;
        await auditReferral(row, 'case_referral.outcome', { number: referral.number, serviceType: referral.serviceType, outcome: typeof outcome === 'string' ? outcome : null }, tx);
      });
    },

    async recordRisk({ caseId, submissionId }) {
      const row = await load(caseId);
      const data = submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {};
      await noteRisk(row, data['riskLevel']);
    },

    async openReferralLoops({ caseId }) {
      const row = await load(caseId);
      const all = await cases.referrals(caseId);
      const byId = new Map(all.map((r) => [r.id, r]));
      const replaced = new Set(all.map((r) => r.replacesId).filter((id): id is string => !!id));
      const out: string[] = [];
      // Each chain's latest referral (none replaces it); its loop runs under the chain's first number.
      for (const latest of all.filter((r) => !replaced.has(r.id))) {
        if (!['sent', 'accepted', 'declined'].includes(latest.status)) continue;
        let root = latest;
        for (let up = root.replacesId ? byId.get(root.replacesId) : undefined; up; up = up.replacesId ? byId.get(up.replacesId) : undefined) root = up;
        out.push(caseReferralWorkflowId(row.code, root.number));
      }
      return out;
    },

    async cancelReferral({ referralId }) {
      const { row } = await loadReferral(referralId);
      if (row.stage !== 'closed') return;
      // Every referral of the closed case still under way ends (whichever loop gets here first); a declined one
      // stays declined (the agency's answer stands), a completed one completed.
      for (const referral of await cases.referrals(row.id)) {
        if (referral.status !== 'sent' && referral.status !== 'accepted') continue;
        await cases.transaction(async (tx) => {
          if (await cases.moveReferral(referral.id, ['sent', 'accepted'], { status: 'cancelled', completedAt: new Date() }, tx)) {
            await auditReferral(row, 'case_referral.cancelled', { number: referral.number, serviceType: referral.serviceType, before: referral.status, reason: 'case_closed' }, tx);
          }
        });
      }
    },
  };
}
