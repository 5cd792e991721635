/** One request the component sent: method, path below /api, the JSON body, and the session it carried. */
export interface SentRequest {
  method: string;
  path: string;
  body: unknown;
  authorization: string | null;
}

/** What the fake API answers: a status and a JSON body, or a promise of one (to hold an answer back). */
export type Answer = { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

/**
 * Replaces `fetch` for one test: `routes` maps "METHOD /path" (below /api, query string included) to an
 * answer; anything else is a 404 with the API's error shape. Returns the requests sent, in order.
 */
export function fakeApi(routes: Record<string, (request: SentRequest) => Answer>): SentRequest[] {
  const sent: SentRequest[] = [];
  const fetchFake = jest.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const path = url.startsWith('/api') ? url.slice('/api'.length) : url;
    const method = (init.method ?? 'GET').toUpperCase();
    const request = { method, path, body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined, authorization: new Headers(init.headers).get('authorization') };
    sent.push(request);
    const route = routes[`${method} ${path}`];
    const { status, body } = await (route ? route(request) : { status: 404, body: { code: 'NOT_FOUND', message: `Tidak ada ${method} ${path} / no ${method} ${path}` } });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: body === undefined ? {} : { 'content-type': 'application/json' } });
  });
  globalThis.fetch = fetchFake as typeof fetch;
  return sent;
}
