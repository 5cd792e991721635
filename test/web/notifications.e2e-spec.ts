import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { DataSource } from 'typeorm';
import type { Me } from '@gugus/contracts';
import { loadConfig, serverConfigSchema } from '@gugus/server-config';
import { createDataSourceOptions } from '@gugus/server-database';
import { NOTIFICATIONS_ENTITIES, NotificationsRepository, NotificationsService } from '@gugus/server-notifications';
import { browserSession, client, login, serviceEnv, startApi, startWeb, testEnv, type BrowserSession, type RunningApi, type RunningWeb } from '../support';

const OFFICER = 'dinkes.bandung@gugus.test';

/** The bell and the notification list in Debian's Chromium, on a phone-sized screen and a laptop. */
describe('web app: notifications', () => {
  let browser: BrowserSession;
  let api: RunningApi;
  let web: RunningWeb;
  let db: DataSource;
  let service: NotificationsService;
  let officerId: string;
  const taskId = randomUUID();

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), browserSession()]);
    web = await startWeb(api.url);
    const { databaseUrl, temporalAddress } = testEnv();
    db = await new DataSource({ ...createDataSourceOptions(databaseUrl, 2), entities: NOTIFICATIONS_ENTITIES }).initialize();
    service = new NotificationsService(new NotificationsRepository(db), loadConfig(serverConfigSchema, { DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress }));
    const { accessToken } = await login(api.url, OFFICER);
    const officer = client(api.url, accessToken);
    officerId = ((await officer.get('/auth/me')).body as Me).personId;
    await officer.post('/notifications/read-all');
    const notify = (key: string, title: [string, string], body: [string, string], link?: string) =>
      service.notify({ dedupeKey: `${key}:${randomUUID()}`, recipients: { personIds: [officerId] }, kind: 'task.assigned', title: { id: title[0], en: title[1] }, body: { id: body[0], en: body[1] }, link, email: false });
    await notify('older', ['Pengingat: Konfirmasi kehadiran rapat pleno', 'Reminder: Confirm attendance at the plenary meeting'], ['Tenggat: 20 Januari 2027', 'Due: 20 January 2027']);
    await notify('task', ['Tugas baru: Tindak lanjut poin aksi 2', 'New task: Follow up action point 2'], ['Tenggat: 5 Februari 2027 (10 hari kerja)', 'Due: 5 February 2027 (10 working days)'], `/tugas/${taskId}`);
    await notify('newest', ['Eskalasi: Notulen rapat belum disetujui', 'Escalation: Meeting minutes not yet approved'], ['Lewat tenggat sejak 2 Februari 2027', 'Overdue since 2 February 2027']);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
    await db?.destroy();
  });

  const bellCount = (page: Page) => page.getByTestId('notification-count');

  it('shows the unread count on the bell, lists notifications newest first, marks read and follows the link (phone)', async () => {
    // Sent to log in first; after login the app returns to the page that asked for it.
    const page = await browser.open(web.url, { as: OFFICER, path: '/notifikasi', viewport: 'phone' });

    await bellCount(page).filter({ hasText: '3' }).waitFor();
    await expect(page.getByTestId('notification-bell').getAttribute('aria-label')).resolves.toBe('Notifikasi, 3 belum dibaca');
    const items = page.getByTestId('notification');
    await items.first().waitFor();
    await expect(items.allTextContents()).resolves.toEqual([
      expect.stringContaining('Eskalasi: Notulen rapat belum disetujui'),
      expect.stringContaining('Tugas baru: Tindak lanjut poin aksi 2'),
      expect.stringContaining('Pengingat: Konfirmasi kehadiran rapat pleno'),
    ]);
    // Nothing sticks out sideways on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await browser.shot(page, 'e2e-notifications-id-phone');

    await items.nth(2).getByTestId('notification-mark-read').click();
    await bellCount(page).filter({ hasText: '2' }).waitFor();
    // The list reloads on its own request, independently of the bell.
    await page.locator('[data-testid="notification"][data-unread="false"]').filter({ hasText: 'Pengingat: Konfirmasi kehadiran rapat pleno' }).waitFor();

    await items.nth(1).getByTestId('notification-open').click();
    await page.waitForURL(new RegExp(`/tugas/${taskId}$`));
    await bellCount(page).filter({ hasText: '1' }).waitFor();
    await page.context().close();
  });

  it('filters unread ones and marks all read, in English too (laptop)', async () => {
    // Logged in at /masuk; the window waits until the login page has sent it on before moving on.
    const page = await browser.open(web.url, { as: OFFICER });
    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/\/notifikasi$/);

    await page.getByRole('button', { name: 'Belum dibaca' }).click();
    await page.waitForURL(/tampilkan=belum-dibaca/);
    // Only unread ones, and no read ones left on screen from the unfiltered list.
    await page.locator('[data-testid="notification"][data-unread="false"]').first().waitFor({ state: 'detached' });
    await page.locator('[data-testid="notification"][data-unread="true"]').filter({ hasText: 'Eskalasi: Notulen rapat belum disetujui' }).waitFor();
    await expect(page.getByTestId('notification').allTextContents()).resolves.toEqual([expect.stringContaining('Eskalasi: Notulen rapat belum disetujui')]);

    await page.getByTestId('language-switch').getByRole('button', { name: 'EN' }).click();
    await page.getByTestId('notification').filter({ hasText: 'Escalation: Meeting minutes not yet approved' }).waitFor();
    await browser.shot(page, 'e2e-notifications-en-laptop');

    await page.getByTestId('notifications-read-all').click();
    await page.getByText('All notifications have been read.').waitFor();
    await bellCount(page).waitFor({ state: 'detached' });
    await expect(page.getByTestId('notification-bell').getAttribute('aria-label')).resolves.toBe('Notifications, none unread');
    await page.context().close();
  });
});
