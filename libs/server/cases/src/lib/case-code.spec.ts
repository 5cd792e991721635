import { CASE_STAGES } from '@gugus/contracts';
import { IDENTIFICATION_STATUSES } from '@gugus/cases';
import type { MigrationInterface } from 'typeorm';
import { createDataSourceOptions } from '@gugus/server-database';
import { caseYear, formatCaseCode, isCaseCode, isCaseJurisdiction } from './case-code';
import { INTAKE_CHANNELS } from './intake-channels';

describe('coded case ids', () => {
  it.each([
    ['32.04', 2027, 1, '32.04-2027-0001'],
    ['32.04', 2027, 42, '32.04-2027-0042'],
    ['32', 2027, 9999, '32-2027-9999'],
    ['21.71', 2028, 10000, '21.71-2028-10000'],
  ])('%s, %i, number %i → %s', (jurisdiction, year, seq, code) => {
    expect(formatCaseCode(jurisdiction, year, seq)).toBe(code);
    expect(isCaseCode(code)).toBe(true);
  });

  it.each(['', '32.04-2027-42', '32.04-27-0001', '32.4-2027-0001', '00-2027-0001', '32.04-2027-0001 ', 'Siti-2027-0001', '32.04/2027/0001'])('%p is not a case code', (code) => {
    expect(isCaseCode(code)).toBe(false);
  });

  it.each([
    ['32', true],
    ['32.04', true],
    ['00', false],
    ['32.04.01', false],
    ['3204', false],
  ])('%p may hold cases: %p', (code, ok) => expect(isCaseJurisdiction(code)).toBe(ok));

  it.each([
    ['2026-12-31T16:59:59Z', 2026],
    // 17:00 UTC on 31 December is midnight in Jakarta: the new year's numbering starts.
    ['2026-12-31T17:00:00Z', 2027],
    ['2027-06-01T00:00:00+07:00', 2027],
  ])('opened at %s → numbered in %i', (instant, year) => expect(caseYear(new Date(instant))).toBe(year));
});

describe('the database keeps the same lists as the code', () => {
  const sql = async () => {
    const migrations = createDataSourceOptions('postgres://unused').migrations as (new () => MigrationInterface)[];
    const migration = migrations.map((M) => new M()).find((m) => m.name === 'CreateCases1763900001600');
    const statements: string[] = [];
    await migration?.up({ query: async (s: string) => void statements.push(s) } as never);
    return statements.join('\n');
  };

  it('stage CHECK lists every CASE_STAGES value, identification_status every IDENTIFICATION_STATUSES value', async () => {
    const text = await sql();
    expect(text).toContain(`stage IN (${CASE_STAGES.map((s) => `'${s}'`).join(', ')})`);
    expect(text).toContain(`identification_status IN (${IDENTIFICATION_STATUSES.map((s) => `'${s}'`).join(', ')})`);
  });

  it('every intake channel code fits the shape the database accepts', () => {
    expect(INTAKE_CHANNELS.length).toBeGreaterThan(5);
    for (const code of INTAKE_CHANNELS) expect(code).toMatch(/^[a-z][a-z0-9_]{0,59}$/);
  });
});
