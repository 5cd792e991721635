import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { checkScreeningDecision, earliestChildClosure } from '@gugus/cases';
import { ErrorCode, type BilingualText, type CaseList, type CaseReadPurpose, type CaseRiskLevel, type CaseStage, type CaseTimelineView, type CaseView, type CaseReopenReason, type OpenCaseRequest, type ProtectionStarted } from '@gugus/contracts';
import { abilityFor, assertCan, canOn, coveredCodePattern, covers, forbidden, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { optionLabels } from '@gugus/forms';
import { SERVER_CONFIG, type ServerConfig } from '@gugus/server-config';
import { DomainError } from '@gugus/server-http';
import { TasksRepository, TasksService } from '@gugus/server-tasks';
import { CASE_PROCESS_KEY, caseProcess, caseWorkflowId, closeCaseSignal, startProtectionSignal } from '@gugus/workflows';
import { caseYear, formatCaseCode, isCaseJurisdiction } from './case-code';
import { toCaseSummary, toCaseView } from './cases.mapper';
import { CasesRepository } from './cases.repository';
import type { CaseEntity } from './cases.entities';
import { FormsService } from '@gugus/server-forms';
import type { Language } from '@gugus/forms';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { caseFor, caseForReader, sharesOf } from './case-access';
import { recordCaseDocument } from './case-documents';
import { CooperationAgreementsService } from './cooperation-agreements.service';
import { jakartaDate } from '@gugus/server-calendar';

export const CASE_LIST_DEFAULT = 50;
const STEP_TITLES: Record<string, BilingualText> = {
  intake: { id: 'Penerimaan kasus', en: 'Case intake' },
  screening: { id: 'Penapisan awal', en: 'Initial screening' },
  'immediate-protection': { id: 'Perlindungan segera', en: 'Immediate protection' },
  conference: { id: 'Konferensi kasus', en: 'Case conference' },
  'conference-action': { id: 'Tindakan konferensi kasus', en: 'Case conference action' },
  'referral-response': { id: 'Jawaban rujukan', en: 'Referral answer' },
  're-referral': { id: 'Rujukan ulang', en: 'Re-referral' },
  'service-outcome': { id: 'Hasil layanan', en: 'Service outcome' },
  'reintegration-plan': { id: 'Rencana reintegrasi', en: 'Reintegration plan' },
  reunification: { id: 'Penyatuan kembali atau pemulangan', en: 'Reunification or return' },
  'follow-up': { id: 'Kunjungan pemantauan', en: 'Follow-up visit' },
  closure: { id: 'Penutupan kasus', en: 'Case closure' },
};
/** A step's title without what it is about (a need, a service): the step's name and the coded id. */
const stepTitle = (step: string, code: string): BilingualText => ((t) => ({ id: `${t.id} — kasus ${code}`, en: `${t.en} — case ${code}` }))(STEP_TITLES[step] ?? { id: 'Langkah', en: 'Step' });

/** The national closure form (`forms/library/case-closure`); a province's variant applies where it has one. */
export const CLOSURE_FORM_KEY = 'case-closure';

/** What keeps a closure from standing: a child's case closes as "regained control" two years after reunification at the earliest. */
export function closureProblems(row: CaseEntity, data: Record<string, unknown>): { field: string; message: BilingualText }[] {
  if (data['reason'] !== 'regained_control' || data['ageGroup'] !== 'child') return [];
  const closing = typeof data['closureDate'] === 'string' ? data['closureDate'] : '';
  if (!row.reunifiedAt) {
    return [{ field: '/closureDate', message: { id: 'penyatuan kembali anak belum dicatat; kasus anak ditutup paling cepat 2 tahun setelahnya', en: "the child's reunification is not recorded yet; a child's case closes 2 years after it at the earliest" } }];
  }
  const earliest = earliestChildClosure(row.reunifiedAt.toISOString());
  return closing >= earliest
    ? []
    : [{ field: '/closureDate', message: { id: `kasus anak baru dapat ditutup paling cepat ${earliest} (2 tahun setelah penyatuan kembali)`, en: `a child's case can close on ${earliest} at the earliest (2 years after reunification)` } }];
}

const NEED_LABELS = optionLabels('case-immediate-needs');

const invalid = (field: string, message: BilingualText) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });
const notJurisdiction = (field: string) =>
  invalid(field, { id: 'harus kode wilayah resmi provinsi atau kabupaten/kota, misalnya 32 atau 32.04', en: 'must be the official code of a province or regency/city, such as 32 or 32.04' });
