import type { CasePlanLabels } from '@gugus/contracts';
import { optionLabels } from '@gugus/forms';

const labelsOf = (key: string) => Object.fromEntries(optionLabels(key));

/** The labels of the plan's and the directory's codes, from the national option lists (read once). */
export const CASE_PLAN_LABELS: CasePlanLabels = {
  services: labelsOf('services'),
  fundingSources: labelsOf('budget-sources'),
  statuses: labelsOf('case-plan-statuses'),
  horizons: labelsOf('case-plan-horizons'),
  targetGroups: labelsOf('service-target-groups'),
};
