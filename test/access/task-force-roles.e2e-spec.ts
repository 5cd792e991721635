import type { AuditEntryView, TaskForceView } from '@gugus/contracts';
import { client, login, serviceEnv, startApi, type RunningApi } from '../support';

/**
 * Who chairs a task force and who leads each Sub-TF, set by the jurisdiction's secretariat or
 * administrator through the API (issue 10, "shape"): the lead must be a member agency of the Sub-TF, the
 * chair a position with the chair role in the jurisdiction; every change is audited, and a refusal names
 * the field and changes nothing. The West Java settings are put back as they were at the end.
 */
describe('task force chair and Sub-TF leads', () => {
  const PREVENTION = 'prevention_child_participation';
  let api: RunningApi;
  let secretariat: ReturnType<typeof client>;
  let before: TaskForceView;
  const agencyId: Record<string, string> = {};

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    secretariat = client(api.url, (await login(api.url, 'sekretariat.jabar@gugus.test')).accessToken);
    before = (await secretariat.get('/task-forces/32')).body as TaskForceView;
    for (const a of (await secretariat.get('/agencies?jurisdictionCode=32')).body as { id: string; name: string }[]) agencyId[a.name] = a.id;
  });
  afterAll(async () => {
    if (before) {
      await secretariat.call('PUT', '/task-forces/32/chair', { positionId: before.chairPositionId });
      await secretariat.call('PUT', `/task-forces/32/sub-task-forces/${PREVENTION}/lead`, { agencyId: before.subTaskForces.find((s) => s.kind === PREVENTION)?.leadAgencyId ?? null });
    }
    await api?.stop();
  });

  const lead = (view: TaskForceView) => view.subTaskForces.find((s) => s.kind === PREVENTION)?.leadAgencyId;

  it('lets the secretariat name a member agency as the lead of a Sub-TF, and audits it', async () => {
    const dp3akb = agencyId['DP3AKB Provinsi Jawa Barat'];
    expect(before.subTaskForces.find((s) => s.kind === PREVENTION)?.memberAgencyIds).toContain(dp3akb);
    const res = await secretariat.call('PUT', `/task-forces/32/sub-task-forces/${PREVENTION}/lead`, { agencyId: dp3akb });
    expect(res.status).toBe(200);
    expect(lead(res.body as TaskForceView)).toBe(dp3akb);
    expect(lead((await secretariat.get('/task-forces/32')).body as TaskForceView)).toBe(dp3akb);
    const [entry] = (await secretariat.get('/audit?action=sub_task_force.set_lead&limit=1')).body as AuditEntryView[];
    expect(entry).toMatchObject({ action: 'sub_task_force.set_lead', jurisdictionCode: '32', targetId: before.subTaskForces.find((s) => s.kind === PREVENTION)?.id });
  });

  it.each([
    ['an agency that is not a member of the Sub-TF', () => agencyId['Biro Hukum Setda Provinsi Jawa Barat'], 'agencyId', 400],
    ['not a uuid', () => 'semua-instansi', 'agencyId', 400],
  ])('refuses %s as lead, naming the field; the lead stays', async (_what, value, field, status) => {
    const current = lead((await secretariat.get('/task-forces/32')).body as TaskForceView);
    const res = await secretariat.call('PUT', `/task-forces/32/sub-task-forces/${PREVENTION}/lead`, { agencyId: value() });
    expect({ status: res.status, field: res.body.details?.fields?.[0]?.field }).toEqual({ status, field });
    expect(lead((await secretariat.get('/task-forces/32')).body as TaskForceView)).toBe(current);
  });

  it('answers 404 for a Sub-TF the task force does not have (Kabupaten Bandung has no Legal Norm Sub-TF)', async () => {
    const admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    expect((await admin.call('PUT', '/task-forces/32.04/sub-task-forces/legal_norm_development/lead', { agencyId: null })).status).toBe(404);
    expect((await admin.call('PUT', '/task-forces/32/sub-task-forces/no-such-sub-tf/lead', { agencyId: null })).status).toBe(404);
  });

  it("names the chair's position, refusing a position without the chair role", async () => {
    const chairAgency = Object.entries(agencyId).find(([name]) => name.startsWith('Sekretariat Daerah') || name.startsWith('Pemerintah Provinsi'))?.[1];
    const positions = async (agency: string) => (await secretariat.get(`/agencies/${agency}/positions`)).body as { id: string; roles: string[] }[];
    let chairPosition: string | undefined;
    for (const id of chairAgency ? [chairAgency] : Object.values(agencyId)) {
      chairPosition = (await positions(id)).find((p) => p.roles.includes('chair'))?.id;
      if (chairPosition) break;
    }
    expect(chairPosition).toBeDefined();
    const notChair = (await positions(agencyId['Biro Hukum Setda Provinsi Jawa Barat']))[0].id;

    const refused = await secretariat.call('PUT', '/task-forces/32/chair', { positionId: notChair });
    expect({ status: refused.status, field: refused.body.details?.fields?.[0]?.field, message: refused.body.details?.fields?.[0]?.message }).toEqual({ status: 400, field: 'positionId', message: expect.stringContaining('peran ketua') });

    const named = await secretariat.call('PUT', '/task-forces/32/chair', { positionId: chairPosition });
    expect(named.status).toBe(200);
    expect((named.body as TaskForceView).chairPositionId).toBe(chairPosition);
    const [entry] = (await secretariat.get('/audit?action=task_force.set_chair&limit=1')).body as AuditEntryView[];
    expect(entry).toMatchObject({ action: 'task_force.set_chair', targetId: before.id });
  });

  it('refuses an agency officer (403) and another province (403), and changes nothing', async () => {
    const officer = client(api.url, (await login(api.url, 'dinsos.jabar@gugus.test')).accessToken);
    const kepri = client(api.url, (await login(api.url, 'admin.kepri@gugus.test')).accessToken);
    const now = (await secretariat.get('/task-forces/32')).body as TaskForceView;
    expect((await officer.call('PUT', `/task-forces/32/sub-task-forces/${PREVENTION}/lead`, { agencyId: null })).status).toBe(403);
    expect((await kepri.call('PUT', '/task-forces/32/chair', { positionId: null })).status).toBe(403);
    expect((await secretariat.get('/task-forces/32')).body).toEqual(now);
  });
});
