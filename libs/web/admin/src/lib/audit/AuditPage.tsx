import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useAuditTrail } from '@gugus/web-data-access';
import { Button, Card, Loading, PageHeader } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { AuditFilters } from './AuditFilters';
import { AuditTable } from './AuditTable';
import { draftFromParams, FILTER_KEYS, toAuditFilter, type AuditFilterDraft } from './auditFilter';
import '../shared/admin.css';
import './AuditPage.css';

/** The audit trail, filtered; the filters live in the address so a view can be shared. */
export function AuditPage() {
  const { t } = useTranslation('audit');
  const { t: tc } = useTranslation('common');
  const [params, setParams] = useSearchParams();
  const draft = useMemo(() => draftFromParams(params), [params]);
  const filter = useMemo(() => toAuditFilter(draft), [draft]);
  const { entries, hasMore, isLoading, error, loadMore } = useAuditTrail(filter);
  const apply = (next: AuditFilterDraft) => setParams(Object.fromEntries(FILTER_KEYS.filter((k) => next[k].trim()).map((k) => [k, next[k].trim()])));
  return (
    <div className="gu-admin" data-testid="audit-page">
      <PageHeader title={t('title')} intro={t('intro')} />
      <AuditFilters key={params.toString()} value={draft} onApply={apply} fieldErrors={error?.fieldErrors ?? {}} />
      <Card aria-live="polite">
        {error && <ApiErrorAlert error={error} title={t('unavailable')} />}
        {entries.length > 0 && (
          <>
            <p className="gu-muted gu-audit__count">{t('shown', { count: entries.length })}</p>
            <AuditTable entries={entries} />
          </>
        )}
        {isLoading && <Loading label={tc('loading')} />}
        {!isLoading && !error && entries.length === 0 && <p className="gu-muted">{t('empty')}</p>}
        <div className="gu-audit__more">
          {hasMore && !isLoading && (
            <Button variant="secondary" onClick={loadMore} data-testid="audit-load-more">
              {t('loadMore')}
            </Button>
          )}
          {!hasMore && !isLoading && entries.length > 0 && <p className="gu-muted">{t('end')}</p>}
        </div>
      </Card>
    </div>
  );
}
