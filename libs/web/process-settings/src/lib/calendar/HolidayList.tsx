import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HolidayView } from '@gugus/contracts';
import { formatDate, LOCALES, useLanguage } from '@gugus/web-i18n';
import { Button, Tag } from '@gugus/web-ui';

export interface HolidayListProps {
  holidays: readonly HolidayView[];
  /** Given to the system administrator: change and remove buttons per day. */
  onEdit?: (holiday: HolidayView) => void;
  onRemove?: (holiday: HolidayView) => void;
  /** A removal is on its way. */
  busy?: boolean;
}

const weekdayOf = (date: string, locale: string) => new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
const isWeekend = (date: string) => [0, 6].includes(new Date(`${date}T00:00:00Z`).getUTCDay());

/** One row per non-working day: date and weekday, name, kind, legal basis. */
export function HolidayList({ holidays, onEdit, onRemove, busy }: HolidayListProps) {
  const { t } = useTranslation('processSettings');
  const { language } = useLanguage();
  const [confirming, setConfirming] = useState<string | undefined>();
  return (
    <ol className="gu-ps__rows" data-testid="holiday-list">
      {holidays.map((h) => (
        <li key={h.date} className="gu-ps__row" data-testid="holiday-row" data-date={h.date}>
          <div className="gu-ps__row-head">
            <span className="gu-ps__row-title">
              {weekdayOf(h.date, LOCALES[language])}, {formatDate(h.date, language)}
            </span>
            <Tag tone={h.kind === 'cuti_bersama' ? 'accent' : 'primary'}>{t(`calendar.kinds.${h.kind}`)}</Tag>
            {isWeekend(h.date) && <Tag>{t('calendar.weekend')}</Tag>}
          </div>
          <p>{language === 'id' ? h.nameId : h.nameEn}</p>
          {h.source && <p className="gu-ps__small">{h.source}</p>}
          {onEdit && onRemove && (
            <div className="gu-ps__row-actions">
              <Button variant="secondary" onClick={() => onEdit(h)}>
                {t('calendar.edit')}
              </Button>
              {confirming === h.date ? (
                <Button onClick={() => onRemove(h)} disabled={busy} data-testid="holiday-confirm-remove">
                  {t('calendar.confirmRemove', { date: formatDate(h.date, language) })}
                </Button>
              ) : (
                <Button variant="secondary" onClick={() => setConfirming(h.date)} data-testid="holiday-remove">
                  {t('calendar.remove')}
                </Button>
              )}
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
