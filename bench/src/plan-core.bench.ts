/*
 * What the plan-of-action core costs on the largest plan PRODUCT.md §1 expects and more: 6 sections × 80
 * activities (the form allows 60 a section), 3 budget lines each. Timed, in the same process: compiling
 * a round into a frozen version, the diff between two rounds with ~10% of the activities changed, added
 * or removed, and the budget totals. Each is given as a multiple of a baseline on the same data: one
 * JSON.stringify of each round and a string compare, the cheapest way to tell whether two rounds differ.
 * The median of three passes is used, as other work may share the machine.
 * Run: npx nx run bench:plan-core
 */
import { cpus, loadavg, totalmem } from 'node:os';
import { SUB_TASK_FORCE_KINDS } from '@gugus/contracts';
import { compilePlanVersion, diffPlanVersions, planBudget, type PlanSection, type PlanVersionContent } from '@gugus/plan';
import { generator, planActivity, revisedActivity } from './support/plan-data';

const SECTIONS = SUB_TASK_FORCE_KINDS.length;
const ACTIVITIES_PER_SECTION = 80;
const DURATION_MS = 1000;
const PASSES = 3;

const agency = (n: number) => `3f1c2a4e-7b21-4d0a-9e55-${(0x1a2b3c4d5e00 + n).toString(16)}`;
const activity = (code: string, random: () => number) => planActivity(code, random, agency);

function round1(): PlanSection[] {
  const random = generator(2026);
  return SUB_TASK_FORCE_KINDS.map((kind, s) => ({
    subTaskForce: kind,
    answers: { subTaskForce: kind, leadAgencyId: agency(s), problemStatement: `Rumusan masalah bagian ${s + 1}.`, problemAnalysis: 'Analisis penyebab dan kesenjangan layanan. '.repeat(20) },
    activities: Array.from({ length: ACTIVITIES_PER_SECTION }, (_, i) => ({ activityId: `a-${s + 1}-${i + 1}`, answers: activity(`${s + 1}.${i + 1}`, random) })),
  }));
}

/** Round 2: of every 10 activities, one is changed, removed or replaced by a new one (~10% in all). */
function round2(previous: PlanSection[]): PlanSection[] {
  const random = generator(2027);
  return previous.map((section, s) => {
    const activities = section.activities.flatMap((a, i) => {
      if (i % 10 !== 3) return [a];
      const turn = Math.floor(i / 10) % 3;
      if (turn === 0) return [{ activityId: a.activityId, answers: revisedActivity(a.answers) }];
      if (turn === 1) return [];
      return [{ activityId: `b-${s + 1}-${i + 1}`, answers: activity(`${s + 1}.${100 + i}`, random) }];
    });
    return { ...section, answers: s === 0 ? { ...section.answers, problemStatement: 'Rumusan masalah yang diperbaiki.' } : section.answers, activities };
  });
}

function opsPerSecond(work: () => unknown): number {
  for (let i = 0; i < 20; i++) work(); // warm-up
  let ops = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(DURATION_MS) * 1_000_000n;
  while (process.hrtime.bigint() < deadline) {
    for (let i = 0; i < 5; i++) work();
    ops += 5;
  }
  return ops / (Number(process.hrtime.bigint() - start) / 1e9);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function compiled(sections: PlanSection[]): PlanVersionContent {
  const result = compilePlanVersion(sections, SUB_TASK_FORCE_KINDS);
  if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 3)));
  return result.value;
}

function main(): void {
  const first = round1();
  const second = round2(first);
  const v1 = compiled(first);
  const v2 = compiled(second);
  const diff = diffPlanVersions(v1, v2);
  const budget = planBudget(v2);
  if (!budget.ok) throw new Error('the generated plan has a budget');

  const operations: [string, () => unknown][] = [
    ['baseline: JSON.stringify both rounds, compare', () => JSON.stringify(v1) === JSON.stringify(v2)],
    ['compilePlanVersion (round 2, copy + freeze + checks)', () => compilePlanVersion(second, SUB_TASK_FORCE_KINDS)],
    ['diffPlanVersions (round 1 → round 2)', () => diffPlanVersions(v1, v2)],
    ['planBudget (round 2)', () => planBudget(v2)],
  ];
  const runs = operations.map(() => [] as number[]);
  for (let pass = 0; pass < PASSES; pass++) operations.forEach(([, work], i) => runs[i]?.push(opsPerSecond(work)));
  const rates = runs.map(median);
  const baseline = rates[0] as number;

  const count = v2.sections.reduce((n, s) => n + s.activities.length, 0);
  const out: string[] = [];
  out.push(`machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, node ${process.version}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  out.push(`plan: ${SECTIONS} sections × ${ACTIVITIES_PER_SECTION} activities (round 2: ${count}), 3 budget lines each, ${(JSON.stringify(v2).length / 1024).toFixed(0)} KiB of JSON`);
  out.push(
    `round 1 → 2: ${diff.activitiesChanged.length} changed, ${diff.activitiesAdded.length} added, ${diff.activitiesRemoved.length} removed, ${diff.sectionChanges.length} section changed; plan total Rp ${budget.value.total.toLocaleString('id-ID')}`,
  );
  out.push(`${'operation'.padEnd(54)} ${'ops/s'.padStart(8)} ${'ms/op'.padStart(8)}   × baseline`);
  operations.forEach(([label], i) => {
    const rate = rates[i] as number;
    out.push(`${label.padEnd(54)} ${rate.toFixed(0).padStart(8)} ${(1000 / rate).toFixed(2).padStart(8)}   ${(baseline / rate).toFixed(2)}`);
  });
  out.push(`(ops/s per pass: ${runs.map((r) => r.map((x) => x.toFixed(0)).join('/')).join(', ')})`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main();
