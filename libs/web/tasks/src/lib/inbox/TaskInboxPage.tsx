import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useTaskInbox, type InboxCounts, type InboxScope } from '@gugus/web-data-access';
import { ApiErrorAlert } from '@gugus/web-shared';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { Button, Card, Loading, PageHeader, SelectField } from '@gugus/web-ui';
import { INBOX_PAGE_SIZE, inboxFilter, readInboxParams, writeInboxParams, type InboxView } from '../shared/inboxParams';
import { PROCESS_OPTIONS, processName } from '../shared/labels';
import { InboxCount } from '../shared/InboxCount';
import { TaskList } from './TaskList';
import '../Tasks.css';

// Only asked to learn whether the reader oversees any jurisdiction (403 otherwise).
const OVERSIGHT_PROBE = { scope: 'jurisdiction', limit: 1 } as const;

/**
 * `/tugas`: the task inbox. Scope (mine / my agency / the jurisdictions overseen), status and due
 * filters, process, sort, counts per status (up to the API's count cap: "1.000+" beyond it), pages
 * (forward by the API's cursor, so a deep page stays quick). Everything lives in the address, so it
 * survives a reload and can be shared.
 */
export function TaskInboxPage() {
  const { t } = useTranslation('tasks');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  const view = readInboxParams(params);
  const oversight = useTaskInbox(OVERSIGHT_PROBE);
  const mayOversee = Boolean(oversight.data);
  const inbox = useTaskInbox(inboxFilter(view));
  const update = (change: Partial<InboxView>) => setParams(writeInboxParams({ ...view, page: 1, cursor: undefined, ...change }), { replace: true });

  const scopes: InboxScope[] = mayOversee || view.scope === 'jurisdiction' ? ['mine', 'agency', 'jurisdiction'] : ['mine', 'agency'];
  const data = inbox.data;
  // Past the count cap the number of pages is unknown: "next" follows the cursor while there is one.
  const pages = data && !data.capped.total ? Math.max(1, Math.ceil(data.total / INBOX_PAGE_SIZE)) : undefined;
  const anyCapped = data ? Object.values(data.capped).some(Boolean) : false;
  const filtered = view.status !== 'open' || view.due || view.processKey || view.processId;

  return (
    <div className="gu-tasks" data-testid="task-inbox">
      <PageHeader title={t('inbox.title')} intro={t('inbox.intro')} />
      <div className="gu-tasks__scopes" role="group" aria-label={t('inbox.scope.label')} data-testid="inbox-scope">
        {scopes.map((scope) => (
          <button key={scope} type="button" className="gu-tasks__scope" aria-pressed={view.scope === scope} onClick={() => update({ scope })}>
            {t(`inbox.scope.${scope}`)}
          </button>
        ))}
      </div>
      {data && <CountBadges counts={data.counts} capped={data.capped} view={view} onPick={update} />}
      {anyCapped && data && (
        <p className="gu-tasks__muted" data-testid="inbox-capped-note">
          {t('inbox.cappedNote', { cap: formatNumber(data.countCap, language) })}
        </p>
      )}
      <Card className="gu-tasks__filters" aria-label={t('inbox.filters')}>
        <SelectField label={t('inbox.status.label')} value={view.status} onChange={(e) => update({ status: e.target.value as InboxView['status'], due: e.target.value === 'open' ? view.due : undefined })} data-testid="filter-status">
          {(['open', 'done', 'all'] as const).map((s) => (
            <option key={s} value={s}>
              {t(`inbox.status.${s}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          label={t('inbox.due.label')}
          value={view.due ?? ''}
          onChange={(e) => update({ due: (e.target.value || undefined) as InboxView['due'], status: e.target.value ? 'open' : view.status })}
          data-testid="filter-due"
        >
          <option value="">{t('inbox.due.any')}</option>
          <option value="overdue">{t('inbox.due.overdue')}</option>
          <option value="soon">{t('inbox.due.soon')}</option>
        </SelectField>
        <SelectField label={t('inbox.process.label')} value={view.processId ? '#one' : (view.processKey ?? '')} onChange={(e) => update({ processKey: e.target.value || undefined, processId: undefined })} data-testid="filter-process">
          <option value="">{t('inbox.process.any')}</option>
          {view.processId && <option value="#one">{t('inbox.process.one')}</option>}
          {PROCESS_OPTIONS.map((key) => (
            <option key={key} value={key}>
              {processName(key, language)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('inbox.sort.label')} value={view.sort} onChange={(e) => update({ sort: e.target.value as InboxView['sort'] })} data-testid="filter-sort">
          <option value="due">{t('inbox.sort.due')}</option>
          <option value="created">{t('inbox.sort.created')}</option>
        </SelectField>
      </Card>
      {inbox.error && <ApiErrorAlert error={inbox.error} />}
      {inbox.isLoading && !data && <Loading label={tc('loading')} />}
      {data && data.items.length === 0 && (
        <Card>
          <p className="gu-tasks__empty" data-testid="inbox-empty">
            {filtered ? t('inbox.empty.filtered') : t(`inbox.empty.${view.scope}`)}
          </p>
        </Card>
      )}
      {data && data.items.length > 0 && (
        <>
          <TaskList tasks={data.items} showAssignee={view.scope !== 'mine'} />
          <nav className="gu-tasks__pages" aria-label={t('inbox.pagination')}>
            <p className="gu-tasks__muted" data-testid="inbox-showing">
              {t(data.capped.total ? 'inbox.showingMoreThan' : 'inbox.showing', {
                from: formatNumber((view.page - 1) * INBOX_PAGE_SIZE + 1, language),
                to: formatNumber((view.page - 1) * INBOX_PAGE_SIZE + data.items.length, language),
                total: formatNumber(data.total, language),
              })}
            </p>
            {(view.page > 1 || data.nextCursor) && (
              <div className="gu-tasks__page-buttons">
                {/* Back by offset (the page before has no cursor of its own); forward by the cursor the API gave. */}
                <Button variant="secondary" disabled={view.page <= 1} onClick={() => update({ page: view.page - 1 })} data-testid="inbox-previous">
                  {t('inbox.previous')}
                </Button>
                <span className="gu-tasks__muted" data-testid="inbox-page">
                  {pages ? t('inbox.page', { page: formatNumber(view.page, language), pages: formatNumber(pages, language) }) : t('inbox.pageOnly', { page: formatNumber(view.page, language) })}
                </span>
                <Button variant="secondary" disabled={!data.nextCursor} onClick={() => update({ page: view.page + 1, cursor: data.nextCursor ?? undefined })} data-testid="inbox-next">
                  {t('inbox.next')}
                </Button>
              </div>
            )}
          </nav>
        </>
      )}
    </div>
  );
}

interface CountBadgesProps {
  counts: InboxCounts;
  /** Figures that reached the count cap: shown as "1.000+". */
  capped: Record<keyof InboxCounts, boolean>;
  view: InboxView;
  onPick: (change: Partial<InboxView>) => void;
}

/** Counts of the whole scope per status; each one is also a shortcut to that filter. */
function CountBadges({ counts, capped, view, onPick }: CountBadgesProps) {
  const { t } = useTranslation('tasks');
  const entries = [
    { key: 'open', count: counts.open, change: { status: 'open', due: undefined }, active: view.status === 'open' && !view.due },
    { key: 'overdue', count: counts.overdue, change: { status: 'open', due: 'overdue' }, active: view.due === 'overdue' },
    { key: 'dueSoon', count: counts.dueSoon, change: { status: 'open', due: 'soon' }, active: view.due === 'soon' },
    { key: 'done', count: counts.done, change: { status: 'done', due: undefined }, active: view.status === 'done' },
  ] as const;
  return (
    <ul className="gu-tasks__counts" aria-label={t('inbox.counts.label')} data-testid="inbox-counts">
      {entries.map((e) => (
        <li key={e.key}>
          <button type="button" className={`gu-tasks__count gu-tasks__count--${e.key}`} aria-pressed={e.active} onClick={() => onPick(e.change)} data-testid={`count-${e.key}`}>
            <span className="gu-tasks__count-number">
              <InboxCount value={e.count} capped={capped[e.key]} />
            </span>
            <span className="gu-tasks__count-label">{t(`inbox.counts.${e.key}`)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}
