/**
 * What of an error may leave the process: in a log line, or in a Temporal failure that lands in a
 * workflow history. Errors carry data in many places — TypeORM's QueryFailedError holds the query and
 * its parameters (a submission's answers), PostgreSQL's `detail` quotes key values ("Key (email)=(…)"),
 * some PostgreSQL messages quote the value itself (`invalid input syntax for type uuid: "…"`), and
 * library errors hold request bodies or configs. So errors are described from an allow-list of
 * fields, never by copying them.
 */

/** The fields a PostgreSQL error carries that name schema objects, never values. */
export interface PostgresErrorFields {
  /** SQLSTATE, e.g. `23505`. */
  code: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
}

/** An error as it may be logged. */
export interface SafeError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  errno?: number;
  syscall?: string;
  severity?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  dataType?: string;
  cause?: SafeError;
  errors?: SafeError[];
}

const MAX_MESSAGE = 500;
const MAX_DEPTH = 3;
const MAX_AGGREGATED = 5;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * PostgreSQL message texts that name only schema objects (constraint, table and column names written in
 * our migrations and queries): connection, integrity constraint, transaction rollback, syntax/access,
 * resources, object state and operator intervention. Every other class — above all 22 "data exception"
 * — may quote the offending value, and PL/pgSQL `RAISE` texts are whatever the trigger author put there.
 */
const CLASSES_WITH_SAFE_MESSAGES = new Set(['08', '23', '40', '42', '53', '55', '57']);

/** Condition names (PostgreSQL appendix A) for the codes Gugus meets; anything else is named by class. */
const CONDITIONS: Record<string, string> = {
  '08000': 'connection_exception',
  '08001': 'sqlclient_unable_to_establish_sqlconnection',
  '08003': 'connection_does_not_exist',
  '08004': 'sqlserver_rejected_establishment_of_sqlconnection',
  '08006': 'connection_failure',
  '08P01': 'protocol_violation',
  '22001': 'string_data_right_truncation',
  '22003': 'numeric_value_out_of_range',
  '22007': 'invalid_datetime_format',
  '22008': 'datetime_field_overflow',
  '22012': 'division_by_zero',
  '22021': 'character_not_in_repertoire',
  '22023': 'invalid_parameter_value',
  '2201B': 'invalid_regular_expression',
  '22P02': 'invalid_text_representation',
  '22P05': 'untranslatable_character',
  '23502': 'not_null_violation',
  '23503': 'foreign_key_violation',
  '23505': 'unique_violation',
  '23514': 'check_violation',
  '23P01': 'exclusion_violation',
  '25P02': 'in_failed_sql_transaction',
  '28P01': 'invalid_password',
  '40001': 'serialization_failure',
  '40P01': 'deadlock_detected',
  '42501': 'insufficient_privilege',
  '42601': 'syntax_error',
  '42703': 'undefined_column',
  '42883': 'undefined_function',
  '42P01': 'undefined_table',
  '53300': 'too_many_connections',
  '57014': 'query_canceled',
  '57P01': 'admin_shutdown',
  '57P02': 'crash_shutdown',
  '57P03': 'cannot_connect_now',
  P0001: 'raise_exception',
};

const CLASS_NAMES: Record<string, string> = {
  '08': 'connection_exception',
  '22': 'data_exception',
  '23': 'integrity_constraint_violation',
  '25': 'invalid_transaction_state',
  '28': 'invalid_authorization_specification',
  '40': 'transaction_rollback',
  '42': 'syntax_error_or_access_rule_violation',
  '53': 'insufficient_resources',
  '54': 'program_limit_exceeded',
  '55': 'object_not_in_prerequisite_state',
  '57': 'operator_intervention',
  '58': 'system_error',
  P0: 'plpgsql_error',
  XX: 'internal_error',
};

type Loose = Record<string, unknown>;

const asObject = (value: unknown): Loose | null => (value !== null && typeof value === 'object' ? (value as Loose) : null);
const text = (value: unknown): string | undefined => (typeof value === 'string' && value.length > 0 ? value : undefined);

/**
 * The PostgreSQL fields of `err`: a `QueryFailedError` (TypeORM copies the driver error's fields onto
 * itself and keeps it as `driverError`) or pg's own `DatabaseError`. Null for anything else.
 */
export function postgresErrorOf(err: unknown): PostgresErrorFields | null {
  const outer = asObject(err);
  if (!outer) return null;
  const source = asObject(outer['driverError']) ?? outer;
  const code = text(source['code']);
  // pg's DatabaseError always has a severity; a bare 5-character code alone could be anything's.
  if (!code || !SQLSTATE.test(code) || !text(source['severity'])) return null;
  const fields: PostgresErrorFields = { code };
  for (const key of ['constraint', 'table', 'column', 'schema', 'dataType'] as const) {
    const value = text(source[key]);
    if (value) fields[key] = value;
  }
  return fields;
}

