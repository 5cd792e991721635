import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useCancelMeeting, useRescheduleMeeting, type MeetingView } from '@gugus/web-data-access';
import { formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, TextAreaField, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { wibInstant } from '../wib';

const WIB = 7 * 3600_000;
const wibParts = (iso: string) => {
  const local = new Date(Date.parse(iso) + WIB).toISOString();
  return { date: local.slice(0, 10), time: local.slice(11, 16) };
};

/** Who cancelled it, when and why; or the latest move. Read by everyone who sees the meeting. */
export function MeetingChangeNotice({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation('meetings');
  const { language } = useLanguage();
  const when = (iso: string) => formatDateTime(iso, language, { seconds: false });
  const c = meeting.cancellation;
  if (meeting.status === 'cancelled') {
    return (
      <div className="gu-meetings__change-notice">
        <Alert tone="info" title={t('meeting.cancelled')} data-testid="meeting-cancellation">
          {c && (
            <>
              <p>{t('meeting.cancelledBy', { who: c.by?.name ?? t('meeting.someone'), when: when(c.at) })}</p>
              <p data-testid="meeting-cancellation-reason">{t('meeting.cancelledReason', { reason: c.reason })}</p>
            </>
          )}
          {meeting.kind === 'plenary' && <p>{t('meeting.plenaryStillDue')}</p>}
        </Alert>
      </div>
    );
  }
  const move = meeting.lastMove;
  if (!move) return null;
  return (
    <p className="gu-meetings__muted gu-meetings__change-notice" data-testid="meeting-last-move">
      {t('meeting.moved', { who: move.by?.name ?? t('meeting.someone'), when: when(move.at), from: move.from ? when(move.from) : '—' })}
      {move.reason && <> {t('meeting.movedReason', { reason: move.reason })}</>}
    </p>
  );
}

type Mode = 'none' | 'reschedule' | 'cancel';

/** The secretariat's two changes to a meeting not yet held: move it, or call it off with a reason. */
export function MeetingChangeActions({ meeting, onChanged }: { meeting: MeetingView; onChanged: () => void }) {
  const { t } = useTranslation('meetings');
  const [mode, setMode] = useState<Mode>('none');
  const done = () => {
    setMode('none');
    onChanged();
  };
  if (mode === 'reschedule') return <RescheduleForm meeting={meeting} onDone={done} onBack={() => setMode('none')} />;
  if (mode === 'cancel') return <CancelForm meeting={meeting} onDone={done} onBack={() => setMode('none')} />;
  return (
    <div className="gu-meetings__actions gu-meetings__change" data-testid="meeting-change-actions">
      <Button variant="secondary" onClick={() => setMode('reschedule')} data-testid="meeting-reschedule-open">
        {t('meeting.change.reschedule')}
      </Button>
      <Button variant="secondary" onClick={() => setMode('cancel')} data-testid="meeting-cancel-open">
        {t('meeting.change.cancel')}
      </Button>
    </div>
  );
}

interface FormProps {
  meeting: MeetingView;
  onDone: () => void;
  onBack: () => void;
}

function RescheduleForm({ meeting, onDone, onBack }: FormProps) {
  const { t } = useTranslation('meetings');
  const reschedule = useRescheduleMeeting();
  const current = wibParts(meeting.scheduledAt);
  const [date, setDate] = useState(current.date);
  const [time, setTime] = useState(current.time);
  const [venue, setVenue] = useState('');
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState<Record<string, boolean>>({});
  const server = reschedule.fieldErrors;
  const required = t('meeting.change.required');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const scheduledAt = wibInstant(date, time);
    const gaps = { date: !date, time: !time || !scheduledAt };
    setMissing(gaps);
    if (gaps.date || gaps.time || !scheduledAt) return;
    const saved = await reschedule.submit({ id: meeting.id, scheduledAt, venue: venue.trim() || undefined, reason: reason.trim() || undefined });
    if (saved) onDone();
  };

  return (
    <Card data-testid="meeting-reschedule">
      <h2 className="gu-meetings__section-title">{t('meeting.change.rescheduleTitle')}</h2>
      <p className="gu-meetings__muted">{t('meeting.change.rescheduleIntro')}</p>
      <form className="gu-meetings__form" onSubmit={(e) => void submit(e)} noValidate>
        <div className="gu-meetings__grid">
          <TextField label={t('meeting.change.date')} type="date" value={date} required onChange={(e) => setDate(e.target.value)} error={missing['date'] ? required : server['scheduledAt']} />
          <TextField label={t('meeting.change.time')} type="time" value={time} required onChange={(e) => setTime(e.target.value)} error={missing['time'] ? required : undefined} />
          <TextField label={t('meeting.change.venue')} hint={t('meeting.change.venueHint')} value={venue} maxLength={200} onChange={(e) => setVenue(e.target.value)} error={server['venue']} />
          <TextField label={t('meeting.change.reason')} value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} error={server['reason']} />
        </div>
        {reschedule.error && !Object.keys(server).some((f) => ['scheduledAt', 'venue', 'reason'].includes(f)) && <ApiErrorAlert error={reschedule.error} title={t('meeting.change.failed')} />}
        <FormActions busy={reschedule.isSubmitting} label={reschedule.isSubmitting ? t('meeting.change.saving') : t('meeting.change.save')} testId="meeting-reschedule-submit" onBack={onBack} />
      </form>
    </Card>
  );
}

function CancelForm({ meeting, onDone, onBack }: FormProps) {
  const { t } = useTranslation('meetings');
  const cancel = useCancelMeeting();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const server = cancel.fieldErrors;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setMissing(!reason.trim());
    if (!reason.trim()) return;
    const saved = await cancel.submit({ id: meeting.id, reason: reason.trim() });
    if (saved) onDone();
  };

  return (
    <Card data-testid="meeting-cancel">
      <h2 className="gu-meetings__section-title">{t('meeting.change.cancelTitle')}</h2>
      <p className="gu-meetings__muted">{t('meeting.change.cancelIntro')}</p>
      {meeting.kind === 'plenary' && <p className="gu-meetings__muted">{t('meeting.plenaryStillDue')}</p>}
      <form className="gu-meetings__form" onSubmit={(e) => void submit(e)} noValidate>
        <TextAreaField
          label={t('meeting.change.cancelReason')}
          value={reason}
          required
          maxLength={1000}
          rows={3}
          onChange={(e) => setReason(e.target.value)}
          error={missing ? t('meeting.change.required') : server['reason']}
        />
        {cancel.error && !server['reason'] && <ApiErrorAlert error={cancel.error} title={t('meeting.change.failed')} />}
        <FormActions busy={cancel.isSubmitting} label={cancel.isSubmitting ? t('meeting.change.cancelling') : t('meeting.change.confirmCancel')} testId="meeting-cancel-submit" onBack={onBack} />
      </form>
    </Card>
  );
}

/** Submit (disabled while sending) and back. */
function FormActions({ busy, label, testId, onBack }: { busy: boolean; label: string; testId: string; onBack: () => void }) {
  const { t } = useTranslation('meetings');
  return (
    <div className="gu-meetings__actions">
      <Button type="submit" disabled={busy} data-testid={testId}>
        {label}
      </Button>
      <Button variant="secondary" onClick={onBack}>
        {t('meeting.change.back')}
      </Button>
    </div>
  );
}
