import { randomUUID } from 'node:crypto';
import { FORM_LIBRARY, fieldsOf, type FormSchema } from '@gugus/forms';
import { client, login, serviceEnv, startApi, type RunningApi } from '../support';

/**
 * A provincial administrator adapts the national screening form for West Java; new screenings in a
 * West Java regency use the variant, Riau Islands keeps the national form, and a submission made
 * before the change still opens with its own version.
 */
const screening = FORM_LIBRARY.find((f) => f.definition.key === 'victim-screening');
const schema = screening?.definition.schema as FormSchema;
const topLevel = Object.entries(schema?.properties ?? {});
const requiredTop = new Set(schema?.required ?? []);
const conditional = new Set((schema?.allOf ?? []).flatMap((b) => b.then?.required ?? []));
/** An optional, non-core top-level text field (to relabel and later require). */
const optionalText = topLevel.find(([name, n]) => n.type === 'string' && !n['x-options'] && !n['x-core'] && !requiredTop.has(name) && !conditional.has(name))?.[0];
/** A core field (must never be hidden). */
const coreField = topLevel.find(([, n]) => n['x-core'])?.[0];
/** A choice field at any depth (to extend its option list). */
const choice = fieldsOf(schema ?? {}).find(({ node }) => node['x-options'] || node.items?.['x-options'])?.path;

