import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { client, launchChromium, login, screenshotDir, serviceEnv, signedInAt, startApi, startWeb, submitLogin, type RunningApi, type RunningWeb } from '../support';

/**
 * Issue 13, the everyday gaps: in Chromium, the West Java administrator edits an agency, a position and a
 * person, deactivates the person (who then cannot log in), reads each record's change history, and finds
 * the changes in the audit trail by name. Records get a random suffix: the database is shared.
 */
describe('web app: editing and deactivating agencies, positions and people', () => {
  let browser: Browser;
  let api: RunningApi;
  let web: RunningWeb;
  const suffix = randomBytes(3).toString('hex');
  const person = { name: `Dewi Lestari ${suffix}`, email: `dewi.${suffix}@gugus.test`, password: `sandi-awal-${suffix}` };
  const ids = { agency: '', position: '', person: '' };

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), launchChromium()]);
    web = await startWeb(api.url);
    const admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    ids.agency = (await admin.post('/agencies', { jurisdictionCode: '32.04', name: `Dinas Sunting ${suffix}`, kind: 'government_office' })).body.id;
    ids.position = (await admin.post(`/agencies/${ids.agency}/positions`, { title: `Staf Sunting ${suffix}`, roles: ['agency_officer'] })).body.id;
    ids.person = (await admin.post('/people', { agencyId: ids.agency, fullName: person.name, email: person.email, password: person.password })).body.id;
    expect((await admin.put(`/positions/${ids.position}/holder`, { personId: ids.person })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  const shot = (page: Page, name: string) => page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });

  it('edits an agency, a position and a person, deactivates the person, and shows who changed what', async () => {
    const page = await signedInAt(browser, web.url, 'admin.jabar@gugus.test', `/instansi/${ids.agency}`);

    // The agency: a new name and kind; the page and its history show them at once.
    const agencyForm = page.getByTestId('edit-agency-form');
    await agencyForm.getByLabel('Nama instansi').fill(`Yayasan Sunting ${suffix}`);
    await agencyForm.getByLabel('Jenis instansi').selectOption('ngo');
    await agencyForm.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('heading', { level: 1, name: `Yayasan Sunting ${suffix}` }).waitFor();
    const agencyChange = page.getByTestId('change-entry').filter({ hasText: 'Diubah' });
    await agencyChange.filter({ hasText: 'oleh Rina Kusumawati' }).waitFor();
    await expect(agencyChange.locator('[data-field="name"]').textContent()).resolves.toBe(`Nama: Dinas Sunting ${suffix} → Yayasan Sunting ${suffix}`);
    await expect(agencyChange.locator('[data-field="kind"]').textContent()).resolves.toBe('Jenis: Perangkat daerah (dinas/badan) → Lembaga swadaya masyarakat (LSM)');
    await shot(page, 'admin-edit-agency-id-laptop');

    // The position: a new title and one more role.
    await page.getByTestId('position-list').getByRole('link', { name: `Staf Sunting ${suffix}` }).click();
    await page.waitForURL(new RegExp(`/jabatan/${ids.position}$`));
    const positionForm = page.getByTestId('edit-position-form');
    await positionForm.getByLabel('Nama jabatan').fill(`Koordinator Sunting ${suffix}`);
    await positionForm.getByLabel('Koordinator kasus').check();
    await positionForm.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('heading', { level: 1, name: `Koordinator Sunting ${suffix}` }).waitFor();
    const roles = page.getByTestId('change-entry').locator('[data-field="roles"]');
    await expect(roles.textContent()).resolves.toBe('Peran: Petugas instansi → Petugas instansi, Koordinator kasus');
    // What deactivating a position does to its open tasks is said before anyone does it.
    await page.getByTestId('active-form').getByText('tugas yang sedang terbuka tetap terlihat oleh sekretariat dan administrator untuk dialihkan').waitFor();
    await shot(page, 'admin-edit-position-id-laptop');

    // The person: from the agency's people list to their page; a new name, then deactivated with a reason.
    await page.goto(`${web.url}/instansi/${ids.agency}`);
    await page.getByTestId('people-list').getByRole('link', { name: person.name }).click();
    await page.waitForURL(new RegExp(`/orang/${ids.person}$`));
    await page.getByTestId('change-history').or(page.getByText('Belum ada perubahan sejak data ini dibuat.')).waitFor();
    const personForm = page.getByTestId('edit-person-form');
    await personForm.getByLabel('Nama lengkap').fill(`Dewi Lestari Putri ${suffix}`);
    await personForm.getByRole('button', { name: 'Simpan perubahan' }).click();
    await page.getByRole('heading', { level: 1, name: `Dewi Lestari Putri ${suffix}` }).waitFor();
    const activeForm = page.getByTestId('active-form');
    await activeForm.getByText('Ia langsung keluar dan tidak dapat masuk lagi').waitFor();
    await activeForm.getByLabel('Alasan (wajib)').fill('Pindah tugas ke Dinas Sosial Kota Bandung');
    await activeForm.getByRole('button', { name: 'Nonaktifkan' }).click();
    await page.getByTestId('inactive-note').waitFor();
    const deactivated = page.getByTestId('change-entry').filter({ hasText: 'Dinonaktifkan' });
    await deactivated.getByText('Alasan: Pindah tugas ke Dinas Sosial Kota Bandung').waitFor();
    await expect(deactivated.locator('[data-field="active"]').textContent()).resolves.toBe('Status: aktif → nonaktif');
    await expect(page.getByTestId('change-entry').count()).resolves.toBe(2);
    await shot(page, 'admin-edit-person-id-laptop');

    // In English too.
    await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    await page.getByRole('heading', { name: 'Change history' }).waitFor();
    await page.getByTestId('change-entry').filter({ hasText: 'Deactivated' }).getByText('Status: active → inactive').waitFor();
    await shot(page, 'admin-edit-person-en-laptop');
    await page.getByTestId('language-switch').getByRole('button', { name: 'ID' }).click();

    // The audit trail names the actor and the person, with their ids in the tooltip.
    await page.goto(`${web.url}/audit?action=person.deactivate&jurisdictionCode=32.04`);
    const row = page.getByTestId('audit-row').filter({ has: page.locator(`[title="${ids.person}"]`) });
    await row.waitFor();
    await expect(row.locator(`[title="${ids.person}"]`).textContent()).resolves.toBe(`Dewi Lestari Putri ${suffix}`);
    await expect(row.getByTestId('audit-name').first().textContent()).resolves.toBe('Rina Kusumawati');
    await expect(row.textContent()).resolves.toContain('orang');
    await shot(page, 'admin-edit-audit-id-laptop');
    await page.goto(`${web.url}/audit?targetType=agency&jurisdictionCode=32.04`);
    await page.getByTestId('audit-row').filter({ hasText: 'agency.update' }).locator(`[title="${ids.agency}"]`).filter({ hasText: `Yayasan Sunting ${suffix}` }).first().waitFor();
  });

  it('refuses the deactivated person at the login page', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
    try {
      const page = await context.newPage();
      await page.goto(`${web.url}/masuk`);
      await submitLogin(page, person.email, person.password);
      await page.getByTestId('login-error').waitFor();
      expect(page.url()).toMatch(/\/masuk$/);
      await shot(page, 'admin-edit-login-refused-id');
    } finally {
      await context.close();
    }
  });
});
