import { agreementStatus, checkAgreement, checkTermination, otherParty } from './agreements';

const valid = { partyA: '32', partyB: '21.71', dataCategories: ['profile', 'needs_and_plan'], signedOn: '2026-01-15', validFrom: '2026-02-01', validUntil: '2028-01-31' };
const fields = (input: Parameters<typeof checkAgreement>[0]) => checkAgreement(input).map((p) => p.field);

describe('cooperation agreements', () => {
  it.each([
    ['2026-01-31', null, 'pending'],
    ['2026-02-01', null, 'active'],
    ['2028-01-31', null, 'active'],
    ['2028-02-01', null, 'expired'],
    ['2026-06-01', '2026-06-02', 'active'],
    ['2026-06-02', '2026-06-02', 'terminated'],
    ['2029-01-01', '2026-06-02', 'terminated'],
  ] as const)('on %s, terminated on %s, the agreement is %s', (today, terminatedOn, status) => {
    expect(agreementStatus({ validFrom: '2026-02-01', validUntil: '2028-01-31', terminatedOn }, today)).toBe(status);
  });

  it('finds the other party of a case across levels: West Java province with Kota Batam', () => {
    expect(otherParty(['32', '21.71'], '21.71')).toBe('32');
    expect(otherParty(['32', '21.71'], '32.04')).toBe('21.71');
    expect(otherParty(['32', '21.71'], '32')).toBe('21.71');
    // A case of Riau Islands province itself, or of another Riau Islands city, is not Kota Batam's.
    expect(otherParty(['32', '21.71'], '21')).toBeNull();
    expect(otherParty(['32', '21.71'], '21.72')).toBeNull();
    expect(otherParty(['32', '21.71'], '33.01')).toBeNull();
  });

  it('accepts a valid agreement and names each wrong field', () => {
    expect(checkAgreement(valid)).toEqual([]);
    expect(fields({ ...valid, partyA: '00' })).toEqual(['partyA']);
    expect(fields({ ...valid, partyA: 'Jawa Barat', partyB: 7 })).toEqual(['partyA', 'partyB']);
    // A province and its own regency: already one task force's area.
    expect(fields({ ...valid, partyA: '32', partyB: '32.04' })).toEqual(['partyB']);
    expect(fields({ ...valid, partyA: '21.71', partyB: '21.71' })).toEqual(['partyB']);
    expect(fields({ ...valid, dataCategories: ['profile', 'names', 'profile'] })).toEqual(['dataCategories/1', 'dataCategories/2']);
    expect(fields({ ...valid, dataCategories: 'profile' })).toEqual(['dataCategories']);
    expect(fields({ ...valid, signedOn: '2026-02-30', validFrom: '2026-13-01', validUntil: 'tomorrow' })).toEqual(['signedOn', 'validFrom', 'validUntil']);
    expect(fields({ ...valid, validUntil: '2026-01-31' })).toEqual(['validUntil']);
    expect(fields({ ...valid, validFrom: '2028-02-29', validUntil: '2028-02-29' })).toEqual([]);
    expect(fields({ ...valid, signedOn: '0000-01-01' })).toEqual(['signedOn']);
    expect(fields({ ...valid, reference: '   ', title: '' })).toEqual(['reference', 'title']);
    expect(checkAgreement({ ...valid, partyA: '32', partyB: '32.04' })[0].message.id).toMatch(/provinsi sudah melayani/);
  });

  it('checks a termination', () => {
    const term = { validFrom: '2026-02-01', validUntil: '2028-01-31', terminatedOn: null };
    expect(checkTermination(term, { terminatedOn: '2026-05-01', reason: 'Tidak diperpanjang' })).toEqual([]);
    expect(checkTermination(term, { terminatedOn: '2026-01-01', reason: ' ' }).map((p) => p.field)).toEqual(['terminatedOn', 'reason']);
    expect(checkTermination(term, { terminatedOn: 20260501, reason: 'x' }).map((p) => p.field)).toEqual(['terminatedOn']);
  });
});
