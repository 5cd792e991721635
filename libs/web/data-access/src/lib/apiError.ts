import type { ErrorBody, ErrorCode } from '@gugus/contracts';

/** Failures the browser detects before or instead of an answer in the API's own error format. */
export const ClientErrorCode = {
  /** No answer from the API: network down, or a proxy answering for it (502/503/504 without an API body). */
  API_UNREACHABLE: 'API_UNREACHABLE',
  /** An answer that is not the JSON the API promises. */
  INVALID_RESPONSE: 'INVALID_RESPONSE',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** A failed API call. Branch on `code`; `message` is for people (already in the request's language when the API wrote it). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    /** HTTP status, or 0 when no HTTP answer arrived. */
    readonly status: number,
    readonly code: ErrorCode | ClientErrorCode,
    message: string,
    readonly details: ErrorBody['details'] = {},
  ) {
    super(message);
  }

  get isUnreachable(): boolean {
    return this.code === ClientErrorCode.API_UNREACHABLE;
  }

  /** Logged in, but the roles held do not allow this (here). */
  get isForbidden(): boolean {
    return this.code === 'FORBIDDEN';
  }

  /** What the API said about each request field (`details.fields`), first message per field. */
  get fieldErrors(): Readonly<Record<string, string>> {
    const out: Record<string, string> = {};
    for (const { field, message } of this.details.fields ?? []) out[field] ??= message;
    return out;
  }

  /** 4xx: asking again with the same request will not help. */
  get isClientError(): boolean {
    return this.status >= 400 && this.status < 500;
  }
}

/** The API's `{ code, message, details }` shape; a code this client does not know yet still counts. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const body = value as Record<string, unknown>;
  return typeof body['code'] === 'string' && typeof body['message'] === 'string';
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  return new ApiError(0, ClientErrorCode.INVALID_RESPONSE, error instanceof Error ? error.message : String(error));
}
