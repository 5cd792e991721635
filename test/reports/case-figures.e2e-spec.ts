import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Pool } from 'pg';
import type { AuditEntryView, CaseFiguresView } from '@gugus/contracts';
import { browserSession, client, databaseOfItsOwn, login, type OwnDatabase, type RunningApi, serviceEnv, startApi, startWeb } from '../support';

/**
 * Issue 12, item 1 and acceptance 2 (the pre-filled figures against seeded cross-tabs with edge cases),
 * through the built API on a database of its own: cases of Central Java (33) seeded with their statistical
 * facts — an unknown age, an age in doubt, a case opened a minute either side of midnight in Jakarta at the
 * quarter's start, a case spanning two quarters, a case reopened in the quarter after it was opened, one
 * that is not a case — and a West Java case shared with Kota Batam, which the nation counts once and the
 * Riau Islands not at all. The figures match the cross-tab by hand; they come with what they cannot show;
 * only aggregates leave; every read is audited; the wrong people get nothing.
 */
type Seed = { jurisdiction: string; openedAt: string; status: string | null; facts?: Record<string, unknown> | null; stage?: string; channel?: string };

describe('case figures of a quarter, from the cases', () => {
  let own: OwnDatabase;
  let api: RunningApi;
  let db: Pool;
  const as: Record<string, ReturnType<typeof client>> = {};
  const codes: string[] = [];
  const figures = async (who: string, jurisdictionCode: string, year = 2019, quarter = 2) => as[who].get(`/reports/case-figures?jurisdictionCode=${jurisdictionCode}&year=${year}&quarter=${quarter}`);
  const counts = (view: CaseFiguresView, key: string) => Object.fromEntries((view.breakdowns.find((b) => b.key === key)?.items ?? []).map((i) => [i.code, i.count]));

  beforeAll(async () => {
    own = await databaseOfItsOwn('case_figures');
    api = await startApi(serviceEnv({ DATABASE_URL: own.appUrl, AUDIT_CHECKPOINT_DIR: own.checkpointDir }));
    db = new Pool({ connectionString: own.appUrl, max: 2 });
    for (const [who, email] of Object.entries({ analyst: 'analis@gugus.test', jabarSecretariat: 'sekretariat.jabar@gugus.test', jabarCoordinator: 'koordinator.jabar@gugus.test', kepri: 'admin.kepri@gugus.test', jabarChair: 'ketua.jabar@gugus.test' })) {
      as[who] = client(api.url, (await login(api.url, email)).accessToken);
    }
    const person = (await db.query(`SELECT id FROM people WHERE email = 'admin@gugus.test'`)).rows[0].id as string;
    const regency = (await db.query(`SELECT code FROM jurisdictions WHERE code LIKE '33.%' ORDER BY code LIMIT 1`)).rows[0].code as string;
    const agencies: Record<string, string> = {};
    for (const code of ['33', regency]) {
      agencies[code] = randomUUID();
      await db.query(`INSERT INTO agencies (id, jurisdiction_code, name, kind) VALUES ($1, $2, $3, 'ngo')`, [agencies[code], code, `LSM Uji Angka ${code}`]);
    }
    agencies['32'] = (await db.query(`SELECT id FROM agencies WHERE name = 'UPTD PPA Provinsi Jawa Barat'`)).rows[0].id as string;
    const adult = { sex: 'female', age_group: 'adult', nationality_group: 'indonesian', trafficking_scope: 'international', origin_region: '33.01', exploitation_types: ['forced_labour'], sectors: ['domestic_work'] };
    const seeds: Seed[] = [
      // Counted in Q2 2019 for Central Java:
      { jurisdiction: '33', openedAt: '2019-04-10T03:00:00Z', status: 'presumed', facts: adult },
      { jurisdiction: regency, openedAt: '2019-05-02T03:00:00Z', status: 'verified', facts: { ...adult, sex: null, age_group: null, origin_region: null, exploitation_types: ['forced_labour', 'other_sexual_exploitation'], sectors: null }, channel: 'police' },
      { jurisdiction: '33', openedAt: '2019-05-20T03:00:00Z', status: 'presumed', facts: { ...adult, age_group: 'adult', age_uncertain: true, sex: 'male', origin_region: '32.04' } },
      // 00:00 WIB on 1 April: the quarter's first minute in Jakarta.
      { jurisdiction: '33', openedAt: '2019-03-31T17:00:00Z', status: 'confirmed', facts: adult },
      // Opened on 30 June, still open in Q3: counted in Q2 only.
      { jurisdiction: '33', openedAt: '2019-06-30T16:00:00Z', status: 'presumed', facts: adult, stage: 'reintegration' },
      // Screened and not a case: beside the total.
      { jurisdiction: '33', openedAt: '2019-06-01T03:00:00Z', status: 'screened', facts: null },
      // Not in Q2: 23:59 WIB on 31 March; and a case opened in February, reopened in May (counted in Q1, once).
      { jurisdiction: '33', openedAt: '2019-03-31T16:59:00Z', status: 'presumed', facts: adult },
      { jurisdiction: '33', openedAt: '2019-02-01T03:00:00Z', status: 'presumed', facts: adult, stage: 'case_conference' },
      // West Java's, shared with Kota Batam: the nation counts it once, the Riau Islands not at all.
      { jurisdiction: '32', openedAt: '2019-04-15T03:00:00Z', status: 'presumed', facts: { ...adult, origin_region: '32.73' } },
    ];
    const seq: Record<string, number> = {};
    for (const s of seeds) {
      const id = randomUUID();
      seq[s.jurisdiction] = (seq[s.jurisdiction] ?? 9000) + 1;
      const code = `${s.jurisdiction}-2019-${seq[s.jurisdiction]}`;
      codes.push(code);
      await db.query(
        `INSERT INTO cases (id, code, jurisdiction_code, year, seq, intake_channel, intake_agency_id, stage, identification_status, opened_at, opened_by) VALUES ($1, $2, $3, 2019, $4, $5, $6, $7, $8, $9, $10)`,
        [id, code, s.jurisdiction, seq[s.jurisdiction], s.channel ?? 'hotline', agencies[s.jurisdiction], s.stage ?? 'referral', s.status, s.openedAt, person],
      );
      if (s.facts) {
        const f = { sex: null, age_group: null, age_uncertain: null, nationality_group: null, trafficking_scope: null, origin_region: null, exploitation_types: null, sectors: null, ...s.facts };
        await db.query(
          `INSERT INTO case_facts (case_id, sex, age_group, age_uncertain, nationality_group, trafficking_scope, origin_region, exploitation_types, sectors, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, now())`,
          [id, f.sex, f.age_group, f.age_uncertain, f.nationality_group, f.trafficking_scope, f.origin_region, f.exploitation_types, f.sectors],
        );
      }
      if (s.jurisdiction === '32') {
        const agreement = randomUUID();
        await db.query(
          `INSERT INTO cooperation_agreements (id, reference, title, party_a, party_b, data_categories, signed_on, valid_from, valid_until, recorded_by, recorded_at) VALUES ($1, 'UJI/ANGKA/2019', 'Uji angka (contoh fiktif)', '32', '21.71', '{profile}', '2019-01-01', '2019-01-01', '2030-12-31', $2, now())`,
          [agreement, person],
        );
        const batam = (await db.query(`SELECT id FROM agencies WHERE name = 'UPTD PPA Kota Batam'`)).rows[0].id as string;
        await db.query(`INSERT INTO case_shares (id, case_id, agreement_id, partner_agency_id, partner_jurisdiction_code, leads_reintegration, shared_at, shared_by) VALUES ($1, $2, $3, $4, '21.71', true, now(), $5)`, [randomUUID(), id, agreement, batam, person]);
      }
    }
  });

  afterAll(async () => {
    await db?.end();
    await api?.stop();
    await own?.drop();
  });

  it("Central Java's quarter matches the cross-tab by hand: edges counted once, unknowns kept, an age in doubt as a child", async () => {
    const res = await figures('analyst', '33');
    expect(res.status).toBe(200);
    const view = res.body as CaseFiguresView;
    expect([view.from, view.until, view.total, view.notCounted]).toEqual(['2019-04-01', '2019-07-01', 5, 1]);
    expect(counts(view, 'sex')).toEqual({ female: 3, male: 1, unknown: 1 });
    expect(counts(view, 'ageGroup')).toEqual({ adult: 3, child: 1, unknown: 1 });
    expect(counts(view, 'referralSource')).toEqual({ hotline: 4, police: 1 });
    expect(counts(view, 'originProvince')).toEqual({ '32': 1, '33': 3, unknown: 1 });
    expect(counts(view, 'exploitationType')).toEqual({ forced_labour: 5, other_sexual_exploitation: 1 });
    expect(view.breakdowns.find((b) => b.key === 'exploitationType')?.items.map((i) => i.label.id)).toEqual(['Kerja atau pelayanan paksa', expect.stringMatching(/seksual/i)]);
    expect(counts(view, 'sector')).toEqual({ domestic_work: 4, unknown: 1 });
    expect(view.breakdowns.find((b) => b.key === 'originProvince')?.items.find((i) => i.code === '33')?.label.id).toBe('Jawa Tengah');
    expect(view.breakdowns.find((b) => b.key === 'sector')?.multiValued).toBe(true);
    // Q1 holds the 23:59 case and the one reopened later; Q3 none of these (the case spanning quarters stays in Q2).
    expect(((await figures('analyst', '33', 2019, 1)).body as CaseFiguresView).total).toBe(2);
    expect(((await figures('analyst', '33', 2019, 3)).body as CaseFiguresView).total).toBe(0);
    // What the figures cannot show comes with them.
    expect(view.caveats.map((c) => c.id).join(' ')).toContain('bukan jumlah seluruh korban');
    // Aggregates only: no case code, no id.
    expect(JSON.stringify(view)).not.toMatch(/2019-9\d{3}|[0-9a-f]{8}-[0-9a-f]{4}-/);
  });

  it('a shared case is counted once, by the task force that handles it', async () => {
    const nation = (await figures('analyst', '00')).body as CaseFiguresView;
    expect(nation.total).toBe(6);
    expect(((await figures('analyst', '32')).body as CaseFiguresView).total).toBe(1);
    expect(((await figures('kepri', '21')).body as CaseFiguresView).total).toBe(0);
  });

  it('the same figures as CSV, with the caveats, for the same people; the export is audited', async () => {
    const res = await as['analyst'].get('/reports/case-figures.csv?jurisdictionCode=33&year=2019&quarter=2');
    expect(res.status).toBe(200);
    expect(res.headers?.['content-type']).toContain('text/csv');
    expect(res.headers?.['content-disposition']).toBe('attachment; filename="angka-kasus-33-2019-T2.csv"');
    const text = res.body as string;
    const lines = text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toBe('rincian,breakdown,kode,label_id,label_en,jumlah');
    expect(lines).toContain('total,Total,total,Korban teridentifikasi,Identified victims,5');
    expect(lines).toContain('sex,Sex,unknown,Tidak diketahui,Unknown,1');
    expect(lines.filter((l) => l.startsWith('catatan,'))).toHaveLength(3);
    expect(text).not.toMatch(/2019-9\d{3}/);
    expect((await as['jabarSecretariat'].get('/reports/case-figures.csv?jurisdictionCode=33&year=2019&quarter=2')).status).toBe(403);
    expect((await as['analyst'].get('/reports/case-figures.csv?jurisdictionCode=33&year=2019&quarter=9')).status).toBe(400);
    const admin = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    const trail = (await admin.get('/audit?limit=200')).body as AuditEntryView[];
    expect(trail.filter((e) => e.action === 'case_figures.export' && e.targetId === 'case-figures:33:2019-Q2')).toHaveLength(1);
  });

  it('the wrong people and bad questions get nothing; every read is audited', async () => {
    expect((await figures('jabarSecretariat', '32')).status).toBe(200);
    expect((await figures('jabarChair', '32')).status).toBe(200);
    expect((await figures('jabarSecretariat', '33')).status).toBe(403);
    expect((await figures('jabarSecretariat', '00')).status).toBe(403);
    // Case roles work cases; figures are for those who report.
    expect((await figures('jabarCoordinator', '32')).status).toBe(403);
    for (const bad of ['jurisdictionCode=3x&year=2019&quarter=2', 'jurisdictionCode=33&year=2019&quarter=5', 'jurisdictionCode=33&quarter=2', 'jurisdictionCode=33&year=abc&quarter=1', 'jurisdictionCode=33.01.02&year=2019&quarter=1']) {
      const res = await as['analyst'].get(`/reports/case-figures?${bad}`);
      expect({ bad, status: res.status }).toEqual({ bad, status: 400 });
    }
    const admin = client(api.url, (await login(api.url, 'admin@gugus.test')).accessToken);
    const reads = (await admin.get('/audit?kind=read&limit=200')).body as AuditEntryView[];
    expect(reads.filter((e) => e.action === 'case_figures.read' && e.targetId === 'case-figures:33:2019-Q2').length).toBeGreaterThanOrEqual(1);
  });

  it('in Chromium, the national analyst reads the quarter as tables, with what the figures cannot show', async () => {
    const [web, browser] = await Promise.all([startWeb(api.url), browserSession()]);
    try {
      const page = await browser.open(web.url, { as: 'analis@gugus.test', path: '/laporan/angka-kasus?wilayah=33&tahun=2019&triwulan=2' });
      await page.getByTestId('figures-total').filter({ hasText: /^5$/ }).waitFor();
      await expect(page.getByTestId('figures-not-counted').innerText()).resolves.toBe('1');
      // The filters show the quarter asked for in the address, an older year included.
      await expect(page.getByTestId('figures-year').inputValue()).resolves.toBe('2019');
      await expect(page.getByTestId('figures-quarter').inputValue()).resolves.toBe('2');
      const sex = page.locator('[data-testid="figures-breakdown"][data-key="sex"]');
      await expect(sex.locator('caption').innerText()).resolves.toBe('Jenis kelamin');
      await expect(sex.locator('tr[data-code="unknown"] td').allInnerTexts()).resolves.toEqual(['Tidak diketahui', '1']);
      await expect(page.getByTestId('figures-caveats').innerText()).resolves.toContain('bukan jumlah seluruh korban');
      // Another quarter from the filters: Q1 holds two.
      await page.getByTestId('figures-quarter').selectOption('1');
      await page.getByTestId('figures-total').filter({ hasText: /^2$/ }).waitFor();
      await page.getByTestId('figures-quarter').selectOption('2');
      await page.getByTestId('figures-total').filter({ hasText: /^5$/ }).waitFor();
      await browser.shot(page, 'reports-case-figures');
      // The CSV comes through the session as a download.
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('figures-csv').click()]);
      expect(download.suggestedFilename()).toBe('angka-kasus-33-2019-T2.csv');
      const saved = await download.path();
      expect(readFileSync(saved, 'utf8')).toContain('total,Total,total,Korban teridentifikasi,Identified victims,5');
      // The longest navs with "Laporan" in them still fit one line at 1280 px (the secretariat's, the provincial administrator's).
      for (const email of ['sekretariat.jabar@gugus.test', 'admin.jabar@gugus.test']) {
        const other = await browser.open(web.url, { as: email, path: '/laporan/angka-kasus' });
        const nav = other.getByRole('navigation', { name: 'Navigasi utama' });
        await nav.getByRole('link', { name: 'Laporan', exact: true }).waitFor();
        await other.evaluate(() => document.fonts.ready.then(() => undefined));
        const tops = new Set(await nav.getByRole('link').evaluateAll((links) => links.map((l) => Math.round(l.getBoundingClientRect().top))));
        expect({ email, lines: tops.size }).toEqual({ email, lines: 1 });
      }
    } finally {
      await browser.close();
      await web.stop();
    }
  });
});
