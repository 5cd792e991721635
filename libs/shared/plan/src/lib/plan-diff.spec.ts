import { SubTaskForceKind } from '@gugus/contracts';
import { AGENCY, activityAnswers, poaFixture, readRepoJson } from './__fixtures__/poa';
import { POA_FIELD_ORDER, answerChanges, diffPlanVersions } from './plan-diff';
import type { JsonValue, PlanVersionContent, PoaSectionAnswers } from './plan-types';
import { compilePlanVersion, identifyActivities } from './plan-version';

const { PREVENTION, HEALTH, SOCIAL, COOPERATION } = SubTaskForceKind;
const fixtures = () => ['west-java-prevention', 'west-java-social-rehabilitation', 'west-java-cooperation'].map(poaFixture);

function compile(submissions: PoaSectionAnswers[], previous: PlanVersionContent | null, prefix: string): PlanVersionContent {
  let n = 0;
  const sections = identifyActivities(submissions, { previous, allocateActivityId: () => `${prefix}-${++n}` });
  const result = compilePlanVersion(
    sections,
    sections.map((s) => s.subTaskForce),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

/** The same JSON with every object's keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
  return value;
}

const EMPTY = { sectionsAdded: [], sectionsRemoved: [], sectionChanges: [], activitiesAdded: [], activitiesRemoved: [], activitiesChanged: [] };

describe('diffPlanVersions: what the legal reviewer sees changed since the last round', () => {
  const round1 = compile(fixtures(), null, 'a');

  it('finds nothing between two versions that differ only in the order of keys', () => {
    const round2 = compile(reverseKeys(fixtures()), round1, 'b');
    expect(diffPlanVersions(round1, round2)).toEqual(EMPTY);
  });

  it('lists the activities added, removed and changed, with each field\'s pointer, before and after', () => {
    const [prevention, social, cooperation] = fixtures() as [PoaSectionAnswers, PoaSectionAnswers, PoaSectionAnswers];
    // The Law Bureau asked for sex-disaggregated data, a confirmed central budget and no lump sums.
    prevention.problemStatement += ' Data terpilah: 62% perempuan.';
    prevention.activities[0]!.budgetLines[1]!.unitCost = 750000;
    prevention.activities[0]!.implementingAgencyIds!.push(AGENCY(20));
    prevention.activities[1]!.activity = 'Pendampingan penyusunan peraturan desa tentang pencegahan TPPO di 36 desa kantong pekerja migran';
    social.activities[0]!.budgetLines.push({ description: 'Pendampingan pekerja sosial', fiscalYear: 2027, units: 156, unitName: 'orang', unitCost: 300000, budgetSource: 'apbd_province', costCategory: 'operational' });
    social.activities.splice(1, 1);
    social.activities.push(activityAnswers('3.3', { responsibleAgencyId: AGENCY(4) }));
    cooperation.activities[1]!['sdgTarget'] = '8.7';
    cooperation.problemAnalysis = 'Koordinasi dengan provinsi tujuan belum rutin.';
    const round2 = compile([cooperation, social, prevention], round1, 'b');

    expect(diffPlanVersions(round1, round2)).toEqual({
      sectionsAdded: [],
      sectionsRemoved: [],
      sectionChanges: [
        {
          subTaskForce: PREVENTION,
          changes: [{ pointer: '/problemStatement', kind: 'changed', before: fixtures()[0]?.problemStatement, after: prevention.problemStatement }],
        },
        {
          subTaskForce: COOPERATION,
          changes: [{ pointer: '/problemAnalysis', kind: 'added', after: 'Koordinasi dengan provinsi tujuan belum rutin.' }],
        },
      ],
      activitiesAdded: [{ activityId: 'b-1', subTaskForce: SOCIAL, code: '3.3' }],
      activitiesRemoved: [{ activityId: 'a-5', subTaskForce: SOCIAL, code: '3.2' }],
      activitiesChanged: [
        {
          activityId: 'a-1',
          subTaskForce: PREVENTION,
          previousSubTaskForce: PREVENTION,
          code: '1.1',
          changes: [
            { pointer: '/implementingAgencyIds', kind: 'changed', before: fixtures()[0]?.activities[0]?.implementingAgencyIds, after: [...(fixtures()[0]?.activities[0]?.implementingAgencyIds ?? []), AGENCY(20)] },
            { pointer: '/budgetLines/1/unitCost', kind: 'changed', before: 900000, after: 750000 },
          ],
        },
        {
          activityId: 'a-2',
          subTaskForce: PREVENTION,
          previousSubTaskForce: PREVENTION,
          code: '1.2',
          changes: [{ pointer: '/activity', kind: 'changed', before: fixtures()[0]?.activities[1]?.activity, after: prevention.activities[1]?.activity }],
        },
        {
          activityId: 'a-4',
          subTaskForce: SOCIAL,
          previousSubTaskForce: SOCIAL,
          code: '3.1',
          changes: [{ pointer: '/budgetLines/10', kind: 'added', after: social.activities[0]?.budgetLines[10] as unknown as JsonValue }],
        },
        {
          activityId: 'a-7',
          subTaskForce: COOPERATION,
          previousSubTaskForce: COOPERATION,
          code: '6.2',
          changes: [{ pointer: '/sdgTarget', kind: 'added', after: '8.7' }],
        },
      ],
    });
  });

  it('shows an activity that moved to another section, and sections the new structure adds or drops', () => {
    const [prevention, , cooperation] = fixtures() as [PoaSectionAnswers, PoaSectionAnswers, PoaSectionAnswers];
    const health: PoaSectionAnswers = { ...structuredClone(prevention), subTaskForce: HEALTH, activities: [] };
    const before = compile([prevention, cooperation], null, 'a');
    const moved = cooperation.activities.splice(0, 1)[0]!;
    health.activities.push(moved);
    const after = compile([health, cooperation], before, 'b');
    expect(diffPlanVersions(before, after)).toEqual({
      ...EMPTY,
      sectionsAdded: [HEALTH],
      sectionsRemoved: [PREVENTION],
      activitiesRemoved: ['1.1', '1.2', '1.3'].map((code, i) => ({ activityId: `a-${i + 1}`, subTaskForce: PREVENTION, code })),
      activitiesChanged: [{ activityId: 'a-4', subTaskForce: HEALTH, previousSubTaskForce: COOPERATION, code: '6.1', changes: [] }],
    });
  });
});

describe('answerChanges', () => {
  it('gives changes in the form\'s field order, whatever the order of the keys, then added fields by name', () => {
    const before = { genderResponsive: false, zeta: 1, code: '1.1', alpha: 1, baseline: 0 };
    const after = { baseline: 5, alpha: 2, zeta: 2, code: '1.2', genderResponsive: true };
    expect(answerChanges(before, after).map((c) => c.pointer)).toEqual(['/code', '/baseline', '/genderResponsive', '/alpha', '/zeta']);
    expect(answerChanges(reverseKeys(before), reverseKeys(after))).toEqual(answerChanges(before, after));
  });

  it('escapes field names in pointers and reports a removed budget line once', () => {
    const line = { description: 'A', units: 1, unitCost: 1, budgetSource: 'apbn' };
    expect(answerChanges({ 'a/b': 1, budgetLines: [line, line] }, { 'a/b': 2, budgetLines: [line] })).toEqual([
      { pointer: '/budgetLines/1', kind: 'removed', before: line },
      { pointer: '/a~1b', kind: 'changed', before: 1, after: 2 },
    ]);
  });

  it('follows the field order of the national poa-section form', () => {
    const form = readRepoJson<{ uiSchema: { 'ui:order': string[]; activities: { items: { 'ui:order': string[]; budgetLines: { items: { 'ui:order': string[] } } } } } }>('forms', 'library', 'poa-section', 'form.json');
    const ui = form.uiSchema;
    const order = [...ui['ui:order'], ...ui.activities.items['ui:order'], ...ui.activities.items.budgetLines.items['ui:order']].filter((f) => f !== '*');
    expect(POA_FIELD_ORDER).toEqual(order);
  });
});
