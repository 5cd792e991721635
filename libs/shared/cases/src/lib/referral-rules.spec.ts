import { SERVICE_TYPES } from './disclosure';
import { familyContactProblem, referralConsentProblem } from './referral-rules';

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
