import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { PositionView } from '@gugus/contracts';
import { Tag } from '@gugus/web-ui';
import { adminPaths } from '../shared/paths';
import { useOrgLabels } from '../shared/useOrgLabels';

/** Positions of an agency: title, roles and current holder; each opens the position page. */
export function PositionList({ positions }: { positions: readonly PositionView[] }) {
  const { t } = useTranslation('admin');
  const labels = useOrgLabels();
  if (positions.length === 0) return <p className="gu-muted">{t('agency.positionsEmpty')}</p>;
  return (
    <ul className="gu-rows" data-testid="position-list">
      {positions.map((position) => (
        <li key={position.id} className="gu-rows__item" data-testid="position-row">
          <Link className="gu-rows__title" to={adminPaths.position(position.id)}>
            {position.title}
          </Link>
          {!position.active && <Tag tone="accent">{t('agency.inactive')}</Tag>}
          <span className="gu-rows__meta">
            {t('agency.holder')}: {position.holder?.fullName ?? t('agency.vacant')}
          </span>
          <span className="gu-rows__tags" aria-label={t('agency.roles')}>
            {position.roles.map((role) => (
              <Tag key={role} tone="primary">
                {labels.role(role)}
              </Tag>
            ))}
          </span>
        </li>
      ))}
    </ul>
  );
}
