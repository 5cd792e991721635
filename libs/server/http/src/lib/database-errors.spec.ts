import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@gugus/contracts';
import { domainErrorForDatabase, isDatabaseUnavailable, isUniqueViolation } from './database-errors';
import { statusForCode } from './error-status';

const MARKER = 'Budi-MARKER-081234567890';

function queryFailed(message: string, fields: Record<string, string>): QueryFailedError {
  const driver = Object.assign(new DatabaseError(message, 100, 'error'), { severity: 'ERROR', ...fields });
  return new QueryFailedError('INSERT …', [MARKER], driver);
}
const systemError = (code: string, message = `connect ${code} 127.0.0.1:5432`) => Object.assign(new Error(message), { code });

describe('domainErrorForDatabase', () => {
  it.each([
    ['the one-draft index', queryFailed('duplicate key value violates unique constraint "form_versions_one_draft"', { code: '23505', constraint: 'form_versions_one_draft', detail: MARKER }), 409, 'already has a draft in this province'],
    ['an unknown unique constraint', queryFailed('duplicate key value violates unique constraint "x_key"', { code: '23505', constraint: 'x_key', detail: MARKER }), 409, 'already exists'],
    ['a foreign key', queryFailed('insert or update on table "tasks" violates foreign key constraint "f"', { code: '23503', detail: MARKER }), 409, 'refers to'],
    ['an invalid uuid', queryFailed(`invalid input syntax for type uuid: "${MARKER}"`, { code: '22P02' }), 400, 'form its field needs'],
    ['a value out of range', queryFailed(`value "${MARKER}" is out of range for type integer`, { code: '22003' }), 400, 'form its field needs'],
    ['a not-null violation', queryFailed('null value in column "x" violates not-null constraint', { code: '23502', detail: MARKER }), 400, 'missing'],
    ['a deadlock', queryFailed('deadlock detected', { code: '40P01' }), 409, 'at the same time'],
    ['a refused connection', systemError('ECONNREFUSED'), 503, 'database cannot be reached'],
    ['a reset connection', systemError('ECONNRESET', 'read ECONNRESET'), 503, 'database cannot be reached'],
    ['an exhausted pool', new Error('timeout exceeded when trying to connect'), 503, 'database cannot be reached'],
    ['a connection lost during a query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly')), 503, 'database cannot be reached'],
    ['a server shutting down', queryFailed('terminating connection due to administrator command', { code: '57P01' }), 503, 'database cannot be reached'],
    ['a server starting up', queryFailed('the database system is starting up', { code: '57P03' }), 503, 'database cannot be reached'],
    ['a connection exception', queryFailed('connection failure', { code: '08006' }), 503, 'database cannot be reached'],
    ['dual-stack connection attempts', new AggregateError([systemError('ECONNREFUSED'), systemError('ECONNREFUSED')], ''), 503, 'database cannot be reached'],
  ])('maps %s', (_name, err, status, english) => {
    const mapped = domainErrorForDatabase(err);
    expect(mapped && statusForCode(mapped.code)).toBe(status);
    expect(mapped?.text.en).toContain(english);
    expect(JSON.stringify(mapped)).not.toContain(MARKER);
  });

  it.each([
    ['a programming error', new TypeError('x is not a function')],
    ['an undefined column (our bug: a 500)', queryFailed('column "x" does not exist', { code: '42703' })],
    ['a value that is not an error', 'boom'],
  ])('leaves %s to the caller', (_name, err) => {
    expect(domainErrorForDatabase(err)).toBeNull();
  });

  it('answers an outage with DEPENDENCY_UNAVAILABLE in both languages', () => {
    expect(domainErrorForDatabase(systemError('ECONNREFUSED'))).toMatchObject({
      code: ErrorCode.DEPENDENCY_UNAVAILABLE,
      text: { id: expect.stringContaining('Basis data tidak dapat dihubungi'), en: expect.stringContaining('The database cannot be reached') },
    });
  });
});

describe('classifiers', () => {
  const duplicateDraft = queryFailed('duplicate key value violates unique constraint "form_versions_one_draft"', { code: '23505', constraint: 'form_versions_one_draft' });
  it('tells unique violations by constraint', () => {
    expect(isUniqueViolation(duplicateDraft)).toBe(true);
    expect(isUniqueViolation(duplicateDraft, 'form_versions_one_draft')).toBe(true);
    expect(isUniqueViolation(duplicateDraft, 'people_email_key')).toBe(false);
    expect(isUniqueViolation(systemError('ECONNREFUSED'))).toBe(false);
  });
  it('does not take a duplicate for an outage', () => {
    expect(isDatabaseUnavailable(duplicateDraft)).toBe(false);
    expect(isDatabaseUnavailable(new AggregateError([systemError('ECONNREFUSED'), new Error('other')], ''))).toBe(false);
  });
});
