import { useTranslation } from 'react-i18next';
import type { FormSchema } from '@gugus/forms';
import type { TaskComment } from '@gugus/web-data-access';
import { fieldLabel } from '@gugus/web-shared';
import { fieldDomId } from '../shared/fieldPaths';

export interface CommentListProps {
  comments: readonly TaskComment[];
  /** The form the comments point into, for the fields' labels. */
  schema?: FormSchema;
  /** The id prefix of that form on this page, when it is shown here: each comment then links to its field. */
  idPrefix?: string;
}

/** Comments of a decision, each with the label of the field it points at. */
export function CommentList({ comments, schema, idPrefix }: CommentListProps) {
  const { t } = useTranslation('tasks');
  const goTo = (pointer: string) => {
    const field = document.querySelector<HTMLElement>(`[data-field="${fieldDomId(pointer, idPrefix)}"]`);
    if (!field) return;
    field.scrollIntoView({ behavior: 'smooth', block: 'center' });
    field.querySelector<HTMLElement>('input, select, textarea, button')?.focus({ preventScroll: true });
  };
  return (
    <ul className="gu-tasks__comments" data-testid="comment-list">
      {comments.map((c, i) => {
        const label = c.field ? ((schema && fieldLabel(schema, c.field)) ?? c.field) : t('task.returned.general');
        return (
          <li key={i} className="gu-tasks__comment" data-field-pointer={c.field ?? ''}>
            <span className="gu-tasks__comment-field">{label}</span>
            <span className="gu-tasks__comment-text">{c.text}</span>
            {c.field && idPrefix && (
              <button type="button" className="gu-tasks__link-button" onClick={() => goTo(c.field ?? '')}>
                {t('task.returned.goTo')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
