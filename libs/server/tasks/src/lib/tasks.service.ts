import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateStage, type WorkflowUpdateHandle } from '@temporalio/client';
import { ErrorCode, readTaskContext, type Role } from '@gugus/contracts';
import { highestSensitivity, SENSITIVITY_RANK, splitBySensitivity, type Language } from '@gugus/forms';
import { abilityFor, canOn, oversightFieldAccess, type AuthUser } from '@gugus/server-access';
import { AuditService } from '@gugus/server-audit';
import { FormsService, type SubmissionAccess } from '@gugus/server-forms';
import { DomainError } from '@gugus/server-http';
import { OrgsRepository } from '@gugus/server-orgs';
import { actsFor, decideTaskUpdate, reassignTaskUpdate, TaskRefusal, type TaskActor, type TaskAssignee, type TaskComment, type TaskDecision, type TaskOutcome, type TaskReassignment, type TaskResult } from '@gugus/workflows';
import type { TaskEntity } from './tasks.entities';
import { decodeInboxCursor, encodeInboxCursor } from './inbox-cursor';
import { DUE_SOON_HOURS, INBOX_COUNT_CAP, TasksRepository, type InboxScope } from './tasks.repository';

/** An event's detail without its free text (comments, notes), for readers who may not read it. */
function withoutText(detail: Record<string, unknown>): Record<string, unknown> {
  const { comments: _comments, note: _note, ...rest } = detail;
  return rest;
}

const notFound = (id: string) => new DomainError(ErrorCode.NOT_FOUND, { id: `Tugas ${id} tidak ditemukan.`, en: `Task ${id} was not found.` });
const conflict = (id: string, en: string, details: Record<string, unknown> = {}) => new DomainError(ErrorCode.CONFLICT, { id, en }, details);
const forbidden = (id: string, en: string) => new DomainError(ErrorCode.FORBIDDEN, { id, en });
const invalid = (field: string, message: { id: string; en: string }) =>
  new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { fields: [{ field, message }] });
const engineDown = () =>
  new DomainError(ErrorCode.DEPENDENCY_UNAVAILABLE, { id: 'Mesin proses (Temporal) tidak dapat dihubungi. Coba lagi sebentar lagi.', en: 'The process engine (Temporal) cannot be reached. Try again shortly.' });
const notOpen = () => conflict('Tugas ini sudah tidak terbuka (sudah diselesaikan, dialihkan, atau dibatalkan).', 'This task is no longer open (already done, moved or cancelled).');
const notYours = () => forbidden('Tugas ini tidak ditugaskan kepada instansi dan peran Anda.', 'This task is not assigned to your agency and role.');

export interface InboxQueryInput {
  scope?: 'mine' | 'agency' | 'jurisdiction';
  status?: 'open' | 'done' | 'all';
  due?: 'overdue' | 'soon';
  jurisdictionCode?: string;
  processKey?: string;
  processId?: string;
  sort?: 'due' | 'created';
  limit?: number;
  offset?: number;
  /** A nextCursor from an earlier answer (keyset paging). */
  cursor?: string;
}

/** How long a person's decision waits for the workflow to accept it before the API answers that the process engine is not answering. */
export const DECISION_ACCEPT_WAIT_MS = 10_000;
/**
 * How long a person's request then waits for the accepted decision to be recorded. Past it (a worker lost
 * and not back yet) the API answers 202: the decision is in the workflow's history and will be recorded;
 * 10 + 20 s stays well under the usual 60 s proxy timeout, so nobody sees a 504 for a decision that stands.
 */
export const DECISION_RESULT_WAIT_MS = 20_000;

/** What the person is told when the decision is accepted but not yet recorded (answered with 202). */
export const DECISION_PROCESSING = {
  id: 'Keputusan Anda sudah diterima proses dan sedang dicatat; tugas akan tertutup sebentar lagi. Jangan kirim ulang.',
  en: 'Your decision has been accepted by the process and is being recorded; the task will close shortly. Do not send it again.',
} as const;

/**
 * A process's own rule for the form data of one of its steps, beyond the form's schema (e.g. a screening
 * result "not a case" needs an onward referral). Returns the problems at their fields (JSON pointers into
 * the data, `/otherReferral`), empty when the data can stand. Pure: it sees only the checked data.
 */
