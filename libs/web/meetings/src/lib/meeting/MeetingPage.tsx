import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import type { Grant } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useMeeting, type ActionPointView, type MeetingInvitationView, type MeetingStatus, type MeetingView } from '@gugus/web-data-access';
import { formatDate, formatDateTime, formatNumber, useLanguage } from '@gugus/web-i18n';
import { Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { canScheduleIn, maySeeTask } from '../grants';
import { MeetingStatusTag, PointStatusTag } from '../MeetingBadges';
import { meetingPaths } from '../paths';
import { MeetingChangeActions, MeetingChangeNotice } from './MeetingChanges';
import '../Meetings.css';

const STAGES: MeetingStatus[] = ['planned', 'agenda_ready', 'invited', 'held', 'minutes_approved', 'closed'];
/** A meeting can be moved or called off until it is held. */
const CHANGEABLE: MeetingStatus[] = ['planned', 'agenda_ready', 'invited'];

/** `/rapat/:id`: one meeting: its stages, invitations and answers, action points, and what is still open from earlier meetings. */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('meetings');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const meeting = useMeeting(id);
  const m = meeting.data?.id === id ? meeting.data : undefined;
  const title = m?.title ?? t('list.title');
  const grants = me?.grants ?? [];
  return (
    <div className="gu-meetings" data-testid="meeting-page">
      <PageHeader
        title={title}
        breadcrumbs={[{ label: t('list.title'), to: m ? `${meetingPaths.list}?wilayah=${encodeURIComponent(m.jurisdictionCode)}` : meetingPaths.list }, { label: title }]}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={m && <MeetingStatusTag status={m.status} />}
      />
      {meeting.isLoading && !m && <Loading label={tc('loading')} />}
      {meeting.error && <ApiErrorAlert error={meeting.error} />}
      {m && (
        <>
          <Card>
            <dl className="gu-meetings__facts">
              <div>
                <dt>{t('meeting.facts.kind')}</dt>
                <dd>{t(`kinds.${m.kind}`)}</dd>
              </div>
              <div>
                <dt>{t('meeting.facts.scheduledAt')}</dt>
                <dd>
                  <time dateTime={m.scheduledAt}>{formatDateTime(m.scheduledAt, language, { seconds: false })} WIB</time>
                </dd>
              </div>
              <div>
                <dt>{t('meeting.facts.venue')}</dt>
                <dd>{m.venue ?? t('meeting.facts.noVenue')}</dd>
              </div>
              {m.heldAt && (
                <div>
                  <dt>{t('meeting.facts.heldAt')}</dt>
                  <dd>{formatDateTime(m.heldAt, language, { seconds: false })} WIB</dd>
                </div>
              )}
            </dl>
            <MeetingChangeNotice meeting={m} />
            {m.status !== 'cancelled' && <Stages status={m.status} />}
            {CHANGEABLE.includes(m.status) && canScheduleIn(grants, m.jurisdictionCode) && <MeetingChangeActions meeting={m} onChanged={meeting.reload} />}
            <p>
              <Link to={meetingPaths.tasksOf(m.id)}>{t('meeting.tasks')}</Link>
            </p>
          </Card>
          <Invitations meeting={m} />
          <Card data-testid="meeting-action-points">
            <h2 className="gu-meetings__section-title">
              {t('meeting.actionPoints.title')}
              {m.actionPoints.length > 0 && (
                <span className="gu-meetings__count">
                  {' '}
                  ({t('meeting.actionPoints.progress', { done: formatNumber(m.actionPoints.filter((a) => a.status === 'done').length, language), total: formatNumber(m.actionPoints.length, language) })})
                </span>
              )}
            </h2>
            {m.actionPoints.length === 0 ? <p className="gu-meetings__muted">{t('meeting.actionPoints.none')}</p> : <ActionPointTable points={m.actionPoints} jurisdictionCode={m.jurisdictionCode} grants={grants} />}
          </Card>
          <Card data-testid="meeting-earlier-points">
            <h2 className="gu-meetings__section-title">{t('meeting.earlier.title')}</h2>
            {m.openActionPointsFromEarlierMeetings.length === 0 ? (
              <p className="gu-meetings__muted">{t('meeting.earlier.none')}</p>
            ) : (
              <>
                <p className="gu-meetings__muted">{t('meeting.earlier.intro')}</p>
                <ActionPointTable points={m.openActionPointsFromEarlierMeetings} jurisdictionCode={m.jurisdictionCode} grants={grants} withMeeting />
              </>
            )}
          </Card>
        </>
      )}
    </div>
  );
}

