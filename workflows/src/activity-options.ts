import type { ActivityOptions } from '@temporalio/workflow';

/**
 * How every process runs its activities (short database work). Every retry is bounded (STYLE 18):
 * - a business refusal is a non-retryable failure (the worker's activity interceptor turns a
 *   DomainError into one with the same code) and fails the activity, and so the workflow, at once;
 * - an infrastructure failure is retried with exponential backoff, at most once a minute, for up to a
 *   day in all — a database outage of hours is ridden out without anyone noticing.
 * When the day is over the activity fails with its last failure (retry state TIMEOUT). Nothing in a
 * process catches that, so the workflow fails: its history and read models stay as they were (open
 * tasks stay in the inbox but cannot be decided), and an operator resets it to before the failed step
 * (`temporal workflow reset`) once the cause is fixed.
 */
export const DATABASE_ACTIVITY: ActivityOptions = {
  // A lost worker's attempt is retried elsewhere after this long.
  startToCloseTimeout: '20 seconds',
  scheduleToCloseTimeout: '1 day',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