export type TaskDecisionCheck = (
  data: Record<string, unknown>,
  task: { processId: string; jurisdictionCode: string },
) => { field: string; message: { id: string; en: string } }[] | Promise<{ field: string; message: { id: string; en: string } }[]>;

const assigneeOf = (t: TaskEntity): TaskAssignee => ({ agencyId: t.assigneeAgencyId, role: t.assigneeRole, positionId: t.assigneePositionId });

/** The API side of human tasks: the inbox, the task page and every action, checked before the workflow sees it. */
@Injectable()
export class TasksService {
  private readonly decisionChecks = new Map<string, TaskDecisionCheck>();
  private readonly agencyScopes = new Map<string, (taskJurisdiction: string) => string[]>();

  constructor(
    private readonly repo: TasksRepository,
    private readonly forms: FormsService,
    private readonly audit: AuditService,
    private readonly temporal: Client,
    private readonly orgs: OrgsRepository,
  ) {
    // Whoever acts (or acted) on a task works on the submissions it produced or reviews.
    forms.registerTeamCheck((user, submissionId) => this.worksOnSubmission(user, submissionId));
  }

  /**
   * Adds a process's rule for the form data completing its `step` (one per step), run after the form's
   * own validation and before the decision reaches the workflow: a refused decision changes nothing and
   * comes back as a 400 naming the fields, in the shape the form shows.
   */
  registerDecisionCheck(processKey: string, step: string, check: TaskDecisionCheck): void {
    this.decisionChecks.set(`${processKey}:${step}`, check);
  }

  /**
   * The jurisdictions whose agencies the forms of `processKey`'s tasks may name (default: the task's own).
   * A case's team spans its regency and its province, so its conference may assign the province's agencies.
   */
  registerAgencyScope(processKey: string, scope: (taskJurisdiction: string) => string[]): void {
    this.agencyScopes.set(processKey, scope);
  }

  private agencyJurisdictions(task: TaskEntity): string[] {
    return this.agencyScopes.get(task.processKey)?.(task.jurisdictionCode) ?? [task.jurisdictionCode];
  }

  private async worksOnSubmission(user: AuthUser, submissionId: string): Promise<boolean> {
    const actor = this.actorOf(user);
    return (await this.repo.tasksAbout(submissionId)).some((t) => t.completedBy === user.personId || actsFor(actor, assigneeOf(t)));
  }

  /** The task row, unchecked: for process modules that have checked the reader's access to the process themselves. */
  find(id: string): Promise<TaskEntity | null> {
    return this.repo.find(id);
  }

  /** The task if `user` acts for its assignee today or completed it, else null (for process modules that show a step's material to its holder). */
  async heldBy(user: AuthUser, id: string): Promise<TaskEntity | null> {
    const task = await this.repo.find(id);
    return task && (task.completedBy === user.personId || actsFor(this.actorOf(user), assigneeOf(task))) ? task : null;
  }

  actorOf(user: AuthUser): TaskActor {
    return { personId: user.personId, grants: user.grants.map((g) => ({ agencyId: g.agencyId, role: g.role, positionId: g.positionId })) };
  }

  /** Jurisdictions the user oversees tasks in (coordinators, administrators, chairs). */
  private oversight(user: AuthUser): string[] {
    return [...new Set(user.grants.filter((g) => canOn(abilityFor([g]), 'read', 'Task', { jurisdictionCode: g.jurisdictionCode })).map((g) => g.jurisdictionCode))];
  }

  private canSee(user: AuthUser, task: TaskEntity): boolean {
    return actsFor(this.actorOf(user), assigneeOf(task)) || user.grants.some((g) => g.agencyId === task.assigneeAgencyId) || canOn(abilityFor(user.grants), 'read', 'Task', { jurisdictionCode: task.jurisdictionCode });
  }

  /** The task if the user may see it; otherwise 404 (its existence does not leak). */
  private async visible(user: AuthUser, id: string): Promise<TaskEntity> {
    const task = await this.repo.find(id);
    if (!task || !this.canSee(user, task)) throw notFound(id);
    return task;
  }

