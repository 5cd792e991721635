import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useScheduleMeeting, useTaskForce, type MeetingKind, type MeetingView } from '@gugus/web-data-access';
import { Button, Card, SelectField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { wibInstant } from '../wib';

export interface ScheduleMeetingFormProps {
  jurisdictionCode: string;
  onScheduled: (meeting: MeetingView) => void;
  onCancel: () => void;
}

const KINDS: MeetingKind[] = ['plenary', 'sub_tf', 'special'];

/** Kind, date and WIB time, optional title and venue → POST /meetings; the API's field errors show at their fields. */
export function ScheduleMeetingForm({ jurisdictionCode, onScheduled, onCancel }: ScheduleMeetingFormProps) {
  const { t } = useTranslation('meetings');
  const { t: to } = useTranslation('orgs');
  const schedule = useScheduleMeeting();
  const taskForce = useTaskForce(jurisdictionCode);
  const [kind, setKind] = useState<MeetingKind>('plenary');
  const [subTaskForceId, setSubTaskForceId] = useState('');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [title, setTitle] = useState('');
  const [venue, setVenue] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const server = schedule.fieldErrors;
  const required = t('schedule.required');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scheduledAt = wibInstant(date, time);
    const gaps = { date: !date, time: !time || !scheduledAt, subTaskForceId: kind === 'sub_tf' && !subTaskForceId };
    setMissing(gaps);
    if (Object.values(gaps).some(Boolean) || !scheduledAt) return;
    const meeting = await schedule.submit({
      jurisdictionCode,
      kind,
      scheduledAt,
      title: title.trim() || undefined,
      venue: venue.trim() || undefined,
      subTaskForceId: kind === 'sub_tf' ? subTaskForceId : undefined,
    });
    if (meeting) onScheduled(meeting);
  };

  return (
    <Card data-testid="schedule-meeting">
      <h2 className="gu-meetings__section-title">{t('schedule.title')}</h2>
      <p className="gu-meetings__muted">{t('schedule.intro')}</p>
      <form className="gu-meetings__form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="gu-meetings__grid">
          <SelectField label={t('schedule.kind')} value={kind} required onChange={(e) => setKind(e.target.value as MeetingKind)} error={server['kind']}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </SelectField>
          {kind === 'sub_tf' && (
            <SelectField
              label={t('schedule.subTaskForce')}
              value={subTaskForceId}
              required
              onChange={(e) => setSubTaskForceId(e.target.value)}
              error={missing['subTaskForceId'] ? required : server['subTaskForceId']}
            >
              <option value="">{t('schedule.choose')}</option>
              {taskForce.data?.subTaskForces.map((s) => (
                <option key={s.id} value={s.id}>
                  {to(`subTaskForces.${s.kind}`)}
                </option>
              ))}
            </SelectField>
          )}
          <TextField label={t('schedule.date')} type="date" value={date} required onChange={(e) => setDate(e.target.value)} error={missing['date'] ? required : server['scheduledAt']} />
          <TextField label={t('schedule.time')} hint={t('schedule.timeHint')} type="time" value={time} required onChange={(e) => setTime(e.target.value)} error={missing['time'] ? required : undefined} />
          <TextField label={t('schedule.meetingTitle')} hint={t('schedule.meetingTitleHint')} value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} error={server['title']} />
          <TextField label={t('schedule.venue')} value={venue} maxLength={200} onChange={(e) => setVenue(e.target.value)} error={server['venue']} />
        </div>
        {schedule.error && !Object.keys(server).some((f) => ['kind', 'subTaskForceId', 'scheduledAt', 'title', 'venue'].includes(f)) && (
          <ApiErrorAlert error={schedule.error} title={t('schedule.failed')} />
        )}
        <div className="gu-meetings__actions">
          <Button type="submit" disabled={schedule.isSubmitting} data-testid="schedule-submit">
            {schedule.isSubmitting ? t('schedule.submitting') : t('schedule.submit')}
          </Button>
          <Button variant="secondary" onClick={onCancel}>
            {t('schedule.cancel')}
          </Button>
        </div>
      </form>
    </Card>
  );
}
