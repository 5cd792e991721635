import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useTask, type BilingualText, type TaskOutcome, type TaskView } from '@gugus/web-data-access';
import { SchemaForm, type FormData } from '@gugus/web-forms';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Card, Loading, PageHeader } from '@gugus/web-ui';
import { taskPaths } from '../shared/paths';
import { TaskStatusTag } from '../shared/TaskBadges';
import { CommentList } from './CommentList';
import { DecisionPanel } from './DecisionPanel';
import { HandOverPanel } from './HandOverPanel';
import { TaskContext } from './TaskContext';
import { TaskFacts } from './TaskFacts';
import { TaskFormPanel } from './TaskFormPanel';
import { TaskHistory } from './TaskHistory';
import '../Tasks.css';

/** How often the page looks again at a task whose decision is still being recorded. */
const PROCESSING_POLL_MS = 3000;

/**
 * `/tugas/:id`: one task. What it is about (context, the work under review), the pinned form with draft
 * and complete, or the approve / return decision; claim, delegate, reassign; and its history.
 */
export function TaskPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation('tasks');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const task = useTask(id);
  // Kept here, not in the form panel, so answers survive the reload a language switch causes.
  const [answers, setAnswers] = useState<{ taskId: string; data: FormData } | undefined>();
  const [decided, setDecided] = useState<{ taskId: string; outcome: TaskOutcome; processing?: BilingualText } | undefined>();
  const view = task.data?.id === id ? task.data : undefined;
  const outcome = decided?.taskId === id ? decided.outcome : undefined;
  // Accepted by the process but not recorded yet (202): say so, and look again until the task has closed.
  const processing = decided?.taskId === id && decided.processing && view?.status === 'open' ? decided.processing : undefined;
  const { reload } = task;
  useEffect(() => {
    if (!processing) return undefined;
    const timer = window.setInterval(reload, PROCESSING_POLL_MS);
    return () => window.clearInterval(timer);
  }, [processing, reload]);

  const onDecided = (result: TaskOutcome, pending?: BilingualText) => {
    setDecided({ taskId: id, outcome: result, processing: pending });
    task.reload();
    window.scrollTo({ top: 0 });
  };

  const title = view?.title[language] ?? t('inbox.title');
  return (
    <div className="gu-tasks" data-testid="task-page">
      <PageHeader
        title={title}
        breadcrumbs={[{ label: t('inbox.title'), to: taskPaths.inbox }, { label: title }]}
        breadcrumbsLabel={tc('breadcrumbs')}
        aside={view && <TaskStatusTag status={view.status} />}
      />
      {task.isLoading && !view && <Loading label={tc('loading')} />}
      {task.error && <ApiErrorAlert error={task.error} />}
      {processing && (
        <Alert tone="info" data-testid="task-processing">
          <p>{processing[language]}</p>
          <p>
            <Link to={taskPaths.inbox}>{t('task.done.back')}</Link>
          </p>
        </Alert>
      )}
      {outcome && !processing && (
        <Alert tone="success" data-testid="task-done">
          <p>{t(`task.done.${outcome}`)}</p>
          <p>
            <Link to={taskPaths.inbox} data-testid="back-to-inbox">
              {t('task.done.back')}
            </Link>
          </p>
        </Alert>
      )}
      {view && <TaskBody view={view} answers={answers?.taskId === id ? answers.data : undefined} onAnswers={(data) => setAnswers({ taskId: id, data })} onChanged={task.reload} onDecided={onDecided} decided={Boolean(outcome)} />}
    </div>
  );
}

interface TaskBodyProps {
  view: TaskView;
  answers: FormData | undefined;
  onAnswers: (data: FormData) => void;
  onChanged: () => void;
  onDecided: (outcome: TaskOutcome, processing?: BilingualText) => void;
  /** Decided in this page view: the form is gone while the page reloads. */
  decided: boolean;
}