/** The process's stages as steps: done, current, to come. */
function Stages({ status }: { status: MeetingStatus }) {
  const { t } = useTranslation('meetings');
  const current = STAGES.indexOf(status);
  return (
    <ol className="gu-meetings__stages" aria-label={t('meeting.steps')} data-testid="meeting-stages">
      {STAGES.map((stage, i) => {
        const state = i < current || status === 'closed' ? 'done' : i === current ? 'current' : 'todo';
        return (
          <li key={stage} className={`gu-meetings__stage gu-meetings__stage--${state}`} aria-current={state === 'current' ? 'step' : undefined} data-stage={stage} data-state={state}>
            <span className="gu-meetings__stage-mark" aria-hidden="true">
              {state === 'done' ? '✓' : i + 1}
            </span>
            <span>
              {t(`status.${stage}`)}
              {state === 'done' && <span className="gu-visually-hidden"> ({t('meeting.stepDone')})</span>}
              {state === 'current' && <span className="gu-visually-hidden"> ({t('meeting.stepCurrent')})</span>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

const RESPONSES = ['attend', 'attend_by_delegate', 'decline'] as const;
const responseKey = (i: MeetingInvitationView) => ((RESPONSES as readonly string[]).includes(i.response ?? '') ? (i.response as (typeof RESPONSES)[number]) : 'none');
// Once the meeting has begun, unanswered invitations are closed: "no answer", not "not answered yet".
const BEGUN: MeetingStatus[] = ['held', 'minutes_approved', 'closed', 'cancelled'];

function Invitations({ meeting }: { meeting: MeetingView }) {
  const { t } = useTranslation('meetings');
  const { language } = useLanguage();
  const list = meeting.invitations;
  const closed = BEGUN.includes(meeting.status);
  const answer = (i: MeetingInvitationView) => (responseKey(i) === 'none' && closed ? 'noAnswer' : responseKey(i));
  const count = (keys: string[]) => formatNumber(list.filter((i) => keys.includes(responseKey(i))).length, language);
  return (
    <Card data-testid="meeting-invitations">
      <h2 className="gu-meetings__section-title">{t('meeting.invitations.title')}</h2>
      {list.length === 0 ? (
        <p className="gu-meetings__muted">{t('meeting.invitations.none')}</p>
      ) : (
        <>
          <p className="gu-meetings__muted">
            {t(closed ? 'meeting.invitations.summaryClosed' : 'meeting.invitations.summary', { attend: count(['attend', 'attend_by_delegate']), decline: count(['decline']), open: count(['none']) })}
          </p>
          <table className="gu-meetings__table">
            <thead>
              <tr>
                <th scope="col">{t('meeting.invitations.agency')}</th>
                <th scope="col">{t('meeting.invitations.response')}</th>
                <th scope="col">{t('meeting.invitations.respondedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((i) => (
                <tr key={i.agency.id} data-testid="invitation" data-response={responseKey(i)}>
                  <td>{i.agency.name ?? i.agency.id}</td>
                  <td data-label={t('meeting.invitations.response')}>
                    <span className={`gu-meetings__response gu-meetings__response--${answer(i)}`}>{t(`meeting.invitations.responses.${answer(i)}`)}</span>
                  </td>
                  <td data-label={t('meeting.invitations.respondedAt')}>{i.respondedAt ? `${formatDateTime(i.respondedAt, language, { seconds: false })} WIB` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  );
}

interface ActionPointTableProps {
  points: readonly (ActionPointView & { meetingId?: string; meetingTitle?: string })[];
  jurisdictionCode: string;
  grants: readonly Grant[];
  /** Show which meeting each point comes from (the earlier meetings' list). */
  withMeeting?: boolean;
}

function ActionPointTable({ points, jurisdictionCode, grants, withMeeting }: ActionPointTableProps) {
  const { t } = useTranslation('meetings');
  const { language } = useLanguage();
  return (
    <table className="gu-meetings__table">
      <thead>
        <tr>
          <th scope="col">{t('meeting.actionPoints.seq')}</th>
          <th scope="col">{t('meeting.actionPoints.description')}</th>
          <th scope="col">{t('meeting.actionPoints.agency')}</th>
          <th scope="col">{t('meeting.actionPoints.due')}</th>
          <th scope="col">{t('meeting.actionPoints.status')}</th>
          <th scope="col">{t('meeting.actionPoints.task')}</th>
        </tr>
      </thead>
      <tbody>
        {points.map((a) => (
          <tr key={a.id} className={a.overdue ? 'gu-meetings__row--overdue' : undefined} data-testid="action-point" data-status={a.status}>
            <td>{a.seq}</td>
            <td data-label={t('meeting.actionPoints.description')}>
              {a.description}
              {withMeeting && a.meetingId && (
                <span className="gu-meetings__muted gu-meetings__block">
                  {t('meeting.actionPoints.meeting')}: <Link to={meetingPaths.meeting(a.meetingId)}>{a.meetingTitle}</Link>
                </span>
              )}
            </td>
            <td data-label={t('meeting.actionPoints.agency')}>{a.responsibleAgency.name ?? a.responsibleAgency.id}</td>
            <td data-label={t('meeting.actionPoints.due')}>
              {formatDate(a.dueDate, language)}
              {a.overdue && (
                <span className="gu-meetings__badge-overdue" data-testid="point-overdue">
                  {t('meeting.actionPoints.overdue')}
                </span>
              )}
            </td>
            <td data-label={t('meeting.actionPoints.status')}>
              <PointStatusTag status={a.status} />
            </td>
            <td data-label={t('meeting.actionPoints.task')}>
              {a.taskId && maySeeTask(grants, a.responsibleAgency.id, jurisdictionCode) ? (
                <Link to={meetingPaths.task(a.taskId)} className="gu-meetings__nowrap" data-testid="point-task-link">
                  {t('meeting.actionPoints.openTask')}
                </Link>
              ) : (
                '—'
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
