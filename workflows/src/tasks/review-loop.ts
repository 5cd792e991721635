import type { TaskResult } from './task.messages';

/** One round's work, as the loop hands it to the reviewer. */
export interface ReviewRound<W> {
  /** 1 for the first round. */
  round: number;
  /** The review task whose comments this round's work must address (null in round 1). */
  returnedFromTaskId: string | null;
  /** The previous round's work (null in round 1). */
  previous: W | null;
}

export interface ReviewLoopSteps<W> {
  /** Produces (round 1) or revises (later rounds) the work: one or more tasks, and whatever compiles them. */
  draft(round: ReviewRound<W>): Promise<W>;
  /** Asks the reviewer for a decision on the work: outcome `approved` or `returned` (with comments). */
  review(work: W, round: ReviewRound<W>): Promise<TaskResult>;
  /** Told after each return, before the next draft (e.g. to record the round's end). */
  returned?(work: W, review: TaskResult, round: ReviewRound<W>): Promise<void>;
}

export interface ReviewLoopResult<W> {
  work: W;
  approval: TaskResult;
  rounds: number;
}

/**
 * "Draft → review → return with comments → revise", until the reviewer approves: the one loop behind
 * meeting minutes (written by the secretariat, approved by the chair) and the plan's legal review
 * (revised by the Sub-TF leads, reviewed by the legal department). The returned review's task id goes to
 * the next draft, so the revision task shows the comments it must address. A review that ends any other
 * way than `approved` (e.g. cancelled) counts as a return.
 */
export async function draftReviewLoop<W>(steps: ReviewLoopSteps<W>, first: { round?: number; work?: W } = {}): Promise<ReviewLoopResult<W>> {
  let round: ReviewRound<W> = { round: first.round ?? 1, returnedFromTaskId: null, previous: null };
  let work = first.work ?? (await steps.draft(round));
  for (;;) {
    const decision = await steps.review(work, round);
    if (decision.outcome === 'approved') return { work, approval: decision, rounds: round.round };
    await steps.returned?.(work, decision, round);
    round = { round: round.round + 1, returnedFromTaskId: decision.taskId, previous: work };
    work = await steps.draft(round);
  }
}