/** `unique_violation (23505)`: the condition's name, which never quotes a value. */
export function postgresCondition(code: string): string {
  return `${CONDITIONS[code] ?? CLASS_NAMES[code.slice(0, 2)] ?? 'database_error'} (${code})`;
}

/** Quoted text in a message is where values hide (`… for type uuid: "Budi"`, `Unexpected token … "{…"`). */
function maskQuoted(message: string): string {
  return message.replace(/"[^"\n]*"|`[^`\n]*`|'[^'\n]*'/g, (quoted) => `${quoted[0]}…${quoted[0]}`);
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message;
}

/**
 * A message that is safe to log or to put in a workflow history. PostgreSQL messages of classes whose
 * texts name only schema objects are kept as they are; other PostgreSQL messages become the condition's
 * name; any other message keeps its words but loses whatever it quotes, and is cut to 500 characters.
 */
export function safeErrorMessage(err: unknown): string {
  const pg = postgresErrorOf(err);
  const raw = asObject(err) ? text((err as Loose)['message']) : text(err);
  if (pg) {
    const original = text(asObject(asObject(err)?.['driverError'])?.['message']) ?? raw;
    if (original && CLASSES_WITH_SAFE_MESSAGES.has(pg.code.slice(0, 2))) return clip(original);
    return `PostgreSQL error ${postgresCondition(pg.code)}`;
  }
  return clip(maskQuoted(raw ?? (err === undefined || err === null ? String(err) : '')));
}

/** The name to log an error under: its class, falling back to `name`. */
export function errorType(err: unknown): string {
  const obj = asObject(err);
  if (!obj) return typeof err;
  const ctor = (obj as { constructor?: { name?: unknown } }).constructor;
  const fromCtor = typeof ctor?.name === 'string' && ctor.name !== 'Object' ? ctor.name : undefined;
  return fromCtor ?? text(obj['name']) ?? 'Error';
}

/**
 * The frames of a stack trace under a new first line: the original first line(s) repeat the message,
 * which may carry data. Frames name files and functions only.
 */
export function safeStack(err: unknown, headline: string): string | undefined {
  const stack = text(asObject(err)?.['stack']);
  if (!stack) return undefined;
  const lines = stack.split('\n');
  const firstFrame = lines.findIndex((line) => /^\s+at /.test(line));
  return [headline, ...(firstFrame >= 0 ? lines.slice(firstFrame) : [])].join('\n');
}

function describe(err: unknown, depth: number, withStack: boolean): SafeError {
  const obj = asObject(err);
  const type = errorType(err);
  const message = safeErrorMessage(err);
  const described: SafeError = { type, message };
  if (!obj) return described;
  const stack = withStack ? safeStack(err, `${type}: ${message}`) : undefined;
  if (stack) described.stack = stack;
  const pg = postgresErrorOf(err);
  if (pg) {
    Object.assign(described, pg);
    const severity = text(asObject(obj['driverError'])?.['severity'] ?? obj['severity']);
    if (severity) described.severity = severity;
  } else {
    // Node system errors (ECONNREFUSED …) and DomainError codes; numbers only for errno.
    const code = obj['code'];
    if (typeof code === 'string' && code.length <= 64) described.code = code;
    else if (typeof code === 'number') described.code = code;
    if (typeof obj['errno'] === 'number') described.errno = obj['errno'];
    const syscall = text(obj['syscall']);
    if (syscall) described.syscall = syscall;
  }
  if (depth < MAX_DEPTH) {
    const cause = obj['cause'];
    if (cause !== undefined && cause !== null && cause !== err) described.cause = describe(cause, depth + 1, withStack);
    const errors = obj['errors'];
    if (Array.isArray(errors) && errors.length) described.errors = errors.slice(0, MAX_AGGREGATED).map((e) => describe(e, depth + 1, withStack));
  }
  return described;
}

/**
 * The pino `err` serializer of every Gugus process: type, a safe message, stack frames, error and
 * PostgreSQL codes, constraint/table/column names, and the same for causes. Never the query, its
 * parameters, PostgreSQL's `detail`/`where`/`hint`/`internalQuery`, request or response bodies, or any
 * other field an error happens to carry.
 */
export function serializeError(err: unknown): SafeError {
  return describe(unwrapPinoError(err), 0, true);
}

/** {@link serializeError} without stack traces: for warnings about expected failures (e.g. an outage). */
export function summarizeError(err: unknown): SafeError {
  return describe(unwrapPinoError(err), 0, false);
}

/**
 * pino-http hands a custom `err` serializer pino's own serialization (every enumerable field copied,
 * the query's parameters included) and keeps the original behind a `raw` accessor on its prototype.
 */
function unwrapPinoError(err: unknown): unknown {
  const obj = asObject(err);
  if (!obj) return err;
  const raw = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(obj) ?? {}, 'raw');
  return typeof raw?.get === 'function' && asObject(obj['raw']) ? obj['raw'] : err;
}
