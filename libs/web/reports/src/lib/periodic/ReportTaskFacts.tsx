import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { usePeriodicReport, type TaskView } from '@gugus/web-data-access';
import { formatDate, useLanguage } from '@gugus/web-i18n';
import { reportPaths } from '../paths';
import { FiguresTables } from './FiguresTables';
import { ReportParts } from './ReportParts';

/**
 * What a periodic report task says about its report on the task page (registered for context kind
 * `report`): the period, the task force and the version — and, for a step without a form (a province's or
 * the nation's aggregate, a review), the figures themselves, so the decision is taken on them. The focal
 * point's own task lists its member agencies' parts; a member agency's part task says where it goes.
 */
export function ReportTaskFacts({ view }: { view: TaskView }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const c = view.context;
  // A member agency's part: its officer does not read the report itself (it is the focal point's).
  const part = c.kind === 'report' && c.partAgencyId ? c : null;
  const report = usePeriodicReport(c.kind === 'report' && !part ? c.reportId : undefined);
  if (c.kind !== 'report') return null;
  const r = report.data;
  const facts: [label: string, value: ReactNode][] = part
    ? [
        [t('periodic.period'), c.period],
        [t('periodic.parts.partFor'), part.partAgencyName],
        [t('periodic.parts.sentTo'), `${c.reportJurisdictionName} (${t('periodic.levels.regency')})`],
      ]
    : [
        [t('periodic.period'), c.period],
        [t('periodic.region'), `${c.reportJurisdictionName} (${t(`periodic.levels.${c.level}`)})`],
        [t('periodic.version'), `v${c.version}`],
        ...(r ? [[t('periodic.due'), formatDate(r.dueDate, language)] as [string, ReactNode]] : []),
      ];
  return (
    <div data-testid="report-task-facts" data-part={part?.partAgencyId}>
      <dl className="gu-tasks__facts">
        {facts.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {part ? (
        <p>{t('periodic.parts.partIntro', { region: c.reportJurisdictionName, period: c.period })}</p>
      ) : (
        <p>
          <Link to={reportPaths.periodicReport(c.reportId)}>{t('periodic.openReport')}</Link>
        </p>
      )}
      {r && view.step === 'regency-report' && <ReportParts parts={r.parts} total={r.partsTotal} />}
      {r && !view.form && <FiguresTables figures={r.figures} computed={r.computed} labels={r.labels} />}
    </div>
  );
}
