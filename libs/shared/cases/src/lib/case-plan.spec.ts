import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { changedFields, checkPlanItem, checkProvider, FUNDING_SOURCES, PLAN_HORIZONS, PLAN_ITEM_STATUSES, planTotals, SERVICE_TARGET_GROUPS, type PlanItemInput, type ProviderLookup } from './case-plan';

const FORMS_DIR = join(__dirname, '../../../../../forms');
const codesOf = (list: string) => (JSON.parse(readFileSync(join(FORMS_DIR, `options/${list}.json`), 'utf8')) as { options: { code: string }[] }).options.map((o) => o.code);

const SHELTER = '11111111-1111-4111-8111-111111111111';
const HOSPITAL = '22222222-2222-4222-8222-222222222222';
const directory: ProviderLookup = (id) => ({ [SHELTER]: { name: 'UPTD PPA', services: ['shelter', 'psychosocial'] }, [HOSPITAL]: { name: 'RSUD', services: ['health_rehabilitation'] } })[id] ?? null;

const item = (over: Partial<Record<keyof PlanItemInput | 'extra', unknown>> = {}): Record<string, unknown> => ({
  serviceType: 'shelter',
  agencyId: SHELTER,
  horizon: 'immediate',
  budgetLine: '5.1.02.01.01.0026 Belanja makan dan minum rumah aman',
  fundingSource: 'apbd_province',
  amountPlanned: 3_000_000,
  amountSpent: null,
  startsOn: '2027-01-04',
  endsOn: '2027-02-03',
  status: 'planned',
  ...over,
});
const fields = (raw: unknown) => checkPlanItem(raw, directory, 'item/').problems.map((p) => p.field);

describe('the case-management plan rules', () => {
  it('keeps its code lists in step with the option lists people choose from', () => {
    expect([...PLAN_ITEM_STATUSES]).toEqual(codesOf('case-plan-statuses'));
    expect([...PLAN_HORIZONS]).toEqual(codesOf('case-plan-horizons'));
    expect([...FUNDING_SOURCES]).toEqual(codesOf('budget-sources'));
    expect([...SERVICE_TARGET_GROUPS]).toEqual(codesOf('service-target-groups'));
  });

  it('accepts a service from a provider that offers it, normalised', () => {
    const { item: ok, problems } = checkPlanItem(item({ agencyId: SHELTER.toUpperCase(), budgetLine: '  Rumah aman  ' }), directory);
    expect(problems).toEqual([]);
    expect(ok).toMatchObject({ agencyId: SHELTER, budgetLine: 'Rumah aman', amountSpent: null });
  });

  it('takes the agency only from the directory, and only for a service it offers', () => {
    expect(fields(item({ agencyId: '33333333-3333-4333-8333-333333333333' }))).toEqual(['item/agencyId']);
    const wrong = checkPlanItem(item({ agencyId: HOSPITAL }), directory).problems;
    expect(wrong).toHaveLength(1);
    expect(wrong[0].message.id).toContain('RSUD tidak menawarkan layanan shelter');
    expect(fields(item({ agencyId: 'not-a-uuid' }))).toEqual(['item/agencyId']);
  });

  it('names every field that is wrong, in both languages', () => {
    const problems = checkPlanItem(item({ serviceType: 'spa', horizon: 'someday', fundingSource: 'lottery', status: 'lost', amountPlanned: -1, amountSpent: 1.5, startsOn: '2027-02-30', endsOn: 'soon', extra: 1 }), directory).problems;
    expect(problems.map((p) => p.field).sort()).toEqual(['amountPlanned', 'amountSpent', 'endsOn', 'extra', 'fundingSource', 'horizon', 'serviceType', 'startsOn', 'status'].sort());
    for (const p of problems) expect(p.message.id && p.message.en).toBeTruthy();
    expect(fields('shelter')).toEqual(['item/item']);
    expect(fields(null)).toEqual(['item/item']);
  });

  it('needs a budget line when money is planned, and keeps phone and identity numbers out of it', () => {
    expect(fields(item({ budgetLine: null }))).toEqual(['item/budgetLine']);
    expect(fields(item({ budgetLine: null, amountPlanned: 0 }))).toEqual([]);
    expect(fields(item({ budgetLine: 'Rumah aman untuk 3201234567890001' }))).toEqual(['item/budgetLine']);
    expect(fields(item({ budgetLine: 'hubungi 0812-3456-7890' }))).toEqual(['item/budgetLine']);
    expect(fields(item({ budgetLine: 'x'.repeat(161) }))).toEqual(['item/budgetLine']);
  });

  it('keeps dates in order and asks for what was spent before a paid service is marked done', () => {
    expect(fields(item({ endsOn: '2027-01-03' }))).toEqual(['item/endsOn']);
    expect(fields(item({ endsOn: null }))).toEqual([]);
    expect(fields(item({ status: 'done' }))).toEqual(['item/amountSpent']);
    expect(fields(item({ status: 'done', amountSpent: 2_750_000 }))).toEqual([]);
    expect(fields(item({ amountPlanned: 10_000_000_001 }))).toEqual(['item/amountPlanned']);
  });

  it('totals planned and spent per funding source, leaving out what was cancelled or declined', () => {
    const rows = [
      { fundingSource: 'apbd_province', amountPlanned: 3_000_000, amountSpent: 2_750_000, status: 'done' },
      { fundingSource: 'apbd_province', amountPlanned: 1_000_000, amountSpent: null, status: 'in_progress' },
      { fundingSource: 'apbn', amountPlanned: 500_000, amountSpent: null, status: 'planned' },
      { fundingSource: 'donor', amountPlanned: 9_000_000, amountSpent: null, status: 'cancelled' },
      { fundingSource: 'ngo', amountPlanned: 9_000_000, amountSpent: null, status: 'declined' },
    ] as const;
    expect(planTotals(rows)).toEqual([
      { fundingSource: 'apbn', planned: 500_000, spent: 0 },
      { fundingSource: 'apbd_province', planned: 4_000_000, spent: 2_750_000 },
    ]);
  });

  it('says which fields of an item changed', () => {
    const a = checkPlanItem(item(), directory).item as PlanItemInput;
    expect(changedFields(a, { ...a, status: 'in_progress', amountSpent: 100 })).toEqual(['amountSpent', 'status']);
    expect(changedFields(a, { ...a })).toEqual([]);
  });

  it('checks a directory entry: known services and groups once each, bounded capacity and text', () => {
    expect(checkProvider({ services: ['psychosocial', 'shelter'], targetGroups: ['women', 'children'], capacity: 20, contactPoint: ' Seksi Perlindungan ', referralProtocol: null })).toEqual({
      entry: { services: ['shelter', 'psychosocial'], targetGroups: ['children', 'women'], capacity: 20, contactPoint: 'Seksi Perlindungan', referralProtocol: null },
      problems: [],
    });
    const bad = checkProvider({ services: ['shelter', 'shelter', 'spa'], targetGroups: 'women', capacity: -1, contactPoint: 7, referralProtocol: 'x'.repeat(1001), owner: 'me' }).problems.map((p) => p.field);
    expect(bad).toEqual(['services/1', 'services/2', 'targetGroups', 'capacity', 'contactPoint', 'referralProtocol', 'owner']);
    expect(checkProvider([]).problems.map((p) => p.field)).toEqual(['entry']);
  });
});
