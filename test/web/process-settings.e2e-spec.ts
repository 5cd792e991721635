import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { CASE_MANAGEMENT_DEFAULTS, COORDINATION_MEETING_DEFAULTS } from '@gugus/contracts';
import { browserSession, client, login, serviceEnv, startApi, startWeb, type BrowserSession, type RunningApi, type RunningWeb, VIEWPORTS } from '../support';

const PHONE = VIEWPORTS.phone;

/**
 * Process settings and the working-day calendar in Chromium: the West Java administrator changes a
 * meeting duration for the province, is told in Bahasa Indonesia what is wrong with a bad value, saves a
 * new version and sees it in the history; Kabupaten Bandung then shows where its settings come from.
 * The calendar is readable by every role and shows the holidays of the year.
 */
describe('web app: process settings and the working-day calendar', () => {
  let browser: BrowserSession;
  let api: RunningApi;
  let web: RunningWeb;
  const note = `Agenda disiapkan lebih awal ${randomBytes(3).toString('hex')}`;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), browserSession()]);
    web = await startWeb(api.url);
  });
  afterAll(async () => {
    // Other test files run meetings in West Java on the same database: leave it on the national values.
    const admin = api && client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    await admin?.post('/process-settings/coordination-meeting/32', { settings: COORDINATION_MEETING_DEFAULTS, note: 'Kembali ke nilai nasional setelah uji' });
    await admin?.post('/process-settings/case-management/32.73', { settings: CASE_MANAGEMENT_DEFAULTS, note: 'Kembali ke nilai nasional setelah uji' });
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  const shot = (page: Page, name: string) => browser.shot(page, name);

  /** The text under a settings field: its error, if any. */
  const errorOf = (page: Page, testId: string) => page.locator('.gu-field', { has: page.getByTestId(testId) }).getByTestId('field-error');

  it('lets the West Java administrator change a duration, refuses a bad value in Bahasa Indonesia, and saves a new version', async () => {
    const page = await browser.open(web.url, { as: 'admin.jabar@gugus.test', path: '/pengaturan-proses' });
    await page.getByRole('navigation').getByRole('link', { name: 'Pengaturan proses', includeHidden: true }).waitFor({ state: 'attached' });
    await page.getByTestId('settings-source').waitFor();
    await expect(page.getByTestId('settings-jurisdiction').inputValue()).resolves.toBe('32');
    const historyBefore = await page.getByTestId('settings-version').count();

    // A plenary less often than every 4 months breaks the regulation: refused at the field, nothing sent.
    await page.getByTestId('setting-plenaryIntervalMonths').fill('5');
    await page.getByTestId('settings-save').click();
    await expect(errorOf(page, 'setting-plenaryIntervalMonths').textContent()).resolves.toBe('Jarak antar rapat pleno harus bilangan bulat dari 1 sampai 4 bulan.');
    await page.getByTestId('settings-invalid').waitFor();
    await shot(page, 'process-settings-invalid-laptop');
    // Corrected, the message goes at once.
    await page.getByTestId('setting-plenaryIntervalMonths').fill('3');
    await errorOf(page, 'setting-plenaryIntervalMonths').waitFor({ state: 'detached' });

    await page.getByTestId('setting-agendaWorkingDays').fill('8');
    await page.getByTestId('settings-note').fill(note);
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    const newest = page.getByTestId('settings-version').first();
    await newest.filter({ hasText: note }).waitFor();
    await expect(page.getByTestId('settings-version').count()).resolves.toBe(historyBefore + 1);
    await expect(newest.textContent()).resolves.toContain('Batas waktu menyusun agenda');
    await page.getByTestId('settings-source').filter({ hasText: /Versi provinsi Jawa Barat v\d+/i }).waitFor();
    await expect(page.getByTestId('setting-agendaWorkingDays').inputValue()).resolves.toBe('8');
    await shot(page, 'process-settings-saved-laptop');

    // Kabupaten Bandung has no version of its own: it shows the province's, and says so.
    await page.getByTestId('settings-jurisdiction').selectOption('32.04');
    await page.waitForURL(/wilayah=32\.04/);
    await page.getByTestId('settings-source').filter({ hasText: /Versi provinsi Jawa Barat/i }).waitFor();
    await expect(page.getByTestId('setting-agendaWorkingDays').inputValue()).resolves.toBe('8');
  });

  it('edits case management on screen too: the conference deadline in hours, bounded, for Kota Bandung', async () => {
    const page = await browser.open(web.url, { as: 'admin.jabar@gugus.test', path: '/pengaturan-proses' });
    await page.getByTestId('settings-source').waitFor();
    await page.getByTestId('settings-process').selectOption({ label: 'Penanganan kasus' });
    await page.waitForURL(/proses=case-management/);
    await page.getByTestId('settings-jurisdiction').selectOption('32.73');
    await page.waitForURL(/proses=case-management.*wilayah=32\.73|wilayah=32\.73.*proses=case-management/);
    const hours = page.getByTestId('setting-conferenceHours');
    await expect(hours.inputValue()).resolves.toBe('48');
    await hours.fill('300');
    await page.getByTestId('settings-save').click();
    await expect(errorOf(page, 'setting-conferenceHours').textContent()).resolves.toContain('168');
    await hours.fill('36');
    await page.getByTestId('settings-note').fill(`Konferensi lebih cepat di Kota Bandung ${note}`);
    await page.getByTestId('settings-save').click();
    await page.getByTestId('settings-saved').waitFor();
    await expect(hours.inputValue()).resolves.toBe('36');
    await shot(page, 'process-settings-case-management');
    const admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    expect((await admin.get('/process-settings/case-management?jurisdictionCode=32.73')).body.effective.settings.conferenceHours).toBe(36);
  });

  it('fits a phone and switches to English', async () => {
    const page = await browser.open(web.url, { as: 'admin.jabar@gugus.test', path: '/pengaturan-proses', viewport: 'phone' });
    await page.getByTestId('settings-history').waitFor();
    await page.getByTestId('setting-minutesWorkingDays').fill('0');
    await page.getByTestId('settings-save').click();
    await errorOf(page, 'setting-minutesWorkingDays').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shot(page, 'process-settings-phone');
    await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    await expect(errorOf(page, 'setting-minutesWorkingDays').textContent()).resolves.toBe('Time to write the minutes must be a whole number from 1 to 60 working days.');
    await page.getByRole('heading', { name: 'Process settings' }).waitFor();
    await shot(page, 'process-settings-phone-en');
  });

  it('shows the secretariat the settings read-only', async () => {
    const page = await browser.open(web.url, { as: 'sekretariat.bandung@gugus.test', path: '/pengaturan-proses' });
    await page.getByTestId('settings-source').waitFor();
    await expect(page.getByTestId('setting-plenaryIntervalMonths').isDisabled()).resolves.toBe(true);
    await expect(page.getByTestId('settings-save').count()).resolves.toBe(0);
  });

  it('shows every role the holidays of a year; only the system administrator may change them', async () => {
    const officer = await browser.open(web.url, { as: 'dinkes.bandung@gugus.test', path: '/kalender-kerja?tahun=2026', viewport: 'phone' });
    await officer.getByTestId('holiday-list').waitFor();
    await officer.locator('[data-testid="holiday-row"][data-date="2026-03-19"]').filter({ hasText: 'Nyepi' }).waitFor();
    await expect(officer.getByTestId('calendar-summary').textContent()).resolves.toBe('17 hari libur nasional, 8 hari cuti bersama');
    await expect(officer.getByTestId('holiday-add').count()).resolves.toBe(0);
    expect(await officer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot(officer, 'working-calendar-phone');

    const admin = await browser.open(web.url, { as: 'admin@gugus.test', path: '/kalender-kerja?tahun=2099' });
    await admin.getByTestId('holiday-add').click();
    await admin.getByTestId('holiday-date').fill('2099-11-02');
    await admin.getByTestId('holiday-kind').selectOption('cuti_bersama');
    await admin.getByTestId('holiday-name-id').fill('Cuti bersama uji peramban');
    await admin.getByTestId('holiday-name-en').fill('Browser test collective leave');
    await shot(admin, 'working-calendar-form-laptop');
    await admin.getByTestId('holiday-save').click();
    await admin.getByTestId('calendar-notice').waitFor();
    const row = admin.locator('[data-testid="holiday-row"][data-date="2099-11-02"]');
    await row.filter({ hasText: 'Cuti bersama uji peramban' }).waitFor();
    await shot(admin, 'working-calendar-admin-laptop');
    await row.getByTestId('holiday-remove').click();
    await row.getByTestId('holiday-confirm-remove').click();
    await row.waitFor({ state: 'detached' });
  });
});
