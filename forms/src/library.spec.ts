import { createFormAjv, dataCategoryCodes, dataCategoryProblems, fieldsOf, LANGUAGES, resolveForm, SENSITIVITIES, uncategorisedFields, walkSchema, type LibraryForm } from './engine';
import { CASE_RECORD_FORM_KEYS, FORM_LIBRARY, OPTION_LISTS } from './index';

/** The list of national forms; each must exist in the library. */
const REQUIRED_FORMS = [
  'victim-screening', 'case-intake', 'consent', 'case-conference', 'referral', 'referral-response', 'service-outcome',
  'reintegration-plan', 'follow-up-visit', 'case-closure', 'poa-section', 'legal-review-decision', 'endorsement-decree',
  'agency-integration', 'quarterly-activity-progress', 'meeting-minutes', 'quarterly-case-report',
  'meeting-agenda', 'meeting-rsvp', 'action-point-report', 'annual-evaluation', 'annual-performance-report',
  'performance-report-plenary', 'performance-report-release',
];

const forms = FORM_LIBRARY.map((f) => [f.definition.key, f] as [string, LibraryForm]);
const byKey = new Map(forms);

describe('national form library', () => {
  it('has every form the platform needs', () => {
    expect(REQUIRED_FORMS.filter((k) => !byKey.has(k))).toEqual([]);
  });

  it('knows every case record form', () => {
    expect(CASE_RECORD_FORM_KEYS.filter((k) => !byKey.has(k))).toEqual([]);
  });

  it('has unique option list keys and codes', () => {
    for (const list of OPTION_LISTS.values()) {
      const codes = list.options.map((o) => o.code);
      expect({ list: list.key, duplicates: codes.filter((c, i) => codes.indexOf(c) !== i) }).toEqual({ list: list.key, duplicates: [] });
      for (const code of codes) expect({ list: list.key, code, ok: /^[a-z0-9]+(_[a-z0-9]+)*$/.test(code) }).toEqual({ list: list.key, code, ok: true });
    }
  });

  if (forms.length === 0) return;

  describe.each(forms)('%s', (_key, form) => {
    const ajv = createFormAjv();

    it('annotates every field with a bilingual label and a sensitivity', () => {
      const problems = fieldsOf(form.definition.schema).flatMap(({ path, node }) => [
        ...(node['x-label']?.id && node['x-label']?.en ? [] : [`${path}: x-label`]),
        ...(SENSITIVITIES.includes(node['x-sensitivity'] as never) ? [] : [`${path}: x-sensitivity`]),
      ]);
      expect(problems).toEqual([]);
    });

    it('uses only known option lists and no title/description/$ref keywords', () => {
      const problems: string[] = [];
      walkSchema(form.definition.schema, (node, pointer) => {
        if (node['x-options'] && !OPTION_LISTS.has(node['x-options'])) problems.push(`${pointer}: unknown list ${node['x-options']}`);
        for (const k of ['title', 'description', '$ref', '$id']) if (k in node) problems.push(`${pointer}: ${k}`);
      });
      expect(problems).toEqual([]);
    });

    it('names only known data categories, and only on answer fields', () => {
      expect(dataCategoryProblems(form.definition.schema, dataCategoryCodes(OPTION_LISTS)).map((p) => p.message.en)).toEqual([]);
    });

    if (CASE_RECORD_FORM_KEYS.includes(form.definition.key)) {
      // Consent to share is given per category: a restricted or identifying answer without one could
      // never be put in a referral packet, however much the service needs it.
      it('gives every restricted and identifying field a data category', () => {
        expect(uncategorisedFields(form.definition.schema, 'restricted')).toEqual([]);
      });
    }

    it.each(LANGUAGES)('compiles in %s', (lang) => {
      expect(() => ajv.compile(resolveForm(form.definition, OPTION_LISTS, lang).schema)).not.toThrow();
    });

    const validate = createFormAjv().compile(resolveForm(form.definition, OPTION_LISTS, 'id').schema);

    it.each(Object.entries(form.valid))('accepts valid fixture %s', (_name, data) => {
      validate(data);
      expect(validate.errors ?? []).toEqual([]);
    });

    it.each(Object.entries(form.invalid))('rejects invalid fixture %s with the expected field errors', (_name, fixture) => {
      expect(validate(fixture.data)).toBe(false);
      const got = (validate.errors ?? []).map((e) => ({
        field: e.keyword === 'required' ? `${e.instancePath}/${(e.params as { missingProperty: string }).missingProperty}` : e.instancePath,
        keyword: e.keyword,
      }));
      for (const expected of fixture.errors) expect(got).toContainEqual(expected);
    });

    it('has at least one valid and one invalid fixture', () => {
      expect(Object.keys(form.valid).length).toBeGreaterThan(0);
      expect(Object.keys(form.invalid).length).toBeGreaterThan(0);
    });
  });
});
