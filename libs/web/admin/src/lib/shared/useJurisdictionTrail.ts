import { useTranslation } from 'react-i18next';
import type { JurisdictionView } from '@gugus/contracts';
import { useJurisdiction } from '@gugus/web-data-access';
import type { Crumb } from '@gugus/web-ui';
import { adminPaths } from './paths';

/**
 * Breadcrumbs from the jurisdictions list down to `jurisdiction` (its province first for a regency),
 * every level a link. Callers append their own page.
 */
export function useJurisdictionTrail(jurisdiction: JurisdictionView | undefined): Crumb[] {
  const { t } = useTranslation('admin');
  const parentCode = jurisdiction?.level === 'regency' ? (jurisdiction.parentCode ?? undefined) : undefined;
  const { data: parent } = useJurisdiction(parentCode);
  const trail: Crumb[] = [{ label: t('jurisdictions.root'), to: adminPaths.jurisdictions }];
  if (parent) trail.push({ label: parent.name, to: adminPaths.jurisdiction(parent.code) });
  if (jurisdiction) trail.push({ label: jurisdiction.name, to: adminPaths.jurisdiction(jurisdiction.code) });
  return trail;
}
