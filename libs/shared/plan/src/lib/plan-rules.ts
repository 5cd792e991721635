import type { BilingualText, SubTaskForceKind } from '@gugus/contracts';
import type { PoaActivityAnswers } from './plan-types';

const yearOf = (quarter: unknown): number | null => (typeof quarter === 'string' && /^\d{4}-Q[1-4]$/.test(quarter) ? Number(quarter.slice(0, 4)) : null);

/** Does the activity's time-frame (start to end quarter) touch `year`? What a year's work plan and its progress tasks list. */
export function activeInYear(activity: Pick<PoaActivityAnswers, 'startQuarter' | 'endQuarter'>, year: number): boolean {
  const start = yearOf(activity.startQuarter);
  const end = yearOf(activity.endQuarter) ?? start;
  if (start === null || end === null) return true;
  return start <= year && year <= end;
}

/**
 * Agency kinds funded from the central budget (APBN): vertical institutions whose budgets the regional
 * budget calendar does not govern, so they skip integration into Renstra/Renja/RKA (seed 000 §4.8).
 */
const CENTRAL_BUDGET_KINDS: Readonly<Record<string, BilingualText>> = {
  police: { id: 'Kepolisian dibiayai APBN (instansi vertikal), tidak melalui Renja/RKA perangkat daerah.', en: 'The police are funded from the central budget (a vertical institution), not through regional Renja/RKA.' },
  prosecutor: { id: 'Kejaksaan dibiayai APBN (instansi vertikal).', en: "The prosecutor's office is funded from the central budget (a vertical institution)." },
  court: { id: 'Pengadilan dibiayai APBN (instansi vertikal).', en: 'Courts are funded from the central budget (a vertical institution).' },
  immigration: { id: 'Imigrasi dibiayai APBN (instansi vertikal).', en: 'Immigration is funded from the central budget (a vertical institution).' },
  migrant_worker_protection: { id: 'BP3MI dibiayai APBN (instansi vertikal).', en: 'The migrant worker protection agency is funded from the central budget (a vertical institution).' },
  ngo: { id: 'Lembaga masyarakat tidak menyusun Renja/RKA daerah.', en: 'Civil society organisations do not draw up regional Renja/RKA.' },
  faith_group: { id: 'Organisasi keagamaan tidak menyusun Renja/RKA daerah.', en: 'Faith groups do not draw up regional Renja/RKA.' },
  academia: { id: 'Perguruan tinggi tidak menyusun Renja/RKA daerah.', en: 'Universities do not draw up regional Renja/RKA.' },
  professional_association: { id: 'Organisasi profesi tidak menyusun Renja/RKA daerah.', en: 'Professional associations do not draw up regional Renja/RKA.' },
  private_sector: { id: 'Swasta tidak menyusun Renja/RKA daerah.', en: 'Private companies do not draw up regional Renja/RKA.' },
};

/** Why an agency of this kind skips budget integration, or null when it integrates. */
export function centralBudgetReason(agencyKind: string): BilingualText | null {
  return CENTRAL_BUDGET_KINDS[agencyKind] ?? null;
}

/** The anchor of a comment on a section: `/sections/<kind>`, optionally `/activities/<activityId>[/<field>]`. */
export function sectionAnchor(kind: SubTaskForceKind, activityId?: string, field?: string): string {
  return `/sections/${kind}${activityId ? `/activities/${activityId}` : ''}${field ? `/${field}` : ''}`;
}

/** The section a comment anchor points into; `all` for a comment on the whole plan (or a place that is not a section). */
export function commentAnchorSection(anchor: string, kinds: readonly SubTaskForceKind[]): SubTaskForceKind | 'all' {
  const match = /^\/sections\/([a-z_]+)(\/|$)/.exec(anchor);
  const kind = match?.[1] as SubTaskForceKind | undefined;
  return kind && kinds.includes(kind) ? kind : 'all';
}

/** The activity a comment anchor points at, if any. */
export function commentAnchorActivity(anchor: string): string | null {
  return /^\/sections\/[a-z_]+\/activities\/([^/]+)/.exec(anchor)?.[1] ?? null;
}
