import { randomUUID } from 'node:crypto';
import { COORDINATION_MEETING_DEFAULTS, type AuditEntryView, type ProcessSettingsOverview } from '@gugus/contracts';
import { client, login, serviceEnv, startApi, type RunningApi } from '../support';

/**
 * Per-jurisdiction settings of the coordination-meeting process over the real API: West Java saves a
 * version, its regencies use it, Riau Islands keeps the national defaults; bad input names the field and
 * saves nothing; one province cannot change another's.
 */
describe('process settings API', () => {
  let api: RunningApi;
  let jabarAdmin: ReturnType<typeof client>;
  let kepriAdmin: ReturnType<typeof client>;
  let secretariat: ReturnType<typeof client>;
  const path = '/process-settings/coordination-meeting';

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    jabarAdmin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    kepriAdmin = client(api.url, (await login(api.url, 'admin.kepri@gugus.test')).accessToken);
    secretariat = client(api.url, (await login(api.url, 'sekretariat.bandung@gugus.test')).accessToken);
  });
  afterAll(async () => {
    // Other test files run meetings in West Java on the same database: leave it on the national values.
    for (const code of ['32', '32.73']) await jabarAdmin?.post(`${path}/${code}`, { settings: COORDINATION_MEETING_DEFAULTS, note: 'Kembali ke nilai nasional setelah uji' });
    await api?.stop();
  });

  const overview = async (as: ReturnType<typeof client>, code: string) => {
    const res = await as.get(`${path}?jurisdictionCode=${code}`);
    expect(res.status).toBe(200);
    return res.body as ProcessSettingsOverview;
  };

  it('saves a West Java version that Kabupaten Bandung then uses, while Riau Islands keeps the national defaults', async () => {
    const before = await overview(jabarAdmin, '32');
    const note = `Pleno tiap 3 bulan ${randomUUID().slice(0, 6)}`;
    const settings = { ...COORDINATION_MEETING_DEFAULTS, plenaryIntervalMonths: 3, agendaWorkingDays: 7, roles: { ...COORDINATION_MEETING_DEFAULTS.roles, minutes: 'agency_officer' } };
    const saved = await jabarAdmin.post(`${path}/32`, { settings, note });
    expect(saved).toMatchObject({ status: 201, body: { processKey: 'coordination-meeting', jurisdictionCode: '32', version: (before.history[0]?.version ?? 0) + 1, settings, note, createdBy: { name: expect.any(String) } } });

    const bandung = await overview(secretariat, '32.04');
    expect(bandung).toMatchObject({ jurisdictionCode: '32.04', source: 'province', effective: { jurisdictionCode: '32', settingsId: saved.body.id, version: saved.body.version, settings } });

    const province = await overview(jabarAdmin, '32');
    expect(province.history[0]).toMatchObject({ id: saved.body.id, note });
    expect(province.defaults).toEqual(COORDINATION_MEETING_DEFAULTS);

    for (const code of ['21', '21.71']) {
      expect(await overview(kepriAdmin, code)).toMatchObject({ source: 'default', effective: { jurisdictionCode: '00', version: 0, settingsId: null, settings: COORDINATION_MEETING_DEFAULTS } });
    }

    const trail = (await jabarAdmin.get(`/audit?targetType=process_settings&targetId=${saved.body.id}`)).body as AuditEntryView[];
    expect(trail).toMatchObject([{ action: 'process_settings.create', jurisdictionCode: '32' }]);
  });

  it('lets a regency version override its province for that regency only', async () => {
    const settings = { ...COORDINATION_MEETING_DEFAULTS, rsvpWorkingDays: 3 };
    const saved = await jabarAdmin.post(`${path}/32.73`, { settings });
    expect(saved.status).toBe(201);
    expect(await overview(jabarAdmin, '32.73')).toMatchObject({ source: 'regency', effective: { jurisdictionCode: '32.73', settingsId: saved.body.id, settings } });
    expect((await overview(jabarAdmin, '32.04')).effective.jurisdictionCode).toBe('32');
  });

  it.each([
    ['a plenary every 5 months', { plenaryIntervalMonths: 5 }, 'settings.plenaryIntervalMonths', 'Jarak antar rapat pleno'],
    ['text instead of a number', { minutesWorkingDays: 'lima' }, 'settings.minutesWorkingDays', 'Batas waktu menyusun notulen'],
    ['an unknown role', { roles: { ...COORDINATION_MEETING_DEFAULTS.roles, approval: 'bupati' } }, 'settings.roles.approval', 'Menyetujui notulen'],
    ['an unknown setting', { quorum: 5 }, 'settings.quorum', 'quorum'],
  ])('refuses %s with 400 naming the field in Bahasa Indonesia, and saves nothing', async (_what, patch, field, label) => {
    const before = await overview(jabarAdmin, '32');
    const res = await jabarAdmin.post(`${path}/32`, { settings: { ...COORDINATION_MEETING_DEFAULTS, ...patch } });
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { fields: [{ field }] } } });
    expect(res.body.details.fields[0].message).toContain(label);
    expect((await overview(jabarAdmin, '32')).history).toEqual(before.history);
  });

  it('gives the field messages in English when asked', async () => {
    const res = await jabarAdmin.call('POST', `${path}/32`, { settings: { ...COORDINATION_MEETING_DEFAULTS, plenaryIntervalMonths: 5 } }, { 'accept-language': 'en' });
    expect(res.body.details.fields[0].message).toBe('Interval between plenary meetings must be a whole number from 1 to 4 months.');
  });

  it('refuses another province, an unknown process and unknown or malformed jurisdictions', async () => {
    const before = await overview(jabarAdmin, '32');
    expect(await kepriAdmin.post(`${path}/32`, { settings: COORDINATION_MEETING_DEFAULTS })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await kepriAdmin.post(`${path}/32.04`, { settings: COORDINATION_MEETING_DEFAULTS })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await kepriAdmin.get(`${path}?jurisdictionCode=32`)).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect(await secretariat.post(`${path}/32.04`, { settings: COORDINATION_MEETING_DEFAULTS })).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    expect((await overview(jabarAdmin, '32')).history).toEqual(before.history);

    expect(await jabarAdmin.get('/process-settings/plan-review?jurisdictionCode=32')).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(await jabarAdmin.post('/process-settings/plan-review/32', { settings: {} })).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    const unknown = await jabarAdmin.post(`${path}/32.99`, { settings: COORDINATION_MEETING_DEFAULTS });
    expect(unknown).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'jurisdictionCode' }] } } });
    expect(await jabarAdmin.post(`${path}/jabar`, { settings: COORDINATION_MEETING_DEFAULTS })).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'jurisdictionCode' }] } } });
    const malformed = await jabarAdmin.get(`${path}?jurisdictionCode=jabar`);
    expect(malformed).toMatchObject({ status: 400, body: { details: { fields: [{ field: 'jurisdictionCode' }] } } });
  });
});
