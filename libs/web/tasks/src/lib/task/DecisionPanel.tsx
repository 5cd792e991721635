import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDecideTask, type BilingualText, type TaskComment, type TaskOutcome, type TaskView } from '@gugus/web-data-access';
import { ApiErrorAlert } from '@gugus/web-shared';
import { Alert, Button, Card, SelectField, TextAreaField } from '@gugus/web-ui';
import { commentTargets, type FieldTarget } from '../shared/fieldPaths';
import { useTaskContextView } from './taskContextViews';

export interface DecisionPanelProps {
  view: TaskView;
  /** `processing`: the decision was accepted but is still being recorded (the API answered 202). */
  onDecided: (outcome: TaskOutcome, processing?: BilingualText) => void;
}

interface Draft {
  field: string;
  text: string;
}

const NO_TARGETS: readonly FieldTarget[] = [];
const useNoTargets = () => NO_TARGETS;

/**
 * Approve, or return with comments; or, for a step without a form (e.g. commenting on a draft), complete
 * it with comments. Each comment may point at a part of the reviewed form (a field, or one item of a list
 * such as an action point) or at a place the process offers; returning needs at least one. Keyed by the
 * task where it is shown: the process's targets hook stays the same for the panel's life.
 */
export function DecisionPanel({ view, onDecided }: DecisionPanelProps) {
  const { t } = useTranslation('tasks');
  const decide = useDecideTask();
  const [comments, setComments] = useState<Draft[]>([]);
  const [pending, setPending] = useState<TaskOutcome | undefined>();
  const [problem, setProblem] = useState<string | undefined>();
  const useProcessTargets = useTaskContextView(view.context.kind)?.useCommentTargets ?? useNoTargets;
  const processTargets = useProcessTargets(view);
  const formTargets = useMemo(() => (view.review ? commentTargets(view.review.form.schema, view.review.form.uiSchema, view.review.data) : []), [view.review]);
  const targets = [...formTargets, ...processTargets];
  const completes = view.outcomes.includes('completed');

  const change = (index: number, next: Partial<Draft>) => setComments((list) => list.map((c, i) => (i === index ? { ...c, ...next } : c)));
  const send = async (outcome: TaskOutcome) => {
    setProblem(undefined);
    const filled: TaskComment[] = comments.filter((c) => c.text.trim()).map((c) => ({ ...(c.field ? { field: c.field } : {}), text: c.text.trim() }));
    if (filled.length < comments.length) return setProblem(t('task.decision.emptyComment'));
    if (outcome === 'returned' && !filled.length) return setProblem(t('task.decision.returnNeedsComment'));
    setPending(outcome);
    const result = await decide.submit({ taskId: view.id, outcome, comments: filled });
    if (result) onDecided(outcome, result.processing);
  };
  const serverComplaint = decide.error?.fieldErrors['comments'];

  return (
    <Card className="gu-tasks__decision" data-testid="task-decision">
      <h2 className="gu-tasks__section-title">{t(completes ? 'task.decision.completeTitle' : 'task.decision.title')}</h2>
      <p className="gu-tasks__muted">{t(completes ? 'task.decision.completeIntro' : 'task.decision.intro')}</p>
      <fieldset className="gu-tasks__comment-editor">
        <legend className="gu-tasks__subtitle">{t('task.decision.comments')}</legend>
        {comments.length === 0 && <p className="gu-tasks__muted">{t('task.decision.noComments')}</p>}
        {comments.map((c, i) => (
          <div key={i} className="gu-tasks__comment-draft" data-testid="comment-draft">
            <SelectField label={t('task.decision.field')} value={c.field} onChange={(e) => change(i, { field: e.target.value })}>
              <option value="">{t('task.decision.fieldNone')}</option>
              {targets.map((target) => (
                <option key={target.pointer} value={target.pointer}>
                  {target.label}
                </option>
              ))}
            </SelectField>
            <TextAreaField label={t('task.decision.text')} value={c.text} rows={3} maxLength={2000} onChange={(e) => change(i, { text: e.target.value })} />
            <Button variant="secondary" onClick={() => setComments((list) => list.filter((_, j) => j !== i))}>
              {t('task.decision.removeComment', { n: i + 1 })}
            </Button>
          </div>
        ))}
        <Button variant="secondary" onClick={() => setComments((list) => [...list, { field: '', text: '' }])} data-testid="add-comment">
          {t('task.decision.addComment')}
        </Button>
      </fieldset>
      {(problem ?? serverComplaint) && (
        <Alert tone="error" data-testid="decision-problem">
          {problem ?? serverComplaint}
        </Alert>
      )}
      {decide.error && !serverComplaint && <ApiErrorAlert error={decide.error} title={t('task.decision.failed')} />}
      <div className="gu-tasks__actions">
        {completes && (
          <Button onClick={() => void send('completed')} disabled={decide.isSubmitting} data-testid="task-complete">
            {decide.isSubmitting ? t('task.form.completing') : t('task.form.complete')}
          </Button>
        )}
        {view.outcomes.includes('approved') && (
          <Button onClick={() => void send('approved')} disabled={decide.isSubmitting} data-testid="task-approve">
            {decide.isSubmitting && pending === 'approved' ? t('task.decision.approving') : t('task.decision.approve')}
          </Button>
        )}
        {view.outcomes.includes('returned') && (
          <Button variant="secondary" onClick={() => void send('returned')} disabled={decide.isSubmitting} data-testid="task-return">
            {decide.isSubmitting && pending === 'returned' ? t('task.decision.returning') : t('task.decision.return')}
          </Button>
        )}
      </div>
    </Card>
  );
}
