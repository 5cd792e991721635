import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildPacket,
  checkPacketList,
  consentedCategories,
  DATA_CATEGORIES,
  DEFAULT_PACKET_CATEGORIES,
  packetCategories,
  SERVICE_TYPES,
  type ConsentDecision,
  type DataCategory,
  type PacketDocument,
  type PacketSchema,
} from './disclosure';

// The real forms and their fixtures, read as files: this library may not import the forms library, and
// the tests check it against the same JSON the API publishes.
const FORMS_DIR = join(__dirname, '../../../../../forms');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(FORMS_DIR, path), 'utf8'));
const codesOf = (list: string) => (readJson(`options/${list}.json`) as { options: { code: string }[] }).options.map((o) => o.code);

const CASE_FORMS = ['victim-screening', 'case-intake', 'consent', 'case-conference', 'referral', 'referral-response', 'service-outcome', 'reintegration-plan', 'follow-up-visit', 'case-closure', 'return-assessment', 'justice-record', 'identification-decision'];
const schemaOf = (key: string) => (readJson(`library/${key}/form.json`) as { schema: PacketSchema }).schema;
const validFixtures = (key: string) =>
  readdirSync(join(FORMS_DIR, 'library', key, 'fixtures'))
    .filter((f) => f.startsWith('valid-'))
    .sort()
    .map((f) => ({ name: f, data: readJson(`library/${key}/fixtures/${f}`) }));

/** Every submitted case form of the library's valid fixtures, as the API would hand them over. */
const DOCUMENTS: PacketDocument[] = CASE_FORMS.flatMap((formKey) => validFixtures(formKey).map(({ data }) => ({ formKey, schema: schemaOf(formKey), data })));

const AGENCY = '00000000-0000-4000-8000-0000000000a2';
const OTHER_AGENCY = '00000000-0000-4000-8000-0000000000b7';
const CASE_CODE = 'JB-3204-2031-0007';

// ---- An independent reading of the fixtures: every answer with its JSON pointer, by the data alone ----
type Leaf = [formKey: string, pointer: string, value: string];
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
function leaves(formKey: string, value: unknown, pointer = ''): Leaf[] {
  if (isObject(value)) return Object.entries(value).flatMap(([k, v]) => leaves(formKey, v, `${pointer}/${k}`));
  if (Array.isArray(value) && value.some(isObject)) return value.flatMap((v, i) => leaves(formKey, v, `${pointer}/${i}`));
  return [[formKey, pointer, JSON.stringify(value)]];
}
/** The category of the field an answer at `pointer` belongs to, looked up in the schema by path. */
function categoryAt(schema: PacketSchema, pointer: string): string | undefined {
  let node: PacketSchema | undefined = schema;
  for (const part of pointer.split('/').slice(1)) node = /^\d+$/.test(part) ? node?.items : node?.properties?.[part];
  return node?.['x-data-category'];
}
const sortLeaves = (l: Leaf[]) => [...l].sort((a, b) => (a.join('\u0000') < b.join('\u0000') ? -1 : 1));
function expectedLeaves(shared: readonly string[]): Leaf[] {
  return sortLeaves(DOCUMENTS.flatMap((d) => leaves(d.formKey, d.data).filter(([, pointer]) => shared.includes(categoryAt(d.schema, pointer) ?? ''))));
}
const packetLeaves = (docs: { formKey: string; data: unknown }[]) => sortLeaves(docs.flatMap((d) => leaves(d.formKey, d.data)));

