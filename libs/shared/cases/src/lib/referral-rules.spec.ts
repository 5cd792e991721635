import { SERVICE_TYPES } from './disclosure';
import { referralConsentProblem } from './referral-rules';

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
    for (const service of SERVICE_TYPES.filter((s) => s !== 'immigration_consular' && s !== 'repatriation')) expect(referralConsentProblem(service, () => 'none')).toBeNull();
  });
});
