import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { HolidayView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useHolidays, useRemoveHoliday } from '@gugus/web-data-access';
import { formatDate, jakartaToday, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, EmptyState, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { canManageHolidays } from '../grants';
import { HolidayForm } from './HolidayForm';
import { HolidayList } from './HolidayList';
import '../ProcessSettings.css';

/** `/kalender-kerja?tahun=2026`: the national holidays and cuti bersama of a year; the system administrator keeps them. */
export function WorkingCalendarPage() {
  const { t } = useTranslation('processSettings');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const headingId = useId();
  const [params, setParams] = useSearchParams();
  const asked = Number(params.get('tahun'));
  const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : Number(jakartaToday().slice(0, 4));
  const holidays = useHolidays(year);
  const remove = useRemoveHoliday();
  const mayManage = me ? canManageHolidays(me.grants) : false;
  const [form, setForm] = useState<{ editing?: HolidayView } | undefined>();
  const [notice, setNotice] = useState<string | undefined>();

  const goTo = (next: number) => {
    setForm(undefined);
    setNotice(undefined);
    setParams({ tahun: String(next) }, { replace: true });
  };
  const saved = (h: HolidayView) => {
    setForm(undefined);
    setNotice(t('calendar.form.saved', { date: formatDate(h.date, language) }));
    if (h.date.startsWith(String(year))) holidays.reload();
    else goTo(Number(h.date.slice(0, 4)));
  };
  const removeDay = async (h: HolidayView) => {
    if (await remove.submit(h.date)) {
      setNotice(t('calendar.removed', { date: formatDate(h.date, language) }));
      holidays.reload();
    }
  };

  const days = holidays.data ?? [];
  const count = (kind: HolidayView['kind']) => days.filter((d) => d.kind === kind).length;
  return (
    <div className="gu-ps" data-testid="working-calendar-page">
      <PageHeader title={t('calendar.title')} intro={t('calendar.intro')} />
      {!mayManage && <p className="gu-ps__muted">{t('calendar.readOnly')}</p>}
      {notice && (
        <Alert tone="success" data-testid="calendar-notice">
          {notice}
        </Alert>
      )}
      {remove.error && <ApiErrorAlert error={remove.error} />}
      <div className={mayManage ? 'gu-ps__columns' : undefined}>
        <Card aria-labelledby={headingId}>
          <div className="gu-ps__year">
            <Button variant="secondary" onClick={() => goTo(year - 1)} aria-label={t('calendar.previousYear')} data-testid="year-previous">
              ‹ {year - 1}
            </Button>
            <h2 id={headingId} className="gu-ps__year-value" data-testid="calendar-year">
              {year}
            </h2>
            <Button variant="secondary" onClick={() => goTo(year + 1)} aria-label={t('calendar.nextYear')} data-testid="year-next">
              {year + 1} ›
            </Button>
          </div>
          {holidays.isLoading && !holidays.data && <Loading label={tc('loading')} />}
          {holidays.error && <ApiErrorAlert error={holidays.error} />}
          {holidays.data && days.length === 0 && <EmptyState title={t('calendar.emptyTitle')} message={t('calendar.empty', { year })} />}
          {days.length > 0 && (
            <>
              <p className="gu-ps__muted" data-testid="calendar-summary">
                {t('calendar.summary', { holidays: count('national_holiday'), leave: count('cuti_bersama') })}
              </p>
              <HolidayList holidays={days} onEdit={mayManage ? (h) => setForm({ editing: h }) : undefined} onRemove={mayManage ? removeDay : undefined} busy={remove.isSubmitting} />
            </>
          )}
        </Card>
        {mayManage && (
          <div className="gu-ps__form">
            {form ? (
              <HolidayForm key={form.editing?.date ?? 'new'} editing={form.editing} defaultDate={`${year}-01-01`} onSaved={saved} onCancel={() => setForm(undefined)} />
            ) : (
              <Button onClick={() => setForm({})} data-testid="holiday-add">
                {t('calendar.form.addTitle')}
              </Button>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
