import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { HOLIDAY_KINDS, type HolidayKind, type HolidayView } from '@gugus/contracts';
import { usePutHoliday } from '@gugus/web-data-access';
import { Alert, Button, Card, SelectField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';

export interface HolidayFormProps {
  /** The day being changed; undefined to add one. */
  editing?: HolidayView;
  /** A date to start a new entry on (the year shown). */
  defaultDate: string;
  onSaved: (holiday: HolidayView) => void;
  onCancel: () => void;
}

type Draft = { date: string; kind: HolidayKind; nameId: string; nameEn: string; source: string };

/** Adds a day to the calendar or changes one (system administrator). */
export function HolidayForm({ editing, defaultDate, onSaved, onCancel }: HolidayFormProps) {
  const { t } = useTranslation('processSettings');
  const headingId = useId();
  const [draft, setDraft] = useState<Draft>(() => editing ?? { date: defaultDate, kind: 'national_holiday', nameId: '', nameEn: '', source: '' });
  const [missing, setMissing] = useState<Set<keyof Draft>>(new Set());
  const put = usePutHoliday();
  const set = (field: keyof Draft, value: string) => setDraft({ ...draft, [field]: value });
  const errorAt = (field: keyof Draft) => (missing.has(field) ? t('calendar.form.required') : put.fieldErrors[field]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const empty = new Set((['date', 'nameId', 'nameEn'] as const).filter((f) => !draft[f].trim()));
    setMissing(empty);
    if (empty.size) return;
    const saved = await put.submit({ date: draft.date, kind: draft.kind, nameId: draft.nameId, nameEn: draft.nameEn, source: draft.source || undefined });
    if (saved) onSaved(saved);
  };

  return (
    <Card aria-labelledby={headingId}>
      <form className="gu-ps__form" onSubmit={submit} noValidate data-testid="holiday-form">
        <h2 id={headingId} className="gu-ps__section-title">
          {editing ? t('calendar.form.editTitle', { date: editing.date }) : t('calendar.form.addTitle')}
        </h2>
        <TextField label={t('calendar.form.date')} type="date" required value={draft.date} disabled={!!editing} error={errorAt('date')} onChange={(e) => set('date', e.target.value)} data-testid="holiday-date" />
        <SelectField label={t('calendar.form.kind')} value={draft.kind} error={errorAt('kind')} onChange={(e) => set('kind', e.target.value)} data-testid="holiday-kind">
          {HOLIDAY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`calendar.kinds.${k}`)}
            </option>
          ))}
        </SelectField>
        <TextField label={t('calendar.form.nameId')} required maxLength={200} value={draft.nameId} error={errorAt('nameId')} onChange={(e) => set('nameId', e.target.value)} data-testid="holiday-name-id" />
        <TextField label={t('calendar.form.nameEn')} required maxLength={200} value={draft.nameEn} error={errorAt('nameEn')} onChange={(e) => set('nameEn', e.target.value)} data-testid="holiday-name-en" />
        <TextField label={t('calendar.form.source')} hint={t('calendar.form.sourceHint')} maxLength={500} value={draft.source} error={errorAt('source')} onChange={(e) => set('source', e.target.value)} />
        {put.error && !Object.keys(put.fieldErrors).length && <ApiErrorAlert error={put.error} />}
        {put.error && Object.keys(put.fieldErrors).length > 0 && <Alert tone="error">{put.error.message}</Alert>}
        <div className="gu-ps__actions">
          <Button type="submit" disabled={put.isSubmitting} data-testid="holiday-save">
            {t('calendar.form.save')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('calendar.form.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
