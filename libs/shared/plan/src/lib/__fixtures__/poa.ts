import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SubTaskForceKind } from '@gugus/contracts';
import type { PlanSection, PoaActivityAnswers, PoaSectionAnswers } from '../plan-types';

// Specs read the form library's own files, so the core is tested on the answers the real form produces
// (and a change to the form that the core does not follow shows up here).
const REPO = join(__dirname, '..', '..', '..', '..', '..', '..');

export function readRepoJson<T = unknown>(...path: string[]): T {
  return JSON.parse(readFileSync(join(REPO, ...path), 'utf8')) as T;
}

/** A valid fixture of the `poa-section` form, e.g. `west-java-prevention`. */
export function poaFixture(name: string): PoaSectionAnswers {
  return readRepoJson<PoaSectionAnswers>('forms', 'library', 'poa-section', 'fixtures', `valid-${name}.json`);
}

/** An invalid fixture of the `poa-section` form and the errors the form reports for it. */
export function poaInvalidFixture(name: string): { data: PoaSectionAnswers; errors: { field: string; keyword: string }[] } {
  return readRepoJson('forms', 'library', 'poa-section', 'fixtures', `invalid-${name}.json`);
}

const AGENCY = (n: number) => `3f1c2a4e-7b21-4d0a-9e55-1a2b3c4d5e${String(n).padStart(2, '0')}`;

/** A small valid activity; `units` × `unitCost` is its one budget line. */
export function activityAnswers(code: string, overrides: Partial<PoaActivityAnswers> = {}): PoaActivityAnswers {
  return {
    code,
    activity: `Kegiatan ${code}`,
    indicator: 'Jumlah peserta',
    indicatorUnit: 'people',
    baseline: 0,
    target: 100,
    startQuarter: '2026-Q1',
    endQuarter: '2026-Q4',
    responsibleAgencyId: AGENCY(1),
    budgetLines: [{ description: 'Konsumsi', units: 10, unitName: 'orang', unitCost: 50000, budgetSource: 'apbd_province' }],
    genderResponsive: true,
    ...overrides,
  };
}

/** A section with activities `<n>.1`, `<n>.2` … (n = the Sub-TF's national number), ids `<kind>-1` …. */
export function planSection(kind: SubTaskForceKind, count = 2): PlanSection {
  const n = Object.values(SubTaskForceKind).indexOf(kind) + 1;
  return {
    subTaskForce: kind,
    answers: { subTaskForce: kind, leadAgencyId: AGENCY(n), problemStatement: `Masalah ${n}` },
    activities: Array.from({ length: count }, (_, i) => ({ activityId: `${kind}-${i + 1}`, answers: activityAnswers(`${n}.${i + 1}`) })),
  };
}

export { AGENCY };
