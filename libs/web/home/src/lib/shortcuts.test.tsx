import { Role, type Grant } from '@gugus/contracts';
import { shortcutsFor } from './shortcuts';

const grant = (role: Role, jurisdictionCode = '32'): Grant => ({ role, jurisdictionCode, agencyId: 'a', positionId: 'p', via: 'holder' });

describe('home page shortcuts', () => {
  it('gives each role what it does most, most frequent first', () => {
    expect(shortcutsFor([grant(Role.LEGAL_REVIEWER)]).map((s) => s.key)).toEqual(['myTasks', 'plans']);
    expect(shortcutsFor([grant(Role.NATIONAL_ANALYST, '00')]).map((s) => s.key)[0]).toBe('dashboard');
    expect(shortcutsFor([grant(Role.CASE_WORKER)]).map((s) => s.key)).toContain('cases');
  });

  it('merges several roles in seniority order, each link once', () => {
    const keys = shortcutsFor([grant(Role.CASE_WORKER), grant(Role.SECRETARIAT)]).map((s) => s.key);
    expect(keys[0]).toBe('myTasks');
    expect(keys.indexOf('meetings')).toBeLessThan(keys.indexOf('cases'));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('offers nothing to someone without a role, and only app paths', () => {
    expect(shortcutsFor([])).toEqual([]);
    for (const s of shortcutsFor(Object.values(Role).map((r) => grant(r)))) expect(s.to).toMatch(/^\/[a-z/-]*(\?[a-z=&]+)?$/);
  });
});
