import { subTaskForceName } from '@gugus/plan';
import type { SubTaskForceKind } from '@gugus/contracts';

/** A Sub-TF's part of a performance report (`annual-performance-report`, scope `sub_task_force`), as far as compiling reads it. */
interface ReportPart {
  subTaskForce: SubTaskForceKind;
  achievements?: { activityCode?: string; item: string; target: number; achieved: number; note?: string }[];
  budgetPlanned?: number;
  budgetRealised?: number;
  obstacles?: string;
  recommendations?: string;
  publicSummary?: string;
}

const MAX_ACHIEVEMENTS = 300;
const MAX_TEXT = 4000;
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const sum = (values: (number | undefined)[]) => (values.some((v) => typeof v === 'number') ? values.reduce<number>((a, v) => a + (typeof v === 'number' ? v : 0), 0) : undefined);

/**
 * The secretariat's compiled report starts from the Sub-TFs' parts (seed 000 L1297: reports are prepared by
 * the ATTF and its Sub-TFs): one contribution per part, every achievement, budgets summed, obstacles and
 * recommendations under each Sub-TF's name. The secretariat edits it before it goes to the steering chair.
 */
export function compiledReportPrefill(report: Record<string, unknown>, parts: Record<string, unknown>[]): Record<string, unknown> {
  const answered = (parts as unknown as ReportPart[]).filter((p) => Array.isArray(p.achievements) || p.obstacles || p.recommendations);
  const byName = (field: 'obstacles' | 'recommendations') =>
    clip(
      answered
        .filter((p) => p[field])
        .map((p) => `${subTaskForceName(p.subTaskForce).id}: ${p[field]}`)
        .join('\n'),
      MAX_TEXT,
    );
  const achievements = answered.flatMap((p) => p.achievements ?? []).slice(0, MAX_ACHIEVEMENTS);
  const out: Record<string, unknown> = {
    ...report,
    contributions: answered.map((p) => ({
      subTaskForce: p.subTaskForce,
      // The form asks for a summary: the part's own, else its achievements in one line.
      summary: clip(p.publicSummary ?? (p.achievements ?? []).map((a) => `${a.activityCode ? `${a.activityCode} ` : ''}${a.item}: ${a.achieved}/${a.target}`).join('; '), 3000) || '-',
      ...(typeof p.budgetRealised === 'number' ? { budgetRealised: p.budgetRealised } : {}),
    })),
  };
  if (achievements.length) out['achievements'] = achievements;
  const planned = sum(answered.map((p) => p.budgetPlanned));
  const realised = sum(answered.map((p) => p.budgetRealised));
  if (planned !== undefined) out['budgetPlanned'] = planned;
  if (realised !== undefined) out['budgetRealised'] = realised;
  const obstacles = byName('obstacles');
  const recommendations = byName('recommendations');
  if (obstacles) out['obstacles'] = obstacles;
  if (recommendations) out['recommendations'] = recommendations;
  return out;
}
