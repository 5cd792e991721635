import { consentState, type ConsentRecord } from './consent';
import { consentedCategories } from './disclosure';

const SHELTER = '00000000-0000-4000-8000-0000000000a2';
const POLICE = '00000000-0000-4000-8000-0000000000b3';
const PURPOSES = ['assistance', 'data_sharing', 'legal_proceedings'];

const first: ConsentRecord = {
  submissionId: 's1',
  givenBy: 'guardian',
  decisions: [
    { purpose: 'assistance', status: 'granted', decidedOn: '2031-02-05', method: 'thumbprint' },
    { purpose: 'data_sharing', status: 'granted', agencyId: SHELTER, dataCategories: ['needs_and_plan', 'profile'], decidedOn: '2031-02-05', method: 'written_signature' },
    { purpose: 'data_sharing', status: 'declined', agencyId: POLICE, decidedOn: '2031-02-05', method: 'verbal_recorded' },
  ],
};
const withdrawal: ConsentRecord = {
  submissionId: 's2',
  givenBy: 'person',
  decisions: [{ purpose: 'data_sharing', status: 'withdrawn', agencyId: SHELTER, decidedOn: '2031-03-01', withdrawnOn: '2031-03-01', method: 'verbal_recorded' }],
};

describe('consentState', () => {
  it('gives every purpose asked for, in order, with none where nothing was decided', () => {
    expect(consentState([], PURPOSES, '2031-02-06')).toEqual(PURPOSES.map((purpose) => ({ purpose, status: 'none', ...(purpose === 'data_sharing' ? { agencies: [] } : {}) })));
  });

  it('shows each purpose with its giver and method, and data sharing per agency with its categories', () => {
    const state = consentState([first], PURPOSES, '2031-02-06');
    expect(state[0]).toEqual({ purpose: 'assistance', status: 'granted', since: '2031-02-05', givenBy: 'guardian', method: 'thumbprint' });
    expect(state[1].status).toBe('granted');
    expect(state[1].agencies).toEqual([
      { agencyId: SHELTER, status: 'granted', categories: ['profile', 'needs_and_plan'], decidedOn: '2031-02-05', givenBy: 'guardian', method: 'written_signature' },
      { agencyId: POLICE, status: 'declined', categories: [], decidedOn: '2031-02-05', givenBy: 'guardian', method: 'verbal_recorded' },
    ]);
    expect(state[2]).toEqual({ purpose: 'legal_proceedings', status: 'none' });
  });

  it('a withdrawal applies at once, even dated later than the day judged on, and agrees with consentedCategories', () => {
    const state = consentState([first, withdrawal], PURPOSES, '2031-02-20');
    const shelter = state[1].agencies?.find((a) => a.agencyId === SHELTER);
    expect(shelter).toMatchObject({ status: 'withdrawn', categories: [], withdrawnOn: '2031-03-01', givenBy: 'person' });
    expect(state[1].status).toBe('withdrawn');
    expect(state[1].since).toBe('2031-03-01');
    const rows = [first, withdrawal].flatMap((r) => r.decisions);
    expect(consentedCategories(rows, SHELTER, '2031-02-20')).toMatchObject({ status: 'withdrawn', categories: [] });
  });

  it('a grant decided after the day judged on does not count yet; an expired one is shown as expired', () => {
    const later: ConsentRecord = { submissionId: 's3', decisions: [{ purpose: 'return', status: 'granted', decidedOn: '2031-04-01' }] };
    const expired: ConsentRecord = { submissionId: 's4', decisions: [{ purpose: 'assistance', status: 'granted', decidedOn: '2031-01-01', validUntil: '2031-01-31' }] };
    const state = consentState([later, expired], ['assistance'], '2031-02-01');
    expect(state).toEqual([
      { purpose: 'assistance', status: 'expired', since: '2031-01-01' },
      { purpose: 'return', status: 'none' },
    ]);
  });

  it('refuses a day that is not YYYY-MM-DD', () => {
    expect(() => consentState([], PURPOSES, '1/2/2031')).toThrow(RangeError);
  });
});
