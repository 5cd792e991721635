import { ApplicationFailure, CompleteAsyncError, TemporalFailure } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { DomainError, errorType, isDatabaseUnavailable, postgresCondition, postgresErrorOf, safeErrorMessage, safeStack } from '@gugus/server-http';

/** The failure type of a database error, for `RetryPolicy.nonRetryableErrorTypes` and for operators. */
export const DATABASE_FAILURE_TYPE = 'DatabaseError';
/** The failure type of an unreachable database (connection refused, reset, pool timeout, shutdown). */
export const DATABASE_UNAVAILABLE_FAILURE_TYPE = 'DatabaseUnavailable';

function withStackOf(failure: ApplicationFailure, original: unknown): ApplicationFailure {
  // The SDK puts `stack` into the workflow history; its first line would repeat the original message.
  failure.stack = safeStack(original, `${failure.name}: ${failure.message}`) ?? failure.stack;
  return failure;
}

/**
 * What a failed activity reports to Temporal. The failure's message and stack go into the workflow
 * history and the worker's "Activity failed" log, so they must carry no values:
 * - a {@link DomainError} is a business refusal that repeating will not change: non-retryable, its code
 *   as the failure type, its English text as the message, and no details (they may hold input);
 * - a database error is retried (within the activity's bounded policy), reported only as the
 *   PostgreSQL condition and code with the constraint or table it names, never the query, parameters
 *   or PostgreSQL's detail;
 * - an unreachable database is retried, reported as such;
 * - anything else is retried with its own message, less whatever the message quotes: our code writes
 *   only ids into messages, while library messages (JSON.parse, zod) quote the input they refused.
 * Temporal's own failures (an ApplicationFailure thrown on purpose, cancellation) and the SDK's control
 * errors pass through unchanged: the SDK recognises them by class.
 */
export function toActivityFailure(err: unknown): unknown {
  if (err instanceof TemporalFailure || err instanceof CompleteAsyncError || (err instanceof Error && err.name === 'AbortError')) return err;
  if (err instanceof DomainError) {
    return withStackOf(ApplicationFailure.create({ type: err.code, message: safeErrorMessage(err), nonRetryable: true }), err);
  }
  if (isDatabaseUnavailable(err)) {
    return withStackOf(ApplicationFailure.create({ type: DATABASE_UNAVAILABLE_FAILURE_TYPE, message: `The database cannot be reached: ${safeErrorMessage(err)}` }), err);
  }
  const pg = postgresErrorOf(err);
  if (pg) {
    const names = [pg.constraint && `constraint ${pg.constraint}`, pg.table && `table ${pg.table}`, pg.column && `column ${pg.column}`].filter(Boolean).join(', ');
    const message = `PostgreSQL error ${postgresCondition(pg.code)}${names ? ` on ${names}` : ''}`;
    return withStackOf(ApplicationFailure.create({ type: DATABASE_FAILURE_TYPE, message }), err);
  }
  return withStackOf(ApplicationFailure.create({ type: errorType(err), message: safeErrorMessage(err) }), err);
}

/**
 * The worker's activity interceptor (`Worker.create({ interceptors: { activity: [activityFailureInterceptor] } })`):
 * every activity's failure goes through {@link toActivityFailure}, so individual activities need no
 * wrapping and throw DomainErrors like any service.
 */
export const activityFailureInterceptor: ActivityInterceptorsFactory = () => ({
  inbound: {
    async execute(input, next) {
      try {
        return await next(input);
      } catch (err) {
        throw toActivityFailure(err);
      }
    },
  },
});
