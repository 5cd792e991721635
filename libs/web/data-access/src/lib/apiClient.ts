import { currentLanguage } from '@gugus/web-i18n';
import { ApiError, ClientErrorCode, isErrorBody } from './apiError';

/** Where the API is mounted for the browser; the dev server and nginx strip it before forwarding. */
export const API_BASE_PATH = '/api';

// Statuses a reverse proxy answers with when the API behind it is down or slow.
const GATEWAY_STATUSES = new Set([500, 502, 503, 504]);

export interface RequestOptions {
  signal?: AbortSignal;
  /** Non-2xx statuses whose body is data, not an error (e.g. 503 from /health carries a full report). */
  acceptStatuses?: readonly number[];
}

async function readJson(response: Response): Promise<unknown> {
  if (!response.headers.get('content-type')?.includes('application/json')) return undefined;
  try {
    return await response.json();
  } catch {
    return undefined;
  }
}

function failure(response: Response, payload: unknown): ApiError {
  if (isErrorBody(payload)) return new ApiError(response.status, payload.code, payload.message, payload.details);
  if (payload === undefined && GATEWAY_STATUSES.has(response.status)) {
    return new ApiError(response.status, ClientErrorCode.API_UNREACHABLE, `API unreachable (HTTP ${response.status})`);
  }
  return new ApiError(response.status, ClientErrorCode.INVALID_RESPONSE, `Unexpected answer (HTTP ${response.status})`);
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': currentLanguage() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(`${API_BASE_PATH}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: options.signal,
      cache: 'no-store',
    });
  } catch (error) {
    // An abort is the caller's own doing, not an outage.
    if (options.signal?.aborted) throw error;
    throw new ApiError(0, ClientErrorCode.API_UNREACHABLE, error instanceof Error ? error.message : 'Network error');
  }
  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  const accepted = response.ok || (options.acceptStatuses ?? []).includes(response.status);
  if (accepted && payload !== undefined && !isErrorBody(payload)) return payload as T;
  throw failure(response, payload);
}

/** JSON over fetch against the Gugus API, in the interface language; failures become {@link ApiError}. */
export const apiClient = {
  get: <T>(path: string, options?: RequestOptions): Promise<T> => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown, options?: RequestOptions): Promise<T> => request<T>('POST', path, body, options),
};
