import { SERVICE_TYPES } from './disclosure';
import { familyContactProblem, referralConsentProblem, returnOutcome, returnProblem } from './referral-rules';

describe('consent a service needs before a referral', () => {
  it.each(['none', 'declined', 'withdrawn', 'expired'])('consular notification and return wait for their consent (%s)', (status) => {
    expect(referralConsentProblem('immigration_consular', () => status)?.id).toContain('notifikasi konsuler');
    expect(referralConsentProblem('repatriation', () => status)?.en).toContain('consent to return');
  });

  it('go once the consent is granted, and read the right purpose', () => {
    const asked: string[] = [];
    expect(referralConsentProblem('immigration_consular', (p) => (asked.push(p), 'granted'))).toBeNull();
    expect(referralConsentProblem('repatriation', (p) => (asked.push(p), 'granted'))).toBeNull();
    expect(asked).toEqual(['consular_notification', 'return']);
  });

  it('other services need no particular consent to be referred (their packet follows data-sharing consent)', () => {
    for (const service of SERVICE_TYPES.filter((s) => !['immigration_consular', 'repatriation', 'family_tracing'].includes(s))) expect(referralConsentProblem(service, () => 'none')).toBeNull();
    expect(referralConsentProblem('family_tracing', () => 'declined')?.id).toContain('kontak keluarga');
  });
});

describe("a child's family contact", () => {
  it.each([
    ['no assessment yet', null, 'asesmen keluarga dulu'],
    ['involvement suspected', { familyInvolvementSuspected: 'yes' }, 'keterlibatan keluarga'],
    ['involvement not ruled out', { familyInvolvementSuspected: 'unknown' }, 'keterlibatan keluarga'],
  ])('is blocked for a child: %s', (_name, familyAssessment, words) => {
    expect(familyContactProblem('family_tracing', { child: true, familyAssessment })?.id).toContain(words);
  });

  it('goes once the assessment rules involvement out; never blocks an adult or another service', () => {
    expect(familyContactProblem('family_tracing', { child: true, familyAssessment: { familyInvolvementSuspected: 'no' } })).toBeNull();
    expect(familyContactProblem('family_tracing', { child: false, familyAssessment: null })).toBeNull();
    expect(familyContactProblem('shelter', { child: true, familyAssessment: null })).toBeNull();
  });
});

describe('return only voluntary and safe, after the assessment', () => {
  const safe = { returnWish: 'yes', fearOfReturn: 'no', seriousHarmRisk: 'no', possiblyStateless: 'no', recommendation: 'voluntary_return' };

  it('allows a return only when every answer says it is voluntary and safe', () => {
    expect(returnOutcome(safe)).toEqual({ returnAllowed: true, blocks: [], offer: null });
    expect(returnProblem('repatriation', safe)).toBeNull();
  });

  it.each([
    [{ fearOfReturn: 'yes', recommendation: 'international_protection' }, ['fear_of_return', 'not_recommended'], 'international_protection'],
    [{ fearOfReturn: 'unknown' }, ['fear_of_return'], 'international_protection'],
    [{ seriousHarmRisk: 'unknown' }, ['serious_harm'], 'international_protection'],
    [{ possiblyStateless: 'yes' }, ['stateless'], 'international_protection'],
    [{ possiblyStateless: 'unknown' }, [], null],
    [{ returnWish: 'no' }, ['not_voluntary'], null],
    [{ returnWish: 'unknown', recommendation: 'further_assessment' }, ['not_voluntary', 'not_recommended'], null],
  ])('%j blocks a return for %j and offers %s', (change, blocks, offer) => {
    const outcome = returnOutcome({ ...safe, ...change });
    expect([outcome.returnAllowed, outcome.blocks, outcome.offer]).toEqual([blocks.length === 0, blocks, offer]);
  });

  it('refuses a repatriation referral without an assessment, and names why and what to offer', () => {
    expect(returnProblem('repatriation', null)?.id).toMatch(/catat penilaian itu dulu/);
    expect(returnProblem('repatriation', { ...safe, fearOfReturn: 'yes' })?.id).toMatch(/takut kembali.*perlindungan internasional/);
    expect(returnProblem('repatriation', { ...safe, fearOfReturn: 'yes' })?.en).toMatch(/fears return.*international protection/);
    // Other services do not wait for it.
    expect(returnProblem('international_protection', null)).toBeNull();
    expect(returnProblem('shelter', null)).toBeNull();
  });
});
