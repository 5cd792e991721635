import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormChange, Language, OverlayConflict } from '@gugus/forms';
import { Alert, Tag } from '@gugus/web-ui';
import type { FieldRow } from '../model/fieldRows';

function labelFor(rows: readonly FieldRow[], path: string, language: Language): string {
  return rows.find((r) => r.path === path)?.label[language] ?? path;
}

/** Differences from the national base as the engine classifies them: additive or breaking. */
export function ChangesPanel({ changes, rows, language }: { changes: readonly FormChange[]; rows: readonly FieldRow[]; language: Language }) {
  const { t } = useTranslation('formEditor');
  const headingId = useId();
  const breaking = changes.filter((c) => c.breaking).length;
  return (
    <section className="gu-fe__changes" aria-labelledby={headingId} data-testid="changes">
      <h2 id={headingId} className="gu-fe__subtitle">
        {t('changes.heading')}
      </h2>
      {changes.length === 0 ? (
        <p className="gu-fe__muted">{t('changes.none')}</p>
      ) : (
        <>
          <p className="gu-fe__muted">{t('changes.summary', { additive: changes.length - breaking, breaking })}</p>
          <ul className="gu-fe__change-list">
            {changes.map((c) => (
              <li key={`${c.path}|${c.kind}`} data-testid="change" data-breaking={c.breaking} data-path={c.path}>
                <Tag tone={c.breaking ? 'accent' : 'primary'}>{c.breaking ? t('changes.breaking') : t('changes.additive')}</Tag> <strong>{labelFor(rows, c.path, language)}</strong>{' '}
                <code className="gu-fe__code">{c.path}</code>: {t(`changes.kinds.${c.kind}`)}
              </li>
            ))}
          </ul>
          {breaking > 0 && <p className="gu-fe__muted">{t('changes.breakingHint')}</p>}
        </>
      )}
    </section>
  );
}

/** Parts of the overlay the engine cannot apply, naming the field and the rule (checked as you edit). */
export function ConflictList({ conflicts, rows, language }: { conflicts: readonly OverlayConflict[]; rows: readonly FieldRow[]; language: Language }) {
  const { t } = useTranslation('formEditor');
  if (!conflicts.length) return null;
  return (
    <Alert tone="error" title={t('conflicts.heading', { count: conflicts.length })} data-testid="conflicts">
      <p>{t('conflicts.intro')}</p>
      <ul className="gu-fe__conflicts">
        {conflicts.map((c) => (
          <li key={`${c.path}|${c.rule}`} data-rule={c.rule} data-path={c.path}>
            <strong>{t('save.item', { field: labelFor(rows, c.path, language), rule: t(`rules.${c.rule}`) })}</strong> <code className="gu-fe__code">{c.path}</code>: {c.message[language]}
          </li>
        ))}
      </ul>
    </Alert>
  );
}