  async inbox(user: AuthUser, q: InboxQueryInput) {
    const scopeName = q.scope ?? 'mine';
    let scope: InboxScope;
    if (scopeName === 'mine') scope = { assignments: this.actorOf(user).grants };
    else if (scopeName === 'agency') scope = { agencyIds: [...new Set(user.grants.map((g) => g.agencyId))] };
    else {
      const codes = this.oversight(user);
      if (!codes.length) throw forbidden('Anda tidak mengawasi tugas wilayah mana pun.', 'You do not oversee the tasks of any jurisdiction.');
      if (q.jurisdictionCode && !canOn(abilityFor(user.grants), 'read', 'Task', { jurisdictionCode: q.jurisdictionCode })) throw forbidden('Wilayah ini di luar cakupan Anda.', 'This jurisdiction is outside your scope.');
      scope = { jurisdictionCodes: codes };
    }
    const sort = q.sort ?? 'due';
    const after = q.cursor === undefined ? undefined : decodeInboxCursor(q.cursor);
    if (after === null) throw invalid('cursor', { id: 'Kursor halaman tidak dikenal: pakai nextCursor dari jawaban sebelumnya.', en: 'Unknown page cursor: use nextCursor from an earlier answer.' });
    if (after && after.sort !== sort) throw invalid('cursor', { id: 'Kursor ini dibuat untuk urutan lain.', en: 'This cursor was made for another sort order.' });
    if (after && q.offset) throw invalid('offset', { id: 'Offset tidak dapat dipakai bersama kursor.', en: 'Offset cannot be used together with a cursor.' });
    const result = await this.repo.inbox(scope, {
      status: q.status ?? 'open',
      due: q.due,
      jurisdictionCode: q.jurisdictionCode,
      processKey: q.processKey,
      processId: q.processId,
      sort,
      limit: q.limit ?? 25,
      offset: q.offset ?? 0,
      after,
    });
    const names = await this.repo.names({
      people: result.items.flatMap((t) => (t.claimedBy ? [t.claimedBy] : [])),
      agencies: result.items.map((t) => t.assigneeAgencyId),
      positions: result.items.flatMap((t) => (t.assigneePositionId ? [t.assigneePositionId] : [])),
    });
    const now = Date.now();
    return {
      items: result.items.map((t) => ({
        id: t.id,
        title: t.title,
        step: t.step,
        processKey: t.processKey,
        processId: t.processId,
        status: t.status,
        jurisdictionCode: t.jurisdictionCode,
        assignee: { agencyId: t.assigneeAgencyId, agencyName: names[t.assigneeAgencyId] ?? null, role: t.assigneeRole, positionId: t.assigneePositionId, positionTitle: t.assigneePositionId ? (names[t.assigneePositionId] ?? null) : null },
        claimedBy: t.claimedBy ? { id: t.claimedBy, name: names[t.claimedBy] ?? null } : null,
        dueAt: t.dueAt.toISOString(),
        overdue: t.status === 'open' && t.dueAt.getTime() < now,
        dueSoon: t.status === 'open' && t.dueAt.getTime() >= now && t.dueAt.getTime() < now + DUE_SOON_HOURS * 3600_000,
        escalated: t.escalatedAt !== null,
        createdAt: t.createdAt.toISOString(),
        completedAt: t.completedAt?.toISOString() ?? null,
        mine: actsFor(this.actorOf(user), assigneeOf(t)),
      })),
      total: result.total,
      counts: result.counts,
      // Counts stop at countCap; a figure flagged in `capped` is more than countCap (shown as countCap).
      countCap: INBOX_COUNT_CAP,
      capped: result.capped,
      nextCursor: result.next ? encodeInboxCursor(result.next) : null,
    };
  }

