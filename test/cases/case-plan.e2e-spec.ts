import { join } from 'node:path';
import type { Pool } from 'pg';
import type { AuditEntryView, CasePlanView, CaseView, ServiceDirectoryView, ServiceProviderView } from '@gugus/contracts';
import { browserSession, eventually, screenshotDir, sequentialSteps, startWeb } from '../support';
import { type Api, type CaseStack, consentDecision, consentForm, fixture, openCasePage, sharingDecision, startCaseStack, today } from './support';

/**
 * Issue 11, step 10 — the case-management plan and the directory of service providers it draws on —
 * through the built API and worker. West Java's secretariat lists what its agencies offer; Kabupaten
 * Bandung's health office keeps its own entry (and no other). The case team plans a woman's services —
 * shelter by the UPTD PPA, health care by the health office — each with its budget line and funding
 * source; an agency that does not offer a service, or is not in the province, is refused at its field.
 * Two colleagues editing at once: the second, on a stale version, is refused (409) and loses nothing
 * already saved. The plan's history names who changed what; totals per funding source leave out what the
 * person declined. A partner task force reads the plan only once the agreement and her consent cover "needs
 * and plan"; other provinces get nothing; a closed case's plan can be read but not changed.
 */
const DAY = 24 * 3600 * 1000;
const jakartaDate = (ms: number) => new Date(ms + 7 * 3600 * 1000).toISOString().slice(0, 10);

