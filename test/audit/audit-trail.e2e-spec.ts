import { randomUUID } from 'node:crypto';
import type { AuditEntryView } from '@gugus/contracts';
import { client, login, serviceEnv, startApi, type RunningApi } from '../support';

/** What the audit trail shows a person through the API, for changes made through the API. */
describe('audit trail over HTTP', () => {
  let api: RunningApi;
  let jabar: ReturnType<typeof client>;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    jabar = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('records a change with its actor, target, jurisdiction and request ID — and no contents in clear', async () => {
    const name = `Yayasan Audit ${randomUUID().slice(0, 8)}`;
    const res = await fetch(`${api.url}/agencies`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${(await login(api.url, 'admin.jabar@gugus.test')).accessToken}` },
      body: JSON.stringify({ jurisdictionCode: '32.04', name, kind: 'ngo' }),
    });
    expect(res.status).toBe(201);
    const agency = (await res.json()) as { id: string };
    const requestId = res.headers.get('x-request-id');

    const trail = await jabar.get(`/audit?targetId=${agency.id}`);
    expect(trail.status).toBe(200);
    const [entry] = trail.body as AuditEntryView[];
    const me = await jabar.get('/auth/me');
    expect(entry).toMatchObject({ action: 'agency.create', targetType: 'agency', targetId: agency.id, jurisdictionCode: '32.04', actorId: me.body.personId, requestId, beforeDigest: null, afterDigest: expect.stringMatching(/^[0-9a-f]{64}$/) });
    // The agency's name is looked up for display (targetName, as it is now); the entry itself holds digests only.
    expect(entry).toMatchObject({ targetName: name, actorName: 'Rina Kusumawati' });
    expect(JSON.stringify(trail.body.map((e: AuditEntryView) => ({ ...e, targetName: null })))).not.toContain(name);
  });

  it('records reads of people (staff personal data) and logins, and keeps other provinces out', async () => {
    const agencies = (await jabar.get('/agencies?jurisdictionCode=32')).body as { id: string }[];
    const people = (await jabar.get(`/people?agencyId=${agencies[0].id}`)).body as { id: string }[];
    await jabar.get(`/people/${people[0].id}`);
    const reads = (await jabar.get(`/audit?action=person.read&targetId=${people[0].id}`)).body as AuditEntryView[];
    expect(reads.length).toBeGreaterThan(0);

    const kepri = client(api.url, (await login(api.url, 'admin.kepri@gugus.test')).accessToken);
    const theirs = (await kepri.get('/audit?limit=200')).body as AuditEntryView[];
    expect(theirs.every((e) => e.jurisdictionCode === '21' || e.jurisdictionCode?.startsWith('21.'))).toBe(true);
    expect(await kepri.get(`/audit?targetId=${people[0].id}`)).toMatchObject({ status: 200, body: [] });
    expect(await kepri.get('/audit?jurisdictionCode=32')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
  });

  it('lists only reads with kind=read, each with its purpose', async () => {
    const agencies = (await jabar.get('/agencies?jurisdictionCode=32')).body as { id: string }[];
    const people = (await jabar.get(`/people?agencyId=${agencies[0].id}`)).body as { id: string }[];
    await jabar.get(`/people/${people[0].id}`);
    const reads = (await jabar.get('/audit?kind=read&limit=200')).body as AuditEntryView[];
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.every((e) => e.action.endsWith('.read') || e.action === 'person.list')).toBe(true);
    expect(reads.map((e) => e.action)).toEqual(expect.arrayContaining(['person.read']));
    expect(reads[0]).toHaveProperty('purpose');
    const all = (await jabar.get('/audit?limit=200')).body as AuditEntryView[];
    expect(all.some((e) => !e.action.endsWith('.read') && e.action !== 'person.list')).toBe(true);
  });

  it('lets the system administrator verify the whole chain', async () => {
    const sys = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    const verification = await sys.get('/audit/verify');
    expect(verification).toMatchObject({ status: 200, body: { ok: true, firstBroken: null } });
    expect(verification.body.checked).toBeGreaterThan(0);
  });

  it.each([
    ['a malformed actor ID', '/audit?actorId=abc', 'actorId'],
    ['an impossible limit', '/audit?limit=5000', 'limit'],
    ['a malformed date', '/audit?from=yesterday', 'from'],
    ['an unknown kind', '/audit?kind=write', 'kind'],
  ])('answers %s with 400 naming the field', async (_what, path, field) => {
    const res = await jabar.get(path);
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
  });
});
