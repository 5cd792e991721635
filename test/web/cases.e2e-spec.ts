import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { AuditEntryView } from '@gugus/contracts';
import { browserSession, client, eventually, login, screenshotDir, sequentialSteps, serviceEnv, startApi, startWeb, type BrowserSession, type RunningApi, type RunningWeb, VIEWPORTS } from '../support';

const { laptop: LAPTOP, phone: PHONE } = VIEWPORTS;
const COORDINATOR = 'koordinator.jabar@gugus.test';
/**
 * Kabupaten Bandung Barat (32.17): Kabupaten Bandung's numbering (32.04) is test/cases' own and the
 * authorization matrix opens its case at province level, so this file opens its case where no other does,
 * through a member agency it adds itself (the demo data has none there).
 */
const REGENCY = '32.17';
const CODE_PATH = /^\/kasus\/32\.17-\d{4}-\d{4,}$/;

type Api = ReturnType<typeof client>;

/**
 * Issue 11, screens: the case list, the open-case form and the case page in Chromium against the real API.
 * The West Java case coordinator opens a case on a phone and reaches its page by choosing why; at laptop
 * width finds it in the list and filters by stage; the API's field error shows at its field; a case worker
 * of another province gets "not found"; the audit trail holds the read with its purpose.
 */
describe('web app: case list, opening a case, the case page', () => {
  let api: RunningApi;
  let web: RunningWeb;
  let browser: BrowserSession;
  let admin: Api;
  let coordinatorId = '';
  const suffix = randomBytes(3).toString('hex');
  const agencyName = `Dinas Sosial Kabupaten Bandung Barat (uji ${suffix})`;
  const kepri = { email: `kasus.kepri.${suffix}@gugus.test`, password: 'sandi-uji-kasus-kepri' };
  let caseCode = '';
  const step = sequentialSteps();

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), browserSession()]);
    web = await startWeb(api.url);
    admin = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    coordinatorId = (await client(api.url, (await login(api.url, COORDINATOR)).accessToken).get('/auth/me')).body.personId;
    const agency = await admin.post('/agencies', { jurisdictionCode: REGENCY, name: agencyName, kind: 'government_office' });
    expect(agency.status).toBe(201);
    // A case worker of Riau Islands (Kota Batam): another province's case role.
    const batam = ((await admin.get('/agencies?jurisdictionCode=21.71')).body as { id: string; name: string }[]).find((a) => a.name === 'Dinas Sosial Kota Batam')!.id;
    const position = await admin.post(`/agencies/${batam}/positions`, { title: `Pekerja Kasus ${suffix}`, roles: ['case_worker'] });
    const person = await admin.post('/people', { agencyId: batam, fullName: `Pekerja Kasus Batam (uji ${suffix})`, email: kepri.email, password: kepri.password });
    expect([position.status, person.status]).toEqual([201, 201]);
    expect((await admin.put(`/positions/${position.body.id}/holder`, { personId: person.body.id })).status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  const logIn = (email: string, viewport: { width: number; height: number }, password?: string): Promise<Page> => browser.open(web.url, { as: email, password, path: '/kasus', viewport });

  /** The whole page at laptop and at phone width (back to `back` after). */
  async function shoot(page: Page, name: string, back = LAPTOP): Promise<void> {
    await page.setViewportSize(LAPTOP);
    await browser.shot(page, `cases-${name}-laptop`);
    await page.setViewportSize(PHONE);
    await browser.shot(page, `cases-${name}-phone`);
    await page.setViewportSize(back);
  }

  /**
   * The main nav's links all on one line, once the page has settled (fonts loaded, header filled in): a
   * nav that wraps for good times out here.
   */
  async function navOnOneLine(page: Page): Promise<void> {
    const nav = page.getByRole('navigation', { name: 'Navigasi utama' });
    await nav.getByRole('link', { name: 'Kasus', exact: true }).waitFor();
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    const lines = async () => new Set(await nav.getByRole('link').evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top)))).size;
    await eventually(async () => ((await lines()) === 1 ? true : undefined), 10_000, 'the nav on one line');
  }

  const fieldOf = (page: Page, label: string) => page.getByTestId('open-case').locator('.gu-field').filter({ has: page.getByLabel(label) });

  step('opens a Kabupaten Bandung Barat case through the form on a phone, and reaches its page after choosing why', async () => {
    const page = await logIn(COORDINATOR, PHONE);
    await page.getByTestId('open-case-start').click();
    const form = page.getByTestId('open-case');

    // Nothing chosen: each field says it is needed, and nothing is sent.
    await form.getByLabel('Wilayah gugus tugas').selectOption(REGENCY);
    await page.getByTestId('open-case-submit').click();
    await fieldOf(page, 'Instansi penerima').getByTestId('field-error').filter({ hasText: 'Wajib diisi.' }).waitFor();
    await fieldOf(page, 'Jalur masuk').getByTestId('field-error').filter({ hasText: 'Wajib diisi.' }).waitFor();

    await form.getByLabel('Instansi penerima').selectOption({ label: agencyName });
    // The channels are the referral-sources option list, labelled in the reader's language by the forms API.
    await form.getByLabel('Jalur masuk').selectOption({ label: 'Layanan pengaduan (hotline)' });
    await shoot(page, 'open-form', PHONE);

    // A request the API refuses (here: a channel outside the list, as from a stale form) shows its error at the field.
    await page.route('**/api/cases', async (route) => {
      const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
      await route.continue({ postData: JSON.stringify({ ...body, intakeChannel: 'telepati' }) });
    });
    await page.getByTestId('open-case-submit').click();
    await fieldOf(page, 'Jalur masuk').getByTestId('field-error').filter({ hasText: 'nilainya tidak termasuk pilihan yang diizinkan' }).waitFor();
    await expect(form.getByLabel('Jalur masuk').getAttribute('aria-invalid')).resolves.toBe('true');
    await browser.shot(page, 'cases-open-form-error-phone');
    await page.unroute('**/api/cases');

    await page.getByTestId('open-case-submit').click();
    await page.waitForURL((url) => CODE_PATH.test(url.pathname));
    caseCode = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() as string);

    // The reader says why before anything about the case is loaded.
    await page.getByTestId('case-purpose').waitFor();
    await expect(page.getByTestId('case-record').count()).resolves.toBe(0);
    await page.getByTestId('case-purpose-submit').click();
    await page.getByTestId('case-purpose').getByText('Pilih salah satu tujuan.').waitFor();
    await shoot(page, 'purpose', PHONE);
    await page.getByRole('radio', { name: 'Penanganan kasus', exact: true }).check();
    await page.getByTestId('case-purpose-submit').click();
    await expect(page.getByTestId('case-code').textContent()).resolves.toBe(caseCode);
    await expect(page.getByTestId('case-agency').textContent()).resolves.toBe(agencyName);
    // The channel's label arrives with the case-intake form's option list.
    await page.getByTestId('case-channel').filter({ hasText: 'Layanan pengaduan (hotline)' }).waitFor();
    await page.getByTestId('case-read-recorded').getByText('dicatat di jejak audit dengan tujuan: Penanganan kasus').waitFor();
    await page.getByTestId('case-record').getByText('Penerimaan').waitFor();
    await page.getByTestId('case-record').getByText('Belum ditapis').waitFor();
    await page.getByTestId('case-jurisdiction').filter({ hasText: 'Kabupaten Bandung Barat' }).waitFor();
    await shoot(page, 'case-page', PHONE);
  });

  step('lists the case at laptop width with the nav on one line, and filters it by stage', async () => {
    const page = await logIn(COORDINATOR, LAPTOP);
    // The nav of a case coordinator, with Kasus in it, fits one line at 1280 px.
    await navOnOneLine(page);
    await page.screenshot({ path: join(screenshotDir, 'cases-nav-coordinator-1280.png'), clip: { x: 0, y: 0, width: LAPTOP.width, height: 200 } });

    const row = page.getByTestId('case-row').and(page.locator(`[data-case-code="${caseCode}"]`));
    await row.waitFor();
    await page.getByLabel('Wilayah', { exact: true }).selectOption(REGENCY);
    await page.waitForURL((url) => url.searchParams.get('wilayah') === REGENCY);
    await row.waitFor();
    await eventually(async () => ((await page.getByTestId('case-row').count()) === 1 ? true : undefined), 10_000, 'one row in Kabupaten Bandung Barat');
    await row.filter({ hasText: 'Layanan pengaduan (hotline)' }).waitFor();
    await expect(row.textContent()).resolves.toContain('Penerimaan');

    await page.getByLabel('Tahap', { exact: true }).selectOption({ label: 'Penapisan' });
    await page.getByTestId('cases-empty').getByText('Tidak ada kasus pada tahap ini.').waitFor();
    await page.getByTestId('cases-empty').getByText('Buka kasus baru', { exact: false }).waitFor();
    await shoot(page, 'list-empty');

    await page.getByLabel('Tahap', { exact: true }).selectOption({ label: 'Penerimaan' });
    await page.waitForURL((url) => url.searchParams.get('tahap') === 'intake');
    await row.waitFor();
    await shoot(page, 'list');

    await row.getByRole('link', { name: caseCode }).click();
    await page.waitForURL((url) => url.pathname === `/kasus/${caseCode}`);
    await page.getByTestId('case-purpose').waitFor();
    await page.getByRole('radio', { name: 'Pengawasan', exact: true }).check();
    await page.getByTestId('case-purpose-submit').click();
    await expect(page.getByTestId('case-code').textContent()).resolves.toBe(caseCode);
    await page.getByTestId('case-channel').filter({ hasText: 'Layanan pengaduan (hotline)' }).waitFor();
    await page.getByTestId('case-jurisdiction').filter({ hasText: 'Kabupaten Bandung Barat' }).waitFor();
    await browser.shot(page, 'cases-case-page-supervision-laptop');
  });

  step('records the guardian’s consent in the case page’s consent card and shows it per purpose; a withdrawal is marked with its date', async () => {
    const page = await logIn(COORDINATOR, LAPTOP);
    await page.goto(`${web.url}/kasus/${caseCode}`);
    await page.getByRole('radio', { name: 'Penanganan kasus', exact: true }).check();
    await page.getByTestId('case-purpose-submit').click();
    const card = page.getByTestId('case-consent');
    await card.getByTestId('consent-none').filter({ hasText: 'Belum ada persetujuan yang dicatat.' }).waitFor();
    await card.getByTestId('consent-record').filter({ hasText: 'Catat persetujuan' }).click();

    const form = card.getByTestId('consent-form');
    const field = (id: string) => form.locator(`[data-field="consent_${id}"]`);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await field('recordedOn').locator('input').fill(today);
    await field('givenBy').getByRole('radio', { name: 'Wali' }).check();
    await field('personViewsHeard').getByRole('radio', { name: 'Ya' }).check();
    await field('explanationLanguage').locator('input').fill('Bahasa Indonesia');
    await field('explainedInUnderstoodLanguage').getByRole('radio', { name: 'Ya' }).check();
    const decision = async (i: number) => {
      const at = field(`decisions_${i}`);
      if (!(await at.count())) await field('decisions').getByRole('button', { name: 'Tambah butir' }).last().click();
      await at.waitFor();
      return (name: string) => field(`decisions_${i}_${name}`);
    };
    const first = await decision(0);
    await first('purpose').locator('select').selectOption({ label: 'Menerima pendampingan dan layanan' });
    await first('status').getByRole('radio', { name: 'Diberikan' }).check();
    await first('decidedOn').locator('input').fill(today);
    await first('method').getByRole('radio').first().check();
    await first('interpreterUsed').getByRole('radio', { name: 'Tidak' }).check();
    const second = await decision(1);
    await second('purpose').locator('select').selectOption({ label: 'Berbagi data dengan lembaga tertentu' });
    await second('status').getByRole('radio', { name: 'Diberikan' }).check();
    await second('agencyId').locator('select').selectOption({ label: agencyName });
    await second('dataCategories').getByRole('checkbox').nth(2).check();
    await second('dataCategories').getByRole('checkbox').nth(12).check();
    await second('decidedOn').locator('input').fill(today);
    await second('method').getByRole('radio').first().check();
    await second('interpreterUsed').getByRole('radio', { name: 'Tidak' }).check();
    await shoot(page, 'consent-form');
    await card.getByTestId('consent-submit').click();

    await card.getByTestId('consent-saved').waitFor();
    const state = card.getByTestId('consent-state');
    await state.getByTestId('consent-purpose-assistance').filter({ hasText: 'Menerima pendampingan dan layanan' }).filter({ hasText: 'Diberikan' }).waitFor();
    await state.getByTestId('consent-purpose-assistance').filter({ hasText: 'Wali' }).waitFor();
    const sharing = state.getByTestId('consent-agency').filter({ hasText: agencyName });
    await sharing.filter({ hasText: 'Kategori data' }).waitFor();
    await expect(sharing.getAttribute('data-status')).resolves.toBe('granted');
    await shoot(page, 'consent-state');

    // The guardian withdraws the data sharing (recorded through the API): the next read marks it with its date.
    const agencyId = ((await admin.get(`/agencies?jurisdictionCode=${REGENCY}`)).body as { id: string; name: string }[]).find((a) => a.name === agencyName)!.id;
    const coordinator = client(api.url, (await login(api.url, COORDINATOR)).accessToken);
    const withdrawal = await coordinator.post(`/cases/${caseCode}/consents`, {
      data: {
        recordedOn: today,
        givenBy: 'guardian',
        personViewsHeard: true,
        explanationLanguage: 'Bahasa Indonesia',
        explainedInUnderstoodLanguage: true,
        decisions: [{ purpose: 'data_sharing', status: 'withdrawn', agencyId, decidedOn: today, withdrawnOn: today, method: 'verbal_recorded', interpreterUsed: false }],
      },
    });
    expect(withdrawal.status).toBe(201);
    await page.reload();
    await page.getByRole('radio', { name: 'Penanganan kasus', exact: true }).check();
    await page.getByTestId('case-purpose-submit').click();
    const withdrawn = page.getByTestId('consent-agency').filter({ hasText: agencyName });
    await withdrawn.filter({ hasText: 'Ditarik kembali pada' }).waitFor();
    await expect(withdrawn.getAttribute('data-status')).resolves.toBe('withdrawn');
    await shoot(page, 'consent-withdrawn');
  });

  step('sends a referral from the case page: the consent it follows is filled in, a category it does not cover cannot go; the referral is listed awaiting an answer', async () => {
    const page = await logIn(COORDINATOR, LAPTOP);
    await page.goto(`${web.url}/kasus/${caseCode}`);
    await page.getByRole('radio', { name: 'Penanganan kasus', exact: true }).check();
    await page.getByTestId('case-purpose-submit').click();
    const card = page.getByTestId('case-referrals');
    await card.getByTestId('referrals-none').filter({ hasText: 'Belum ada rujukan.' }).waitFor();
    await card.getByTestId('referral-new').filter({ hasText: 'Kirim rujukan' }).click();
    const form = card.getByTestId('referral-form');
    const field = (id: string) => form.locator(`[data-field="referral_${id}"]`);
    const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
    await field('referralDate').locator('input').fill(today);
    await field('serviceType').locator('select').selectOption({ label: 'Rumah aman / tempat penampungan sementara' });
    // The picker offers the regency's agencies and the province's, once they have been loaded.
    await field('receivingAgencyId').locator('option', { hasText: 'UPTD PPA Provinsi Jawa Barat' }).waitFor({ state: 'attached' });
    const agencies = await field('receivingAgencyId').locator('option').allInnerTexts();
    expect(agencies).toEqual(expect.arrayContaining([agencyName, 'UPTD PPA Provinsi Jawa Barat']));
    await field('receivingAgencyId').locator('select').selectOption({ label: agencyName });
    await field('urgency').getByRole('radio').first().check();
    await field('ageGroup').getByRole('radio').first().check();
    await field('reason').locator('textarea').fill('Contoh fiktif: perlu tempat tinggal aman sementara.');
    await field('interpreterNeeded').getByRole('radio', { name: 'Tidak' }).check();
    // Consent for this agency was withdrawn: nothing is covered, so sharing the profile is refused in the form.
    await expect(field('consentedCategories').getByRole('checkbox', { checked: true }).count()).resolves.toBe(0);
    await field('sharedDataCategories').getByRole('checkbox').nth(2).check();
    await card.getByTestId('referral-submit').click();
    await field('sharedDataCategories').getByTestId('field-error').first().waitFor();
    await shoot(page, 'referral-refused');
    await field('sharedDataCategories').getByRole('checkbox').nth(2).uncheck();
    await card.getByTestId('referral-submit').click();
    await card.getByTestId('referral-sent').filter({ hasText: 'Rujukan #1 dikirim' }).waitFor();
    const row = card.getByTestId('referral-row').filter({ hasText: agencyName });
    await row.filter({ hasText: 'Menunggu jawaban' }).waitFor();
    await expect(row.getAttribute('data-status')).resolves.toBe('sent');
    await shoot(page, 'referral-listed');
  });

  step('opens immediate protection from the case page before the screening is done', async () => {
    const page = await logIn(COORDINATOR, LAPTOP);
    await page.goto(`${web.url}/kasus/${caseCode}`);
    await page.getByRole('radio', { name: 'Penanganan kasus', exact: true }).check();
    await page.getByTestId('case-purpose-submit').click();
    const card = page.getByTestId('case-protection');
    await card.getByRole('checkbox', { name: /^Keamanan/ }).first().check();
    await card.getByTestId('protection-submit').click();
    await card.getByTestId('protection-started').filter({ hasText: 'Tugas perlindungan dibuka untuk 1 kebutuhan.' }).waitFor();
    await shoot(page, 'protection-started');
  });

  step('keeps the system administrator’s nav, which has Kasus too, on one line at 1280 px', async () => {
    const page = await logIn('admin@gugus.test', LAPTOP);
    // The audit trail is under "Lainnya" (shown when opened); the bar itself is what must fit.
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Jejak audit', exact: true, includeHidden: true }).waitFor({ state: 'attached' });
    await navOnOneLine(page);
    await page.screenshot({ path: join(screenshotDir, 'cases-nav-sysadmin-1280.png'), clip: { x: 0, y: 0, width: LAPTOP.width, height: 200 } });
  });

  step('tells a case worker of another province the case is not found (as for an unknown one)', async () => {
    const page = await logIn(kepri.email, LAPTOP, kepri.password);
    await page.goto(`${web.url}/kasus/${caseCode}`);
    await page.getByRole('radio', { name: 'Tindak lanjut rujukan', exact: true }).check();
    await page.getByTestId('case-purpose-submit').click();
    const notFound = page.getByTestId('case-not-found');
    await notFound.getByText('tidak termasuk kasus yang boleh Anda lihat').waitFor();
    await expect(page.getByTestId('case-record').count()).resolves.toBe(0);
    await browser.shot(page, 'cases-not-found-laptop');
  });

  step('has the coordinator’s reads in the audit trail with their purposes, and not the refused one', async () => {
    // Each visit of the page reads several cards: ask for enough rows to hold them all.
    const entries = (await admin.get(`/audit?targetType=case&targetId=${encodeURIComponent(caseCode)}&kind=read&limit=200`)).body as AuditEntryView[];
    expect(
      entries
        .filter((e) => e.action === 'case.read')
        .map((e) => [e.action, e.actorId, e.purpose])
        .sort(),
    ).toEqual(
      [
        ['case.read', coordinatorId, 'case_management'],
        ['case.read', coordinatorId, 'case_management'],
        ['case.read', coordinatorId, 'case_management'],
        ['case.read', coordinatorId, 'case_management'],
        ['case.read', coordinatorId, 'case_management'],
        ['case.read', coordinatorId, 'supervision'],
      ].sort(),
    );
    // The consent card's reads, each with the page's purpose.
    expect(new Set(entries.filter((e) => e.action === 'case_consent.read').map((e) => e.purpose))).toEqual(new Set(['case_management', 'supervision']));
    // And the referral card's, likewise.
    expect(new Set(entries.filter((e) => e.action === 'case_referral.read').map((e) => e.purpose))).toEqual(new Set(['case_management', 'supervision']));
  });
});
