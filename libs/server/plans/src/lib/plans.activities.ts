import { randomUUID } from 'node:crypto';
import { PLAN_OF_ACTION_DEFAULTS, planOfActionSettingsSchema, withDefaults, PLAN_OF_ACTION_PROCESS, type ActivityRef, type PlanVersionContent, type SubTaskForceKind } from '@gugus/contracts';
import { activeInYear, carryOver, centralBudgetReason, commentAnchorSection, compilePlanVersion, identifyActivities, planBudget, toSectionAnswers, type PlanSection, type PoaSectionAnswers } from '@gugus/plan';
import type { AuditService } from '@gugus/server-audit';
import type { FormsService } from '@gugus/server-forms';
import type { TasksRepository } from '@gugus/server-tasks';
import type { AgencyAssignment, PlanActivities, TaskAssignee } from '@gugus/workflows';
import type { PlansRepository } from './plans.repository';
import { compiledReportPrefill } from './report-prefill';

export interface PlanActivityDeps {
  plans: PlansRepository;
  tasks: TasksRepository;
  forms: FormsService;
  audit: AuditService;
}

/** Activity implementations of the plan-of-action process. Each is idempotent. */
export function createPlanActivities({ plans, tasks, forms, audit }: PlanActivityDeps): PlanActivities {
  const load = async (planId: string) => {
    const plan = await plans.find(planId);
    if (!plan) throw new Error(`Plan ${planId} not found`);
    return plan;
  };
  const dataOf = async (submissionId: string | null) => (submissionId ? ((await forms.submissionData(submissionId))?.data ?? {}) : {});
  /** Who speaks for an agency in a role: the representing position, else the role at the agency. */
  const assigneeAt = async (agencyId: string, role: TaskAssignee['role']): Promise<TaskAssignee> => ({ agencyId, role, positionId: null });
  const endorsedContent = async (planId: string): Promise<PlanVersionContent> => {
    const plan = await load(planId);
    const version = plan.endorsedVersionId ? await plans.versionById(plan.endorsedVersionId) : await plans.latestVersion(planId);
    if (!version) throw new Error(`Plan ${planId} has no version`);
    return version.content;
  };

  return {
    async preparePlan({ planId }) {
      const plan = await load(planId);
      const s = withDefaults(PLAN_OF_ACTION_PROCESS, planOfActionSettingsSchema.parse(plan.settings ?? PLAN_OF_ACTION_DEFAULTS));
      const secretariat = await tasks.agencyWithRole(plan.jurisdictionCode, s.roles.secretariat);
      if (!secretariat) throw new Error(`No ${s.roles.secretariat} in ${plan.jurisdictionCode}`);
      const legal = await tasks.agencyWithRole(plan.jurisdictionCode, s.roles.legalReview);
      if (!legal) throw new Error(`No ${s.roles.legalReview} in ${plan.jurisdictionCode}`);
      const chairAgency = await tasks.agencyWithRole(plan.jurisdictionCode, s.roles.decree);
      if (!chairAgency) throw new Error(`No ${s.roles.decree} in ${plan.jurisdictionCode}`);
      const subs = await plans.subTaskForces(plan.jurisdictionCode);
      // The steering chair (ketua harian): the task force's steering agency if someone there holds the role, else whoever
      // holds it in the jurisdiction, else the chair — the performance report must reach someone before the chair.
      const steeringAgencyId = await plans.steeringAgency(plan.jurisdictionCode);
      const steeringStaffed = steeringAgencyId ? (await tasks.peopleFor({ agencyId: steeringAgencyId, role: s.roles.steering })).length > 0 : false;
      const steeringAgency = steeringAgencyId && steeringStaffed ? steeringAgencyId : ((await tasks.agencyWithRole(plan.jurisdictionCode, s.roles.steering))?.agencyId ?? null);
      const secretariatAssignee: TaskAssignee = { agencyId: secretariat.agencyId, role: s.roles.secretariat };
      const members = await plans.agencies(plan.jurisdictionCode);
      const memberAssignees: { agencyId: string; assignee: TaskAssignee }[] = [];
      for (const m of members) {
        if (m.id === secretariat.agencyId) continue;
        // An agency comments if someone there holds the member-comment role (or represents it).
        const people = await tasks.peopleFor({ agencyId: m.id, role: s.roles.memberComment });
        if (people.length) memberAssignees.push({ agencyId: m.id, assignee: { agencyId: m.id, role: s.roles.memberComment } });
      }
      return {
        planId,
        jurisdictionCode: plan.jurisdictionCode,
        title: plan.title,
        periodStart: plan.periodStart,
        periodYears: plan.periodYears,
        settings: s,
        secretariat: secretariatAssignee,
        legalReviewer: { agencyId: legal.agencyId, role: s.roles.legalReview },
        decreeHolder: { agencyId: chairAgency.agencyId, role: s.roles.decree },
        steeringChair: steeringAgency ? { agencyId: steeringAgency, role: s.roles.steering } : { agencyId: chairAgency.agencyId, role: s.roles.decree },
        sections: await Promise.all(
          plan.sectionKinds.map(async (kind) => {
            const lead = subs.find((x) => x.kind === kind)?.leadAgencyId ?? null;
            // A Sub-TF without a lead (or whose lead has nobody in the role) is drafted by the secretariat.
            const leadStaffed = lead ? (await tasks.peopleFor({ agencyId: lead, role: s.roles.section })).length > 0 : false;
            return { subTaskForce: kind, leadAgencyId: lead, assignee: lead && leadStaffed ? await assigneeAt(lead, s.roles.section) : secretariatAssignee };
          }),
        ),
        members: memberAssignees,
      };
    },

    async reportPrefill({ report, parts }) {
      const answers: Record<string, unknown>[] = [];
      for (const p of parts) answers.push({ ...(await dataOf(p.submissionId)), subTaskForce: p.subTaskForce });
      return compiledReportPrefill(report, answers);
    },

    async recordStage({ planId, spanId, stage, round, holder, at, status, generation }) {
      const plan = await load(planId);
      // The span, the plan's new status and its audit entry are written together, so a worker lost half-way leaves none of them for the retry to skip.
      await plans.transaction(async (tx) => {
        const started = await plans.recordStage(planId, { id: spanId, stage, round, holderAgencyId: holder?.agencyId ?? null, holderRole: holder?.role ?? null, at: new Date(at) }, { ...(status ? { status } : {}), ...(generation !== undefined ? { generation } : {}) }, tx);
        if (started && status && status !== plan.status) await audit.record({ actorId: null, action: `plan.${status}`, targetType: 'plan', targetId: planId, jurisdictionCode: plan.jurisdictionCode, requestId: null, before: { status: plan.status }, after: { status, stage } }, tx);
      });
    },

    async compileVersion({ planId, versionId, kind, round, generation, sections }) {
      const plan = await load(planId);
      const existing = await plans.versionById(versionId);
      if (existing) return { ok: true, seq: existing.seq, activityCount: existing.activityCount };
      const previous = await plans.latestVersion(planId);
      const submissions: PoaSectionAnswers[] = [];
      for (const s of sections) {
        const data = (await dataOf(s.submissionId)) as PoaSectionAnswers;
        submissions.push({ ...data, subTaskForce: s.subTaskForce });
      }
      const identified: PlanSection[] = identifyActivities(submissions, { previous: previous?.content ?? null, allocateActivityId: () => randomUUID() });
      const compiled = compilePlanVersion(identified, plan.sectionKinds, { period: { start: plan.periodStart, years: plan.periodYears } });
      if (!compiled.ok) return { ok: false, problems: compiled.problems.map((p) => ({ subTaskForce: p.subTaskForce, message: p.message })) };
      const budget = planBudget(compiled.value);
      if (!budget.ok) return { ok: false, problems: budget.problems.map((p) => ({ subTaskForce: p.subTaskForce, message: p.message })) };
      // The version and its audit entry together: a retry after a lost worker finds the version and must not find it unaudited.
      const row = await plans.transaction(async (tx) => {
        const { version, created } = await plans.insertVersion({ id: versionId, planId, kind, round, generation, content: compiled.value, activityCount: budget.value.activities.length, budgetTotal: budget.value.total }, tx);
        if (created) await audit.record({ actorId: null, action: 'plan.version', targetType: 'plan', targetId: planId, jurisdictionCode: plan.jurisdictionCode, requestId: null, after: { seq: version.seq, kind, round, activities: version.activityCount, budgetTotal: version.budgetTotal, budgetWarnings: budget.value.warnings.map((w) => w.subTaskForce ?? 'plan') } }, tx);
        return version;
      });
      return { ok: true, seq: row.seq, activityCount: row.activityCount };
    },

    async commentedSections({ planId, taskIds }) {
      const plan = await load(planId);
      const kinds = new Set<SubTaskForceKind>();
      for (const id of taskIds) {
        const task = await tasks.find(id);
        if (!task || task.processId !== planId) continue;
        for (const comment of (await tasks.openPrivate(task)).comments) {
          const kind = commentAnchorSection(comment.field ?? '', plan.sectionKinds);
          if (kind === 'all') plan.sectionKinds.forEach((k) => kinds.add(k));
          else if (kind) kinds.add(kind);
        }
      }
      return plan.sectionKinds.filter((k) => kinds.has(k));
    },

    async recordDecree({ planId, versionSeq, submissionId, at }) {
      const plan = await load(planId);
      const version = await plans.version(planId, versionSeq);
      if (!version) throw new Error(`Plan ${planId} has no version ${versionSeq}`);
      const known = await plans.decree(planId, version.id);
      if (known) return { monitoringFrequency: known.monitoringFrequency };
      const data = await dataOf(submissionId);
      const frequency = (['quarterly', 'semester', 'annual'].includes(String(data['monitoringFrequency'])) ? data['monitoringFrequency'] : 'quarterly') as 'quarterly' | 'semester' | 'annual';
      await plans.transaction(async (tx) => {
        const recorded = await plans.insertDecree(
          {
            planId,
            versionId: version.id,
            number: typeof data['decreeNumber'] === 'string' ? data['decreeNumber'] : '-',
            date: typeof data['decreeDate'] === 'string' ? data['decreeDate'] : at.slice(0, 10),
            monitoringFrequency: frequency,
            budgetSources: Array.isArray(data['budgetSources']) ? (data['budgetSources'] as string[]) : [],
            submissionId,
          },
          tx,
        );
        if (recorded) await audit.record({ actorId: null, action: 'plan.endorse', targetType: 'plan', targetId: planId, jurisdictionCode: plan.jurisdictionCode, requestId: null, after: { versionSeq, decreeNumber: data['decreeNumber'] ?? null } }, tx);
      });
      return { monitoringFrequency: frequency };
    },

    async integrationAssignments({ planId, document, fiscalYear }) {
      const plan = await load(planId);
      const content = await endorsedContent(planId);
      const byAgency = new Map<string, ActivityRef[]>();
      for (const section of content.sections)
        for (const a of section.activities) {
          if (fiscalYear && !activeInYear(a.answers, fiscalYear)) continue;
          byAgency.set(a.answers.responsibleAgencyId, [...(byAgency.get(a.answers.responsibleAgencyId) ?? []), { activityId: a.activityId, subTaskForce: section.subTaskForce, code: a.answers.code }]);
        }
      const kinds = await plans.agencyKinds([...byAgency.keys()]);
      const out: AgencyAssignment[] = [];
      for (const [agencyId, activities] of byAgency) {
        const reason = centralBudgetReason(kinds.get(agencyId) ?? '');
        if (reason) {
          // Agencies funded from the central budget skip integration, with the reason recorded.
          await plans.upsertIntegration({ planId, agencyId, document, fiscalYear, status: 'skipped', reason, dueDate: null, taskId: null, submissionId: null });
          continue;
        }
        out.push({ agencyId, assignee: { agencyId, role: plan.settings.roles.agency }, activities, prefill: { agencyId, fiscalYear: fiscalYear || plan.periodStart, activities: activities.map((a) => ({ activityCode: a.code })) } });
      }
      return out;
    },

    async recordIntegration({ planId, agencyId, document, fiscalYear, taskId, submissionId, status }) {
      await plans.upsertIntegration({ planId, agencyId, document, fiscalYear, status, reason: null, dueDate: null, taskId, submissionId });
    },

    async budgetApprovalAssignment({ planId, fiscalYear }) {
      const content = await endorsedContent(planId);
      const refs = new Map<string, ActivityRef>();
      for (const section of content.sections) for (const a of section.activities) refs.set(a.answers.code, { activityId: a.activityId, subTaskForce: section.subTaskForce, code: a.answers.code });
      const proposals: Record<string, unknown>[] = [];
      for (const row of await plans.rkaProposals(planId, fiscalYear)) {
        for (const p of Array.isArray(row.activities) ? (row.activities as Record<string, unknown>[]) : []) {
          // Pre-filled as proposed and not yet approved: the secretariat marks what the DPRD approved.
          proposals.push({ agencyId: row.agencyId, activityCode: p['activityCode'], proposedAmount: p['proposedAmount'], budgetSource: p['budgetSource'], approved: false, approvedAmount: p['proposedAmount'] });
        }
      }
      const activities = [...new Set(proposals.map((p) => String(p['activityCode'])))].flatMap((code) => refs.get(code) ?? []);
      return { activities, prefill: { fiscalYear, proposals } };
    },

    async recordApprovedBudget({ planId, fiscalYear, taskId, submissionId }) {
      const plan = await load(planId);
      const version = plan.endorsedVersionId ? await plans.versionById(plan.endorsedVersionId) : null;
      if (!version) throw new Error(`Plan ${planId} has no endorsed version`);
      const byCode = new Map<string, string>();
      for (const section of version.content.sections) for (const a of section.activities) byCode.set(a.answers.code, a.activityId);
      const data = await dataOf(submissionId);
      const proposals = Array.isArray(data['proposals']) ? (data['proposals'] as Record<string, unknown>[]) : [];
      await plans.transaction(async (tx) => {
        for (const p of proposals) {
          const activityId = byCode.get(String(p['activityCode']));
          const amount = p['approvedAmount'];
          // Only what the DPRD approved counts as allocated; a code the endorsed plan does not have is left out.
          if (p['approved'] !== true || !activityId || typeof amount !== 'number') continue;
          const allocationId = randomUUID();
          const budgetSource = String(p['budgetSource'] ?? '');
          const created = await plans.insertAllocation({ id: allocationId, planId, versionId: version.id, activityId, fiscalYear, amount, budgetSource, approvedByParliament: true, recordedBy: null, sourceTaskId: taskId }, tx);
          if (created) await audit.record({ actorId: null, action: 'plan.allocation', targetType: 'plan', targetId: planId, jurisdictionCode: plan.jurisdictionCode, requestId: null, after: { allocationId, versionSeq: version.seq, activityId, fiscalYear, amount, approvedByParliament: true, taskId } }, tx);
        }
      });
    },

    async progressAssignments({ planId, period, year }) {
      const plan = await load(planId);
      const content = await endorsedContent(planId);
      // The latest report of each activity (rows come in period order).
      const last = new Map((await plans.progress(planId)).map((p) => [p.activityId, p] as const));
      const byAgency = new Map<string, ActivityRef[]>();
      const prefillRows = new Map<string, Record<string, unknown>[]>();
      for (const section of content.sections)
        for (const a of section.activities) {
          if (!activeInYear(a.answers, year)) continue;
          const agencyId = a.answers.responsibleAgencyId;
          byAgency.set(agencyId, [...(byAgency.get(agencyId) ?? []), { activityId: a.activityId, subTaskForce: section.subTaskForce, code: a.answers.code }]);
          // Pre-filled from the last period's report of this activity.
          const previous = last.get(a.activityId);
          prefillRows.set(agencyId, [
            ...(prefillRows.get(agencyId) ?? []),
            { activityCode: a.answers.code, ...(previous?.indicatorValue != null ? { achievedValue: previous.indicatorValue } : {}), ...(previous?.status ? { status: previous.status } : {}), ...(previous?.spent != null ? { spent: previous.spent } : {}) },
          ]);
        }
      return [...byAgency].map(([agencyId, activities]) => ({
        agencyId,
        assignee: { agencyId, role: plan.settings.roles.agency },
        activities,
        prefill: { agencyId, quarter: /^\d{4}-Q[1-4]$/.test(period) ? period : undefined, activities: prefillRows.get(agencyId) ?? [] },
      }));
    },

    async recordProgress({ planId, period, agencyId, taskId, submissionId, opened }) {
      if (opened) return plans.expectReport(planId, period, agencyId, taskId);
      const content = await endorsedContent(planId);
      const data = await dataOf(submissionId);
      const byCode = new Map(content.sections.flatMap((s) => s.activities.map((a) => [a.answers.code, a.activityId] as const)));
      const rows = (Array.isArray(data['activities']) ? (data['activities'] as Record<string, unknown>[]) : [])
        .filter((r) => typeof r['activityCode'] === 'string' && byCode.has(r['activityCode'] as string))
        .map((r) => ({
          activityId: byCode.get(r['activityCode'] as string) as string,
          indicatorValue: typeof r['achievedValue'] === 'number' ? r['achievedValue'] : null,
          status: typeof r['status'] === 'string' ? r['status'] : null,
          spent: typeof r['spent'] === 'number' ? r['spent'] : null,
        }));
      await plans.recordReport(planId, period, agencyId, rows, taskId, submissionId);
    },

    async revisionDrafts({ planId }) {
      const content = await endorsedContent(planId);
      const progress = await plans.progress(planId);
      const latest = new Map<string, string | null>();
      for (const p of progress) latest.set(p.activityId, p.status);
      // Unfinished: never reported done (or not reported at all); they carry over with their ids.
      const unfinished = content.sections.flatMap((s) => s.activities.map((a) => a.activityId)).filter((id) => latest.get(id) !== 'completed');
      const carried = carryOver(content, unfinished);
      if (!carried.ok) throw new Error(carried.problems.map((p) => p.message.en).join('; '));
      return carried.value.sections.map((section) => ({ subTaskForce: section.subTaskForce, prefill: toSectionAnswers(section) as unknown as Record<string, unknown> }));
    },

    async recordOutsideStep({ planId, stepId, round, body, referenceNumber, date, note, actorId, at }) {
      const plan = await load(planId);
      await plans.transaction(async (tx) => {
        if (!(await plans.insertOutsideStep(planId, { id: stepId, round, body: body as 'other', referenceNumber, letterDate: date, note, startedAt: new Date(at), recordedBy: actorId }, tx))) return;
        await plans.recordStage(planId, { id: stepId, stage: 'outside_body', round, holderAgencyId: null, holderRole: null, at: new Date(at) }, {}, tx);
        await audit.record({ actorId, action: 'plan.outside_step', targetType: 'plan', targetId: planId, jurisdictionCode: plan.jurisdictionCode, requestId: null, after: { stepId, body, referenceNumber, date } }, tx);
      });
    },

    async endOutsideStep({ planId, stepId, at, referenceNumber, date }) {
      await plans.endOutsideStep(planId, stepId, new Date(at), referenceNumber ?? null, date ?? null);
    },
  };
}
