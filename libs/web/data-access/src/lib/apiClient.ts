import { ErrorCode } from '@gugus/contracts';
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
  /** Send no credentials and never try to renew the session (login, refresh). */
  anonymous?: boolean;
}

/**
 * How requests carry the session. The auth feature installs one; without it requests go out anonymously.
 * Kept as a port so this library does not depend on how tokens are stored or renewed.
 */
export interface RequestAuthorizer {
  /** Headers for the next request, e.g. `Authorization: Bearer …`; empty when logged out. */
  headers(): Record<string, string>;
  /**
   * Called when the API answered 401 UNAUTHENTICATED to a request sent with `rejected` (what `headers()`
   * gave then). Resolves true when the session was renewed (by this call or meanwhile) and the request
   * may be sent once more.
   */
  renew(rejected: Record<string, string>): Promise<boolean>;
}

let authorizer: RequestAuthorizer | undefined;

/** Installs (or, with undefined, removes) the session every non-anonymous request carries. */
export function setRequestAuthorizer(next: RequestAuthorizer | undefined): void {
  authorizer = next;
}

/** `path?a=1&b=2`, leaving out empty values. */
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(key, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
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

async function send(method: string, path: string, body: unknown, options: RequestOptions, authHeaders: Record<string, string>, accept: string): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': currentLanguage(), ...authHeaders };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  try {
    return await fetch(`${API_BASE_PATH}${path}`, {
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
}

/** Sends with the session's headers; an expired access token is renewed once and the request repeated with the new one. */
async function sendAuthorized(method: string, path: string, body: unknown, options: RequestOptions, accept: string): Promise<Response> {
  const auth = options.anonymous ? undefined : authorizer;
  const authHeaders = auth?.headers() ?? {};
  const response = await send(method, path, body, options, authHeaders, accept);
  if (!auth || response.status !== 401) return response;
  const payload = await readJson(response.clone());
  if (isErrorBody(payload) && payload.code === ErrorCode.UNAUTHENTICATED && (await auth.renew(authHeaders))) return send(method, path, body, options, auth.headers(), accept);
  return response;
}

async function request<T>(method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<T> {
  const response = await sendAuthorized(method, path, body, options, 'application/json');
  if (response.status === 204) return undefined as T;
  const payload = await readJson(response);
  const accepted = response.ok || (options.acceptStatuses ?? []).includes(response.status);
  if (accepted && payload !== undefined && !isErrorBody(payload)) return payload as T;
  throw failure(response, payload);
}

/** A file the API sent, with the name its `Content-Disposition` gives (null without one). */
export interface DownloadedFile {
  blob: Blob;
  fileName: string | null;
}

/** The file name of a `Content-Disposition` header: `filename*` (RFC 5987, UTF-8) before `filename`. */
export function contentDispositionFileName(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  return plain ? (plain[2] ?? plain[1]).trim() : null;
}

// A file download needs the session's Authorization header, which a plain link cannot send.
async function download(path: string, options: RequestOptions = {}): Promise<DownloadedFile> {
  const response = await sendAuthorized('GET', path, undefined, options, '*/*');
  if (!response.ok) throw failure(response, await readJson(response));
  return { blob: await response.blob(), fileName: contentDispositionFileName(response.headers.get('content-disposition')) };
}

/** JSON over fetch against the Gugus API, in the interface language; failures become {@link ApiError}. */
export const apiClient = {
  get: <T>(path: string, options?: RequestOptions): Promise<T> => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body: unknown, options?: RequestOptions): Promise<T> => request<T>('POST', path, body, options),
  put: <T>(path: string, body: unknown, options?: RequestOptions): Promise<T> => request<T>('PUT', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions): Promise<T> => request<T>('PATCH', path, body, options),
  delete: <T = void>(path: string, options?: RequestOptions): Promise<T> => request<T>('DELETE', path, undefined, options),
  /** A file (PDF, XLSX …) with the session; failures are {@link ApiError}s as for JSON. */
  download,
};
