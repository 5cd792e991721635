import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DelegationView } from '@gugus/contracts';
import { formatDate, jakartaToday, useLanguage } from '@gugus/web-i18n';
import { Card, Tag } from '@gugus/web-ui';

type Phase = 'active' | 'upcoming' | 'ended';

function phaseOf(delegation: DelegationView, today: string): Phase {
  if (delegation.endsOn < today) return 'ended';
  return delegation.startsOn > today ? 'upcoming' : 'active';
}

/** Acting officials (Plt.) of the position with their periods; the rights apply only within them. */
export function DelegationList({ delegations }: { delegations: readonly DelegationView[] }) {
  const { t } = useTranslation('admin');
  const { language } = useLanguage();
  const headingId = useId();
  const today = jakartaToday();
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId} className="gu-admin__section-title">
        {t('position.delegations.heading')}
      </h2>
      <p className="gu-muted">{t('position.delegations.intro')}</p>
      {delegations.length === 0 ? (
        <p className="gu-muted gu-delegations__empty">{t('position.delegations.empty')}</p>
      ) : (
        <ul className="gu-rows gu-delegations" data-testid="delegations">
          {delegations.map((d) => {
            const phase = phaseOf(d, today);
            return (
              <li key={d.id} className="gu-rows__item" data-testid="delegation" data-phase={phase}>
                <span className="gu-rows__title">
                  {d.delegateName} <Tag tone={phase === 'active' ? 'accent' : 'neutral'}>{t(`position.delegations.${phase}`)}</Tag>
                </span>
                <span className="gu-rows__meta">
                  {t('position.delegations.period', { from: formatDate(d.startsOn, language), to: formatDate(d.endsOn, language) })}
                </span>
                {d.reason && (
                  <span className="gu-rows__meta">
                    {t('position.delegations.reason')}: {d.reason}
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </Card>
  );
}
