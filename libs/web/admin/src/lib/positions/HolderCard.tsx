import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PositionView } from '@gugus/contracts';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { Card, Tag } from '@gugus/web-ui';
import { useOrgLabels } from '../shared/useOrgLabels';

/** Who holds the position now, since when, and the roles that come with it. */
export function HolderCard({ position }: { position: PositionView }) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const labels = useOrgLabels();
  const headingId = useId();
  const current = position.history.find((h) => h.endedAt === null && h.personId === position.holder?.id);
  return (
    <Card aria-labelledby={headingId} data-testid="holder">
      <h2 id={headingId} className="gu-admin__section-title">
        {t('position.holder')}
      </h2>
      {position.holder ? (
        <p className="gu-holder">
          <span className="gu-holder__name" data-testid="holder-name">
            {position.holder.fullName}
          </span>
          {current && <span className="gu-muted"> {t('position.since', { date: formatDate(current.startedAt, language) })}</span>}
        </p>
      ) : (
        <p className="gu-muted" data-testid="holder-name">
          {t('position.vacant')}
        </p>
      )}
      <div className="gu-rows__tags gu-holder__roles">
        {position.roles.map((role) => (
          <Tag key={role} tone="primary">
            {labels.role(role)}
          </Tag>
        ))}
        {position.representsAgency && <Tag>{t('position.representsAgency')}</Tag>}
      </div>
    </Card>
  );
}
