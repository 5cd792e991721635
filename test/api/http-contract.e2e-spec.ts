import type { ErrorBody } from '@gugus/contracts';
import { eventually, login, serviceEnv, startApi, type RunningApi } from '../support';

/** The HTTP surface every client relies on: one error body, clear 4xx, never a 5xx or a stack trace. */
describe('API HTTP contract', () => {
  let api: RunningApi;
  // POST /system-checks (the body-taking route used here) needs a login since issue 9.
  let auth: Record<string, string>;

  beforeAll(async () => {
    api = await startApi(serviceEnv({ API_BODY_LIMIT: '64kb' }));
    auth = { authorization: `Bearer ${(await login(api.url, 'admin@gugus.test')).accessToken}` };
  });
  afterAll(async () => {
    await api?.stop();
  });

  const post = (body: string | Blob, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    fetch(`${api.url}/system-checks`, { method: 'POST', headers: { ...auth, ...headers }, body });

  async function expectError(res: Response, status: number, code: string): Promise<ErrorBody> {
    const text = await res.text();
    expect({ status: res.status, text }).toMatchObject({ status });
    expect(text).not.toMatch(/\bat \S+ \(|node_modules|\.ts:\d+/); // no stack traces or internals
    const body = JSON.parse(text) as ErrorBody;
    expect(body).toEqual({ code, message: expect.any(String), details: expect.objectContaining({ requestId: expect.any(String) }) });
    expect(res.headers.get('x-request-id')).toBe(body.details.requestId);
    return body;
  }

  it('answers malformed JSON with 400 MALFORMED_JSON in Bahasa Indonesia', async () => {
    const body = await expectError(await post('{"holdMs": '), 400, 'MALFORMED_JSON');
    expect(body.message).toBe('Isi permintaan bukan JSON yang valid.');
  });

  it('answers in English when the client prefers it', async () => {
    const body = await expectError(await post('{"holdMs": ', { 'content-type': 'application/json', 'accept-language': 'en-US,en;q=0.9' }), 400, 'MALFORMED_JSON');
    expect(body.message).toBe('The request body is not valid JSON.');
  });

  it('answers an unknown route with 404 ROUTE_NOT_FOUND naming the route', async () => {
    const body = await expectError(await fetch(`${api.url}/no/such/route?name=secret`), 404, 'ROUTE_NOT_FOUND');
    expect(body.message).toBe('Rute tidak ditemukan: GET /no/such/route');
  });

  it('answers an oversized body with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({ holdMs: 0, padding: 'x'.repeat(200 * 1024) });
    await expectError(await post(huge), 413, 'PAYLOAD_TOO_LARGE');
  });

  it('refuses a non-JSON body with 415 instead of ignoring it', async () => {
    await expectError(await post('holdMs=5', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a corrupt compressed body with 400, not 500', async () => {
    await expectError(await post(new Blob(['not gzip']), { 'content-type': 'application/json', 'content-encoding': 'gzip' }), 400, 'MALFORMED_JSON');
  });

  it('names each invalid field and rejects unknown ones', async () => {
    const body = await expectError(await post(JSON.stringify({ holdMs: -1, surprise: true })), 400, 'VALIDATION_FAILED');
    expect(body.details.fields).toEqual(
      expect.arrayContaining([
        { field: 'holdMs', message: 'tidak boleh kurang dari 0' },
        { field: 'surprise', message: 'kolom ini tidak dikenal' },
      ]),
    );
  });

  it.each([
    ['a malformed ID', '/system-checks/not-a-uuid', 400, 'VALIDATION_FAILED'],
    ['an unknown ID', '/system-checks/6f1c2b1e-2a8f-4c55-9a0e-000000000000', 404, 'NOT_FOUND'],
  ])('answers %s with a clear 4xx', async (_what, path, status, code) => {
    await expectError(await fetch(`${api.url}${path}`, { headers: auth }), status, code);
  });

  it('reuses a well-formed incoming request ID and sends security headers', async () => {
    const res = await fetch(`${api.url}/health`, { headers: { 'x-request-id': 'trace-1234abcd' } });
    expect(res.headers.get('x-request-id')).toBe('trace-1234abcd');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-powered-by')).toBeNull();
  });

  it('publishes an OpenAPI document and interactive docs', async () => {
    const doc = (await (await fetch(`${api.url}/docs/openapi.json`)).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/health', '/system-checks', '/system-checks/{id}']));
    const ui = await fetch(`${api.url}/docs`);
    expect(ui.status).toBe(200);
    expect(await ui.text()).toContain('swagger');
  });

  it('never logs the query string of a request', async () => {
    const logged = () => api.output().split('"path":"/health"').length;
    const before = logged();
    await fetch(`${api.url}/health?nama=RahasiaKorban`);
    // The request's log line is written after the answer is sent.
    await eventually(async () => (logged() > before ? true : undefined), 10_000, 'the request to be logged');
    expect(api.output()).not.toContain('RahasiaKorban');
  });
});