  /**
   * The task page: context, the pinned form (in the reader's language), draft or submission, comments,
   * history — each to the depth the reader needs. Whoever acts (or acted) on the task sees all of its
   * data; anyone else who may see the task (a coordinator, the assignee's colleagues) sees only what
   * their roles' oversight allows, with the rest listed as withheld. Reading restricted or identifying
   * data is audited.
   */
  async view(user: AuthUser, id: string, language: Language) {
    const task = await this.visible(user, id);
    const mine = actsFor(this.actorOf(user), assigneeOf(task));
    const access: SubmissionAccess =
      mine || task.completedBy === user.personId ? { level: 'identifying', purpose: 'assignee' } : { level: oversightFieldAccess(user.grants, task.jurisdictionCode) ?? 'public', purpose: 'oversight' };
    const events = await this.repo.events(id);
    const privateParts = await this.repo.openPrivate(task);
    const names = await this.repo.names({
      people: [...new Set([task.claimedBy, task.completedBy, task.draftSavedBy, ...events.map((e) => e.actorPersonId)].filter((x): x is string => !!x))],
      agencies: [task.assigneeAgencyId, ...events.flatMap((e) => [(e.detail['from'] as TaskAssignee | undefined)?.agencyId, (e.detail['to'] as TaskAssignee | undefined)?.agencyId]).filter((x): x is string => !!x)],
      positions: task.assigneePositionId ? [task.assigneePositionId] : [],
    });
    const form = task.formVersionId ? await this.forms.version(task.formVersionId, language) : null;
    const readable = async (submissionId: string | null) => {
      const row = submissionId ? await this.forms.submissionData(submissionId) : null;
      return row ? { row, ...(await this.forms.readableData(user, row, access)) } : null;
    };
    const submission = await readable(task.submissionId);
    // What the step is about (e.g. the minutes to approve), rendered with its own form version.
    const context = readTaskContext(task.context);
    const reviewId = context.reviewSubmissionId ?? null;
    const reviewed = await readable(reviewId);
    const review = reviewed ? { submissionId: reviewId, form: await this.forms.version(reviewed.row.formVersionId, language), data: reviewed.data, withheld: reviewed.withheld } : null;
    // Comments and notes are free text about the record: on a form that can hold restricted or identifying
    // answers they may name the person, so they need restricted access; on other forms internal is enough.
    const holdsPersonalData = [form?.schema, review?.form.schema].some((schema) => schema && SENSITIVITY_RANK[highestSensitivity(schema)] >= SENSITIVITY_RANK.restricted);
    const readsText = SENSITIVITY_RANK[access.level] >= SENSITIVITY_RANK[holdsPersonalData ? 'restricted' : 'internal'];
    const open = task.status === 'open';
    // Where the form starts (the assignee only): the saved draft, else the work being revised, else what the process knows already.
    let initialData: Record<string, unknown> | null = null;
    if (open && mine) {
      const reviseId = context.prefillFromSubmissionId ?? null;
      initialData = privateParts.draft ?? (reviseId ? ((await readable(reviseId))?.data ?? {}) : (context.prefill ?? {}));
    }
    if (mine && privateParts.draft && form && splitBySensitivity(form.schema, privateParts.draft, 'restricted').atOrAbove.length) {
      await this.audit.record({ actorId: user.personId, action: 'task.read', targetType: 'task', targetId: task.id, jurisdictionCode: task.jurisdictionCode, requestId: user.requestId ?? null, purpose: access.purpose });
    }
    // The comments of the return this task answers (a revision), read from that task.
    const returnedFromId = context.returnedFromTaskId ?? null;
    const returnedFrom = returnedFromId && readsText ? await this.repo.find(returnedFromId) : null;
    const returnedComments = returnedFrom && returnedFrom.processId === task.processId ? (await this.repo.openPrivate(returnedFrom)).comments : [];
    const claimedByOther = !!task.claimedBy && task.claimedBy !== user.personId;
    const ability = abilityFor(user.grants);
    const withheldText = !readsText && (privateParts.comments.length > 0 || !!returnedFromId || events.some((e) => 'note' in e.detail || 'comments' in e.detail));
    return {
      id: task.id,
      title: task.title,
      step: task.step,
      processKey: task.processKey,
      processId: task.processId,
      status: task.status,
      jurisdictionCode: task.jurisdictionCode,
      assignee: { agencyId: task.assigneeAgencyId, agencyName: names[task.assigneeAgencyId] ?? null, role: task.assigneeRole, positionId: task.assigneePositionId, positionTitle: task.assigneePositionId ? (names[task.assigneePositionId] ?? null) : null },
      claimedBy: task.claimedBy ? { id: task.claimedBy, name: names[task.claimedBy] ?? null } : null,
      outcomes: task.outcomes,
      reassignRoles: task.reassignRoles,
      agencyJurisdictions: this.agencyJurisdictions(task),
      dueAt: task.dueAt.toISOString(),
      remindAt: task.remindAt?.toISOString() ?? null,
      escalateAt: task.escalateAt?.toISOString() ?? null,
      remindedAt: task.remindedAt?.toISOString() ?? null,
      escalatedAt: task.escalatedAt?.toISOString() ?? null,
      overdue: open && task.dueAt.getTime() < Date.now(),
      createdAt: task.createdAt.toISOString(),
      completedAt: task.completedAt?.toISOString() ?? null,
      completedBy: task.completedBy ? { id: task.completedBy, name: names[task.completedBy] ?? null } : null,
      context,
      comments: readsText ? privateParts.comments : [],
      returnedComments,
      form,
      draft: mine && privateParts.draft ? { data: privateParts.draft, savedAt: task.draftSavedAt?.toISOString() ?? null, savedBy: task.draftSavedBy ? { id: task.draftSavedBy, name: names[task.draftSavedBy] ?? null } : null } : null,
      submission: submission ? { id: task.submissionId, data: submission.data, withheld: submission.withheld } : null,
      review,
      initialData,
      access: { purpose: access.purpose, level: access.level, textWithheld: withheldText },
      history: events.map((e) => ({
        kind: e.kind,
        at: e.at.toISOString(),
        actor: e.actorPersonId ? { id: e.actorPersonId, name: names[e.actorPersonId] ?? null } : null,
        detail: readsText ? e.detail : withoutText(e.detail),
      })),
      can: {
        claim: open && mine && !task.claimedBy,
        unclaim: open && task.claimedBy === user.personId,
        act: open && mine && !claimedByOther,
        delegate: open && mine && !claimedByOther,
        reassign: open && canOn(ability, 'reassign', 'Task', { jurisdictionCode: task.jurisdictionCode }),
      },
    };
  }

