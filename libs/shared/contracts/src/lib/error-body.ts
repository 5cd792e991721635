/**
 * Every error code the API can answer with. Clients branch on `code`, never on `message`
 * (messages are translated: Bahasa Indonesia by default, English with `Accept-Language: en`).
 */
export const ErrorCode = {
  /** A request field failed validation; `details.fields` names each field and its problem. */
  VALIDATION_FAILED: 'VALIDATION_FAILED',
  /** The request body is not parseable JSON. */
  MALFORMED_JSON: 'MALFORMED_JSON',
  /** The request body exceeds the configured size limit. */
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  /** The body's content type is not one the API accepts. */
  UNSUPPORTED_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  /** No route matches the method and path. */
  ROUTE_NOT_FOUND: 'ROUTE_NOT_FOUND',
  /** No valid session: log in (again). */
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  /** E-mail or password wrong. Deliberately the same for an unknown e-mail. */
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  /** Too many failed logins for this e-mail; wait and try again (applies to unknown e-mails too). */
  TOO_MANY_ATTEMPTS: 'TOO_MANY_ATTEMPTS',
  /** Logged in, but the caller's roles do not allow this here. */
  FORBIDDEN: 'FORBIDDEN',
  /** The request conflicts with the current state (e.g. a duplicate). */
  CONFLICT: 'CONFLICT',
  /** The addressed record does not exist (or the caller may not know that it does). */
  NOT_FOUND: 'NOT_FOUND',
  /** A dependency (PostgreSQL, Temporal) could not be reached. */
  DEPENDENCY_UNAVAILABLE: 'DEPENDENCY_UNAVAILABLE',
  /** An unexpected failure; the response carries only the request ID, never internals. */
  INTERNAL: 'INTERNAL',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** One field-level problem, keyed by a dotted path such as `holdMs` or `activities.0.budget`. */
export interface FieldError {
  field: string;
  message: string;
}

/** The body of every non-2xx API response. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: {
    requestId?: string;
    fields?: FieldError[];
    [key: string]: unknown;
  };
}
