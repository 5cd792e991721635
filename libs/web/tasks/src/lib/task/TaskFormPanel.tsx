import { useTranslation } from 'react-i18next';
import { useDecideTask, useSaveTaskDraft, type BilingualText, type DecisionErrorDetails, type FormVersionView, type TaskOutcome, type TaskView } from '@gugus/web-data-access';
import { SchemaForm, type FormData } from '@gugus/web-forms';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card } from '@gugus/web-ui';
import { commentMarkerCss } from '../shared/fieldPaths';
import { wib } from '../shared/format';
import { useStyleSheet } from '../shared/useStyleSheet';

export interface TaskFormPanelProps {
  view: TaskView;
  form: FormVersionView;
  data: FormData;
  onChange: (data: FormData) => void;
  /** `processing`: the decision was accepted but is still being recorded (the API answered 202). */
  onDecided: (outcome: TaskOutcome, processing?: BilingualText) => void;
}

const FORM_SCOPE = '.gu-tasks__form';

/**
 * The task's pinned form, starting where the server says (draft, work being revised, or prefill).
 * "Simpan draf" keeps it with the task as it is; "Selesaikan" validates here, then on the server, whose
 * field errors come back to the fields.
 */
export function TaskFormPanel({ view, form, data, onChange, onDecided }: TaskFormPanelProps) {
  const { t } = useTranslation('tasks');
  const { language } = useLanguage();
  const draft = useSaveTaskDraft();
  const decide = useDecideTask();
  const savedAt = draft.result?.savedAt ?? view.draft?.savedAt ?? null;
  const rejection = decide.error?.code === 'VALIDATION_FAILED' ? (decide.error.details as DecisionErrorDetails).extraErrors : undefined;
  useStyleSheet(commentMarkerCss(FORM_SCOPE, view.returnedComments, t('task.returned.marker')));

  const complete = async (valid: FormData) => {
    draft.reset();
    const result = await decide.submit({ taskId: view.id, outcome: 'completed', data: valid });
    if (result) onDecided('completed', result.processing);
  };
  const saveDraft = async () => {
    decide.reset();
    await draft.submit({ taskId: view.id, data });
  };

  return (
    <Card className="gu-tasks__form" data-testid="task-form">
      <h2 className="gu-tasks__section-title">{form.title}</h2>
      <SchemaForm
        key={`${view.id}:${form.id}`}
        schema={form.schema}
        uiSchema={form.uiSchema}
        formData={data}
        onChange={onChange}
        onSubmit={(valid) => void complete(valid)}
        extraErrors={rejection}
        jurisdictionCode={view.jurisdictionCode}
        agencyJurisdictions={view.agencyJurisdictions}
        data-testid="schema-form"
      >
        {decide.error &&
          (rejection ? (
            <Alert tone="error" data-testid="task-rejected">
              {t('task.form.rejected')}
            </Alert>
          ) : (
            <ApiErrorAlert error={decide.error} title={t('task.form.failed')} />
          ))}
        {draft.error && <ApiErrorAlert error={draft.error} title={t('task.form.draftFailed')} />}
        <div className="gu-tasks__actions">
          <Button type="submit" disabled={decide.isSubmitting || draft.isSubmitting} data-testid="task-complete">
            {decide.isSubmitting ? t('task.form.completing') : t('task.form.complete')}
          </Button>
          <Button variant="secondary" disabled={decide.isSubmitting || draft.isSubmitting} onClick={() => void saveDraft()} data-testid="task-save-draft">
            {draft.isSubmitting ? t('task.form.savingDraft') : t('task.form.saveDraft')}
          </Button>
          {savedAt && (
            <span className="gu-tasks__muted" role="status" data-testid="draft-saved">
              {t('task.form.draftSaved', { time: wib(savedAt, language) })}
            </span>
          )}
        </div>
      </SchemaForm>
    </Card>
  );
}