  private assertActs(user: AuthUser, task: TaskEntity): void {
    if (task.status !== 'open') throw notOpen();
    if (!actsFor(this.actorOf(user), assigneeOf(task))) throw notYours();
  }

  async claim(user: AuthUser, id: string, requestId: string | null, language: Language) {
    const task = await this.visible(user, id);
    this.assertActs(user, task);
    if (!(await this.repo.claim(id, user.personId))) throw conflict('Tugas ini sudah diambil orang lain.', 'Someone else has already claimed this task.');
    await this.repo.addEvent({ taskId: id, kind: 'claimed', actorPersonId: user.personId });
    await this.audit.record({ actorId: user.personId, action: 'task.claim', targetType: 'task', targetId: id, jurisdictionCode: task.jurisdictionCode, requestId });
    return this.view(user, id, language);
  }

  async unclaim(user: AuthUser, id: string, requestId: string | null, language: Language) {
    const task = await this.visible(user, id);
    if (task.status !== 'open') throw notOpen();
    if (task.claimedBy !== user.personId) throw conflict('Anda tidak sedang memegang tugas ini.', 'You have not claimed this task.');
    await this.repo.update(id, { claimedBy: null, claimedAt: null });
    await this.repo.addEvent({ taskId: id, kind: 'unclaimed', actorPersonId: user.personId });
    await this.audit.record({ actorId: user.personId, action: 'task.unclaim', targetType: 'task', targetId: id, jurisdictionCode: task.jurisdictionCode, requestId });
    return this.view(user, id, language);
  }

  /** Keeps unfinished form data with the task (any shape: a draft is not validated), so a reload loses nothing. */
  async saveDraft(user: AuthUser, id: string, data: Record<string, unknown>, requestId: string | null) {
    const task = await this.visible(user, id);
    this.assertActs(user, task);
    if (task.claimedBy && task.claimedBy !== user.personId) throw conflict('Tugas ini sedang dipegang orang lain.', 'Someone else holds this task.');
    if (!task.formVersionId) throw invalid('data', { id: 'tugas ini tidak memakai formulir', en: 'this task has no form' });
    const savedAt = new Date();
    await this.repo.saveDraft(id, data, user.personId, savedAt);
    await this.repo.addEvent({ taskId: id, kind: 'draft_saved', actorPersonId: user.personId });
    await this.audit.record({ actorId: user.personId, action: 'task.draft', targetType: 'task', targetId: id, jurisdictionCode: task.jurisdictionCode, requestId, after: data });
    return { savedAt: savedAt.toISOString() };
  }

