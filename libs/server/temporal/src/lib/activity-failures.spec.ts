import { ApplicationFailure, CancelledFailure, CompleteAsyncError } from '@temporalio/common';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@gugus/contracts';
import { DomainError } from '@gugus/server-http';
import { toActivityFailure } from './activity-failures';

const MARKER = 'Budi-MARKER-3201';
const duplicate = new QueryFailedError(
  'INSERT …',
  [MARKER],
  Object.assign(new DatabaseError('duplicate key value violates unique constraint "people_email_key"', 1, 'error'), {
    severity: 'ERROR',
    code: '23505',
    constraint: 'people_email_key',
    table: 'people',
    detail: `Key (email)=(${MARKER}) already exists.`,
  }),
);

describe('toActivityFailure', () => {
  it.each([
    ['a DomainError', new DomainError(ErrorCode.FORBIDDEN, { id: 'Ditolak.', en: 'Refused.' }, { input: MARKER }), { type: 'FORBIDDEN', nonRetryable: true, message: 'Refused.', details: undefined }],
    ['a database error', duplicate, { type: 'DatabaseError', nonRetryable: false, message: 'PostgreSQL error unique_violation (23505) on constraint people_email_key, table people' }],
    ['an unreachable database', Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:5432'), { code: 'ECONNREFUSED' }), { type: 'DatabaseUnavailable', nonRetryable: false, message: 'The database cannot be reached: connect ECONNREFUSED 10.0.0.5:5432' }],
    ['any other error', new TypeError(`Cannot parse "${MARKER}"`), { type: 'TypeError', nonRetryable: false, message: 'Cannot parse "…"' }],
  ])('reports %s without its values', (_name, err, expected) => {
    const failure = toActivityFailure(err) as ApplicationFailure;
    expect(failure).toBeInstanceOf(ApplicationFailure);
    expect(failure).toMatchObject(expected);
    expect(failure.cause).toBeUndefined();
    expect(`${failure.message}\n${failure.stack}`).not.toContain(MARKER);
    expect(failure.stack).toMatch(/\n\s+at /);
  });

  it.each([
    ['an ApplicationFailure thrown on purpose', ApplicationFailure.nonRetryable('Task 1 is not open', 'NOT_OPEN')],
    ['a cancellation', new CancelledFailure('cancelled')],
    ['an asynchronous completion', new CompleteAsyncError()],
  ])('passes %s through unchanged', (_name, err) => {
    expect(toActivityFailure(err)).toBe(err);
  });
});