/** Consent rows as the consent form records them: the one that counts, and noise around it. */
function consentRows(categories: readonly string[]): ConsentDecision[] {
  return [
    // An older grant of everything for this agency: superseded by the later decision.
    { purpose: 'data_sharing', status: 'granted', agencyId: AGENCY, dataCategories: [...DATA_CATEGORIES], decidedOn: '2031-01-10' },
    { purpose: 'assistance', status: 'granted', decidedOn: '2031-02-01' },
    { purpose: 'data_sharing', status: 'granted', agencyId: AGENCY, dataCategories: categories, decidedOn: '2031-02-05' },
    // Everything for another agency: never this agency's.
    { purpose: 'data_sharing', status: 'granted', agencyId: OTHER_AGENCY, dataCategories: [...DATA_CATEGORIES], decidedOn: '2031-02-06' },
    // A grant dated after the referral: not yet in force.
    { purpose: 'data_sharing', status: 'granted', agencyId: AGENCY, dataCategories: [...DATA_CATEGORIES], decidedOn: '2031-04-01' },
  ];
}

// Two consent subsets that split the categories, so each service's list is cut differently.
const EVEN = DATA_CATEGORIES.filter((_, i) => i % 2 === 0);
const ODD = DATA_CATEGORIES.filter((_, i) => i % 2 === 1);

describe('the lists mirror the forms library', () => {
  it('has the data categories and services of the option lists, in their order', () => {
    expect([...DATA_CATEGORIES]).toEqual(codesOf('case-data-categories'));
    expect([...SERVICE_TYPES]).toEqual(codesOf('services'));
  });

  it('has a default list for every service, each a valid list', () => {
    expect(Object.keys(DEFAULT_PACKET_CATEGORIES).sort()).toEqual([...SERVICE_TYPES].sort());
    for (const service of SERVICE_TYPES) expect([service, checkPacketList(service, DEFAULT_PACKET_CATEGORIES[service])]).toEqual([service, []]);
  });

  it('keeps identity and contact to the services that cannot work without them', () => {
    const withIdentity = SERVICE_TYPES.filter((s) => DEFAULT_PACKET_CATEGORIES[s].includes('identity'));
    expect(withIdentity).not.toContain('shelter');
    expect(withIdentity).not.toContain('interpretation');
    expect(DEFAULT_PACKET_CATEGORIES.interpretation).toEqual(['profile']);
    expect(DEFAULT_PACKET_CATEGORIES.law_enforcement).not.toContain('medical');
    expect(DEFAULT_PACKET_CATEGORIES.other).toEqual([]);
  });

  it.each(CASE_FORMS)('%s: every restricted or identifying answer has a known category', (key) => {
    const missing: string[] = [];
    const rank = { public: 0, internal: 1, restricted: 2, identifying: 3 } as Record<string, number>;
    const visit = (node: PacketSchema, path: string, inherited: number) => {
      for (const [name, child] of Object.entries(node.properties ?? {})) {
        const level = Math.max(inherited, rank[String(child['x-sensitivity'])] ?? 3);
        const group = child.properties ? child : child.items?.properties ? child.items : undefined;
        if (group) visit(group, `${path}/${name}`, level);
        else if (level >= 2 && !(DATA_CATEGORIES as readonly unknown[]).includes(child['x-data-category'])) missing.push(`${path}/${name}`);
      }
    };
    visit(schemaOf(key), '', 0);
    expect(missing).toEqual([]);
  });
});