  /**
   * Completes, approves or returns a task. Checked here first (rights, state, claim, outcome, the form
   * data against the task's pinned version), then sent to the workflow as an Update whose validator
   * checks again against the workflow's own state; refused, nothing changes.
   */
  async decide(user: AuthUser, id: string, body: { outcome: TaskOutcome; data?: Record<string, unknown>; comments?: TaskComment[] }, requestId: string | null, language: Language) {
    const task = await this.visible(user, id);
    this.assertActs(user, task);
    if (task.claimedBy && task.claimedBy !== user.personId) throw conflict('Tugas ini sedang dipegang orang lain.', 'Someone else holds this task.');
    if (!task.outcomes.includes(body.outcome)) {
      throw invalid('outcome', { id: `harus salah satu dari: ${task.outcomes.join(', ')}`, en: `must be one of: ${task.outcomes.join(', ')}` });
    }
    const comments = body.comments ?? [];
    if (body.outcome === 'returned' && !comments.length) throw invalid('comments', { id: 'wajib diisi saat mengembalikan: tulis apa yang perlu diperbaiki', en: 'required when returning: say what needs fixing' });
    const needsForm = !!task.formVersionId && body.outcome === 'completed';
    let cleaned: Record<string, unknown> | null = null;
    if (needsForm) {
      if (!body.data) throw invalid('data', { id: 'wajib diisi: isian formulir tugas', en: 'required: the task form data' });
      const scope = this.agencyJurisdictions(task);
      cleaned = await this.forms.checkAgainstVersion(task.formVersionId as string, body.data, task.jurisdictionCode, language, (code) => scope.includes(code));
      const check = this.decisionChecks.get(`${task.processKey}:${task.step}`);
      if (check) this.forms.refuse((await check(cleaned, task)).map((p) => ({ field: p.field, keyword: 'process', message: p.message })), task.formVersionId as string, language);
    }
    // Data and comments wait, sealed, under this request's own id; the workflow gets ids and a count, never the words.
    const decisionId = randomUUID();
    await this.repo.stageDecision(id, decisionId, { data: cleaned, comments, by: user.personId });
    const sent = await this.sendDecision(task, { taskId: id, decisionId, actor: this.actorOf(user), outcome: body.outcome, commentCount: comments.length, requestId });
    const view = await this.view(user, id, language);
    if (sent === 'recorded') return view;
    // Accepted, not recorded yet: the task row still reads open, but nothing more can be done on it (a
    // second decision would be refused by the workflow); the controller answers 202 with this message.
    const closed = { claim: false, unclaim: false, act: false, delegate: false };
    return { ...view, can: { ...view.can, ...(view.status === 'open' ? closed : {}) }, processing: view.status === 'open' ? DECISION_PROCESSING : undefined };
  }

  /**
   * Sends a decision and waits for it to be recorded. Until the workflow accepts it the wait is bounded
   * (a lost worker or Temporal must not hold the person's request open): giving up lets go of the staged
   * data, so a decision the workflow only sees later is refused by the recording activity and the 503
   * stays true: nothing was recorded. If the activity took the data first, the decision is being recorded
   * after all. Once accepted, it is in the workflow's history and will be recorded even if the worker is
   * lost meanwhile: the request waits a bounded time more for that, then says `processing` (never a 5xx
   * for a decision that stands, never a second one: the workflow refuses another decision on the task).
   */
  private async sendDecision(task: TaskEntity, decision: TaskDecision & { decisionId: string }): Promise<'recorded' | 'processing'> {
    const workflow = this.temporal.workflow.getHandle(task.workflowId);
    let update: WorkflowUpdateHandle<TaskResult>;
    try {
      update = await this.temporal.withDeadline(Date.now() + DECISION_ACCEPT_WAIT_MS, () =>
        workflow.startUpdate(decideTaskUpdate, { args: [decision], updateId: decision.decisionId, waitForStage: WorkflowUpdateStage.ACCEPTED }),
      );
    } catch (err) {
      if (await this.repo.dropStagedDecision(decision.decisionId)) throw this.refusal(err);
      update = workflow.getUpdateHandle<TaskResult>(decision.decisionId);
    }
    try {
      // The deadline ends the client's polling too, so a worker that stays away leaves nothing running here.
      await this.temporal.withDeadline(Date.now() + DECISION_RESULT_WAIT_MS, () => update.result());
      return 'recorded';
    } catch (err) {
      // Refused (or failed) for good: its staged data goes, and the person hears why.
      if (err instanceof WorkflowUpdateFailedError) {
        await this.repo.dropStagedDecision(decision.decisionId);
        throw this.refusal(err);
      }
      // Not recorded within the wait, or Temporal stopped answering: the accepted decision keeps its data and stands.
      return 'processing';
    }
  }

