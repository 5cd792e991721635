import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@gugus/forms';
import type { BreakingChangeDetails } from '@gugus/web-data-access';
import { Button } from '@gugus/web-ui';
import type { FieldRow } from '../model/fieldRows';

export interface PublishConfirmProps {
  details: BreakingChangeDetails;
  rows: readonly FieldRow[];
  language: Language;
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** The API refused to publish a breaking change without confirmation: its changes and impact, and the choice. */
export function PublishConfirm({ details, rows, language, busy, onConfirm, onCancel }: PublishConfirmProps) {
  const { t } = useTranslation('formEditor');
  const titleId = useId();
  const openDrafts = details.impact?.openDrafts ?? 0;
  const openTasks = details.impact?.openTasks ?? 0;
  return (
    <div className="gu-fe__confirm" role="alertdialog" aria-labelledby={titleId} data-testid="publish-confirm">
      <p id={titleId} className="gu-fe__confirm-title">
        {t('publish.confirmTitle')}
      </p>
      <p>{t('publish.confirmIntro')}</p>
      <ul>
        {(details.changes ?? []).map((c) => (
          <li key={`${c.path}|${c.kind}`}>
            <strong>{rows.find((r) => r.path === c.path)?.label[language] ?? c.path}</strong> <code className="gu-fe__code">{c.path}</code>: {t(`changes.kinds.${c.kind}`)}
          </li>
        ))}
      </ul>
      <p data-testid="publish-impact">
        {t('publish.impactTasks', { count: openTasks })} {t('publish.impact', { count: openDrafts })}
      </p>
      {details.impact?.tasks?.length || details.impact?.drafts?.length ? (
        <ul data-testid="publish-impact-list">
          {(details.impact?.tasks ?? []).map((task) => (
            <li key={task.id}>
              <a href={`/tugas/${task.id}`} target="_blank" rel="noreferrer">
                {task.title[language]}
              </a>{' '}
              ({task.jurisdictionCode})
            </li>
          ))}
          {(details.impact?.drafts ?? []).map((d) => (
            <li key={d.id}>
              <a href={`/isian/${d.id}`} target="_blank" rel="noreferrer">
                {t('publish.draftItem', { code: d.jurisdictionCode })}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="gu-fe__actions">
        <Button onClick={onConfirm} disabled={busy} autoFocus>
          {busy ? t('toolbar.publishing') : t('publish.confirm')}
        </Button>
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t('publish.cancel')}
        </Button>
      </div>
    </div>
  );
}