describe('province form variants', () => {
  let api: RunningApi;
  let admin: ReturnType<typeof client>;
  let secretariat: ReturnType<typeof client>;
  const newField = `asalPerekrut${randomUUID().slice(0, 4)}`;

  beforeAll(async () => {
    api = await startApi(serviceEnv());
    admin = client(api.url, (await login(api.url, 'admin.jabar@gugus.test')).accessToken);
    secretariat = client(api.url, (await login(api.url, 'sekretariat.jabar@gugus.test')).accessToken);
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('finds what it needs in the national screening form', () => {
    expect({ optionalText: !!optionalText, coreField: !!coreField, choice: !!choice }).toEqual({ optionalText: true, coreField: true, choice: true });
  });

  it('publishes a West Java variant that West Java regencies use and Riau Islands does not; old submissions keep their version', async () => {
    const valid = Object.values(screening!.valid)[0];
    const before = await secretariat.post('/forms/victim-screening/submissions', { jurisdictionCode: '32.04', data: valid });
    expect(before.status).toBe(201);

    const draft = await admin.post('/forms/victim-screening/variants/32/draft');
    expect(draft).toMatchObject({ status: 200, body: { status: 'draft', jurisdictionCode: '32' } });
    const overlay = {
      addFields: [{ parent: '', name: newField, schema: { type: 'string', maxLength: 200, 'x-label': { id: 'Asal perekrut', en: 'Recruiter origin' }, 'x-sensitivity': 'restricted' } }],
      relabel: { [`/${optionalText}`]: { id: 'Keterangan Jawa Barat', en: 'West Java remarks' } },
      extendOptions: { [choice!]: [{ code: `jabar_${randomUUID().slice(0, 4)}`, label: { id: 'Pilihan khusus Jabar', en: 'West Java option' } }] },
    };
    const saved = await admin.put(`/form-versions/${draft.body.id}/overlay`, { overlay });
    expect(saved.status).toBe(200);
    const published = await admin.post(`/form-versions/${draft.body.id}/publish`, {});
    expect(published).toMatchObject({ status: 200, body: { status: 'published' } });
    expect(published.body.changes.every((c: { breaking: boolean }) => !c.breaking)).toBe(true);

    const inBandung = await secretariat.get('/forms/victim-screening/effective?jurisdictionCode=32.04');
    expect(inBandung.body).toMatchObject({ jurisdictionCode: '32', id: draft.body.id });
    expect(inBandung.body.schema.properties[newField].title).toBe('Asal perekrut');
    expect(inBandung.body.schema.properties[optionalText!].title).toBe('Keterangan Jawa Barat');

    const inBatam = await client(api.url, (await login(api.url, 'dinsos.batam@gugus.test')).accessToken).get('/forms/victim-screening/effective?jurisdictionCode=21.71');
    expect(inBatam.body.jurisdictionCode).toBe('00');
    expect(inBatam.body.schema.properties[newField]).toBeUndefined();

    const old = await secretariat.get(`/form-submissions/${before.body.id}`);
    // Other tests may have published a West Java variant earlier; what matters is the exact version
    // the submission was made with, and that it lacks the field added afterwards.
    expect(old.body.version.id).toBe(before.body.formVersionId);
    expect(old.body.version.id).not.toBe(draft.body.id);
    expect(old.body.version.schema.properties[newField]).toBeUndefined();
    expect(old.body.data).toEqual(valid);
  });

  it('rejects hiding a core field, naming the field and the rule, and changes nothing', async () => {
    const draft = await admin.post('/forms/victim-screening/variants/32/draft');
    const res = await admin.put(`/form-versions/${draft.body.id}/overlay`, { overlay: { hide: [`/${coreField}`] } });
    expect(res).toMatchObject({ status: 400, body: { code: 'VALIDATION_FAILED', details: { conflicts: [{ path: `/${coreField}`, rule: 'core-field' }] } } });
    expect(res.body.details.fields[0].message).toContain(`/${coreField}`);
    expect((await admin.get(`/form-versions/${draft.body.id}`)).body.overlay).toEqual(draft.body.overlay);
  });

  it.each([
    ['a malformed overlay', { addFields: 'everything' }, 'overlay/addFields'],
    ['an added field with an invalid schema', { addFields: [{ parent: '', name: 'rusak', schema: { type: 'strin', 'x-label': { id: 'x', en: 'x' }, 'x-sensitivity': 'internal' } }] }, 'schema'],
  ])('rejects %s with 400 naming where', async (_what, overlay, field) => {
    const draft = await admin.post('/forms/victim-screening/variants/32/draft');
    const res = await admin.put(`/form-versions/${draft.body.id}/overlay`, { overlay });
    expect(res.status).toBe(400);
    expect(res.body.details.fields.map((f: { field: string }) => f.field).join(' ')).toContain(field);
  });

  it('refuses to change a published version', async () => {
    const current = await admin.get('/forms/victim-screening/effective?jurisdictionCode=32');
    const res = await admin.put(`/form-versions/${current.body.id}/overlay`, { overlay: {} });
    expect(res).toMatchObject({ status: 409, body: { code: 'CONFLICT' } });
  });

  it('lists the impact of a breaking change and publishes it only when confirmed', async () => {
    const valid = Object.values(screening!.valid)[0];
    const openDraft = await secretariat.post('/forms/victim-screening/submissions', { jurisdictionCode: '32.04', data: valid, status: 'draft' });
    expect(openDraft.status).toBe(201);
    const draft = await admin.post('/forms/victim-screening/variants/32/draft');
    await admin.put(`/form-versions/${draft.body.id}/overlay`, { overlay: { ...draft.body.overlay, require: [`/${optionalText}`] } });
    const refused = await admin.post(`/form-versions/${draft.body.id}/publish`, {});
    expect(refused).toMatchObject({ status: 409, body: { details: { changes: [{ path: `/${optionalText}`, kind: 'new-required', breaking: true }], impact: { openDrafts: expect.any(Number) } } } });
    expect(refused.body.details.impact.openDrafts).toBeGreaterThanOrEqual(1);
    // Listed, not only counted: the newest drafts first, each with its jurisdiction.
    expect(refused.body.details.impact.drafts).toEqual(expect.arrayContaining([expect.objectContaining({ id: openDraft.body.id, jurisdictionCode: '32.04' })]));
    const confirmed = await admin.post(`/form-versions/${draft.body.id}/publish`, { confirmBreaking: true });
    expect(confirmed.status).toBe(200);
  });

  it('answers an invalid submission with field errors in the shape rjsf shows, in Bahasa Indonesia', async () => {
    const [fixture] = Object.values(screening!.invalid);
    const res = await secretariat.post('/forms/victim-screening/submissions', { jurisdictionCode: '21.71', data: fixture.data });
    // Riau Islands: the secretariat of West Java may not submit there.
    expect(res.status).toBe(403);
    const own = await secretariat.post('/forms/victim-screening/submissions', { jurisdictionCode: '32', data: fixture.data });
    expect(own.status).toBe(400);
    expect(own.body.details.extraErrors).toEqual(expect.any(Object));
    expect(own.body.details.fields.length).toBeGreaterThan(0);
  });

  it('refuses forms, versions and submissions that do not exist with 404', async () => {
    expect((await admin.get('/forms/no-such-form/effective?jurisdictionCode=32')).status).toBe(404);
    expect((await admin.get(`/form-versions/${randomUUID()}`)).status).toBe(404);
    expect((await secretariat.get(`/form-submissions/${randomUUID()}`)).status).toBe(404);
  });
});