  /** Moves an open task to another agency / role / position (coordinators of the jurisdiction). */
  async reassign(user: AuthUser, id: string, body: { agencyId: string; role: Role; positionId?: string; note: string }, requestId: string | null, language: Language) {
    const task = await this.visible(user, id);
    if (!canOn(abilityFor(user.grants), 'reassign', 'Task', { jurisdictionCode: task.jurisdictionCode })) throw forbidden('Anda tidak dapat mengalihkan tugas di wilayah ini.', 'You cannot reassign tasks in this jurisdiction.');
    if (task.status !== 'open') throw notOpen();
    // The server checks every target: an agency of this task's task force, a role this step allows.
    if ((await this.orgs.agencyJurisdictions([body.agencyId])).get(body.agencyId) !== task.jurisdictionCode) {
      throw invalid('agencyId', { id: 'bukan instansi gugus tugas wilayah tugas ini', en: "not an agency of this task's task force" });
    }
    if (!task.reassignRoles.includes(body.role)) {
      throw invalid('role', { id: `langkah ini hanya dapat dialihkan ke peran: ${task.reassignRoles.join(', ')}`, en: `this step can only go to the roles: ${task.reassignRoles.join(', ')}` });
    }
    const to: TaskAssignee = { agencyId: body.agencyId, role: body.role, positionId: body.positionId ?? null };
    if (!(await this.repo.peopleFor(to)).length) {
      throw invalid(body.positionId ? 'positionId' : 'agencyId', { id: 'tidak ada pejabat aktif dengan peran itu di instansi atau jabatan tersebut', en: 'nobody currently holds that role in that agency or position' });
    }
    await this.sendReassign(task, { taskId: id, actor: { personId: user.personId }, to, kind: 'reassigned', note: body.note, requestId });
    return this.view(user, id, language);
  }

  /** The assignee hands the task to another position in the same agency with the same role (e.g. an acting official). */
  async delegate(user: AuthUser, id: string, body: { positionId: string; note: string }, requestId: string | null, language: Language) {
    const task = await this.visible(user, id);
    this.assertActs(user, task);
    const to: TaskAssignee = { agencyId: task.assigneeAgencyId, role: task.assigneeRole, positionId: body.positionId };
    if (user.grants.some((g) => g.positionId === body.positionId)) {
      throw invalid('positionId', { id: 'Anda sendiri memegang atau menjabat Plt. jabatan ini: pilih jabatan orang lain', en: 'you hold or act for this position yourself: choose someone else’s position' });
    }
    if (!(await this.repo.peopleFor(to)).length) {
      throw invalid('positionId', { id: 'jabatan itu tidak ada di instansi ini dengan peran tugas ini, atau tidak ada pemegang/Plt. aktif', en: 'that position is not in this agency with this task’s role, or nobody holds or acts for it now' });
    }
    await this.sendReassign(task, { taskId: id, actor: { personId: user.personId }, to, kind: 'delegated', note: body.note, requestId });
    return this.view(user, id, language);
  }

  private async sendReassign(task: TaskEntity, change: TaskReassignment): Promise<void> {
    try {
      await this.temporal.workflow.getHandle(task.workflowId).executeUpdate(reassignTaskUpdate, { args: [change] });
    } catch (err) {
      throw this.refusal(err);
    }
  }

  /** The workflow's refusal (or absence) as the 4xx the person sees; anything else means the engine is down. */
  private refusal(err: unknown): Error {
    if (err instanceof DomainError) return err;
    if (err instanceof WorkflowUpdateFailedError) {
      const type = (err.cause as { type?: string } | undefined)?.type;
      if (type === TaskRefusal.NOT_ASSIGNEE) return notYours();
      if (type === TaskRefusal.OUTCOME_NOT_ALLOWED) return invalid('outcome', { id: 'hasil ini tidak diizinkan untuk tugas ini', en: 'this outcome is not allowed for this task' });
      if (type === TaskRefusal.ROLE_NOT_ALLOWED) return invalid('role', { id: 'langkah ini tidak dapat dialihkan ke peran itu', en: 'this step cannot go to that role' });
      return notOpen();
    }
    if (err instanceof WorkflowNotFoundError) return notOpen();
    return engineDown();
  }
}
