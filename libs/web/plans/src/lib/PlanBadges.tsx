import { useTranslation } from 'react-i18next';
import { ROLES, type PlanStage, type PlanStatus, type PlanSummary, type Role } from '@gugus/contracts';

export function PlanStageTag({ stage }: { stage: PlanStage }) {
  const { t } = useTranslation('plans');
  return (
    <span className={`gu-plans__pill gu-plans__stage--${stage}`} data-testid="plan-stage" data-stage={stage}>
      {t(`stages.${stage}`)}
    </span>
  );
}

export function PlanStatusTag({ status }: { status: PlanStatus }) {
  const { t } = useTranslation('plans');
  return (
    <span className={`gu-plans__pill gu-plans__status--${status}`} data-testid="plan-status" data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

const isRole = (role: string): role is Role => (ROLES as readonly string[]).includes(role);

/** A holder's role in the reader's language (an unknown role as it is). */
export function useRoleName(): (role: string) => string {
  const { t } = useTranslation('orgs');
  return (role) => (isRole(role) ? t(`roles.${role}`) : role);
}

/** A task step's name in the reader's language (an unknown step as it is). */
export function useStepName(): (step: string) => string {
  const { t } = useTranslation('plans');
  return (step) => t(`holder.steps.${step}`, { defaultValue: step });
}

/**
 * Who holds the plan now: the agency and its role; several agencies at once (sections drafted in
 * parallel, integration) when no single one does; a body outside the task force during a pause.
 */
export function HolderText({ holder, stage }: { holder: PlanSummary['holder']; stage: PlanStage }) {
  const { t } = useTranslation('plans');
  const roleName = useRoleName();
  if (!holder) return <span className="gu-plans__muted">{t(stage === 'outside_body' ? 'holder.outside' : 'holder.several')}</span>;
  return (
    <span data-testid="plan-holder">
      {holder.agency?.name ?? t('holder.outside')}
      <span className="gu-plans__meta">{roleName(holder.role)}</span>
    </span>
  );
}