describe('the case-management plan, drawn from the directory of service providers', () => {
  let stack: CaseStack;
  let db: Pool;
  const as: Record<string, Api> = {};
  let caseCode = '';
  let dinkes = '';
  let batamUptd = '';
  let batamDinsos = '';
  const step = sequentialSteps();

  let planReads = 0;
  const plan = async (who = 'coordinator') => {
    const res = await as[who].get(`/cases/${caseCode}/plan?purpose=case_management`);
    if (res.status === 200) planReads += 1;
    return res.body as CasePlanView;
  };
  const item = (over: Record<string, unknown> = {}) => ({
    serviceType: 'shelter',
    agencyId: stack.agency.uptd,
    horizon: 'immediate',
    budgetLine: '5.1.02.01.01.0026 Belanja makan dan minum rumah aman',
    fundingSource: 'apbd_province',
    amountPlanned: 4_500_000,
    amountSpent: null,
    startsOn: today(),
    endsOn: jakartaDate(Date.now() + 30 * DAY),
    status: 'planned',
    ...over,
  });
  const add = (who: string, expectedVersion: number, over: Record<string, unknown> = {}) => as[who].post(`/cases/${caseCode}/plan/items`, { expectedVersion, item: item(over) });
  const change = (who: string, itemId: string, expectedVersion: number, values: Record<string, unknown>) => as[who].put(`/cases/${caseCode}/plan/items/${itemId}`, { expectedVersion, item: values });
  const fields = (res: { body: { details?: { fields?: { field: string }[] } } }) => (res.body.details?.fields ?? []).map((f) => f.field);
  const entry = (over: Record<string, unknown> = {}) => ({ services: [], targetGroups: ['women', 'children'], capacity: null, contactPoint: null, referralProtocol: null, ...over });

  beforeAll(async () => {
    stack = await startCaseStack('case_plan', {
      coordinator: 'koordinator.jabar@gugus.test',
      caseWorker: 'pekerja.jabar@gugus.test',
      secretariat: 'sekretariat.jabar@gugus.test',
      admin: 'admin.jabar@gugus.test',
      dinkes: 'dinkes.bandung@gugus.test',
      chair: 'ketua.jabar@gugus.test',
      kepri: 'admin.kepri@gugus.test',
      batamCoordinator: 'koordinator.batam@gugus.test',
    });
    ({ db } = stack);
    Object.assign(as, stack.as);
    const rows = (await db.query(`SELECT id, name FROM agencies WHERE name = ANY($1)`, [['Dinas Kesehatan Kabupaten Bandung', 'UPTD PPA Kota Batam', 'Dinas Sosial Kota Batam']])).rows as { id: string; name: string }[];
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    [dinkes, batamUptd, batamDinsos] = ['Dinas Kesehatan Kabupaten Bandung', 'UPTD PPA Kota Batam', 'Dinas Sosial Kota Batam'].map((n) => byName.get(n) as string);
  });

  afterAll(async () => {
    await stack?.stop('case-plan');
  });

  step('the secretariat lists what its agencies offer; an agency keeps its own entry and no other', async () => {
    const shelter = await as['secretariat'].put(`/service-directory/32/agencies/${stack.agency.uptd}`, entry({ services: ['shelter', 'psychosocial', 'child_protection'], capacity: 20, contactPoint: 'Seksi Perlindungan Khusus, telepon kantor', referralProtocol: 'Rujukan 24 jam melalui koordinator kasus.' }));
    expect([shelter.status, (shelter.body as ServiceProviderView).services, (shelter.body as ServiceProviderView).capacity]).toEqual([200, ['shelter', 'psychosocial', 'child_protection'], 20]);
    expect((await as['admin'].put(`/service-directory/32/agencies/${stack.agency.dinsos}`, entry({ services: ['social_rehabilitation', 'reintegration', 'livelihood'] }))).status).toBe(200);
    // Kabupaten Bandung's health office states its own services…
    const own = await as['dinkes'].put(`/service-directory/32/agencies/${dinkes}`, entry({ services: ['health_rehabilitation'], targetGroups: ['women', 'men', 'children'] }));
    expect(own.status).toBe(200);
    // …and may not touch another agency's entry.
    expect((await as['dinkes'].put(`/service-directory/32/agencies/${stack.agency.uptd}`, entry())).status).toBe(403);

    // Hostile and wrong input is named at its field and changes nothing.
    const bad = await as['secretariat'].put(`/service-directory/32/agencies/${stack.agency.uptd}`, entry({ services: ['shelter', 'shelter', 'spa'], capacity: -3 }));
    expect([bad.status, fields(bad)]).toEqual([400, ['services/1', 'services/2', 'capacity']]);
    expect((await as['secretariat'].put(`/service-directory/32/agencies/${stack.agency.uptd}`, entry({ contactPoint: 'x'.repeat(201) }))).status).toBe(400);
    expect((await as['secretariat'].put(`/service-directory/3x/agencies/${stack.agency.uptd}`, entry())).status).toBe(400);
    // Another province's agency through West Java's directory, or West Java's agency by another province: not found / not allowed.
    expect((await as['secretariat'].put(`/service-directory/32/agencies/${batamUptd}`, entry())).status).toBe(404);
    expect((await as['kepri'].put(`/service-directory/21/agencies/${stack.agency.uptd}`, entry())).status).toBe(404);
    expect((await as['kepri'].put(`/service-directory/32/agencies/${stack.agency.uptd}`, entry())).status).toBe(403);

    const shelters = (await as['coordinator'].get('/service-directory/32?serviceType=shelter')).body as ServiceDirectoryView;
    expect(shelters.items.map((i) => i.agency.id)).toEqual([stack.agency.uptd]);
    expect(shelters.items[0]).toMatchObject({ capacity: 20, canEdit: false, contactPoint: 'Seksi Perlindungan Khusus, telepon kantor' });
    // A regency's officer reads the whole province's directory (a regency case plans with the province's shelter).
    const all = (await as['dinkes'].get('/service-directory/32')).body as ServiceDirectoryView;
    expect(all.items.slice(0, 3).map((i) => i.agency.id).sort()).toEqual([stack.agency.uptd, stack.agency.dinsos, dinkes].sort());
    expect(all.items.find((i) => i.agency.id === dinkes)?.canEdit).toBe(true);
    expect((await as['batamCoordinator'].get('/service-directory/32')).status).toBe(403);
    expect((await as['coordinator'].get('/service-directory/32?serviceType=spa')).status).toBe(400);
  });

  step('a case opens with an empty plan at version 0', async () => {
    const opened = await as['caseWorker'].post('/cases', { jurisdictionCode: '32', intakeAgencyId: stack.agency.uptd, intakeChannel: 'hotline' });
    expect(opened.status).toBe(201);
    caseCode = (opened.body as CaseView).code;
    expect(await plan()).toMatchObject({ caseCode, version: 0, items: [], totals: [], changes: [], canEdit: true });
  });

  step('services are planned only with a provider that offers them in the province; each problem is named at its field', async () => {
    const shelter = await add('coordinator', 0);
    expect([shelter.status, (shelter.body as CasePlanView).version]).toEqual([201, 1]);

    const wrongAgency = await add('coordinator', 1, { agencyId: dinkes });
    expect([wrongAgency.status, fields(wrongAgency)]).toEqual([400, ['item/agencyId']]);
    expect(JSON.stringify(wrongAgency.body)).toContain('tidak menawarkan layanan shelter');
    const elsewhere = await add('coordinator', 1, { agencyId: batamDinsos, serviceType: 'social_rehabilitation' });
    expect([elsewhere.status, fields(elsewhere)]).toEqual([400, ['item/agencyId']]);
    const identifying = await add('coordinator', 1, { budgetLine: 'Rumah aman a.n. NIK 3204123456780001' });
    expect([identifying.status, fields(identifying)]).toEqual([400, ['item/budgetLine']]);
    const hostile = await as['coordinator'].post(`/cases/${caseCode}/plan/items`, { expectedVersion: 1, item: { ...item(), amountPlanned: '1e309', endsOn: '2020-01-01', owner: 'x' } });
    expect([hostile.status, fields(hostile).sort()]).toEqual([400, ['item/amountPlanned', 'item/endsOn', 'item/owner']]);
    expect((await as['coordinator'].post(`/cases/${caseCode}/plan/items`, { expectedVersion: 1, item: 'shelter' })).status).toBe(400);
    expect((await as['coordinator'].post(`/cases/${caseCode}/plan/items`, { expectedVersion: -1, item: item() })).status).toBe(400);

    const health = await add('caseWorker', 1, { serviceType: 'health_rehabilitation', agencyId: dinkes, horizon: 'short', budgetLine: '1.02.02.2.02 Pelayanan kesehatan korban', fundingSource: 'apbd_regency', amountPlanned: 1_200_000 });
    expect([health.status, (health.body as CasePlanView).version, (health.body as CasePlanView).items.map((i) => [i.number, i.serviceType, i.agency.name])]).toEqual([
      201,
      2,
      [
        [1, 'shelter', 'UPTD PPA Provinsi Jawa Barat'],
        [2, 'health_rehabilitation', 'Dinas Kesehatan Kabupaten Bandung'],
      ],
    ]);
    // The health office hears of it by the case code alone.
    const note = await eventually(async () => ((await as['dinkes'].get('/notifications?limit=50')).body.items as { kind: string; title: { id: string }; body: { id: string } }[]).find((n) => n.kind === 'case.plan_assigned'), 30_000, 'the plan notice');
    expect(note.title.id).toBe(`Kasus ${caseCode}: layanan Rehabilitasi kesehatan untuk lembaga Anda`);
  });

  step('two colleagues at once: the one on a stale version is refused and nothing already saved is lost', async () => {
    const before = await plan();
    const [shelter] = before.items;
    const worker = await change('caseWorker', shelter.id, before.version, { ...item(), status: 'in_progress', amountSpent: 1_500_000 });
    expect([worker.status, (worker.body as CasePlanView).version]).toEqual([200, 3]);
    // The coordinator still holds version 2: refused, and the worker's change stands.
    const stale = await change('coordinator', shelter.id, before.version, { ...item(), status: 'cancelled' });
    expect([stale.status, stale.body.code]).toEqual([409, 'CONFLICT']);
    expect(stale.body.message).toContain('sudah diubah orang lain');
    const now = await plan();
    expect([now.version, now.items[0].status, now.items[0].amountSpent]).toEqual([3, 'in_progress', 1_500_000]);

    // Done needs what was spent; then it is done.
    const undone = await change('coordinator', shelter.id, now.version, { ...item(), status: 'done', amountSpent: null });
    expect([undone.status, fields(undone)]).toEqual([400, ['item/amountSpent']]);
    expect((await change('coordinator', shelter.id, now.version, { ...item(), status: 'done', amountSpent: 4_250_000 })).status).toBe(200);
    // The same values again change nothing (no new version).
    expect((await change('coordinator', shelter.id, 4, { ...item(), status: 'done', amountSpent: 4_250_000 })).body.version).toBe(4);
    expect((await change('coordinator', '00000000-0000-4000-8000-000000000000', 4, item())).status).toBe(404);
  });

  step('the person declines the health care: it stays in the plan, out of the totals; the history says who changed what', async () => {
    const current = await plan();
    const health = current.items[1];
    const declined = await change('caseWorker', health.id, current.version, { ...health, status: 'declined' });
    expect([declined.status, fields(declined)]).toEqual([400, ['item/id', 'item/number', 'item/agency', 'item/referral', 'item/updatedAt']]);
    const { serviceType, agencyId, horizon, budgetLine, fundingSource, amountPlanned, amountSpent, startsOn, endsOn } = health;
    expect((await change('caseWorker', health.id, current.version, { serviceType, agencyId, horizon, budgetLine, fundingSource, amountPlanned, amountSpent, startsOn, endsOn, status: 'declined' })).status).toBe(200);
    const after = await plan();
    expect(after.items.map((i) => i.status)).toEqual(['done', 'declined']);
    expect(after.totals).toEqual([{ fundingSource: 'apbd_province', planned: 4_500_000, spent: 4_250_000 }]);
    expect(after.changes.map((c) => [c.planVersion, c.itemNumber, c.action, c.fields])).toEqual([
      [5, 2, 'changed', ['status']],
      [4, 1, 'changed', ['amountSpent', 'status']],
      [3, 1, 'changed', ['amountSpent', 'status']],
      [2, 2, 'added', expect.arrayContaining(['serviceType', 'agencyId', 'fundingSource'])],
      [1, 1, 'added', expect.arrayContaining(['serviceType', 'agencyId', 'fundingSource'])],
    ]);
    expect(after.changes[0]).toMatchObject({ before: { status: 'planned' }, after: { status: 'declined' }, actor: { name: expect.stringMatching(/\S/) } });
  });

  step('a service planned before the directory changed stays valid for its agency; a new one follows the directory', async () => {
    expect((await as['secretariat'].put(`/service-directory/32/agencies/${stack.agency.uptd}`, entry({ services: ['psychosocial'] }))).status).toBe(200);
    const current = await plan();
    const [shelter] = current.items;
    expect((await change('coordinator', shelter.id, current.version, { ...item(), status: 'done', amountSpent: 4_250_000, endsOn: jakartaDate(Date.now() + 20 * DAY) })).status).toBe(200);
    const again = await add('coordinator', current.version + 1);
    expect([again.status, fields(again)]).toEqual([400, ['item/agencyId']]);
  });

  step('who reads the plan: the case team; a partner only when agreement and consent cover it; no one else', async () => {
    expect((await as['kepri'].get(`/cases/${caseCode}/plan?purpose=case_management`)).status).toBe(403);
    expect((await as['dinkes'].get(`/cases/${caseCode}/plan?purpose=case_management`)).status).toBe(403);
    expect((await as['chair'].get(`/cases/${caseCode}/plan?purpose=case_management`)).status).toBe(403);
    expect((await as['batamCoordinator'].get(`/cases/${caseCode}/plan?purpose=case_management`)).status).toBe(404);
    expect((await as['batamCoordinator'].post(`/cases/${caseCode}/plan/items`, { expectedVersion: 0, item: item() })).status).toBe(404);

    // An agreement with Kota Batam covering the plan, and a share with Batam's UPTD PPA: still no consent.
    const agreement = await as['secretariat'].post('/agreements', {
      reference: '7/PKS/RENCANA/2026',
      title: 'Kerja sama penanganan korban (contoh fiktif)',
      partyA: '32',
      partyB: '21.71',
      dataCategories: ['profile', 'needs_and_plan'],
      signedOn: jakartaDate(Date.now() - 10 * DAY),
      validFrom: jakartaDate(Date.now() - 10 * DAY),
      validUntil: jakartaDate(Date.now() + 365 * DAY),
    });
    expect(agreement.status).toBe(201);
    expect((await as['coordinator'].post(`/cases/${caseCode}/shares`, { agreementId: agreement.body.id, partnerAgencyId: batamUptd, leadsReintegration: false })).status).toBe(201);
    const withheld = await as['batamCoordinator'].get(`/cases/${caseCode}/plan?purpose=case_management`);
    expect([withheld.status, withheld.body.message]).toEqual([404, `Rencana penanganan kasus ${caseCode} tidak tercakup perjanjian kerja sama dan persetujuan untuk lembaga Anda.`]);

    expect((await as['coordinator'].post(`/cases/${caseCode}/consents`, consentForm([consentDecision('assistance'), sharingDecision(batamUptd, ['needs_and_plan'])], { givenBy: 'person', personViewsHeard: undefined }))).status).toBe(201);
    const partner = await plan('batamCoordinator');
    expect([partner.items.length, partner.canEdit, partner.changes.every((c) => c.actor.name === null)]).toEqual([2, false, true]);
    expect((await as['batamCoordinator'].put(`/cases/${caseCode}/plan/items/${partner.items[0].id}`, { expectedVersion: partner.version, item: item() })).status).toBe(404);

    const reads = (await as['admin'].get(`/audit?targetType=case&targetId=${caseCode}&kind=read&limit=200`)).body as AuditEntryView[];
    // Every read that answered is in the trail, with its purpose (refused ones read nothing).
    expect(reads.filter((e) => e.action === 'case_plan.read').length).toBe(planReads);
    expect(reads.filter((e) => e.action === 'case_plan.read').every((e) => e.purpose === 'case_management')).toBe(true);
  });

  step('in Chromium: the coordinator plans a service from the directory; the secretariat updates the directory', async () => {
    const [web, browser] = await Promise.all([startWeb(stack.api.url), browserSession()]);
    try {
      const page = await browser.open(web.url, { as: 'koordinator.jabar@gugus.test', path: `/kasus/${caseCode}` });
      await openCasePage(page, web.url, caseCode);
      const card = page.getByTestId('case-plan');
      await card.getByTestId('plan-item').nth(1).waitFor();
      await expect(card.getByTestId('plan-totals').innerText()).resolves.toContain('APBD provinsi: rencana Rp 4.500.000, realisasi Rp 4.250.000');
      await card.getByTestId('plan-add').click();
      await card.getByTestId('plan-service').selectOption('psychosocial');
      // Only the directory's providers of psychosocial support in West Java are offered.
      const agency = card.getByTestId('plan-agency');
      await agency.locator('option', { hasText: 'UPTD PPA Provinsi Jawa Barat' }).waitFor({ state: 'attached' });
      await expect(agency.locator('option').allInnerTexts()).resolves.toEqual(['— pilih —', 'UPTD PPA Provinsi Jawa Barat']);
      await agency.selectOption({ label: 'UPTD PPA Provinsi Jawa Barat' });
      await card.getByTestId('plan-horizon').selectOption('medium');
      await card.getByTestId('plan-budget-line').fill('hubungi 0812 3456 7890');
      await card.getByTestId('plan-amount').fill('2000000');
      await card.getByTestId('plan-save').click();
      // The API names the field; the form keeps what was typed.
      await card.getByText('tidak boleh memuat nomor telepon').waitFor();
      await card.getByTestId('plan-budget-line').fill('5.1.02.01.01.0052 Konseling psikologis korban');
      await card.getByTestId('plan-save').click();
      await card.getByTestId('plan-saved').waitFor();
      await card.locator('[data-testid="plan-item"][data-service="psychosocial"]').waitFor();
      await expect(card.getByTestId('plan-item').count()).resolves.toBe(3);
      await card.getByTestId('plan-history').locator('summary').click();
      await expect(card.getByTestId('plan-change').first().innerText()).resolves.toContain('Layanan #3 ditambahkan');
      await card.screenshot({ path: join(screenshotDir, 'cases-plan.png') });

      const directory = await browser.open(web.url, { as: 'sekretariat.jabar@gugus.test', path: '/direktori-layanan' });
      const row = directory.locator('[data-testid="directory-row"][data-agency="Dinas Sosial Provinsi Jawa Barat"]');
      await row.getByTestId('directory-edit').click();
      await directory.getByTestId('directory-capacity-input').fill('15');
      await directory.getByTestId('directory-save').click();
      await directory.getByTestId('directory-saved').waitFor();
      // The list reloads after the save: wait for the new figure to show.
      await row.getByTestId('directory-capacity').filter({ hasText: /^15$/ }).waitFor();
      await directory.getByTestId('directory-filter').selectOption('health_rehabilitation');
      await directory.locator('[data-testid="directory-row"][data-agency="Dinas Kesehatan Kabupaten Bandung"]').waitFor();
      await expect(directory.getByTestId('directory-row').count()).resolves.toBe(1);
      await directory.getByTestId('directory-filter').selectOption('');
      await row.waitFor();
      await directory.screenshot({ path: join(screenshotDir, 'cases-service-directory.png') });
    } finally {
      await browser.close();
      await web.stop();
    }
  });

  step('a closed case: its plan is read, not changed', async () => {
    const closure = { data: { ...fixture('case-closure', 'valid-declined-further-assistance'), closureDate: today() } };
    expect((await as['coordinator'].post(`/cases/${caseCode}/closure`, closure)).status).toBe(200);
    const closed = await plan();
    expect([closed.canEdit, closed.items.length]).toEqual([false, 3]);
    const refused = await add('coordinator', closed.version, { serviceType: 'psychosocial' });
    expect(refused.status).toBe(409);
    expect((await plan()).version).toBe(closed.version);
  });
});
