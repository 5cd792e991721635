import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { primaryRole, useAuth } from '@gugus/web-auth';
import { useTaskInbox, type InboxFilter, type QueryState, type TaskInbox } from '@gugus/web-data-access';
import { formatNumber, useLanguage, type Language } from '@gugus/web-i18n';
import { ApiErrorAlert } from '@gugus/web-shared';
import { InboxCount, TaskList } from '@gugus/web-tasks';
import { Card, Loading, PageHeader } from '@gugus/web-ui';
import { shortcutsFor } from './shortcuts';
import './HomePage.css';

const MINE: InboxFilter = { scope: 'mine', status: 'open', sort: 'due', limit: 8 };
// Oversight: the area's overdue tasks first; when nothing is overdue, its open tasks by due date.
const AREA_OVERDUE: InboxFilter = { scope: 'jurisdiction', status: 'open', due: 'overdue', sort: 'due', limit: 5 };
const AREA_OPEN: InboxFilter = { scope: 'jurisdiction', status: 'open', sort: 'due', limit: 5 };

/**
 * `/`: where a login lands. My open tasks with their due dates, what is overdue in the area I oversee (for
 * the roles that oversee one), and shortcuts to what my role does most. Every list is the server's answer
 * for this person: a role that may not read the area's tasks gets no area section (403 → hidden).
 */
export function HomePage() {
  const { t } = useTranslation('home');
  const { t: to } = useTranslation('orgs');
  const { language } = useLanguage();
  const { me } = useAuth();
  const mine = useTaskInbox(MINE);
  const overdue = useTaskInbox(AREA_OVERDUE);
  const noneOverdue = overdue.data !== undefined && overdue.data.total === 0;
  const open = useTaskInbox(noneOverdue ? AREA_OPEN : undefined);
  if (!me) return <Loading label={t('loading')} />;
  const role = primaryRole(me.grants);
  const shortcuts = shortcutsFor(me.grants);
  const area = noneOverdue ? open.data : overdue.data;
  return (
    <div className="gu-home" data-testid="home">
      <PageHeader title={t('title', { name: me.name })} intro={role ? t('intro', { role: to(`roles.${role}`) }) : t('introNoRole')} />
      <Card aria-labelledby="home-mine" data-testid="home-mine">
        <TasksSection id="home-mine" title={t('mine.title')} state={mine} empty={t('mine.empty')} more={{ to: '/tugas', label: t('mine.all') }} showAssignee={false} />
      </Card>
      {overdue.data && (
        <Card aria-labelledby="home-area" data-testid="home-area" data-view={noneOverdue ? 'open' : 'overdue'}>
          <TasksSection
            id="home-area"
            title={noneOverdue ? t('area.openTitle') : t('area.overdueTitle')}
            intro={t('area.counts', { open: figure(overdue.data, 'open', language), overdue: figure(overdue.data, 'overdue', language) })}
            state={noneOverdue ? open : overdue}
            data={area}
            empty={t('area.empty')}
            more={{ to: noneOverdue ? '/tugas?lingkup=wilayah' : '/tugas?lingkup=wilayah&tenggat=lewat', label: t('area.all') }}
            showAssignee
          />
        </Card>
      )}
      {shortcuts.length > 0 && (
        <Card aria-labelledby="home-shortcuts" data-testid="home-shortcuts">
          <h2 id="home-shortcuts" className="gu-home__title">
            {t('shortcuts.title')}
          </h2>
          <ul className="gu-home__shortcuts">
            {shortcuts.map((s) => (
              <li key={s.key}>
                <Link to={s.to} className="gu-home__shortcut" data-testid={`shortcut-${s.key}`}>
                  <span className="gu-home__shortcut-label">{t(`shortcuts.${s.key}.label`)}</span>
                  <span className="gu-home__shortcut-hint">{t(`shortcuts.${s.key}.hint`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </Card>
      )}
    </div>
  );
}

/** A count in a sentence: as read, or "1.000+" past the server's count cap (as `InboxCount` shows it elsewhere). */
function figure(inbox: TaskInbox, which: 'open' | 'overdue', language: Language): string {
  return `${formatNumber(inbox.counts[which], language)}${inbox.capped[which] ? '+' : ''}`;
}

interface TasksSectionProps {
  id: string;
  title: string;
  intro?: string;
  state: QueryState<TaskInbox>;
  data?: TaskInbox;
  empty: string;
  more: { to: string; label: string };
  showAssignee: boolean;
}

function TasksSection({ id, title, intro, state, data = state.data, empty, more, showAssignee }: TasksSectionProps) {
  const { t } = useTranslation('home');
  return (
    <>
      <div className="gu-home__head">
        <h2 id={id} className="gu-home__title">
          {title}
          {data && (
            <span className="gu-home__count">
              <InboxCount value={data.total} capped={data.capped.total} />
            </span>
          )}
        </h2>
        <Link to={more.to}>{more.label}</Link>
      </div>
      {intro && <p className="gu-home__intro">{intro}</p>}
      {state.error ? <ApiErrorAlert error={state.error} /> : !data ? <Loading label={t('loading')} /> : data.items.length === 0 ? <p className="gu-home__empty">{empty}</p> : <TaskList tasks={data.items} showAssignee={showAssignee} />}
    </>
  );
}
