import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { FORM_LIBRARY } from '@gugus/forms';
import { client, login, serviceEnv, startApi, testEnv, type RunningApi } from '../support';

/**
 * Issue 9, item 5 and its share of acceptance 1: province overlays are no attack surface. As West
 * Java's provincial administrator, an attacker tries prototype pollution through overlay paths and a
 * catastrophic-backtracking pattern; each is refused with 400 naming the part, the draft is unchanged,
 * another province's form and a plain object are unpolluted, and a valid overlay still publishes. A
 * pattern that reached the database before these checks existed cannot freeze the API either.
 *
 * Uses `follow-up-visit`, which no other test adapts, so the draft and variant are this file's own.
 */
const FORM = 'follow-up-visit';
const valid = Object.values(FORM_LIBRARY.find((f) => f.definition.key === FORM)?.valid ?? {})[0] as Record<string, unknown>;
const label = { id: 'Kode desa', en: 'Village code' };
const textField = (extra: Record<string, unknown> = {}) => ({ type: 'string', maxLength: 16, 'x-label': label, 'x-sensitivity': 'internal', ...extra });
/** How long a request may take before we call the API frozen: generous for a loaded 2-core machine. */
const REQUEST_BOUND_MS = 30_000;

describe('province overlays are safe (issue 9, item 5)', () => {
  let api: RunningApi;
  let admin: ReturnType<typeof client>;
  let kepri: ReturnType<typeof client>;
  let secretariat: ReturnType<typeof client>;
  let db: Pool;
  let draft: { id: string; overlay: unknown; schema: unknown };
  let kepriBefore: unknown;

  const kepriForm = async () => (await kepri.get(`/forms/${FORM}/effective?jurisdictionCode=21`)).body;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    db = new Pool({ connectionString: testEnv().databaseUrl, max: 2 });
    admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    kepri = client(api.url, (await login(api.url, 'admin.kepri@gugus.test')).accessToken);
    secretariat = client(api.url, (await login(api.url, 'sekretariat.jabar@gugus.test')).accessToken);
    kepriBefore = await kepriForm();
    const opened = await admin.post(`/forms/${FORM}/variants/32/draft`);
    expect(opened.status).toBe(200);
    draft = opened.body;
  });
  afterAll(async () => {
    await db?.end();
    await api?.stop();
  });

  const bilingual = { id: 'Tercemar', en: 'Polluted' };
  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['__proto__ in relabel', { relabel: { '/__proto__': bilingual } }, 'overlay/relabel/__proto__', /dicadangkan/],
    ['constructor in help', { help: { '/visitDate/constructor': bilingual } }, 'overlay/help/visitDate/constructor', /dicadangkan/],
    ['__proto__ in hide', { hide: ['/__proto__'] }, 'overlay/hide/0', /dicadangkan/],
    ['prototype in require', { require: ['/prototype'] }, 'overlay/require/0', /dicadangkan/],
    ['__proto__ in extendOptions', { extendOptions: { '/__proto__': [{ code: 'x', label: bilingual }] } }, 'overlay/extendOptions/__proto__', /dicadangkan/],
    ['constructor in order', { order: { '': ['constructor', '*'] } }, 'overlay/order//0', /dicadangkan/],
    ['__proto__ in addFields.parent', { addFields: [{ parent: '/__proto__', name: 'kodeDesa', schema: textField() }] }, 'overlay/addFields/0/parent', /dicadangkan/],
    ['constructor as an added name', { addFields: [{ parent: '', name: 'constructor', schema: textField() }] }, 'overlay/addFields/0/name', /dicadangkan/],
    ['prototype in when.field', { addFields: [{ parent: '', name: 'kodeDesa', schema: textField(), when: { field: 'prototype', equals: 'x' } }] }, 'overlay/addFields/0/when/field', /dicadangkan/],
    ['a ReDoS pattern (nested repetition)', { addFields: [{ parent: '', name: 'kodeDesa', schema: textField({ pattern: '^(a+)+$' }) }] }, 'overlay/addFields/0/schema/pattern', /peramban macet/],
    ['a ReDoS pattern RE2 would run (repeated alternation)', { addFields: [{ parent: '', name: 'kodeDesa', schema: textField({ pattern: '^(a|a)*$' }) }] }, 'overlay/addFields/0/schema/pattern', /peramban macet/],
    ['a pattern RE2 cannot compile', { addFields: [{ parent: '', name: 'kodeDesa', schema: textField({ pattern: '^(a)\\1$' }) }] }, 'overlay/addFields/0/schema/pattern', /RE2/],
    // JavaScript compiles this one; only the server's RE2 (repetition limit 1000) refuses it.
    ['a pattern only RE2 refuses', { addFields: [{ parent: '', name: 'kodeDesa', schema: textField({ pattern: '^[0-9]{1001}$', maxLength: 500 }) }] }, 'overlay/addFields/0/schema/pattern', /RE2/],
    ['a $ref', { addFields: [{ parent: '', name: 'kodeDesa', schema: textField({ $ref: '#/properties/visitDate' }) }] }, 'overlay/addFields/0/schema/$ref', /tidak diizinkan/],
    ['a text without maxLength', { addFields: [{ parent: '', name: 'kodeDesa', schema: { type: 'string', 'x-label': label, 'x-sensitivity': 'internal' } }] }, 'overlay/addFields/0/schema/maxLength', /maxLength/],
    ['an enum with a huge value', { addFields: [{ parent: '', name: 'kodeDesa', schema: textField({ enum: ['x'.repeat(50_000)] }) }] }, 'overlay/addFields/0/schema/enum', /tidak diizinkan/],
  ])('refuses %s with 400 naming the field, in Bahasa Indonesia and English', async (_what, overlay, field, message) => {
    const inId = await admin.put(`/form-versions/${draft.id}/overlay`, { overlay });
    expect(inId).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    expect(inId.body.details.fields).toContainEqual({ field, message: expect.stringMatching(message) });
    // The same refusal for an English reader: the same field, an English message.
    const inEn = await admin.call('PUT', `/form-versions/${draft.id}/overlay`, { overlay }, { 'accept-language': 'en' });
    expect(inEn).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED' } });
    const english = inEn.body.details.fields.find((f: { field: string }) => f.field === field)?.message;
    expect(english).toEqual(expect.stringMatching(/[a-z]/));
    expect(english).not.toEqual(inId.body.details.fields.find((f: { field: string }) => f.field === field)?.message);
  });

  it('leaves the draft as it was', async () => {
    const now = await admin.get(`/form-versions/${draft.id}`);
    expect(now.status).toBe(200);
    expect({ overlay: now.body.overlay, schema: now.body.schema }).toEqual({ overlay: draft.overlay, schema: draft.schema });
  });

  it("leaves Riau Islands' form and plain objects unpolluted", async () => {
    const after = await kepriForm();
    expect(after).toEqual(kepriBefore);
    // A label written onto Object.prototype would turn into a title on every plain schema object the
    // API resolves, also on those without a label of their own (the form's root, list items).
    const unlabelledWithTitle: string[] = [];
    const visit = (node: Record<string, unknown>, pointer: string) => {
      if (node.title !== undefined && node['x-label'] === undefined) unlabelledWithTitle.push(pointer || '/');
      for (const [name, child] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) visit(child, `${pointer}/${name}`);
      if (node.items) visit(node.items as Record<string, unknown>, `${pointer}/items`);
    };
    visit(after.schema, '');
    expect(unlabelledWithTitle).toEqual([]);
  });

  it('still saves and publishes a valid overlay, whose safe pattern then checks submissions', async () => {
    const name = `kodeDesa${randomUUID().slice(0, 4)}`;
    const overlay = {
      addFields: [{ parent: '', name, schema: textField({ pattern: '^[0-9]{10}$', minLength: 10, maxLength: 10 }) }],
      relabel: { '/supportDelivered': { id: 'Dukungan yang diberikan (Jabar)', en: 'Support delivered (West Java)' } },
    };
    const saved = await admin.put(`/form-versions/${draft.id}/overlay`, { overlay });
    expect(saved.status).toBe(200);
    const published = await admin.post(`/form-versions/${draft.id}/publish`, {});
    expect(published).toMatchObject({ status: 200, body: { status: 'published' } });
    expect(published.body.changes.every((c: { breaking: boolean }) => !c.breaking)).toBe(true);

    const bad = await secretariat.post(`/forms/${FORM}/submissions`, { jurisdictionCode: '32', data: { ...valid, [name]: '12ab' } });
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((f: { field: string }) => f.field)).toContain(`data/${name}`);
    const good = await secretariat.post(`/forms/${FORM}/submissions`, { jurisdictionCode: '32', data: { ...valid, [name]: '3204010001' } });
    expect(good.status).toBe(201);
  });

  it('does not freeze on a catastrophic pattern that reached the database before these checks (RE2 validates)', async () => {
    // Simulate a West Java version stored before this fix: a draft whose definition carries (a|a)*,
    // made live directly in the database. A backtracking engine needs ~2^40 steps for the answer below.
    const legacy = await admin.post(`/forms/${FORM}/variants/32/draft`);
    expect(legacy.status).toBe(200);
    const field = { type: 'string', maxLength: 100, pattern: '^(a|a)*$', 'x-label': label, 'x-sensitivity': 'internal' };
    const conn = await db.connect();
    try {
      await conn.query('BEGIN');
      await conn.query(`UPDATE form_versions SET definition = jsonb_set(definition, '{schema,properties,legacyCode}', $2::jsonb) WHERE id = $1 AND status = 'draft'`, [legacy.body.id, JSON.stringify(field)]);
      await conn.query(`UPDATE form_versions SET status = 'retired' WHERE form_key = $1 AND jurisdiction_code = '32' AND status = 'published'`, [FORM]);
      await conn.query(`UPDATE form_versions SET status = 'published', published_at = now() WHERE id = $1`, [legacy.body.id]);
      await conn.query('COMMIT');
    } catch (err) {
      await conn.query('ROLLBACK');
      throw err;
    } finally {
      conn.release();
    }

    const token = (await login(api.url, 'sekretariat.jabar@gugus.test')).accessToken;
    // A bounded wait, not a timing assertion: a frozen event loop would abort this request.
    const res = await fetch(`${api.url}/forms/${FORM}/submissions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ jurisdictionCode: '32', data: { ...valid, legacyCode: `${'a'.repeat(40)}!` } }),
      signal: AbortSignal.timeout(REQUEST_BOUND_MS),
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { details: { fields: { field: string }[] } }).details.fields.map((f) => f.field)).toContain('data/legacyCode');
    expect((await fetch(`${api.url}/health`, { signal: AbortSignal.timeout(REQUEST_BOUND_MS) })).status).toBe(200);

    // Put West Java back on a clean variant (the stored overlay never held the legacy field).
    const clean = await admin.post(`/forms/${FORM}/variants/32/draft`);
    expect((await admin.post(`/form-versions/${clean.body.id}/publish`, { confirmBreaking: true })).status).toBe(200);
    const effective = await secretariat.get(`/forms/${FORM}/effective?jurisdictionCode=32`);
    expect(effective.body.schema.properties.legacyCode).toBeUndefined();
  });
});
