import { useTranslation } from 'react-i18next';

/** A comment as it is shown beside the place it is anchored to. */
export interface CommentNote {
  key: string;
  text: string;
  /** Who and when, e.g. "Biro Hukum · putaran 1 · 3 Maret 2028". */
  meta?: string;
  /** Whether a later version changed the place (review page); omitted where it does not apply. */
  addressed?: boolean;
}

/** Comments beside a section or an activity. */
export function CommentNotes({ notes, testId = 'plan-comments' }: { notes: readonly CommentNote[]; testId?: string }) {
  const { t } = useTranslation('plans');
  if (!notes.length) return null;
  return (
    <ul className="gu-plans__notes" data-testid={testId} aria-label={t('comments.label')}>
      {notes.map((n) => (
        <li key={n.key} className={`gu-plans__note${n.addressed === undefined ? '' : n.addressed ? ' gu-plans__note--addressed' : ' gu-plans__note--open'}`} data-testid="plan-comment" data-addressed={n.addressed === undefined ? undefined : String(n.addressed)}>
          <span className="gu-plans__note-text">{n.text}</span>
          {(n.meta || n.addressed !== undefined) && (
            <span className="gu-plans__note-meta">
              {n.meta}
              {n.addressed !== undefined && <span className={`gu-plans__pill gu-plans__note-state--${n.addressed ? 'addressed' : 'open'}`}>{t(n.addressed ? 'comments.addressed' : 'comments.open')}</span>}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
