import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { NotificationView } from '@gugus/contracts';
import { notificationsApi, toApiError, useNotifications, type ApiError } from '@gugus/web-data-access';
import { formatDateTime, useLanguage, type Language } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader } from '@gugus/web-ui';
import './NotificationsPage.css';

const PAGE_SIZE = 100;

/** The logged-in person's notifications: newest first, mark read, follow the link into the app. */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('tampilkan') === 'belum-dibaca';
  const { data, error, isLoading } = useNotifications('page', { unreadOnly, limit: PAGE_SIZE });
  const [actionError, setActionError] = useState<ApiError | undefined>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setActionError(undefined);
    try {
      await work();
      return true;
    } catch (err) {
      setActionError(toApiError(err));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const open = async (n: NotificationView) => {
    if (!n.readAt && !(await run(() => notificationsApi.markRead(n.id)))) return;
    if (n.link) void navigate(n.link);
  };
  const unreadCount = data?.unreadCount ?? 0;

  return (
    <div className="gu-notifications" data-testid="notifications-page">
      <PageHeader title={t('title')} intro={t('intro')} />
      <div className="gu-notifications__bar">
        <div className="gu-notifications__filter" role="group" aria-label={t('filter.label')}>
          {(['all', 'unread'] as const).map((option) => (
            <button
              key={option}
              type="button"
              className="gu-notifications__filter-option"
              aria-pressed={(option === 'unread') === unreadOnly}
              onClick={() => setParams(option === 'unread' ? { tampilkan: 'belum-dibaca' } : {})}
            >
              {t(`filter.${option}`)}
            </button>
          ))}
        </div>
        <span className="gu-notifications__count" data-testid="notifications-unread-count">
          {t('unreadCount', { count: unreadCount })}
        </span>
        <Button variant="secondary" disabled={busy || unreadCount === 0} onClick={() => void run(() => notificationsApi.markAllRead())} data-testid="notifications-read-all">
          {t('markAllRead')}
        </Button>
      </div>
      {actionError && (
        <Alert tone="error" title={t('actionFailed')}>
          <p>{actionError.message}</p>
        </Alert>
      )}
      <Card aria-live="polite">
        {error && (
          <Alert tone="error" title={t('unavailable')}>
            <p>{error.isUnreachable ? tc('errors.unreachable') : error.message}</p>
          </Alert>
        )}
        {isLoading && <Loading label={tc('loading')} />}
        {data && data.items.length === 0 && <p className="gu-notifications__empty">{unreadOnly ? t('emptyUnread') : t('empty')}</p>}
        {data && data.items.length > 0 && (
          <ul className="gu-notifications__list" data-testid="notifications-list">
            {data.items.map((n) => (
              <NotificationItem key={n.id} notification={n} language={language} busy={busy} onOpen={() => void open(n)} onMarkRead={() => void run(() => notificationsApi.markRead(n.id))} />
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}

interface NotificationItemProps {
  notification: NotificationView;
  language: Language;
  busy: boolean;
  onOpen: () => void;
  onMarkRead: () => void;
}

function NotificationItem({ notification: n, language, busy, onOpen, onMarkRead }: NotificationItemProps) {
  const { t } = useTranslation('notifications');
  const unread = !n.readAt;
  return (
    <li className={`gu-notification${unread ? ' gu-notification--unread' : ''}`} data-testid="notification" data-unread={unread}>
      <div className="gu-notification__text">
        <p className="gu-notification__title">
          {unread && <span className="gu-notification__badge">{t('unreadBadge')}</span>}
          {n.title[language]}
        </p>
        <p className="gu-notification__body">{n.body[language]}</p>
        <p className="gu-notification__time">
          <time dateTime={n.createdAt}>{formatDateTime(n.createdAt, language, { seconds: false })}</time>
        </p>
      </div>
      <div className="gu-notification__actions">
        {n.link && (
          <Button onClick={onOpen} disabled={busy} data-testid="notification-open">
            {t('open')}
          </Button>
        )}
        {unread && (
          <Button variant="secondary" onClick={onMarkRead} disabled={busy} data-testid="notification-mark-read">
            {t('markRead')}
          </Button>
        )}
      </div>
    </li>
  );
}
