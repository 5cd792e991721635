import type { AuditEntryView, HolidayView } from '@gugus/contracts';
import { client, login, serviceEnv, startApi, type RunningApi } from '../support';

/**
 * The holiday calendar over the real API: everyone logged in reads it, only the system administrator
 * changes it, every change is in the audit trail, and bad input names the field and changes nothing.
 * Test dates lie in 2098 so the due dates other test files compute are not affected.
 */
describe('holiday calendar API', () => {
  let api: RunningApi;
  let sysAdmin: ReturnType<typeof client>;
  let jabarAdmin: ReturnType<typeof client>;
  let officer: ReturnType<typeof client>;
  const date = '2098-08-19';

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    sysAdmin = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    jabarAdmin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    officer = client(api.url, (await login(api.url, 'dinkes.bandung@gugus.test')).accessToken);
  });
  afterAll(async () => {
    await api?.stop();
  });

  const year = async (y: number) => (await officer.get(`/holidays?year=${y}`)).body as HolidayView[];

  it('shows every logged-in person the national holidays and cuti bersama of a year', async () => {
    const res = await officer.get('/holidays?year=2026');
    expect(res.status).toBe(200);
    const days = res.body as HolidayView[];
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
    expect(days.find((d) => d.date === '2026-03-19')).toMatchObject({ kind: 'national_holiday', nameId: expect.stringContaining('Nyepi'), source: expect.stringContaining('SKB') });
    expect(days.find((d) => d.date === '2026-03-18')).toMatchObject({ kind: 'cuti_bersama', createdBy: null });
    expect(days.every((d) => d.date.startsWith('2026-'))).toBe(true);
    expect((await client(api.url).get('/holidays?year=2026')).status).toBe(401);
  });

  it('lets the system administrator add, change and remove a day, each recorded in the audit trail', async () => {
    const added = await sysAdmin.put(`/holidays/${date}`, { kind: 'cuti_bersama', nameId: 'Cuti bersama uji', nameEn: 'Test collective leave', source: 'SKB uji 2098' });
    expect(added).toMatchObject({ status: 200, body: { date, kind: 'cuti_bersama', nameId: 'Cuti bersama uji', source: 'SKB uji 2098', createdBy: expect.any(String) } });
    const changed = await sysAdmin.put(`/holidays/${date}`, { kind: 'national_holiday', nameId: 'Hari libur uji', nameEn: 'Test holiday' });
    expect(changed).toMatchObject({ status: 200, body: { date, kind: 'national_holiday', nameId: 'Hari libur uji', source: 'SKB uji 2098' } });
    expect((await year(2098)).find((d) => d.date === date)).toMatchObject({ kind: 'national_holiday', nameEn: 'Test holiday' });

    const removed = await sysAdmin.call('DELETE', `/holidays/${date}`);
    expect(removed.status).toBe(204);
    expect((await year(2098)).find((d) => d.date === date)).toBeUndefined();
    expect(await sysAdmin.call('DELETE', `/holidays/${date}`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });

    const trail = (await sysAdmin.get(`/audit?targetType=holiday&targetId=${date}`)).body as AuditEntryView[];
    expect(trail.map((e) => e.action)).toEqual(['holiday.delete', 'holiday.update', 'holiday.create']);
    expect(trail.every((e) => e.jurisdictionCode === '00' && e.actorId)).toBe(true);
  });

  it.each([
    ['a provincial administrator', () => jabarAdmin],
    ['an agency officer', () => officer],
  ])('refuses changes by %s with 403 and changes nothing', async (_who, as) => {
    const before = await year(2026);
    expect(await as().put('/holidays/2026-03-18', { kind: 'national_holiday', nameId: 'Diubah', nameEn: 'Changed' })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await as().call('DELETE', '/holidays/2026-03-18')).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await year(2026)).toEqual(before);
  });

  it.each([
    ['an impossible date', '/holidays/2098-02-30', { kind: 'cuti_bersama', nameId: 'Uji', nameEn: 'Test' }, 'date'],
    ['a date that is not YYYY-MM-DD', '/holidays/19-08-2098', { kind: 'cuti_bersama', nameId: 'Uji tanggal', nameEn: 'Test' }, 'date'],
    ['an unknown kind', `/holidays/${date}`, { kind: 'libur', nameId: 'Uji jenis', nameEn: 'Test kind' }, 'kind'],
    ['a missing English name', `/holidays/${date}`, { kind: 'cuti_bersama', nameId: 'Uji nama' }, 'nameEn'],
    ['an unknown field', `/holidays/${date}`, { kind: 'cuti_bersama', nameId: 'Uji kolom', nameEn: 'Test field', region: '32' }, 'region'],
  ])('answers %s with 400 naming the field, and saves nothing', async (_what, path, body, field) => {
    const res = await sysAdmin.put(path, body);
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(res.body.details.fields.map((f: { field: string }) => f.field)).toContain(field);
    expect((await year(2098)).find((d) => d.date === date)).toBeUndefined();
  });

  it('answers a bad year with 400 naming it', async () => {
    const res = await officer.get('/holidays?year=dua-ribu');
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(res.body.details.fields[0].field).toBe('year');
  });
});
