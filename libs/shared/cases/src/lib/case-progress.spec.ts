import { immediateNeedCodes, stageAfterScreening } from './case-progress';
import { afterScreening } from './identification';
import { ScreeningResult } from './screening';

describe('stageAfterScreening', () => {
  it.each([
    [ScreeningResult.PRESUMED_VICTIM, 'protection'],
    [ScreeningResult.REFER_FOR_DETERMINATION, 'screening'],
    [ScreeningResult.NOT_A_CASE, 'referral'],
  ] as const)('%s → %s, and the record stays open', (result, stage) => {
    expect(stageAfterScreening(result)).toBe(stage);
    expect(afterScreening(result)?.closesRecord).toBe(false);
  });

  it('gives no stage for a result outside the list (never "closed")', () => {
    expect(stageAfterScreening('case_closed' as ScreeningResult)).toBeNull();
  });
});

describe('immediateNeedCodes', () => {
  it.each([
    ['the codes in order, each once', { immediateNeeds: ['safety', 'interpreter', 'safety'] }, ['safety', 'interpreter']],
    ['blank and malformed entries skipped', { immediateNeeds: ['', '  ', 3, null, 'basic_needs'] }, ['basic_needs']],
    ['nothing recorded', {}, []],
    ['not a list', { immediateNeeds: 'safety' }, []],
    ['no answers at all', null, []],
  ])('%s', (_name, answers, codes) => {
    expect(immediateNeedCodes(answers as never)).toEqual(codes);
  });
});
