import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@gugus/server-orgs';
import { client, launchChromium, login, screenshotDir, serviceEnv, startApi, startWeb, type RunningApi, type RunningWeb } from '../support';

const LAPTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

/** Today plus `days` in Asia/Jakarta, as YYYY-MM-DD (what a date input holds). */
function jakartaDate(days = 0): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(Date.now() + days * 86_400_000));
}

/**
 * The admin screens in Debian's Chromium against the real API: login and logout, jurisdictions and task
 * forces, agencies, positions, people, handover and acting officials, the 403 of another province, and
 * the audit trail. The database is shared with other test files, so every record gets a random suffix.
 */
describe('web app: organisations, people and access control', () => {
  let browser: Browser;
  let api: RunningApi;
  let web: RunningWeb;
  const contexts: BrowserContext[] = [];
  const suffix = randomBytes(3).toString('hex');
  const agencyName = `Dinas Uji Coba ${suffix}`;
  const positionTitle = `Kepala Seksi Perlindungan ${suffix}`;
  const personA = { name: `Ani Rahmawati ${suffix}`, email: `ani.${suffix}@gugus.test`, password: `sandi-awal-${suffix}` };
  const personB = { name: `Budi Santoso ${suffix}`, email: `budi.${suffix}@gugus.test`, password: `sandi-awal-${suffix}` };
  const handoverNote = `Serah terima ${suffix}: tiga rujukan korban masih berjalan; arsip di lemari B.`;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), launchChromium()]);
    web = await startWeb(api.url);
  });
  afterAll(async () => {
    await Promise.all(contexts.map((c) => c.close()));
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  /** A fresh tab (own sessionStorage and language) at `viewport`. */
  async function newPage(viewport = LAPTOP): Promise<Page> {
    const context = await browser.newContext({ viewport });
    contexts.push(context);
    return context.newPage();
  }

  async function logIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    const form = page.getByTestId('login-form');
    await form.getByLabel('E-mail').fill(email);
    await form.getByLabel('Kata sandi').fill(password);
    await page.getByTestId('login-submit').click();
  }

  async function switchLanguage(page: Page, code: 'ID' | 'EN'): Promise<void> {
    await page.getByTestId('language-switch').getByRole('button', { name: code }).click();
  }

  async function shot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(screenshotDir, `${name}.png`), fullPage: true });
  }

  it('logs the West Java administrator in, shows their name and role, and keeps the session on reload', async () => {
    const page = await newPage();
    await page.goto(`${web.url}/wilayah`);
    // A protected page sends an anonymous visitor to the login page first.
    await page.waitForURL(/\/masuk$/);
    await shot(page, 'admin-login-id');
    await logIn(page, 'admin.jabar@gugus.test');
    await page.waitForURL(/\/wilayah$/);
    await expect(page.getByTestId('account-name').textContent()).resolves.toBe('Rina Kusumawati');
    await expect(page.getByTestId('account-role').textContent()).resolves.toBe('Administrator provinsi');

    // The access token lives in memory only: a reload renews the session with the tab's refresh token.
    await page.reload();
    await page.getByTestId('account-name').filter({ hasText: 'Rina Kusumawati' }).waitFor();
    await page.getByTestId('province-list').getByRole('link', { name: /Jawa Barat/ }).waitFor();
    await expect(page.getByTestId('province-list').getByRole('link').count()).resolves.toBe(38);
  });

  it('browses West Java (6 Sub-TFs) and Kabupaten Bandung (5 Sub-TFs with their member agencies)', async () => {
    const page = await newPage();
    await page.goto(`${web.url}/masuk`);
    await logIn(page, 'admin.jabar@gugus.test');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByTestId('nav-more').click();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Wilayah & gugus tugas' }).click();

    const provinces = page.getByTestId('province-list');
    await provinces.getByLabel('Cari provinsi').fill('jawa');
    await expect(provinces.getByRole('link').count()).resolves.toBe(3);
    await provinces.getByRole('link', { name: /Jawa Barat/ }).click();
    await page.waitForURL(/\/wilayah\/32$/);
    const subTaskForces = page.getByTestId('task-force').getByTestId('sub-task-force');
    await subTaskForces.first().waitFor();
    await expect(subTaskForces.count()).resolves.toBe(6);
    await expect(page.getByTestId('task-force').textContent()).resolves.toContain('Pengembangan Norma Hukum');
    await page.getByTestId('task-force').filter({ hasText: 'Biro Hukum Setda Provinsi Jawa Barat' }).waitFor();
    await shot(page, 'admin-task-force-jabar-id');

    const regencies = page.getByTestId('regency-list');
    await expect(regencies.getByRole('link').count()).resolves.toBe(27);
    await regencies.getByLabel('Cari kabupaten/kota').fill('bandung');
    await expect(regencies.getByRole('link').count()).resolves.toBe(3);
    await regencies.locator('a[data-code="32.04"]').click();
    await page.waitForURL(/\/wilayah\/32\.04$/);
    await page.getByTestId('task-force').filter({ hasText: 'Gugus Tugas PP-TPPO Kabupaten Bandung' }).waitFor();
    await expect(subTaskForces.count()).resolves.toBe(5);
    const health = page.locator('[data-kind="health_rehabilitation"]');
    await expect(health.textContent()).resolves.toContain('Rehabilitasi Kesehatan');
    await health.filter({ hasText: 'Dinas Kesehatan Kabupaten Bandung' }).waitFor();
    await expect(page.locator('[data-kind="legal_norm_development"]').count()).resolves.toBe(0);
    await shot(page, 'admin-task-force-bandung-id-laptop');

    await switchLanguage(page, 'EN');
    await health.filter({ hasText: 'Health Rehabilitation' }).waitFor();
    await expect(page.getByTestId('task-force').textContent()).resolves.toContain('Social Rehabilitation, Repatriation and Reintegration');
    await shot(page, 'admin-task-force-bandung-en-laptop');
    await page.setViewportSize(PHONE);
    await shot(page, 'admin-task-force-bandung-en-phone');
    await switchLanguage(page, 'ID');
    await health.filter({ hasText: 'Rehabilitasi Kesehatan' }).waitFor();
    await shot(page, 'admin-task-force-bandung-id-phone');
  });

  it('adds an agency, a position and two people, hands the position over with a note, and appoints a Plt.', async () => {
    const page = await newPage();
    await page.goto(`${web.url}/masuk`);
    await logIn(page, 'admin.jabar@gugus.test');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${web.url}/wilayah/32.04`);
    await page.getByTestId('agencies-link').click();
    await page.waitForURL(/\/wilayah\/32\.04\/instansi$/);

    const agencyForm = page.getByTestId('add-agency-form');
    await agencyForm.getByLabel('Nama instansi').fill(agencyName);
    await agencyForm.getByLabel('Jenis instansi').selectOption({ label: 'Pusat pelayanan terpadu (UPTD PPA / PPT)' });
    await agencyForm.getByRole('checkbox', { name: 'Rehabilitasi Kesehatan' }).check();
    await agencyForm.getByRole('checkbox', { name: 'Penegakan Hukum' }).check();
    await agencyForm.getByRole('button', { name: 'Simpan instansi' }).click();
    await agencyForm.getByTestId('form-success').filter({ hasText: agencyName }).waitFor();
    const agencyRow = page.getByTestId('agency-row').filter({ hasText: agencyName });
    await expect(agencyRow.textContent()).resolves.toContain('Penegakan Hukum');

    // The same name twice: the API's conflict message, in words, and nothing crashes.
    await agencyForm.getByLabel('Nama instansi').fill(agencyName);
    await agencyForm.getByLabel('Jenis instansi').selectOption('ngo');
    await agencyForm.getByRole('button', { name: 'Simpan instansi' }).click();
    await agencyForm.getByRole('alert').filter({ hasText: 'sudah ada di wilayah ini' }).waitFor();

    await agencyRow.getByRole('link', { name: agencyName }).click();
    await page.waitForURL(/\/instansi\/[0-9a-f-]{36}$/);
    const agencyId = page.url().split('/').at(-1) ?? '';

    const positionForm = page.getByTestId('add-position-form');
    await positionForm.getByLabel('Nama jabatan').fill(positionTitle);
    await positionForm.getByRole('checkbox', { name: 'Koordinator kasus' }).check();
    await positionForm.getByRole('button', { name: 'Simpan jabatan' }).click();
    await page.getByTestId('position-row').filter({ hasText: positionTitle }).filter({ hasText: 'Koordinator kasus' }).waitFor();

    const personForm = page.getByTestId('add-person-form');
    // A too-short initial password: the API names the field and the page shows it there.
    await personForm.getByLabel('Nama lengkap').fill(personA.name);
    await personForm.getByLabel('E-mail').fill(personA.email);
    await personForm.getByLabel('Kata sandi awal').evaluate((el: HTMLInputElement) => el.removeAttribute('minlength'));
    await personForm.getByLabel('Kata sandi awal').fill('pendek');
    await personForm.getByRole('button', { name: 'Simpan orang' }).click();
    await personForm.getByTestId('field-error').filter({ hasText: /terlalu pendek/i }).waitFor();
    for (const person of [personA, personB]) {
      await personForm.getByLabel('Nama lengkap').fill(person.name);
      await personForm.getByLabel('E-mail').fill(person.email);
      await personForm.getByLabel('Kata sandi awal').fill(person.password);
      await personForm.getByRole('button', { name: 'Simpan orang' }).click();
      await page.getByTestId('person-row').filter({ hasText: person.name }).waitFor();
    }
    await shot(page, 'admin-agency-id-laptop');

    await page.getByTestId('position-row').getByRole('link', { name: positionTitle }).click();
    await page.waitForURL(/\/jabatan\/[0-9a-f-]{36}$/);
    await page.getByTestId('holder-name').filter({ hasText: 'Jabatan ini sedang kosong.' }).waitFor();

    // A vacant position: no handover note is asked for.
    const moveForm = page.getByTestId('move-holder-form');
    await expect(moveForm.getByLabel('Catatan serah terima').count()).resolves.toBe(0);
    await moveForm.getByLabel('Pemegang baru').selectOption({ label: `${personA.name} (${personA.email})` });
    await moveForm.getByRole('button', { name: 'Tetapkan pemegang' }).click();
    await page.getByTestId('holder-name').filter({ hasText: personA.name }).waitFor();

    // Handing over to B: the note is required; without it the API refuses and names the field.
    await moveForm.getByLabel('Pemegang baru').selectOption({ label: `${personB.name} (${personB.email})` });
    await moveForm.getByLabel('Catatan serah terima').evaluate((el: HTMLTextAreaElement) => el.removeAttribute('required'));
    await moveForm.getByRole('button', { name: 'Pindahkan jabatan' }).click();
    await moveForm.getByTestId('field-error').filter({ hasText: /wajib diisi/i }).waitFor();
    await moveForm.getByLabel('Catatan serah terima').fill(handoverNote);
    await moveForm.getByRole('button', { name: 'Pindahkan jabatan' }).click();
    await page.getByTestId('holder-name').filter({ hasText: personB.name }).waitFor();

    const previous = page.getByTestId('history-entry').filter({ hasText: personA.name });
    await previous.getByTestId('handover-note').filter({ hasText: handoverNote }).waitFor();
    await expect(previous.getAttribute('data-current')).resolves.toBe('false');
    await expect(page.getByTestId('history-entry').first().textContent()).resolves.toContain(personB.name);

    // Person A acts for the position (Plt.) for two weeks from today.
    const delegateForm = page.getByTestId('delegate-form');
    await delegateForm.getByLabel(/^Plt\./).selectOption({ label: `${personA.name} (${personA.email})` });
    await expect(delegateForm.getByLabel('Mulai tanggal').inputValue()).resolves.toBe(jakartaDate());
    await delegateForm.getByLabel('Sampai dengan tanggal').fill(jakartaDate(14));
    await delegateForm.getByLabel('Alasan').fill('Pemegang jabatan cuti melahirkan');
    await delegateForm.getByRole('button', { name: 'Tunjuk Plt.' }).click();
    const delegation = page.getByTestId('delegation').filter({ hasText: personA.name });
    await delegation.filter({ hasText: 'Sedang berlaku' }).waitFor();
    await expect(delegation.textContent()).resolves.toContain('Pemegang jabatan cuti melahirkan');
    await page.getByTestId('form-success').filter({ hasText: `${personA.name} ditunjuk sebagai Plt.` }).waitFor();

    await shot(page, 'admin-position-id-laptop');
    await switchLanguage(page, 'EN');
    await page.getByTestId('history-entry').filter({ hasText: 'Handover note' }).waitFor();
    await delegation.filter({ hasText: 'In effect' }).waitFor();
    await shot(page, 'admin-position-en-laptop');
    await page.setViewportSize(PHONE);
    await shot(page, 'admin-position-en-phone');
    await switchLanguage(page, 'ID');
    await delegation.filter({ hasText: 'Sedang berlaku' }).waitFor();
    await shot(page, 'admin-position-id-phone');
    await page.setViewportSize(LAPTOP);

    // Every change is in the audit trail, filterable by action and jurisdiction.
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByTestId('nav-more').click();
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Jejak audit' }).click();
    await page.waitForURL(/\/audit$/);
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('Tindakan').fill('agency.create');
    await filters.getByLabel('Kode wilayah').fill('32.04');
    await filters.getByLabel('Dari tanggal').fill(jakartaDate(-1));
    await filters.getByRole('button', { name: 'Terapkan' }).click();
    await page.waitForURL(/action=agency\.create/);
    // The address changes before the filtered list arrives: wait for the row the filter is for, not just any row of the agency.
    const row = page.getByTestId('audit-row').filter({ has: page.locator(`[title="${agencyId}"]`) }).filter({ hasText: 'agency.create' });
    await row.waitFor();
    // …and once it has arrived, nothing else is listed.
    await page.getByTestId('audit-row').filter({ hasNotText: 'agency.create' }).first().waitFor({ state: 'detached' });
    await expect(row.textContent()).resolves.toContain('32.04');
    await expect(row.textContent()).resolves.toContain('agency.create');
    await shot(page, 'admin-audit-id-laptop');
    await page.setViewportSize(PHONE);
    await shot(page, 'admin-audit-id-phone');
  });

  it('offers each administrator only the roles they may grant, and never themselves as holder or Plt.', async () => {
    const jabarApi = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    const agencies = (await jabarApi.get('/agencies?jurisdictionCode=32')).body as { id: string; name: string }[];
    const office = agencies.find((a) => a.name === 'DP3AKB Provinsi Jawa Barat')!.id;
    const officer = await jabarApi.post(`/agencies/${office}/positions`, { title: `Staf Pelindungan ${suffix}`, roles: ['agency_officer'] });
    const ownPosition = ((await jabarApi.get('/auth/me')).body as { grants: { positionId: string }[] }).grants[0].positionId;
    const nationalOnly = ['Administrator sistem', 'Analis nasional', 'Administrator provinsi'];
    const operational = ['Sekretariat gugus tugas', 'Petugas instansi', 'Peninjau hukum', 'Koordinator kasus', 'Pekerja kasus', 'Ketua / kepala daerah'];

    /** The agency page as `email`, and the role choices of its add-position form once they show. */
    const addPositionRolesAs = async (email: string) => {
      const page = await newPage();
      await page.goto(`${web.url}/masuk`);
      await logIn(page, email);
      await page.waitForURL((url) => url.pathname === '/');
      await page.goto(`${web.url}/instansi/${office}`);
      const roles = page.getByTestId('add-position-form').getByRole('group', { name: 'Peran' });
      await roles.getByRole('checkbox', { name: 'Petugas instansi' }).waitFor();
      return { page, roles };
    };

    const { page, roles } = await addPositionRolesAs('admin.jabar@gugus.test');
    for (const role of nationalOnly) await expect(roles.getByRole('checkbox', { name: role }).count()).resolves.toBe(0);
    for (const role of operational) await expect(roles.getByRole('checkbox', { name: role }).count()).resolves.toBe(1);
    await expect(roles.textContent()).resolves.toContain('ditetapkan oleh administrator sistem');
    await shot(page, 'admin-add-position-jabar-id');

    // The holder and Plt. pickers list colleagues, not the administrator.
    await page.goto(`${web.url}/jabatan/${officer.body.id}`);
    const holderPicker = page.getByTestId('move-holder-form').getByLabel('Pemegang baru');
    await holderPicker.locator('option', { hasText: 'Dedi Supriadi' }).waitFor({ state: 'attached' });
    await expect(holderPicker.locator('option', { hasText: 'Rina Kusumawati' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('delegate-form').getByLabel(/^Plt\./).locator('option', { hasText: 'Rina Kusumawati' }).count()).resolves.toBe(0);
    await expect(page.getByTestId('move-holder-form').textContent()).resolves.toContain('Tidak seorang pun dapat menunjuk dirinya sendiri');

    // Their own position carries a role only a system administrator grants: no forms, and the reason.
    await page.goto(`${web.url}/jabatan/${ownPosition}`);
    await page.getByTestId('grant-limited').filter({ hasText: 'Administrator provinsi' }).waitFor();
    await expect(page.getByTestId('move-holder-form').count()).resolves.toBe(0);
    await expect(page.getByTestId('delegate-form').count()).resolves.toBe(0);
    await shot(page, 'admin-position-grant-limited-jabar-id');

    const { page: sysPage, roles: allRoles } = await addPositionRolesAs('admin@gugus.test');
    for (const role of [...nationalOnly, ...operational]) await expect(allRoles.getByRole('checkbox', { name: role }).count()).resolves.toBe(1);
    await expect(allRoles.textContent()).resolves.not.toContain('ditetapkan oleh administrator sistem');
    await sysPage.getByTestId('person-row').first().waitFor();
    await shot(sysPage, 'admin-add-position-system-admin-id');
  });

  it('does not show the Riau Islands agencies to the West Java administrator, and says why in words', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${web.url}/masuk`);
    await logIn(page, 'admin.jabar@gugus.test');
    await page.waitForURL((url) => url.pathname === '/');
    await page.goto(`${web.url}/wilayah`);
    await page.getByTestId('province-list').getByLabel('Cari provinsi').fill('riau');
    await page.getByTestId('province-list').getByRole('link', { name: /Kepulauan Riau/ }).click();
    await page.waitForURL(/\/wilayah\/21$/);
    await page.getByTestId('agencies-link').click();
    await page.waitForURL(/\/wilayah\/21\/instansi$/);
    const denied = page.getByTestId('forbidden');
    await denied.first().waitFor();
    await expect(denied.first().textContent()).resolves.toContain('Akses ditolak');
    await expect(denied.first().textContent()).resolves.toContain('Peran Anda tidak mengizinkan tindakan ini di sini.');
    await expect(page.getByText('DP3AP2KB Provinsi Kepulauan Riau').count()).resolves.toBe(0);
    await expect(page.getByTestId('add-agency-form').count()).resolves.toBe(0);
    await shot(page, 'admin-forbidden-kepri-id-phone');
  });

  it('logs out to the login page; a protected page then asks to log in again and comes back afterwards', async () => {
    const page = await newPage();
    await page.goto(`${web.url}/masuk`);
    await logIn(page, 'admin.jabar@gugus.test');
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/masuk$/);
    await page.getByTestId('logged-out').waitFor();
    await expect(page.getByTestId('account').count()).resolves.toBe(0);
    await expect(page.evaluate(() => Object.keys(sessionStorage).length)).resolves.toBe(0);

    await page.goto(`${web.url}/wilayah/32`);
    await page.waitForURL(/\/masuk$/);
    await logIn(page, 'admin.jabar@gugus.test');
    await page.waitForURL(/\/wilayah\/32$/);
    await page.getByTestId('task-force').getByTestId('sub-task-force').first().waitFor();
  });

  it('renews an expired access token once without the user noticing, and asks to log in when the session is gone', async () => {
    const page = await newPage();
    await page.goto(`${web.url}/masuk`);
    await logIn(page, 'sekretariat.jabar@gugus.test');
    await page.waitForURL((url) => url.pathname === '/');
    const expired = JSON.stringify({ code: 'UNAUTHENTICATED', message: 'Sesi berakhir; silakan masuk kembali.', details: {} });
    const unauthenticatedOnce = (code: string) =>
      page.route(`**/api/task-forces/${code}`, (route) => route.fulfill({ status: 401, contentType: 'application/json', body: expired }), { times: 1 });

    // The API says the access token expired: the app exchanges its refresh token and asks again.
    await unauthenticatedOnce('32');
    const refreshed = page.waitForResponse((r) => r.url().endsWith('/api/auth/refresh') && r.status() === 200);
    await page.goto(`${web.url}/wilayah/32`);
    await refreshed;
    await page.getByTestId('task-force').getByTestId('sub-task-force').first().waitFor();
    await expect(page.getByTestId('account-name').textContent()).resolves.toBe('Dedi Supriadi');

    // The refresh token was used elsewhere (so it no longer works): the next expiry ends the session.
    // It is stolen only once the user has clicked: exchanging it also ends the page's access token, so
    // stealing it earlier would let any background request (notifications) end the session before the click.
    const refreshToken = await page.evaluate(() => sessionStorage.getItem('gugus.session.refreshToken'));
    let stolenStatus = 0;
    await page.route(
      `**/api/task-forces/32.04`,
      async (route) => {
        const stolen = await fetch(`${api.url}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken }) });
        stolenStatus = stolen.status;
        await route.fulfill({ status: 401, contentType: 'application/json', body: expired });
      },
      { times: 1 },
    );
    await page.getByTestId('regency-list').locator('a[data-code="32.04"]').click();
    await page.waitForURL(/\/masuk$/);
    expect(stolenStatus).toBe(200);
    await page.getByText('Sesi Anda telah berakhir. Silakan masuk kembali.').waitFor();
    await expect(page.evaluate(() => sessionStorage.length)).resolves.toBe(0);
  });

  it('says in words why a single sign-on return failed', async () => {
    const page = await newPage(PHONE);
    await page.goto(`${web.url}/masuk/sso?error=sso_no_account`);
    await page.getByRole('alert').filter({ hasText: 'Akun SSO Anda tidak terdaftar di Gugus.' }).waitFor();
    // A hand-off code that is not (or no longer) valid: the API's own message.
    await page.goto(`${web.url}/masuk/sso?handoff=${'x'.repeat(43)}`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toMatch(/\w{5,}/);
    await expect(page.getByTestId('account').count()).resolves.toBe(0);
  });

  it("shows the API's message for a wrong password, in the reader's language", async () => {
    const page = await newPage(PHONE);
    await page.goto(`${web.url}/masuk`);
    await logIn(page, personA.email, 'bukan-kata-sandinya');
    await page.getByTestId('login-error').filter({ hasText: 'E-mail atau kata sandi salah.' }).waitFor();
    await expect(page.url()).toMatch(/\/masuk$/);
    await shot(page, 'admin-login-wrong-password-id-phone');

    await switchLanguage(page, 'EN');
    await page.getByTestId('login-form').getByLabel('Password').fill('still-not-it');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').filter({ hasText: 'Wrong e-mail or password.' }).waitFor();

    // The right password still works after two failures (below the lockout threshold).
    await page.getByTestId('login-form').getByLabel('Password').fill(personA.password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('account-name').filter({ hasText: personA.name }).waitFor();
  });
});
