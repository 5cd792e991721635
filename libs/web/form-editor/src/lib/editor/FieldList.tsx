import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormOverlay, Language } from '@gugus/forms';
import { Card, Tag } from '@gugus/web-ui';
import type { FieldRow } from '../model/fieldRows';
import { shownOrder } from '../model/fieldRows';
import { move } from '../model/overlayOps';
import { FieldEditPanel, type ListChoice } from './FieldEditPanel';

export interface FieldListProps {
  rows: readonly FieldRow[];
  overlay: FormOverlay;
  language: Language;
  listChoices: readonly ListChoice[];
  onChange: (overlay: FormOverlay) => void;
}

function RowTags({ row }: { row: FieldRow }) {
  const { t } = useTranslation('formEditor');
  return (
    <span className="gu-fe__tags">
      {row.core && (
        <span className="gu-fe__core" title={t('fields.coreHint')} data-testid="core-mark">
          <span aria-hidden="true">◆ </span>
          {t('fields.core')}
          <span className="gu-visually-hidden">: {t('fields.coreHint')}</span>
        </span>
      )}
      <Tag>{t(`fields.kinds.${row.kind}`)}</Tag>
      {row.requiredNationally && <Tag>{t('fields.required')}</Tag>}
      {!row.requiredNationally && row.conditional && <Tag>{t('fields.conditional')}</Tag>}
      {row.requiredHere && <Tag tone="accent">{t('fields.requiredHere')}</Tag>}
      {row.when && <Tag tone="accent">{t('fields.when', { field: row.when.field, value: String(row.when.equals) })}</Tag>}
      {row.added && <Tag tone="primary">{t('fields.added')}</Tag>}
      {row.relabelled && <Tag tone="primary">{t('fields.relabelled')}</Tag>}
      {row.hidden && <Tag tone="accent">{t('fields.hidden')}</Tag>}
    </span>
  );
}

/** Every field of the variant, in form order: tags for what it is and what the province changed, and its controls. */
export function FieldList({ rows, overlay, language, listChoices, onChange }: FieldListProps) {
  const { t } = useTranslation('formEditor');
  const headingId = useId();
  const [open, setOpen] = useState<string | undefined>();
  const topOrder = shownOrder(rows, '');
  return (
    <Card aria-labelledby={headingId} data-testid="field-list">
      <h2 id={headingId} className="gu-fe__title">
        {t('fields.heading')}
      </h2>
      <p className="gu-fe__muted">{t('fields.intro')}</p>
      <ul className="gu-fe__rows">
        {rows.map((row) => {
          const label = row.label[language];
          const at = topOrder.indexOf(row.name);
          const isOpen = open === row.path;
          return (
            <li
              key={row.path}
              className={['gu-fe__row', row.hidden && 'gu-fe__row--hidden', row.core && 'gu-fe__row--core'].filter(Boolean).join(' ')}
              style={{ marginLeft: `${row.depth * 1.25}rem` }}
              data-testid="field-row"
              data-path={row.path}
              data-core={row.core}
            >
              <div className="gu-fe__row-head">
                <div className="gu-fe__row-text">
                  <span className="gu-fe__row-label">{label}</span> <code className="gu-fe__code">{row.path}</code>
                  <RowTags row={row} />
                </div>
                <div className="gu-fe__row-tools">
                  {row.movable && (
                    <>
                      <button type="button" className="gu-fe__icon-button" aria-label={t('fields.moveUp', { label })} title={t('fields.moveUp', { label })} disabled={at <= 0} onClick={() => onChange(move(overlay, '', topOrder, row.name, -1))}>
                        ↑
                      </button>
                      <button
                        type="button"
                        className="gu-fe__icon-button"
                        aria-label={t('fields.moveDown', { label })}
                        title={t('fields.moveDown', { label })}
                        disabled={at === -1 || at >= topOrder.length - 1}
                        onClick={() => onChange(move(overlay, '', topOrder, row.name, 1))}
                      >
                        ↓
                      </button>
                    </>
                  )}
                  <button type="button" className="gu-fe__text-button" aria-expanded={isOpen} aria-label={`${t('fields.edit')}: ${label}`} onClick={() => setOpen(isOpen ? undefined : row.path)}>
                    {t('fields.edit')}
                  </button>
                </div>
              </div>
              {isOpen && <FieldEditPanel row={row} overlay={overlay} language={language} listChoices={listChoices} onChange={onChange} />}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
