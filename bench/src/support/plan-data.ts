import type { PoaActivityAnswers } from '@gugus/plan';

/**
 * Generated plan-of-action activities for the plan benchmarks (plan-core, plan-api): the same plan on
 * every run, shaped like the `poa-section` form's fixtures (SMART fields, 3 budget lines each).
 */

/** A small linear congruential generator: the same sequence on every run. */
export function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SOURCES = ['apbd_province', 'apbn', 'village_fund', 'donor', 'private_csr'];

/** One activity; `agency(n)` names an agency for a number drawn below 60 (responsible: below 20). */
export function planActivity(code: string, random: () => number, agency: (n: number) => string, years = { start: 2026, end: 2028 }): PoaActivityAnswers {
  const pick = (n: number) => Math.floor(random() * n);
  return {
    code,
    activity: `Sosialisasi migrasi aman dan pencegahan TPPO bagi siswa SMA/SMK, kegiatan ${code}, di kabupaten kantong pekerja migran`,
    indicator: 'Jumlah siswa yang mengikuti sosialisasi',
    indicatorUnit: 'people',
    baseline: pick(100),
    target: 100 + pick(10_000),
    startQuarter: `${years.start + pick(2)}-Q${1 + pick(4)}`,
    endQuarter: `${years.end + pick(3)}-Q${1 + pick(4)}`,
    responsibleAgencyId: agency(pick(20)),
    implementingAgencyIds: [...new Set([agency(pick(20)), agency(20 + pick(20)), agency(40 + pick(20))])],
    partnerKinds: ['ngo', 'academia'],
    budgetLines: Array.from({ length: 3 }, (_, k) => ({
      description: `Komponen biaya ${k + 1}`,
      units: 1 + pick(6000),
      unitName: 'orang',
      unitCost: 1000 * (1 + pick(5000)),
      budgetSource: SOURCES[pick(SOURCES.length)] as string,
      costCategory: k === 2 ? 'administrative' : 'operational',
      fiscalYear: years.start + 1,
    })),
    genderResponsive: random() < 0.5,
  };
}

/** The change a round makes to an activity it revises: a higher target and unit cost. */
export function revisedActivity(answers: PoaActivityAnswers): PoaActivityAnswers {
  const next = structuredClone(answers);
  next.budgetLines[1]!.unitCost += 5000;
  next.target += 50;
  return next;
}