function TaskBody({ view, answers, onAnswers, onChanged, onDecided, decided }: TaskBodyProps) {
  const { t } = useTranslation('tasks');
  const open = view.status === 'open' && !decided;
  // A step without a form is decided here: approve or return, or complete it with comments.
  const approval = !view.form && view.outcomes.length > 0;
  const cancelReason = view.history.find((h) => h.kind === 'cancelled')?.detail['reason'] as { id: string; en: string } | undefined;
  const { language } = useLanguage();
  return (
    <>
      {/* Decided here (perhaps still being recorded): nothing more to claim or hand back. */}
      <TaskFacts view={decided ? { ...view, can: { ...view.can, claim: false, unclaim: false } } : view} onChanged={onChanged} />
      {view.status === 'cancelled' && cancelReason && <Alert tone="info">{t('task.cancelled', { reason: cancelReason[language] })}</Alert>}
      <TaskContext view={view} />
      {view.review && (
        <ReviewCard review={view.review} jurisdictionCode={view.jurisdictionCode} collapsed={!approval} />
      )}
      {open && view.form && view.can.act && view.initialData && (
        <TaskFormPanel view={view} form={view.form} data={answers ?? view.initialData} onChange={onAnswers} onDecided={onDecided} />
      )}
      {open && approval && view.can.act && <DecisionPanel key={view.id} view={view} onDecided={onDecided} />}
      {view.access.textWithheld && <Alert tone="info" data-testid="text-withheld">{t('task.withheld.text')}</Alert>}
      {!open && view.submission && view.form && (
        <Card data-testid="task-submission">
          <h2 className="gu-tasks__section-title">{t('task.submission')}</h2>
          <WithheldNote shown={view.submission.withheld.length > 0} />
          <SchemaForm schema={view.form.schema} uiSchema={view.form.uiSchema} formData={view.submission.data} withheld={view.submission.withheld} jurisdictionCode={view.jurisdictionCode} idPrefix="kiriman" readonly data-testid="submission-form" />
        </Card>
      )}
      {view.comments.length > 0 && !open && (
        <Card data-testid="decision-comments">
          <h2 className="gu-tasks__section-title">{t('task.decisionComments')}</h2>
          <CommentList comments={view.comments} schema={view.review?.form.schema ?? view.form?.schema} />
        </Card>
      )}
      {open && (view.can.delegate || view.can.reassign) && <HandOverPanel view={view} onChanged={onChanged} />}
      <TaskHistory history={view.history} />
    </>
  );
}

interface ReviewCardProps {
  review: NonNullable<TaskView['review']>;
  jurisdictionCode: string;
  /** Folded away when it is only background (e.g. the agenda on an invitation). */
  collapsed: boolean;
}

/** The work this step is about, read-only, with its own form version. */
function ReviewCard({ review, jurisdictionCode, collapsed }: ReviewCardProps) {
  const { t } = useTranslation('tasks');
  const form = (
    <>
      <WithheldNote shown={review.withheld.length > 0} />
      <SchemaForm schema={review.form.schema} uiSchema={review.form.uiSchema} formData={review.data} withheld={review.withheld} jurisdictionCode={jurisdictionCode} idPrefix="tinjau" readonly data-testid="review-form" />
    </>
  );
  return (
    <Card data-testid="task-review">
      {collapsed ? (
        <details className="gu-tasks__details">
          <summary>{t('task.review.show', { form: review.form.title })}</summary>
          {form}
        </details>
      ) : (
        <>
          <h2 className="gu-tasks__section-title">{t('task.review.title', { form: review.form.title })}</h2>
          {form}
        </>
      )}
    </Card>
  );
}

/** Says that answers are left out of a record the reader does not work on (need to know). */
function WithheldNote({ shown }: { shown: boolean }) {
  const { t } = useTranslation('tasks');
  if (!shown) return null;
  return (
    <Alert tone="info" data-testid="answers-withheld">
      {t('task.withheld.answers')}
    </Alert>
  );
}
