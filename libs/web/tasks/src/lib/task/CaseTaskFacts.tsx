import { useTranslation } from 'react-i18next';
import type { TaskView } from '@gugus/web-data-access';

/**
 * What a case task says about its case on the task page (registered for context kind `case` where the app
 * builds the task page): the coded case id and the step. Nothing about the person: the case is known by
 * its code alone, and the answers are in the task's form.
 */
export function CaseTaskFacts({ view }: { view: TaskView }) {
  const { t } = useTranslation('tasks');
  const c = view.context;
  if (c.kind !== 'case') return null;
  return (
    <dl className="gu-tasks__facts">
      <div>
        <dt>{t('task.context.case')}</dt>
        <dd data-testid="task-case-code">{c.caseCode}</dd>
      </div>
      <div>
        <dt>{t('task.context.caseStep')}</dt>
        <dd>{t(`steps.${c.step}`)}</dd>
      </div>
    </dl>
  );
}
