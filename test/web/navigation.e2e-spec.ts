import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { DEMO_LOGINS } from '@gugus/server-orgs';
import { browserSession, eventually, screenshotDir, serviceEnv, startApi, startWeb, type BrowserSession, type RunningApi, type RunningWeb } from '../support';

/**
 * In Chromium at 1280 × 800, for every demo login and in both languages: the navigation bar is one line
 * (every item shares the first item's top, the bar is one row high), the sections used now and then sit
 * behind "Lainnya / More", which opens and closes by keyboard, and every link of the bar and of the menu
 * opens its page (issue 13, item 6).
 */
describe('web app: the navigation bar', () => {
  let api: RunningApi;
  let web: RunningWeb;
  let browser: BrowserSession;

  beforeAll(async () => {
    [api, browser] = await Promise.all([startApi(serviceEnv()), browserSession()]);
    web = await startWeb(api.url);
  });
  afterAll(async () => {
    await browser?.close();
    await Promise.all([web?.stop(), api?.stop()]);
  });

  const nav = (page: Page) => page.getByRole('navigation', { name: /Navigasi utama|Main navigation/ });

  /** The bar's own items (links and the "More" button), each one's box, and the bar's box. */
  async function barGeometry(page: Page) {
    const items = nav(page).locator('.gu-nav__list > li');
    const boxes = await items.evaluateAll((lis) => lis.map((li) => ({ text: (li.firstElementChild as HTMLElement).innerText.trim(), top: li.getBoundingClientRect().top, height: li.getBoundingClientRect().height })));
    const list = await nav(page).locator('.gu-nav__list').boundingBox();
    return { boxes, listHeight: list?.height ?? 0 };
  }

  async function expectOneLine(page: Page, who: string) {
    const { boxes, listHeight } = await barGeometry(page);
    expect(boxes.length).toBeGreaterThan(1);
    const tops = boxes.map((b) => `${b.text}@${Math.round(b.top)}`);
    // Every item on the first item's row…
    expect({ who, tops }).toEqual({ who, tops: boxes.map((b) => `${b.text}@${Math.round(boxes[0].top)}`) });
    // …and the bar no taller than its tallest item (a second row would double it).
    expect(listHeight).toBeLessThanOrEqual(Math.max(...boxes.map((b) => b.height)) + 1);
  }

  /**
   * Waits until `href`'s page is shown: its link marked current (the address changes at once, the page
   * once its chunk has loaded), or, for `/instansi`, the address it sends a person on to
   * (`/wilayah/<code>/instansi`); then checks it is not the not-found page.
   */
  async function settledOn(page: Page, link: Locator, href: string) {
    await eventually(async () => {
      const path = new URL(page.url()).pathname;
      if (path !== href && path.endsWith(href)) return true;
      return (await link.getAttribute('aria-current')) === 'page' ? true : undefined;
    }, 30_000, `the page of ${href}`);
    await page.locator('main h1').first().waitFor();
    await expect(page.getByText(/Halaman tidak ditemukan|Page not found/).count()).resolves.toBe(0);
  }

  it.each(DEMO_LOGINS.map((l) => [l.email, l.role] as const))('%s (%s): one line at 1280 px in both languages, every link reachable', async (email) => {
    const page = await browser.open(web.url, { as: email, viewport: { width: 1280, height: 800 } });
    try {
      await nav(page).locator('a').first().waitFor();
      await expectOneLine(page, `${email} id`);

      // The bar's own links, each opening its page.
      const barLinks = nav(page).locator('.gu-nav__list > li > a');
      const barHrefs: string[] = [];
      for (let i = 0; i < (await barLinks.count()); i++) {
        const link = barLinks.nth(i);
        const href = (await link.getAttribute('href')) as string;
        await link.click();
        await settledOn(page, link, href);
        barHrefs.push(href);
      }
      expect(barHrefs.length).toBeGreaterThan(0);

      // "Lainnya" by keyboard: Enter opens it, Tab reaches its first link, Escape closes it and goes back to the button.
      const more = nav(page).getByTestId('nav-more');
      const list = nav(page).getByTestId('nav-more-list');
      await expect(more.getAttribute('aria-expanded')).resolves.toBe('false');
      await more.press('Enter');
      await list.waitFor({ state: 'visible' });
      await expect(more.getAttribute('aria-expanded')).resolves.toBe('true');
      if (email === 'sekretariat.jabar@gugus.test' || email === 'admin@gugus.test') await page.screenshot({ path: join(screenshotDir, `navigation-more-${email.split('@')[0]}-laptop.png`), clip: { x: 0, y: 0, width: 1280, height: 520 } });
      await page.keyboard.press('Tab');
      await expect(list.locator('a').first().evaluate((a) => a === document.activeElement)).resolves.toBe(true);
      await page.keyboard.press('Escape');
      await list.waitFor({ state: 'hidden' });
      await expect(more.evaluate((b) => b === document.activeElement)).resolves.toBe(true);

      // Every link of the menu, opened from the keyboard, leads to its page and closes the menu.
      const moreHrefs = await list.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') as string));
      expect(moreHrefs).toEqual(expect.arrayContaining(['/wilayah', '/instansi', '/formulir', '/kalender-kerja', '/status']));
      for (const href of moreHrefs) {
        await more.press('Enter');
        const link = list.locator(`a[href="${href}"]`);
        await link.focus();
        await page.keyboard.press('Enter');
        await list.waitFor({ state: 'hidden' });
        await settledOn(page, link, href);
      }
      // On a page of the menu, its button is marked as the current section.
      await expect(more.getAttribute('data-current')).resolves.toBe('true');
      // No section in both places.
      expect(barHrefs.filter((h) => moreHrefs.includes(h))).toEqual([]);
      // The brand leads back to the person's home page.
      await page.getByTestId('brand-home').click();
      await page.waitForURL((url) => url.pathname === '/');
      await page.getByTestId('home-mine').waitFor();

      // In English, still one line.
      await page.getByTestId('language-switch').locator('button', { hasText: 'EN' }).click();
      await nav(page).getByTestId('nav-more').filter({ hasText: 'More' }).waitFor();
      await expectOneLine(page, `${email} en`);
      if (email === 'sekretariat.jabar@gugus.test' || email === 'admin@gugus.test') await page.screenshot({ path: join(screenshotDir, `navigation-bar-${email.split('@')[0]}-en-laptop.png`), clip: { x: 0, y: 0, width: 1280, height: 200 } });
    } finally {
      await page.context().close();
    }
  });

  it('logged out: the annual figures and the status, one line, no "More"', async () => {
    const page = await browser.open(web.url, { path: '/status', viewport: { width: 1280, height: 800 } });
    try {
      await nav(page).locator('a').first().waitFor();
      await expectOneLine(page, 'anonymous');
      await expect(nav(page).getByTestId('nav-more').count()).resolves.toBe(0);
      await expect(nav(page).locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href')))).resolves.toEqual(['/angka-tahunan', '/status']);
    } finally {
      await page.context().close();
    }
  });
});
