import { Injectable } from '@nestjs/common';
import { ErrorCode, readTaskContext, type CaseConferenceActionView } from '@gugus/contracts';
import { abilityFor, canOn, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { optionLabels } from '@gugus/forms';
import { FormsService } from '@gugus/server-forms';
import { DomainError } from '@gugus/server-http';
import { TasksService } from '@gugus/server-tasks';
import { CASE_PROCESS_KEY } from '@gugus/workflows';
import { CasesRepository } from './cases.repository';

const SERVICE_LABELS = optionLabels('services');
const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
// One answer for a task that does not exist, is not this case's, or is not the reader's: nothing leaks.
const actionNotFound = (code: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Tindakan konferensi kasus ${code} tidak ditemukan.`, en: `No such conference action on case ${code}.` });

/**
 * The case conference's actions as the agencies that must act read them (PRODUCT §3.2 step 5): the
 * holder of a conference-action task sees that one action's words — not the conference's agenda, which
 * holds risk and health notes it does not need — and the case team sees every action. Each read is
 * audited with its purpose.
 */
@Injectable()
export class CaseConferencesService {
  constructor(
    private readonly cases: CasesRepository,
    private readonly tasks: TasksService,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
  ) {}

  async action(user: AuthUser, code: string, taskId: string, requestId: string | null): Promise<CaseConferenceActionView> {
    const found = await this.cases.findByCode(code);
    if (!found) throw actionNotFound(code);
    const task = (await this.tasks.heldBy(user, taskId)) ?? (canOn(abilityFor(user.grants), 'read', 'Case', { jurisdictionCode: found.jurisdictionCode }) ? await this.tasks.find(taskId) : null);
    const context = task ? readTaskContext(task.context) : null;
    if (!task || task.processKey !== CASE_PROCESS_KEY || task.processId !== found.id || context?.kind !== 'case' || context.step !== 'conference-action') throw actionNotFound(code);
    const submission = context.conferenceSubmissionId ? await this.forms.submissionData(context.conferenceSubmissionId) : null;
    const actions = submission && Array.isArray(submission.data['actions']) ? submission.data['actions'] : [];
    const action = context.actionIndex !== undefined ? actions[context.actionIndex] : undefined;
    if (!isRecord(action)) throw actionNotFound(code);
    const service = typeof action['service'] === 'string' && action['service'] ? action['service'] : null;
    await this.audit.record({ actorId: user.personId, action: 'case_action.read', targetType: 'case', targetId: found.code, jurisdictionCode: found.jurisdictionCode, requestId, purpose: 'referral_follow_up' });
    return {
      caseCode: found.code,
      taskId: task.id,
      round: context.conferenceRound ?? 1,
      number: (context.actionIndex ?? 0) + 1,
      description: typeof action['description'] === 'string' ? action['description'] : '',
      service,
      serviceLabel: service ? (SERVICE_LABELS.get(service) ?? { id: service, en: service }) : null,
      dueDate: typeof action['dueDate'] === 'string' ? action['dueDate'] : '',
      conferenceDate: submission && typeof submission.data['conferenceDate'] === 'string' ? submission.data['conferenceDate'] : null,
    };
  }
}
