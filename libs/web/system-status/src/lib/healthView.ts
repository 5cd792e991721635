import type { ComponentHealth, HealthReport } from '@gugus/contracts';
import type { BadgeStatus } from '@gugus/web-ui';

export type OverallState = 'loading' | 'up' | 'down' | 'unreachable';
export type ComponentName = keyof HealthReport['components'];

/** Display order of the components on the page. */
export const COMPONENT_NAMES: readonly ComponentName[] = ['database', 'temporal'];

/**
 * What the page says overall. A failed refresh wins over an older report: showing "up" from a
 * report the page can no longer confirm would be misleading.
 */
export function overallState(report: HealthReport | undefined, failed: boolean): OverallState {
  if (failed) return 'unreachable';
  if (!report) return 'loading';
  return report.status;
}

export function componentBadge(component: ComponentHealth | undefined, overall: OverallState): BadgeStatus {
  if (overall === 'loading') return 'pending';
  if (overall === 'unreachable' || !component) return 'unknown';
  return component.status;
}
