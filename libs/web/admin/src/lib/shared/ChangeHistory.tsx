import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyKind, OrgFieldChange, OrgSubjectType, Role, SubTaskForceKind } from '@gugus/contracts';
import { useOrgChanges } from '@gugus/web-data-access';
import { formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Card, Loading } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useOrgLabels } from './useOrgLabels';

export interface ChangeHistoryProps {
  subject: OrgSubjectType;
  id: string;
  /** Changes after each save, so the list shows the change just made. */
  reloadKey: number;
}

/** "Riwayat perubahan": every change to the record, newest first — who, when, and each field before → after. */
export function ChangeHistory({ subject, id, reloadKey }: ChangeHistoryProps) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const labels = useOrgLabels();
  const headingId = useId();
  const changes = useOrgChanges(subject, id, reloadKey);
  const value = (field: string, v: OrgFieldChange['before']): string => {
    if (v === null || v === '') return '—';
    if (typeof v === 'boolean') return field === 'active' ? t(v ? 'orgEdit.active' : 'orgEdit.inactive') : t(v ? 'orgEdit.yes' : 'orgEdit.no');
    if (Array.isArray(v)) {
      if (v.length === 0) return '—';
      if (field === 'roles') return v.map((r) => labels.role(r as Role)).join(', ');
      if (field === 'subTaskForces') return v.map((k) => labels.subTaskForce(k as SubTaskForceKind)).join(', ');
      return v.join(', ');
    }
    return field === 'kind' ? labels.agencyKind(v as AgencyKind) : v;
  };
  return (
    <Card aria-labelledby={headingId}>
      <h2 id={headingId} className="gu-admin__section-title">
        {t('orgEdit.history.heading')}
      </h2>
      {changes.isLoading && <Loading label={tc('loading')} />}
      {changes.error && <ApiErrorAlert error={changes.error} />}
      {changes.data && changes.data.length === 0 && <p className="gu-muted">{t('orgEdit.history.empty')}</p>}
      {changes.data && changes.data.length > 0 && (
        <ol className="gu-rows gu-history" data-testid="change-history">
          {changes.data.map((change) => (
            <li key={change.id} className="gu-rows__item" data-testid="change-entry" data-action={change.action}>
              <span className="gu-rows__title">{t(`orgEdit.history.actions.${change.action}`)}</span>
              <span className="gu-rows__meta">
                {t('orgEdit.history.byWhen', { who: change.actor?.fullName ?? t('orgEdit.history.system'), when: formatDateTime(change.at, language, { seconds: false }) })}
              </span>
              <ul className="gu-change__fields">
                {change.changes.map((c) => (
                  <li key={c.field} data-testid="change-field" data-field={c.field}>
                    <strong>{t(`orgEdit.fields.${c.field}`, { defaultValue: c.field })}</strong>: <del>{value(c.field, c.before)}</del> → <ins>{value(c.field, c.after)}</ins>
                  </li>
                ))}
              </ul>
              {change.reason && <span className="gu-rows__meta">{t('orgEdit.history.reason', { reason: change.reason })}</span>}
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
