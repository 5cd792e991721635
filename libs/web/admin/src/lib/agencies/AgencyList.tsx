import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AgencyView } from '@gugus/contracts';
import { Tag } from '@gugus/web-ui';
import { adminPaths } from '../shared/paths';
import { useOrgLabels } from '../shared/useOrgLabels';

/** Agencies with their kind and Sub-TF memberships; each opens its page. */
export function AgencyList({ agencies }: { agencies: readonly AgencyView[] }) {
  const { t } = useTranslation('admin');
  const labels = useOrgLabels();
  if (agencies.length === 0) return <p className="gu-muted">{t('agencies.empty')}</p>;
  return (
    <ul className="gu-rows" data-testid="agency-list">
      {[...agencies]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((agency) => (
          <li key={agency.id} className="gu-rows__item" data-testid="agency-row">
            <Link className="gu-rows__title" to={adminPaths.agency(agency.id)}>
              {agency.name}
            </Link>
            {!agency.active && <Tag tone="accent">{t('agency.inactive')}</Tag>}
            <span className="gu-rows__meta">{labels.agencyKind(agency.kind)}</span>
            {agency.subTaskForceKinds.length > 0 && (
              <span className="gu-rows__tags" aria-label={t('agencies.subTaskForces')}>
                {agency.subTaskForceKinds.map((kind) => (
                  <Tag key={kind}>{labels.subTaskForce(kind)}</Tag>
                ))}
              </span>
            )}
          </li>
        ))}
    </ul>
  );
}