describe('consentedCategories: what consent covers for one agency on a day', () => {
  const grant = (decidedOn: string, dataCategories: string[], extra: Partial<ConsentDecision> = {}): ConsentDecision => ({
    purpose: 'data_sharing',
    status: 'granted',
    agencyId: AGENCY,
    dataCategories,
    decidedOn,
    ...extra,
  });
  const withdrawal = (decidedOn: string, withdrawnOn = decidedOn): ConsentDecision => ({ purpose: 'data_sharing', status: 'withdrawn', agencyId: AGENCY, decidedOn, withdrawnOn });

  it.each<[string, ConsentDecision[], string, { status: string; categories: DataCategory[]; withdrawnOn?: string; validUntil?: string }]>([
    ['nothing recorded', [], '2031-03-01', { status: 'none', categories: [] }],
    ['a grant, in canonical order, unknown codes dropped', [grant('2031-02-05', ['medical', 'profile', 'bank_account'])], '2031-03-01', { status: 'granted', categories: ['profile', 'medical'] }],
    ['the latest decision, not the widest', [grant('2031-02-05', ['medical', 'profile']), grant('2031-02-20', ['profile'])], '2031-03-01', { status: 'granted', categories: ['profile'] }],
    ['the row recorded later on the same day', [grant('2031-02-05', ['medical']), grant('2031-02-05', ['legal'])], '2031-03-01', { status: 'granted', categories: ['legal'] }],
    ['a decision about another agency', [grant('2031-02-05', ['medical'], { agencyId: OTHER_AGENCY })], '2031-03-01', { status: 'none', categories: [] }],
    ['consent for another purpose', [grant('2031-02-05', ['medical'], { purpose: 'medical_examination' })], '2031-03-01', { status: 'none', categories: [] }],
    ['a grant dated after the day', [grant('2031-03-02', ['medical'])], '2031-03-01', { status: 'none', categories: [] }],
    ['a grant on its last valid day', [grant('2031-02-05', ['medical'], { validUntil: '2031-03-01' })], '2031-03-01', { status: 'granted', categories: ['medical'] }],
    ['an expired grant', [grant('2031-02-05', ['medical'], { validUntil: '2031-02-28' })], '2031-03-01', { status: 'expired', categories: [], validUntil: '2031-02-28' }],
    ['a decline', [grant('2031-02-05', ['medical']), { purpose: 'data_sharing', status: 'declined', agencyId: AGENCY, decidedOn: '2031-02-10' }], '2031-03-01', { status: 'declined', categories: [] }],
    ['a withdrawal after a grant', [grant('2031-02-05', ['medical']), withdrawal('2031-02-20')], '2031-03-01', { status: 'withdrawn', categories: [], withdrawnOn: '2031-02-20' }],
    ['a withdrawal recorded with a later day (never postponed)', [grant('2031-02-05', ['medical']), withdrawal('2031-03-05')], '2031-03-01', { status: 'withdrawn', categories: [], withdrawnOn: '2031-03-05' }],
    ['a new grant after a withdrawal', [grant('2031-02-05', ['medical']), withdrawal('2031-02-20'), grant('2031-02-25', ['profile'])], '2031-03-01', { status: 'granted', categories: ['profile'] }],
    ['a withdrawal whose day cannot be read', [grant('2031-02-25', ['profile']), withdrawal('someday', 'someday')], '2031-03-01', { status: 'withdrawn', categories: [], withdrawnOn: 'someday' }],
  ])('%s', (_what, rows, asOf, expected) => {
    expect(consentedCategories(rows, AGENCY, asOf)).toMatchObject(expected);
  });

  it('reads the consent form fixtures: a grant, then its withdrawal', () => {
    const decisions = (name: string) => (readJson(`library/consent/fixtures/${name}.json`) as { decisions: ConsentDecision[] }).decisions;
    const granted = decisions('valid-adult-several-purposes');
    expect(consentedCategories(granted, AGENCY, '2031-02-10')).toEqual({ status: 'granted', categories: ['profile', 'medical', 'needs_and_plan'], decidedOn: '2031-02-05' });
    expect(consentedCategories([...granted, ...decisions('valid-withdrawal-of-data-sharing')], AGENCY, '2031-03-02')).toEqual({
      status: 'withdrawn',
      categories: [],
      decidedOn: '2031-03-01',
      withdrawnOn: '2031-03-01',
    });
  });

  it('refuses a day that is not YYYY-MM-DD, in both languages', () => {
    expect(() => consentedCategories([], AGENCY, '01/03/2031')).toThrow(/harus berupa tanggal.*must be a day/);
  });
});

