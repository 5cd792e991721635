import { useTranslation } from 'react-i18next';
import { useConferenceAction, type TaskView } from '@gugus/web-data-access';
import { formatDate } from '@gugus/web-i18n';
import { ReferralPacket } from './ReferralPacket';

/**
 * What a case task says about its case on the task page (registered for context kind `case` where the app
 * builds the task page): the coded case id and the step. Nothing about the person: the case is known by
 * its code alone, and the answers are in the task's form. A conference action shows that one action's
 * words, read from the API for the task's holder (the read is audited).
 */
export function CaseTaskFacts({ view }: { view: TaskView }) {
  const { t } = useTranslation('tasks');
  const c = view.context;
  if (c.kind !== 'case') return null;
  return (
    <>
      <dl className="gu-tasks__facts">
        <div>
          <dt>{t('task.context.case')}</dt>
          <dd data-testid="task-case-code">{c.caseCode}</dd>
        </div>
        <div>
          <dt>{t('task.context.caseStep')}</dt>
          <dd>{t(`steps.${c.step}`)}</dd>
        </div>
        {c.conferenceRound && c.conferenceRound > 1 ? (
          <div>
            <dt>{t('task.context.conferenceRound')}</dt>
            <dd>{c.conferenceRound}</dd>
          </div>
        ) : null}
      </dl>
      {c.step === 'conference-action' ? <ConferenceActionFacts code={c.caseCode} taskId={view.id} /> : null}
      {c.referralNumber && (c.step === 'referral-response' || c.step === 'service-outcome') ? <ReferralPacket code={c.caseCode} number={c.referralNumber} /> : null}
    </>
  );
}

function ConferenceActionFacts({ code, taskId }: { code: string; taskId: string }) {
  const { t, i18n } = useTranslation('tasks');
  const action = useConferenceAction(code, taskId);
  if (action.isLoading) return <p className="gu-muted">{t('task.context.actionLoading')}</p>;
  if (action.error || !action.data) return <p className="gu-muted" data-testid="conference-action-missing">{t('task.context.actionUnavailable')}</p>;
  const a = action.data;
  const language = i18n.language === 'en' ? 'en' : 'id';
  return (
    <dl className="gu-tasks__facts" data-testid="conference-action">
      <div>
        <dt>{t('task.context.action', { number: a.number })}</dt>
        <dd data-testid="conference-action-text">{a.description}</dd>
      </div>
      {a.serviceLabel ? (
        <div>
          <dt>{t('task.context.actionService')}</dt>
          <dd>{a.serviceLabel[language]}</dd>
        </div>
      ) : null}
      {a.conferenceDate ? (
        <div>
          <dt>{t('task.context.conferenceDate')}</dt>
          <dd>{formatDate(a.conferenceDate, language)}</dd>
        </div>
      ) : null}
    </dl>
  );
}
