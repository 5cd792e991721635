import { useTranslation } from 'react-i18next';
import { formatNumber, useLanguage } from '@gugus/web-i18n';

/**
 * A figure of the inbox: as counted, or "1.000+" once it reached the server's count cap (a national scope
 * is not counted in full on each read) — with "more than 1,000" for screen readers and as a tooltip.
 */
export function InboxCount({ value, capped }: { value: number; capped: boolean }) {
  const { t } = useTranslation('tasks');
  const { language } = useLanguage();
  const n = formatNumber(value, language);
  if (!capped) return <>{n}</>;
  return (
    <span title={t('inbox.counts.moreThan', { n })}>
      {n}+<span className="gu-visually-hidden"> ({t('inbox.counts.moreThan', { n })})</span>
    </span>
  );
}
