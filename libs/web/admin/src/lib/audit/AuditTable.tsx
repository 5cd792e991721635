import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntryView } from '@gugus/contracts';
import { formatShortDateTime, useLanguage } from '@gugus/web-i18n';

/** A long identifier, shortened; the full value is in the tooltip. */
function Id({ value, length = 8 }: { value: string; length?: number }) {
  return <code title={value}>{value.length > length ? `${value.slice(0, length)}…` : value}</code>;
}

/** A name looked up by the API, with its id in the tooltip for administrators; the shortened id when there is no name. */
function Named({ name, id }: { name: string | null; id: string }) {
  return name ? (
    <span title={id} data-testid="audit-name">
      {name}
    </span>
  ) : (
    <Id value={id} />
  );
}

/** One value, labelled by its column (the label shows on phones, where rows become blocks). */
function Cell({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <td data-label={label} className={className}>
      <span>{children}</span>
    </td>
  );
}

/** One row per entry; on phones each row becomes a labelled block. Actors and targets by name (the id in a tooltip); long IDs are shortened, the full value in a tooltip. */
export function AuditTable({ entries }: { entries: readonly AuditEntryView[] }) {
  const { t } = useTranslation('audit');
  const { language } = useLanguage();
  const col = {
    time: t('columns.time'),
    actor: t('columns.actor'),
    action: t('columns.action'),
    target: t('columns.target'),
    jurisdiction: t('columns.jurisdiction'),
    purpose: t('columns.purpose'),
    requestId: t('columns.requestId'),
    hash: t('columns.hash'),
  };
  return (
    <div className="gu-audit__table-wrap">
      <table className="gu-audit__table" data-testid="audit-table">
        <thead>
          <tr>
            {Object.values(col).map((label) => (
              <th key={label} scope="col">
                {label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-testid="audit-row" data-seq={e.seq}>
              <Cell label={col.time} className="gu-audit__time">
                {formatShortDateTime(e.at, language)}
              </Cell>
              <Cell label={col.actor}>{e.actorId ? <Named name={e.actorName} id={e.actorId} /> : <span className="gu-muted">{t('system')}</span>}</Cell>
              <Cell label={col.action}>
                <code>{e.action}</code>
              </Cell>
              <Cell label={col.target}>
                <span className="gu-muted">{t(`targetTypes.${e.targetType}`, { defaultValue: e.targetType })}</span> {e.targetId && <Named name={e.targetName} id={e.targetId} />}
              </Cell>
              <Cell label={col.jurisdiction}>{e.jurisdictionCode ?? '—'}</Cell>
              <Cell label={col.purpose}>{e.purpose ? <span title={e.purpose}>{t(`purposes.${e.purpose}`, { defaultValue: e.purpose })}</span> : '—'}</Cell>
              <Cell label={col.requestId}>{e.requestId ? <Id value={e.requestId} /> : '—'}</Cell>
              <Cell label={col.hash}>
                <Id value={e.hash} length={12} />
              </Cell>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