describe('buildPacket: exactly the fields of the service list that consent covers', () => {
  const cases = SERVICE_TYPES.flatMap((service) => [
    [service, 'even', EVEN],
    [service, 'odd', ODD],
  ]) as [string, string, DataCategory[]][];

  it.each(cases)('%s with consent to the %s categories', (service, _subset, consented) => {
    const consent = consentedCategories(consentRows(consented), AGENCY, '2031-03-01');
    const selection = packetCategories(service, undefined, consent);
    const needed = DEFAULT_PACKET_CATEGORIES[service as keyof typeof DEFAULT_PACKET_CATEGORIES];
    const shared = needed.filter((c) => consented.includes(c));

    expect(selection.shared).toEqual(shared);
    expect(selection.withheld).toEqual(needed.filter((c) => !consented.includes(c)));

    const packet = buildPacket(DOCUMENTS, selection, CASE_CODE);
    expect(packet.caseCode).toBe(CASE_CODE);
    expect(packet.categories).toEqual(shared);
    expect(packet.withheld).toEqual(selection.withheld);
    // Field by field against the fixtures: every answer of a shared category, and nothing else.
    expect(packetLeaves(packet.documents)).toEqual(expectedLeaves(shared));
    if (selection.withheld.length) {
      expect(packet.notice?.id).toContain(selection.withheld.join(', '));
      expect(packet.notice?.en).toContain(selection.withheld.join(', '));
    } else {
      expect(packet.notice).toBeUndefined();
    }
  });

  it('carries real answers when consent covers what a service needs (the table above is not vacuous)', () => {
    const consent = consentedCategories(consentRows([...DATA_CATEGORIES]), AGENCY, '2031-03-01');
    for (const service of SERVICE_TYPES.filter((s) => DEFAULT_PACKET_CATEGORIES[s].length)) {
      const packet = buildPacket(DOCUMENTS, packetCategories(service, undefined, consent), CASE_CODE);
      expect([service, packetLeaves(packet.documents).length > 0]).toEqual([service, true]);
    }
  });

  it('follows a province list instead of the default, still within consent', () => {
    const consent = consentedCategories(consentRows(['profile', 'family', 'medical']), AGENCY, '2031-03-01');
    const selection = packetCategories('shelter', ['medical', 'identity', 'profile'], consent);
    expect(selection).toMatchObject({ needed: ['identity', 'profile', 'medical'], shared: ['profile', 'medical'], withheld: ['identity'] });
    expect(packetLeaves(buildPacket(DOCUMENTS, selection, CASE_CODE).documents)).toEqual(expectedLeaves(['profile', 'medical']));
  });

  it.each(SERVICE_TYPES)('%s: withdrawn consent sends nothing but the case code, with the withdrawal date', (service) => {
    const rows: ConsentDecision[] = [
      ...consentRows([...DATA_CATEGORIES]).slice(0, 3),
      { purpose: 'data_sharing', status: 'withdrawn', agencyId: AGENCY, decidedOn: '2031-02-20', withdrawnOn: '2031-02-20' },
    ];
    const packet = buildPacket(DOCUMENTS, packetCategories(service, undefined, consentedCategories(rows, AGENCY, '2031-03-01')), CASE_CODE);
    expect(packet).toMatchObject({ caseCode: CASE_CODE, categories: [], documents: [], consent: { status: 'withdrawn', withdrawnOn: '2031-02-20' } });
    expect(packet.withheld).toEqual(DATA_CATEGORIES.filter((c) => DEFAULT_PACKET_CATEGORIES[service].includes(c)));
    if (packet.withheld.length) {
      expect(packet.notice?.id).toMatch(/^Persetujuan .* ditarik kembali pada 2031-02-20/);
      expect(packet.notice?.en).toMatch(/^Consent .* withdrawn on 2031-02-20/);
    }
    // Nothing from the forms: no name, number, address or note of any fixture appears anywhere in it.
    const text = JSON.stringify(packet);
    const answers = DOCUMENTS.flatMap((d) => leaves(d.formKey, d.data)).map(([, , value]) => value);
    const freeText = answers.filter((value) => value.length > 12 && !/^"([a-z0-9_]+|\d{4}-\d{2}-\d{2})"$/.test(value));
    expect(freeText.length).toBeGreaterThan(20);
    for (const value of freeText) expect(text).not.toContain(value);
  });

  it('never includes a field without a category, or with a category that is not in the list (a hostile annotation)', () => {
    const schema: PacketSchema = {
      type: 'object',
      properties: {
        intakeDate: { type: 'string' },
        sex: { type: 'string', 'x-data-category': 'profile' },
        bank: { type: 'string', 'x-data-category': 'everything' },
        identity: { type: 'object', 'x-data-category': 'profile', properties: { fullName: { type: 'string', 'x-data-category': 'identity' } } },
        rows: { type: 'array', items: { type: 'object', properties: { note: { type: 'string', 'x-data-category': 'profile' }, secret: { type: 'string' } } } },
      },
    };
    const data = { intakeDate: '2031-02-04', sex: 'female', bank: 'x', identity: { fullName: 'Nama Fiktif' }, rows: [{ note: 'a', secret: 's' }, { secret: 't' }], extra: 'not in the schema' };
    const everything = packetCategories('other', [...DATA_CATEGORIES].filter((c) => c !== 'identity'), { status: 'granted', categories: [...DATA_CATEGORIES] });
    const packet = buildPacket([{ formKey: 'x', schema, data }], everything, CASE_CODE);
    expect(packet.documents).toEqual([{ formKey: 'x', data: { sex: 'female', rows: [{ note: 'a' }] } }]);
  });

  it('keeps a hostile key an own property and never reaches Object.prototype', () => {
    const schema: PacketSchema = { type: 'object', properties: { notes: { type: 'object', properties: { a: { type: 'string', 'x-data-category': 'profile' } } } } };
    const data = JSON.parse('{"notes":{"a":"x","__proto__":{"polluted":true}},"__proto__":{"polluted":true}}');
    const packet = buildPacket([{ formKey: 'x', schema, data }], packetCategories('interpretation', undefined, { status: 'granted', categories: ['profile'] }), CASE_CODE);
    expect(packet.documents).toEqual([{ formKey: 'x', data: { notes: { a: 'x' } } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('checkPacketList: a provincial administrator adjusting a service list', () => {
  it('accepts a known service with known categories, each once (an empty list sends the case code alone)', () => {
    expect(checkPacketList('shelter', ['profile', 'medical'])).toEqual([]);
    expect(checkPacketList('other', [])).toEqual([]);
  });

  it.each<[string, unknown, unknown, string[]]>([
    ['an unknown service', 'massage', ['profile'], ['serviceType']],
    ['an unknown category', 'shelter', ['profile', 'bank_account'], ['categories/1']],
    ['a category in upper case', 'shelter', ['PROFILE'], ['categories/0']],
    ['a duplicate', 'shelter', ['profile', 'medical', 'profile'], ['categories/2']],
    ['a list that is not a list', 'shelter', 'profile', ['categories']],
    ['a non-text entry', 'shelter', [7], ['categories/0']],
    ['both wrong', 42, ['x'], ['serviceType', 'categories/0']],
  ])('refuses %s, naming the field', (_what, service, categories, fields) => {
    const problems = checkPacketList(service, categories);
    expect(problems.map((p) => p.field)).toEqual(fields);
    for (const p of problems) {
      expect(p.message.id).not.toEqual(p.message.en);
      expect(p.message.id).toMatch(/tidak|harus|lebih|paling/);
    }
  });

  it('bounds what it echoes of a hostile entry', () => {
    const [problem] = checkPacketList('shelter', ['x'.repeat(10_000)]);
    expect(problem.message.en.length).toBeLessThan(400);
  });
});