// The same answer for a case that does not exist and one the reader may not see: nothing leaks.
const NOT_DONE: Record<'opened' | 'closed' | 'reopened', BilingualText> = {
  opened: { id: 'kasus belum dibuka', en: 'the case was not opened' },
  closed: { id: 'kasus belum ditutup', en: 'the case was not closed' },
  reopened: { id: 'kasus belum dibuka kembali', en: 'the case was not reopened' },
};
const engineDown = (what: keyof typeof NOT_DONE = 'opened') =>
  new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, { id: `Mesin proses (Temporal) tidak dapat dihubungi; ${NOT_DONE[what].id}. Coba lagi sebentar lagi.`, en: `The process engine (Temporal) cannot be reached; ${NOT_DONE[what].en}. Try again shortly.` });
/** How long opening a case waits for Temporal to take its process (the case number is held meanwhile). */
export const CASE_START_WAIT_MS = 10_000;

/**
 * The case record: opening a case under a coded id (which starts its process), the coordinators' list
 * and the case page. Every read of a case is written to the audit trail (with its purpose for the page),
 * every opening too.
 */
@Injectable()
export class CasesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly audit: AuditService,
    private readonly temporal: Client,
    @Inject(SERVER_CONFIG) private readonly config: ServerConfig,
    tasks: TasksService,
    private readonly taskRows: TasksRepository,
    private readonly agreements: CooperationAgreementsService,
    private readonly forms: FormsService,
  ) {
    // A screening result must stand by the rules (a "not a case" needs a rationale and an onward
    // referral; a departure from the advice needs a rationale) before the process hears of it.
    tasks.registerDecisionCheck(CASE_PROCESS_KEY, 'screening', (data) => checkScreeningDecision(data).map((p) => ({ field: p.field, message: p.message })));
    // A child is followed for two years after reunification before the case closes as "regained control".
    tasks.registerDecisionCheck(CASE_PROCESS_KEY, 'closure', async (data, task) => {
      const row = await this.cases.findById(task.processId);
      return row ? closureProblems(row, data) : [];
    });
    // The risk assessment before a reunification judges a child as a child: the age group is the reintegration plan's.
    tasks.registerDecisionCheck(CASE_PROCESS_KEY, 'reunification', async (data, task) => {
      const plan = (await this.taskRows.submissionsOfProcess(CASE_PROCESS_KEY, task.processId, ['reintegration-plan'])).at(-1);
      const child = plan ? (await this.forms.submissionData(plan))?.data['ageGroup'] === 'child' : false;
      if (!child || data['ageGroup'] === 'child') return [];
      return [{ field: '/ageGroup', message: { id: 'rencana reintegrasi kasus ini untuk anak: nilai risiko sebagai anak', en: "this case's reintegration plan is a child's: assess the risk as for a child" } }];
    });
    // A case's team: the agencies of its regency and of its province (whose task force serves it).
    tasks.registerAgencyScope(CASE_PROCESS_KEY, (code) => (code.includes('.') ? [code, code.split('.')[0]] : [code]));
  }

  async open(user: AuthUser, body: OpenCaseRequest, requestId: string | null): Promise<CaseView> {
    const { jurisdictionCode, intakeAgencyId, intakeChannel } = body;
    if (!isCaseJurisdiction(jurisdictionCode)) throw notJurisdiction('jurisdictionCode');
    assertCan(user, 'create', 'Case', { jurisdictionCode });
    // An unknown agency and one of another jurisdiction get the same answer.
    if ((await this.cases.agencyJurisdiction(intakeAgencyId)) !== jurisdictionCode) {
      throw invalid('intakeAgencyId', { id: 'bukan instansi anggota gugus tugas wilayah ini', en: "is not a member agency of this jurisdiction's task force" });
    }
    const openedAt = new Date();
    const year = caseYear(openedAt);
    const row = await this.cases.transaction(async (tx) => {
      const seq = await this.cases.nextSeq(jurisdictionCode, year, tx);
      const values = {
        id: randomUUID(),
        code: formatCaseCode(jurisdictionCode, year, seq),
        jurisdictionCode,
        year,
        seq,
        intakeChannel,
        intakeAgencyId,
        stage: 'intake' as const,
        identificationStatus: null,
        openedAt,
        openedBy: user.personId,
        closedAt: null,
        reunifiedAt: null,
        riskLevel: null,
        riskAssessedAt: null,
      };
      await this.cases.insert(values, tx);
      await this.audit.record({ actorId: user.personId, action: 'case.open', targetType: 'case', targetId: values.code, jurisdictionCode, requestId, after: { intakeChannel, intakeAgencyId } }, tx);
      // No case without its process: the process starts inside the opening transaction, and if Temporal
      // cannot take it the opening rolls back (its number too) and the person is told to try again.
      // A process left behind by an opening whose commit failed holds a number that is given out again:
      // the new case's start replaces it (a number belongs to one live case only, see nextSeq).
      try {
        await this.temporal.withDeadline(Date.now() + CASE_START_WAIT_MS, () =>
          this.temporal.workflow.start(caseProcess, {
            workflowId: caseWorkflowId(values.code),
            taskQueue: this.config.TEMPORAL_TASK_QUEUE,
            args: [{ caseId: values.id, caseCode: values.code }],
            workflowIdConflictPolicy: 'TERMINATE_EXISTING',
          }),
        );
      } catch {
        throw engineDown();
      }
      return values;
    });
    return toCaseView(row, await this.cases.agencyName(intakeAgencyId), null, 'team', await this.agreements.agencyJurisdictions(jurisdictionCode));
  }

  /** Cases in the jurisdictions the reader may see (a province's cover its regencies), newest first. */
  async list(user: AuthUser, query: { jurisdictionCode?: string; stage?: CaseStage; risk?: CaseRiskLevel; limit?: number; offset?: number }, requestId: string | null): Promise<CaseList> {
    const asked = query.jurisdictionCode;
    if (asked !== undefined && !isCaseJurisdiction(asked)) throw notJurisdiction('jurisdictionCode');
    const ability = abilityFor(user.grants);
    let scopePatterns: string[] | null = null;
    if (!ability.can('manage', 'all')) {
      const codes = user.grants.map((g) => g.jurisdictionCode).filter((jurisdictionCode) => canOn(ability, 'read', 'Case', { jurisdictionCode }));
      if (!codes.length) throw forbidden();
      // A jurisdiction none of the reader's grants overlaps is refused, not answered empty.
      if (asked && !codes.some((code) => covers(code, asked) || covers(asked, code))) throw forbidden();
      scopePatterns = [...new Set(codes.map((code) => coveredCodePattern(code).source))];
    }
    const limit = query.limit ?? CASE_LIST_DEFAULT;
    const offset = query.offset ?? 0;
    // Cases other task forces share with the reader's (under agreements in force) are theirs to follow too.
    // A risk filter reads the risk level, which only a case's own team sees: shared cases are left out of it.
    const sharedIds = scopePatterns && !query.risk ? await this.cases.sharedCaseIds(scopePatterns, jakartaDate(new Date())) : [];
    const { rows, total } = await this.cases.list({ scopePatterns, sharedIds, jurisdictionPattern: asked ? coveredCodePattern(asked).source : undefined, stage: query.stage, risk: query.risk, limit, offset });
    await this.audit.record({ actorId: user.personId, action: 'case.list', targetType: 'case', targetId: null, jurisdictionCode: asked ?? null, requestId });
    const due = await this.taskRows.nextDueByProcess(CASE_PROCESS_KEY, rows.map((r) => r.id));
    return { items: rows.map((r) => toCaseSummary(r, due.get(r.id) ?? null, canOn(ability, 'read', 'Case', { jurisdictionCode: r.jurisdictionCode }))), total, limit, offset };
  }

  /** The case page. The read is audited with its purpose before anything is returned. */
  async view(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseView> {
    const { found, access } = await caseForReader(this.cases, user, code);
    await this.audit.record({ actorId: user.personId, action: 'case.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose, after: { access } });
    const nextDue = (await this.taskRows.nextDueByProcess(CASE_PROCESS_KEY, [found.id])).get(found.id) ?? null;
    return toCaseView(found, await this.cases.agencyName(found.intakeAgencyId), nextDue, access, await this.agreements.agencyJurisdictions(found.jurisdictionCode));
  }

  /** The steps of the case's processes, for the case team; the read is audited with its purpose. */
  async timeline(user: AuthUser, code: string, purpose: CaseReadPurpose, requestId: string | null): Promise<CaseTimelineView> {
    const { found, access } = await caseForReader(this.cases, user, code);
    await this.audit.record({ actorId: user.personId, action: 'case_timeline.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose });
    const rows = await this.taskRows.ofProcess(CASE_PROCESS_KEY, found.id);
    // A partner sees which steps stand where and its own agencies' part, not the owner's: a step's title
    // can name a need or a service, and an agency can say where the person is.
    const partnerCodes = access === 'partner' ? (await sharesOf(this.cases, user, found)).map((s) => s.partnerJurisdictionCode) : [];
    const ownAgency = new Map<string, boolean>();
    if (access === 'partner') {
      for (const id of new Set(rows.map((r) => r.agencyId))) {
        const j = await this.cases.agencyJurisdiction(id);
        ownAgency.set(id, j !== null && partnerCodes.some((p) => j === p || j.startsWith(`${p}.`)));
      }
    }
    return {
      caseCode: found.code,
      items: rows.map((r) => {
        const shown = access === 'team' || ownAgency.get(r.agencyId) === true;
        return {
          taskId: r.id,
          step: r.step,
          title: shown ? r.title : stepTitle(r.step, found.code),
          status: r.status,
          agency: shown ? { id: r.agencyId, name: r.agencyName } : { id: '', name: null },
          createdAt: r.createdAt.toISOString(),
          dueAt: r.dueAt.toISOString(),
          completedAt: r.completedAt?.toISOString() ?? null,
        };
      }),
    };
  }

  /**
   * Immediate protection before the screening is finished (PRODUCT §3.2 step 3): as soon as there are
   * reasonable grounds, the case team opens the needs' tasks; the process opens each once (the screening's
   * needs later add only the others). Only while the case is at intake or screening.
   */
  async startProtection(user: AuthUser, code: string, needs: string[], requestId: string | null): Promise<ProtectionStarted> {
    const found = await caseFor(this.cases, user, code, 'create');
    const unknown = needs.flatMap((need, i) => (NEED_LABELS.has(need) ? [] : [{ field: `needs/${i}`, message: { id: `bukan kebutuhan segera yang dikenal; pilih dari: ${[...NEED_LABELS.keys()].join(', ')}`, en: `not a known immediate need; choose from: ${[...NEED_LABELS.keys()].join(', ')}` } }]));
    if (unknown.length) throw new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: unknown });
    if (found.stage !== 'intake' && found.stage !== 'screening') {
      throw new DomainError(ErrorCode.CONFLICT, {
        id: `Kasus ${found.code} sudah melewati penapisan; kebutuhan segera dibuka dari hasil penapisan.`,
        en: `Case ${found.code} is past screening; immediate needs were opened from the screening's result.`,
      });
    }
    const unique = [...new Set(needs)];
    try {
      await this.temporal.withDeadline(Date.now() + CASE_START_WAIT_MS, () =>
        this.temporal.workflow.getHandle(caseWorkflowId(found.code)).signal(startProtectionSignal, { needs: unique.map((need) => ({ code: need, label: NEED_LABELS.get(need) as BilingualText })) }),
      );
    } catch {
      throw new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, { id: 'Mesin proses (Temporal) tidak dapat dihubungi; coba lagi sebentar lagi.', en: 'The process engine (Temporal) cannot be reached; try again shortly.' });
    }
    await this.audit.record({ actorId: user.personId, action: 'case.protection_started', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, after: { needs: unique } });
    return { caseCode: found.code, needs: unique };
  }

  /**
   * Closes the case at any time for a recorded reason (PRODUCT §3.2 step 10: withdrew, lost contact,
   * transferred, not a victim …) with the closure form, the person's feedback included: the form is
   * sealed and linked to the case, the case closes at once, and its process cancels every open step.
   */
  async close(user: AuthUser, code: string, data: unknown, language: Language, requestId: string | null): Promise<CaseView> {
    const found = await caseFor(this.cases, user, code, 'create');
    if (found.stage === 'closed') throw new DomainError(ErrorCode.CONFLICT, { id: `Kasus ${found.code} sudah ditutup.`, en: `Case ${found.code} is already closed.` });
    const at = new Date();
    await recordCaseDocument(
      { cases: this.cases, forms: this.forms, audit: this.audit, agreements: this.agreements },
      {
        user,
        found,
        formKey: CLOSURE_FORM_KEY,
        kind: 'closure',
        data,
        language,
        requestId,
        action: 'case.close',
        rules: (c) => closureProblems(found, c),
        summary: (c) => ({ reason: c['reason'], before: found.stage, stage: 'closed' }),
        alsoInside: async (_c, tx, submissionId) => {
          await this.cases.close(found.id, at, tx);
          // The process cancels its open steps; one that has already ended has none. Temporal down rolls the closure back.
          try {
            await this.temporal.withDeadline(Date.now() + CASE_START_WAIT_MS, () => this.temporal.workflow.getHandle(caseWorkflowId(found.code)).signal(closeCaseSignal, { submissionId }));
          } catch (err) {
            if (!(err instanceof WorkflowNotFoundError)) throw engineDown('closed');
          }
        },
      },
    );
    return this.view(user, found.code, 'case_management', requestId);
  }

  /** Reopens a closed case (a recorded reason, a code): it goes back to its team's case conference. */
  async reopen(user: AuthUser, code: string, reason: CaseReopenReason, requestId: string | null): Promise<CaseView> {
    const found = await caseFor(this.cases, user, code, 'create');
    if (found.stage !== 'closed') throw new DomainError(ErrorCode.CONFLICT, { id: `Kasus ${found.code} tidak sedang ditutup.`, en: `Case ${found.code} is not closed.` });
    // A reopened case starts again at its conference: only one whose person was identified as a victim.
    if (!['presumed', 'verified', 'confirmed'].includes(found.identificationStatus ?? '')) {
      throw new DomainError(ErrorCode.CONFLICT, {
        id: `Kasus ${found.code} ditutup sebelum yang bersangkutan diidentifikasi sebagai korban; buka kasus baru untuk penerimaan dan penapisan.`,
        en: `Case ${found.code} was closed before the person was identified as a victim; open a new case for intake and screening.`,
      });
    }
    await this.cases.transaction(async (tx) => {
      if (!(await this.cases.reopen(found.id, tx))) throw new DomainError(ErrorCode.CONFLICT, { id: `Kasus ${found.code} tidak sedang ditutup.`, en: `Case ${found.code} is not closed.` });
      await this.audit.record({ actorId: user.personId, action: 'case.reopen', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, before: { stage: 'closed' }, after: { reason, stage: 'case_conference' } }, tx);
      try {
        await this.temporal.withDeadline(Date.now() + CASE_START_WAIT_MS, () =>
          this.temporal.workflow.start(caseProcess, { workflowId: caseWorkflowId(found.code), taskQueue: this.config.TEMPORAL_TASK_QUEUE, args: [{ caseId: found.id, caseCode: found.code, reopened: true }], workflowIdConflictPolicy: 'FAIL' }),
        );
      } catch (err) {
        if (err instanceof WorkflowExecutionAlreadyStartedError) {
          throw new DomainError(ErrorCode.CONFLICT, { id: `Proses kasus ${found.code} masih menyelesaikan penutupan; coba lagi sebentar lagi.`, en: `The process of case ${found.code} is still finishing its closure; try again shortly.` });
        }
        throw engineDown('reopened');
      }
    });
    return this.view(user, found.code, 'case_management', requestId);
  }
}
