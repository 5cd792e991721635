import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePeriodicReport, type TaskView } from '@gugus/web-data-access';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { reportPaths } from '../paths';
import { FiguresTables } from './FiguresTables';

/**
 * What a periodic report task says about its report on the task page (registered for context kind
 * `report`): the period, the task force and the version — and, for a step without a form (a province's or
 * the nation's aggregate, a review), the figures themselves, so the decision is taken on them.
 */
export function ReportTaskFacts({ view }: { view: TaskView }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const c = view.context;
  const report = usePeriodicReport(c.kind === 'report' ? c.reportId : undefined);
  if (c.kind !== 'report') return null;
  const r = report.data;
  return (
    <div data-testid="report-task-facts">
      <dl className="gu-tasks__facts">
        <div>
          <dt>{t('periodic.period')}</dt>
          <dd>{c.period}</dd>
        </div>
        <div>
          <dt>{t('periodic.region')}</dt>
          <dd>
            {c.reportJurisdictionName} ({t(`periodic.levels.${c.level}`)})
          </dd>
        </div>
        <div>
          <dt>{t('periodic.version')}</dt>
          <dd>v{c.version}</dd>
        </div>
        {r && (
          <div>
            <dt>{t('periodic.due')}</dt>
            <dd>{formatDate(r.dueDate, language)}</dd>
          </div>
        )}
      </dl>
      <p>
        <Link to={reportPaths.periodicReport(c.reportId)}>{t('periodic.openReport')}</Link>
      </p>
      {r && !view.form && <FiguresTables figures={r.figures} computed={r.computed} labels={r.labels} />}
    </div>
  );
}
