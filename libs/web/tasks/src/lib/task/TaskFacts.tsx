import { useTranslation } from 'react-i18next';
import { useAuth } from '@gugus/web-auth';
import { useClaimTask, useUnclaimTask, type TaskView } from '@gugus/web-data-access';
import { ApiErrorAlert } from '@gugus/web-shared';
import { useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card } from '@gugus/web-ui';
import { wib } from '../shared/format';
import { isKnownStep, processName } from '../shared/labels';
import { DueBadges, TaskStatusTag } from '../shared/TaskBadges';

export interface TaskFactsProps {
  view: TaskView;
  onChanged: () => void;
}

/** Status, due date, assignee and holder, with claim / release. */
export function TaskFacts({ view, onChanged }: TaskFactsProps) {
  const { t } = useTranslation('tasks');
  const { t: to } = useTranslation('orgs');
  const { language } = useLanguage();
  const { me } = useAuth();
  const claim = useClaimTask();
  const unclaim = useUnclaimTask();
  const run = async (action: typeof claim) => {
    claim.reset();
    unclaim.reset();
    if (await action.submit(view.id)) onChanged();
  };
  const open = view.status === 'open';
  const heldByOther = open && view.claimedBy && view.claimedBy.id !== me?.personId;
  const mine = Boolean(view.initialData) || view.can.claim || view.can.unclaim;
  const error = claim.error ?? unclaim.error;
  return (
    <Card data-testid="task-facts">
      <dl className="gu-tasks__facts">
        <div>
          <dt>{t('task.facts.status')}</dt>
          <dd>
            <TaskStatusTag status={view.status} />
          </dd>
        </div>
        <div>
          <dt>{t('task.facts.due')}</dt>
          <dd data-testid="task-due">
            <time dateTime={view.dueAt}>{wib(view.dueAt, language)}</time> <DueBadges overdue={view.overdue} escalated={Boolean(view.escalatedAt)} />
          </dd>
        </div>
        <div>
          <dt>{t('task.facts.assignee')}</dt>
          <dd data-testid="task-assignee">
            {view.assignee.agencyName ?? t('inbox.unknownAgency')}
            <span className="gu-tasks__meta">
              {to(`roles.${view.assignee.role}`)}
              {view.assignee.positionTitle ? ` · ${t('task.position', { title: view.assignee.positionTitle })}` : ''}
            </span>
          </dd>
        </div>
        <div>
          <dt>{t('task.facts.claimedBy')}</dt>
          <dd data-testid="task-claimed-by">{view.claimedBy ? (view.claimedBy.name ?? t('task.someone')) : t('task.facts.notClaimed')}</dd>
        </div>
        <div>
          <dt>{t('task.facts.step')}</dt>
          <dd>
            {isKnownStep(view.step) ? t(`steps.${view.step}`) : view.step}
            <span className="gu-tasks__meta">{processName(view.processKey, language)}</span>
          </dd>
        </div>
        {open && view.escalateAt && (
          <div>
            <dt>{t('task.facts.escalateAt')}</dt>
            <dd>{wib(view.escalateAt, language)}</dd>
          </div>
        )}
        {view.completedAt && (
          <div>
            <dt>{t('task.facts.completed')}</dt>
            <dd>{t('task.facts.completedBy', { date: wib(view.completedAt, language), name: view.completedBy?.name ?? t('task.history.system') })}</dd>
          </div>
        )}
      </dl>
      {heldByOther && (
        <Alert tone="info" data-testid="claimed-by-other">
          {t('task.claimedByOther', { name: view.claimedBy?.name ?? t('task.someone') })}
        </Alert>
      )}
      {open && !mine && !heldByOther && (
        <Alert tone="info" data-testid="not-yours">
          {t('task.notYours')}
        </Alert>
      )}
      {(view.can.claim || view.can.unclaim) && (
        <div className="gu-tasks__actions">
          {view.can.claim && (
            <>
              <Button variant="secondary" onClick={() => void run(claim)} disabled={claim.isSubmitting} data-testid="task-claim">
                {claim.isSubmitting ? t('task.claiming') : t('task.claim')}
              </Button>
              <span className="gu-tasks__muted">{t('task.claimHint')}</span>
            </>
          )}
          {view.can.unclaim && (
            <Button variant="secondary" onClick={() => void run(unclaim)} disabled={unclaim.isSubmitting} data-testid="task-unclaim">
              {unclaim.isSubmitting ? t('task.unclaiming') : t('task.unclaim')}
            </Button>
          )}
        </div>
      )}
      {error && <ApiErrorAlert error={error} title={t('task.actionsFailed')} />}
    </Card>
  );
}
