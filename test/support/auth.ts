import { request as httpRequest } from 'node:http';
import type { SessionTokens } from '@gugus/contracts';
import { DEMO_PASSWORD } from '@gugus/server-orgs';

/** Logs a demo (or any) account in through the real API and returns its tokens. */
export async function login(apiUrl: string, email: string, password = DEMO_PASSWORD): Promise<SessionTokens> {
  const res = await fetch(`${apiUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`login ${email} → ${res.status} ${await res.text()}`);
  return (await res.json()) as SessionTokens;
}

/** A tiny JSON client bound to one bearer token (or none); a file (CSV …) comes back as its text, with the headers. */
export function client(apiUrl: string, token?: string) {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${apiUrl}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? 'application/json').includes('json');
    const received: Record<string, string> = {};
    res.headers.forEach((value, key) => (received[key] = value));
    // JSON answers keep their exact old shape (tests compare { status, body } whole); a file brings its headers.
    if (json) return { status: res.status, body: text ? (JSON.parse(text) as any) : undefined } as { status: number; body: any; headers?: Record<string, string> }; // eslint-disable-line @typescript-eslint/no-explicit-any
    return { status: res.status, headers: received, body: text || undefined } as { status: number; body: any; headers?: Record<string, string> }; // eslint-disable-line @typescript-eslint/no-explicit-any
  };
  return {
    get: (path: string) => call('GET', path),
    post: (path: string, body?: unknown) => call('POST', path, body ?? {}),
    put: (path: string, body?: unknown) => call('PUT', path, body ?? {}),
    call,
  };
}

export interface AddressedResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * Like {@link client}, but every request leaves from `localAddress` — any 127.x.y.z on Linux loopback —
 * so the API sees a different client address (throttles and lockout count per address).
 */
export function clientFrom(apiUrl: string, localAddress: string, token?: string) {
  const base = new URL(apiUrl);
  const call = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    new Promise<AddressedResponse>((resolve, reject) => {
      const payload = body !== undefined ? JSON.stringify(body) : undefined;
      const req = httpRequest(
        {
          host: base.hostname,
          port: base.port,
          path,
          method,
          localAddress,
          headers: { ...(payload ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) } : {}), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
        },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (text += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text ? JSON.parse(text) : undefined }));
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
  return {
    get: (path: string, headers?: Record<string, string>) => call('GET', path, undefined, headers),
    post: (path: string, body?: unknown, headers?: Record<string, string>) => call('POST', path, body ?? {}, headers),
    call,
  };
}
