import { useTranslation } from 'react-i18next';
import type { PlanBudget } from '@gugus/contracts';
import { useLanguage } from '@gugus/web-i18n';

/**
 * The plan core's non-blocking budget warnings of a version (administrative costs above operational ones
 * in a section or in the whole plan): the version stands, the reader is asked to look again.
 */
export function BudgetWarnings({ budget }: { budget: PlanBudget }) {
  const { t } = useTranslation('plans');
  const { language } = useLanguage();
  if (budget.warnings.length === 0) return null;
  return (
    <div className="gu-plans__budget-warnings" role="status" data-testid="budget-warnings">
      <strong>{t('budget.warningsTitle')}</strong>
      <ul>
        {budget.warnings.map((w) => (
          <li key={`${w.code}-${w.subTaskForce ?? 'plan'}`} data-testid="budget-warning" data-section={w.subTaskForce ?? ''}>
            {w.message[language]}
          </li>
        ))}
      </ul>
    </div>
  );
}
