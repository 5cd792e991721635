import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useAuth } from '@gugus/web-auth';
import { useMeetingCalendar, type MeetingCalendarItem, type MeetingView } from '@gugus/web-data-access';
import { DISPLAY_TIME_ZONE, formatDateTime, LOCALES, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert, JurisdictionSelect } from '@gugus/web-shared';
import { canScheduleIn, mayReadMeetingsIn, meetingJurisdictions } from '../grants';
import { MeetingStatusTag, PointProgress } from '../MeetingBadges';
import { meetingPaths } from '../paths';
import { splitByTime } from '../wib';
import { ScheduleMeetingForm } from './ScheduleMeetingForm';
import '../Meetings.css';

/** `/rapat?wilayah=32`: a jurisdiction's meetings, upcoming and recent, with action-point progress; scheduling for the secretariat. */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation('common');
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const grants = me?.grants ?? [];
  const grantCodes = meetingJurisdictions(grants);
  const asked = params.get('wilayah') ?? '';
  const code = asked && mayReadMeetingsIn(grants, asked) ? asked : (grantCodes[0] ?? '');
  const calendar = useMeetingCalendar(code || undefined);
  const [scheduling, setScheduling] = useState(false);
  const maySchedule = code ? canScheduleIn(grants, code) : false;
  // The split is by the time of the answer, not of each render.
  const [now] = useState(() => Date.now());
  const { upcoming, past } = splitByTime(calendar.data?.items ?? [], now);

  const scheduled = (meeting: MeetingView) => void navigate(meetingPaths.meeting(meeting.id));

  return (
    <div className="gu-meetings" data-testid="meetings-page">
      <PageHeader title={t('list.title')} intro={t('list.intro')} />
      {!grantCodes.length && <Alert tone="info">{t('list.noAccess')}</Alert>}
      {code && (
        <Card className="gu-meetings__bar">
          {grantCodes.length > 0 && <JurisdictionSelect label={t('list.jurisdiction')} data-testid="meetings-jurisdiction" grantCodes={grantCodes} value={code} onChange={(next) => setParams({ wilayah: next }, { replace: true })} />}
          {maySchedule && !scheduling && (
            <Button onClick={() => setScheduling(true)} data-testid="schedule-open">
              {t('schedule.open')}
            </Button>
          )}
        </Card>
      )}
      {scheduling && code && <ScheduleMeetingForm jurisdictionCode={code} onScheduled={scheduled} onCancel={() => setScheduling(false)} />}
      {calendar.error && <ApiErrorAlert error={calendar.error} />}
      {calendar.isLoading && !calendar.data && <Loading label={tc('loading')} />}
      {calendar.data && (
        <>
          <MeetingSection title={t('list.upcoming')} empty={t('list.noUpcoming')} meetings={upcoming} testId="meetings-upcoming" />
          <MeetingSection title={t('list.recent')} empty={t('list.noRecent')} meetings={past} testId="meetings-recent" />
        </>
      )}
    </div>
  );
}

interface MeetingSectionProps {
  title: string;
  empty: string;
  meetings: readonly MeetingCalendarItem[];
  testId: string;
}

function MeetingSection({ title, empty, meetings, testId }: MeetingSectionProps) {
  return (
    <Card data-testid={testId}>
      <h2 className="gu-meetings__section-title">{title}</h2>
      {meetings.length === 0 ? (
        <p className="gu-meetings__muted">{empty}</p>
      ) : (
        <ul className="gu-meetings__list">
          {meetings.map((m) => (
            <MeetingItem key={m.id} meeting={m} />
          ))}
        </ul>
      )}
    </Card>
  );
}

/** One meeting: a date tile, title, kind, time and place, status, and how far its action points are. */
function MeetingItem({ meeting: m }: { meeting: MeetingCalendarItem }) {
  const { t } = useTranslation('meetings');
  const { language } = useLanguage();
  const date = new Date(m.scheduledAt);
  const tile = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(LOCALES[language], { timeZone: DISPLAY_TIME_ZONE, ...options }).format(date);
  return (
    <li className="gu-meetings__item" data-testid="meeting-item" data-meeting-id={m.id}>
      <span className="gu-meetings__date" aria-hidden="true">
        <span className="gu-meetings__date-day">{tile({ day: 'numeric' })}</span>
        <span className="gu-meetings__date-month">{tile({ month: 'short', year: 'numeric' })}</span>
      </span>
      <span className="gu-meetings__item-body">
        <Link to={meetingPaths.meeting(m.id)} className="gu-meetings__item-title">
          {m.title}
        </Link>
        <span className="gu-meetings__muted">
          {t(`kinds.${m.kind}`)} · <time dateTime={m.scheduledAt}>{formatDateTime(m.scheduledAt, language, { seconds: false })} WIB</time>
          {m.venue ? ` · ${t('list.venue', { venue: m.venue })}` : ''}
        </span>
        <span className="gu-meetings__item-tags">
          <MeetingStatusTag status={m.status} />
          {m.autoScheduled && <span className="gu-meetings__tag">{t('list.autoScheduled')}</span>}
        </span>
        <PointProgress open={m.actionPoints.open} done={m.actionPoints.done} />
      </span>
    </li>
  );
}
