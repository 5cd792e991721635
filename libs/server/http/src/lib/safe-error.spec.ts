import { Writable } from 'node:stream';
import { DatabaseError } from 'pg';
import pino, { stdSerializers } from 'pino';
import { QueryFailedError } from 'typeorm';
import { ErrorCode } from '@gugus/contracts';
import { DomainError } from './domain-error';
import { logSerializers } from './logging.module';
import { safeErrorMessage, serializeError, summarizeError } from './safe-error';

const MARKER = 'Siti-MARKER-3201234567890001';

/** A PostgreSQL error as node-postgres builds it from the server's ErrorResponse fields. */
function pgError(message: string, fields: Record<string, string>): DatabaseError {
  const err = new DatabaseError(message, 120, 'error');
  Object.assign(err, { severity: 'ERROR', file: 'x.c', line: '1', routine: 'r', ...fields });
  return err;
}

/** What TypeORM throws: the query, its parameters (the answers), and the driver's error copied in. */
const queryFailed = (message: string, fields: Record<string, string>) =>
  new QueryFailedError('INSERT INTO form_submissions (id, data) VALUES ($1, $2)', ['0b8c…', JSON.stringify({ namaLengkap: MARKER })], pgError(message, fields));

const cases: [string, unknown, Record<string, unknown>][] = [
  [
    'unique violation (detail quotes the key)',
    queryFailed('duplicate key value violates unique constraint "people_email_key"', {
      code: '23505',
      detail: `Key (email)=(${MARKER}@x.test) already exists.`,
      schema: 'public',
      table: 'people',
      constraint: 'people_email_key',
    }),
    { type: 'QueryFailedError', code: '23505', constraint: 'people_email_key', table: 'people', message: 'duplicate key value violates unique constraint "people_email_key"' },
  ],
  [
    'foreign-key violation (detail quotes the id)',
    queryFailed('insert or update on table "tasks" violates foreign key constraint "tasks_assignee_agency_id_fkey"', {
      code: '23503',
      detail: `Key (assignee_agency_id)=(${MARKER}) is not present in table "agencies".`,
      table: 'tasks',
      constraint: 'tasks_assignee_agency_id_fkey',
    }),
    { code: '23503', constraint: 'tasks_assignee_agency_id_fkey' },
  ],
  [
    'invalid uuid (the message quotes the value)',
    queryFailed(`invalid input syntax for type uuid: "${MARKER}"`, { code: '22P02', where: `unnamed portal parameter $1 = '${MARKER}'` }),
    { code: '22P02', message: 'PostgreSQL error invalid_text_representation (22P02)' },
  ],
  [
    'invalid JSON (detail and where quote the document)',
    queryFailed('invalid input syntax for type json', { code: '22P02', detail: `Token "${MARKER}" is invalid.`, where: `JSON data, line 1: ${MARKER}...` }),
    { code: '22P02' },
  ],
  [
    'not-null violation (detail holds the whole row)',
    queryFailed('null value in column "form_version_id" of relation "form_submissions" violates not-null constraint', {
      code: '23502',
      detail: `Failing row contains (1, null, 32, draft, {"namaLengkap": "${MARKER}"}).`,
      table: 'form_submissions',
      column: 'form_version_id',
    }),
    { code: '23502', column: 'form_version_id', table: 'form_submissions' },
  ],
  [
    'a trigger raising with a value',
    queryFailed(`submission ${MARKER} cannot be changed`, { code: 'P0001', where: `PL/pgSQL function f() line 3 at RAISE` }),
    { code: 'P0001', message: 'PostgreSQL error raise_exception (P0001)' },
  ],
  ['pg DatabaseError thrown outside TypeORM', pgError(`value "${MARKER}" is out of range for type integer`, { code: '22003' }), { type: 'DatabaseError', code: '22003' }],
  ['a refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED', errno: -111, syscall: 'connect' }), { code: 'ECONNREFUSED', syscall: 'connect' }],
  [
    'JSON.parse of a value (Node quotes the input)',
    (() => {
      try {
        JSON.parse(`${MARKER} {`);
      } catch (err) {
        return err;
      }
    })(),
    { type: 'SyntaxError' },
  ],
  [
    'a DomainError whose details carry input',
    new DomainError(ErrorCode.VALIDATION_FAILED, { id: 'Ada isian yang tidak valid.', en: 'Some fields are not valid.' }, { submitted: { namaLengkap: MARKER } }),
    { type: 'DomainError', code: 'VALIDATION_FAILED', message: 'Some fields are not valid.' },
  ],
  [
    'an HTTP client error holding the request and response bodies',
    Object.assign(new Error('Request failed with status code 400'), { config: { data: MARKER }, response: { data: { echo: MARKER } }, request: { body: MARKER } }),
    { message: 'Request failed with status code 400' },
  ],
  [
    'a cause chain ending in a query',
    new Error('Could not store the submission', {
      cause: queryFailed('duplicate key value violates unique constraint "form_submissions_pkey"', { code: '23505', detail: `Key (id)=(${MARKER})`, constraint: 'form_submissions_pkey' }),
    }),
    { cause: expect.objectContaining({ code: '23505', constraint: 'form_submissions_pkey' }) },
  ],
  [
    'an AggregateError of connection attempts',
    new AggregateError([Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' }), Object.assign(new Error(`bad "${MARKER}"`), { code: 'EINVAL' })], ''),
    { errors: [expect.objectContaining({ code: 'ECONNREFUSED' }), expect.objectContaining({ code: 'EINVAL' })] },
  ],
  [
    'what pino-http hands a custom serializer (its own copy of every field)',
    stdSerializers.err(queryFailed(`invalid input syntax for type uuid: "${MARKER}"`, { code: '22P02' })),
    { type: 'QueryFailedError', code: '22P02' },
  ],
];

describe('serializeError', () => {
  it.each(cases)('keeps no value of %s', (_name, err, expected) => {
    const serialized = serializeError(err);
    expect(JSON.stringify(serialized)).not.toContain(MARKER);
    expect(serialized).toMatchObject(expected);
  });

  it.each(cases)('keeps a stack of frames for %s', (_name, err) => {
    const { stack } = serializeError(err);
    expect(stack).toMatch(/\n\s+at /);
  });

  it('never copies the query, its parameters or PostgreSQL detail fields', () => {
    const serialized = serializeError(cases[0][1]) as unknown as Record<string, unknown>;
    for (const field of ['query', 'parameters', 'driverError', 'detail', 'where', 'hint', 'internalQuery']) expect(serialized).not.toHaveProperty(field);
  });

  it('summarizes without stacks, for warnings', () => {
    expect(JSON.stringify(summarizeError(cases[11][1]))).not.toContain('    at ');
  });
});

describe('safeErrorMessage', () => {
  it.each([
    ['keeps our own messages (ids only)', `Task 0b8c has no inbox row`, `Task 0b8c has no inbox row`],
    ['masks what a message quotes', `Agency "${MARKER}" already exists`, 'Agency "…" already exists'],
    ['masks the input JSON.parse quotes', `Unexpected token 'S', "${MARKER}" is not valid JSON`, `Unexpected token '…', "…" is not valid JSON`],
    ['cuts a long message', 'x'.repeat(600), `${'x'.repeat(500)}…`],
  ])('%s', (_name, message, expected) => {
    expect(safeErrorMessage(new Error(message))).toBe(expected);
  });
});

describe('the loggers', () => {
  const capture = () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    return { lines, stream };
  };

  it('write an error given to Logger.error without its values, through pino and through pino-http', () => {
    const { lines, stream } = capture();
    const logger = pino({ serializers: logSerializers }, stream);
    const err = cases[2][1];
    logger.error({ err }, 'Unhandled error');
    // pino-http wraps a custom err serializer around pino's own.
    pino({ serializers: { err: stdSerializers.wrapErrorSerializer(logSerializers.err) } }, stream).error({ err }, 'request errored');
    logger.warn({ error: err }, 'Activity failed');
    expect(lines).toHaveLength(3);
    for (const line of lines) {
      expect(line).not.toContain(MARKER);
      expect(JSON.parse(line)).toMatchObject({ [line.includes('"error"') ? 'error' : 'err']: { type: 'QueryFailedError', code: '22P02' } });
    }
  });
});
