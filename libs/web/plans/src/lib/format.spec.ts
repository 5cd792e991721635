import { byPlace, parseAnchor, parseWholeRupiah, quarterLabel, rupiah } from './format';

describe('plan texts and anchors', () => {
  it.each([
    [12_500_000, 'id', 'Rp 12.500.000'],
    [0, 'id', 'Rp 0'],
    [12_500_000, 'en', 'IDR 12,500,000'],
  ] as const)('writes %d rupiah in %s as %s', (amount, language, text) => {
    expect(rupiah(amount, language)).toBe(text);
  });

  it.each([
    ['9000000', 9_000_000],
    ['9.000.000', 9_000_000],
    ['Rp 9.000.000', 9_000_000],
    ['IDR 9,000,000', 9_000_000],
    ['9 000 000', 9_000_000],
    ['0', 0],
    ['9.000,50', undefined],
    ['9,5', undefined],
    ['90.00.000', undefined],
    ['-5', undefined],
    ['', undefined],
  ] as const)('reads %j as whole rupiah: %s', (text, amount) => {
    expect(parseWholeRupiah(text)).toBe(amount);
  });

  it.each([
    ['2027-Q3', 'id', 'TW III 2027'],
    ['2027-Q3', 'en', 'Q3 2027'],
    ['soon', 'id', 'soon'],
  ] as const)('names the quarter %s in %s: %s', (quarter, language, text) => {
    expect(quarterLabel(quarter, language)).toBe(text);
  });

  it.each([
    ['', { kind: 'plan' }],
    ['/sections/law_enforcement', { kind: 'section', subTaskForce: 'law_enforcement' }],
    ['/sections/law_enforcement/activities/a1', { kind: 'activity', subTaskForce: 'law_enforcement', activityId: 'a1', field: '' }],
    ['/sections/law_enforcement/activities/a1/budgetLines/0/unitCost', { kind: 'activity', subTaskForce: 'law_enforcement', activityId: 'a1', field: '/budgetLines/0/unitCost' }],
    ['/something/else', { kind: 'plan' }],
  ])('reads the anchor %j', (anchor, place) => {
    expect(parseAnchor(anchor)).toEqual(place);
  });

  it('groups comments by the place they are anchored to, field comments with their activity', () => {
    const groups = byPlace(['', '/sections/a', '/sections/a/activities/x', '/sections/a/activities/x/target'], (a) => a);
    expect([...groups.entries()]).toEqual([
      ['plan', ['']],
      ['section:a', ['/sections/a']],
      ['activity:x', ['/sections/a/activities/x', '/sections/a/activities/x/target']],
    ]);
  });
});
