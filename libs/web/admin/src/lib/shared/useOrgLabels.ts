import { useTranslation } from 'react-i18next';
import type { AgencyKind, JurisdictionLevel, Role, SubTaskForceKind } from '@gugus/contracts';

export interface OrgLabels {
  role: (role: Role) => string;
  agencyKind: (kind: AgencyKind) => string;
  subTaskForce: (kind: SubTaskForceKind) => string;
  level: (level: JurisdictionLevel) => string;
}

/** Words for the organisations vocabulary in the current language. */
export function useOrgLabels(): OrgLabels {
  const { t } = useTranslation('orgs');
  return {
    role: (role) => t(`roles.${role}`),
    agencyKind: (kind) => t(`agencyKinds.${kind}`),
    subTaskForce: (kind) => t(`subTaskForces.${kind}`),
    level: (level) => t(`levels.${level}`),
  };
}
