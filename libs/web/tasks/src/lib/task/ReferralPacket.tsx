import { useTranslation } from 'react-i18next';
import type { CaseReadPurpose } from '@gugus/contracts';
import { useReferralPacket } from '@gugus/web-data-access';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { Alert, Tag } from '@gugus/web-ui';

/**
 * A referral's packet as the receiving agency (or the case team) reads it: the referral's terms, the
 * shared answers by form, what the service needs that consent does not cover (held back, and why), and a
 * withdrawal clearly marked with its date. The API builds it from today's consent at each read and
 * audits the read with `purpose`.
 */
export function ReferralPacket({ code, number, purpose = 'referral_follow_up' }: { code: string; number: number; purpose?: CaseReadPurpose }) {
  const { t } = useTranslation('tasks');
  const { language } = useLanguage();
  const packet = useReferralPacket(code, number, purpose);
  if (packet.isLoading && !packet.data) return <p className="gu-muted">{t('task.packet.loading')}</p>;
  if (packet.error || !packet.data) return <p className="gu-muted" data-testid="packet-unavailable">{t('task.packet.unavailable')}</p>;
  const p = packet.data;
  return (
    <section className="gu-tasks__packet" data-testid="referral-packet" aria-label={t('task.packet.title', { number })}>
      <h3 className="gu-tasks__packet-title">{t('task.packet.title', { number })}</h3>
      <p className="gu-muted">
        {p.referral.receivingAgency.name} · {t(`task.packet.status.${p.referral.status}`)}
        {p.urgency ? ` · ${t('task.packet.urgency')}: ${p.urgencyLabel?.[language] ?? p.urgency}` : ''}
        {p.requestedStartDate ? ` · ${t('task.packet.start')}: ${formatDate(p.requestedStartDate, language)}` : ''}
      </p>
      {p.consent.status === 'withdrawn' && (
        <Alert tone="error" data-testid="packet-withdrawn">
          {t('task.packet.withdrawn', { date: p.consent.withdrawnOn ? formatDate(p.consent.withdrawnOn, language) : '' })}
        </Alert>
      )}
      {/* Under a grant the withheld line below says it; otherwise the notice says why nothing is shared. */}
      {p.notice && p.consent.status !== 'withdrawn' && p.consent.status !== 'granted' && (
        <Alert tone="info" data-testid="packet-notice">
          {p.notice[language]}
        </Alert>
      )}
      {p.categories.length > 0 && (
        <p data-testid="packet-categories">
          {t('task.packet.shared')}{' '}
          {p.categories.map((c) => (
            <Tag key={c} tone="primary">
              {p.categoryLabels[c]?.[language] ?? c}
            </Tag>
          ))}
        </p>
      )}
      {p.withheld.length > 0 && (
        <p className="gu-muted" data-testid="packet-withheld">
          {t('task.packet.withheld')} {p.withheld.map((c) => p.categoryLabels[c]?.[language] ?? c).join(', ')}
        </p>
      )}
      {p.documents.map((d) => (
        <div key={d.formKey} className="gu-tasks__packet-doc" data-testid="packet-document" data-form={d.formKey}>
          <h4>{d.title[language]}</h4>
          <dl className="gu-tasks__facts">
            {d.fields.map((f) => (
              <div key={f.pointer} data-testid="packet-field" data-pointer={f.pointer}>
                <dt>{f.label[language]}</dt>
                <dd>{f.valueLabel ? f.valueLabel[language] : typeof f.value === 'boolean' ? t(f.value ? 'task.packet.yes' : 'task.packet.no') : String(f.value ?? '')}</dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      {!p.documents.length && <p className="gu-muted" data-testid="packet-empty">{t('task.packet.empty')}</p>}
    </section>
  );
}
