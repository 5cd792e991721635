import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Role } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useCorrectReport, usePeriodicReport } from '@gugus/web-data-access';
import { formatDate, formatDateTime, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader, TextAreaField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { reportPaths } from '../paths';
import { FiguresTables } from './FiguresTables';
import { ReportParts } from './ReportParts';
import { Timeliness } from './PeriodicReportsPage';
import '../Reports.css';

/** Who may ask for a correction (the server decides: the reporting task force, or the level above). */
const CORRECTORS: readonly Role[] = [Role.SECRETARIAT, Role.PROVINCIAL_ADMIN, Role.NATIONAL_ANALYST, Role.SYSTEM_ADMIN];

/**
 * `/laporan/berkala/laporan/:id`: one version of a report — what was submitted beside what was computed,
 * which reports below it counts and which were missing, its versions (an accepted version stays readable
 * after a correction), and the correction itself. Counts only; always with what they cannot show.
 */
export function PeriodicReportPage() {
  const { id } = useParams();
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const report = usePeriodicReport(id);
  const correct = useCorrectReport();
  const [reason, setReason] = useState('');
  const r = report.data;
  const mayCorrect = (me?.grants ?? []).some((g) => CORRECTORS.includes(g.role));
  return (
    <div className="gu-reports" data-testid="periodic-report-page">
      <PageHeader
        title={r ? t('periodic.reportTitle', { name: r.jurisdictionName, period: r.period }) : t('periodic.title')}
        breadcrumbs={[{ label: t('periodic.title'), to: r ? `${reportPaths.periodic}?periode=${r.period}` : reportPaths.periodic }, { label: r ? `${r.jurisdictionName} ${r.period}` : '…' }]}
      />
      {report.error && <ApiErrorAlert error={report.error} />}
      {report.isLoading && !r && <Loading label={tc('loading')} />}
      {r && (
        <>
          <Card>
            <dl className="gu-reports__facts" data-testid="report-facts">
              <div>
                <dt>{t('periodic.level')}</dt>
                <dd>{t(`periodic.levels.${r.level}`)}</dd>
              </div>
              <div>
                <dt>{t('periodic.version')}</dt>
                <dd data-testid="report-version">v{r.version}</dd>
              </div>
              <div>
                <dt>{t('periodic.status')}</dt>
                <dd data-testid="report-status">
                  {t(`periodic.statuses.${r.status}`)}
                  {r.round > 1 ? ` · ${t('periodic.roundN', { n: r.round })}` : ''}
                </dd>
              </div>
              <div>
                <dt>{t('periodic.due')}</dt>
                <dd>{formatDate(r.dueDate, language)}</dd>
              </div>
              <div>
                <dt>{t('periodic.firstSubmitted')}</dt>
                <dd>{r.firstSubmittedAt ? formatDateTime(r.firstSubmittedAt, language) : '—'}</dd>
              </div>
              <div>
                <dt>{t('periodic.timeliness')}</dt>
                <dd>
                  <Timeliness report={r} />
                </dd>
              </div>
              {r.acceptedAt && (
                <div>
                  <dt>{t('periodic.acceptedAt')}</dt>
                  <dd>{formatDateTime(r.acceptedAt, language)}</dd>
                </div>
              )}
            </dl>
            {r.correctionReason && <p data-testid="report-correction-reason">{t('periodic.correctionOf', { reason: r.correctionReason })}</p>}
            {r.status === 'accepted' && <p className="gu-reports__muted">{t('periodic.locked')}</p>}
          </Card>
          {r.versions.length > 1 && (
            <Card>
              <h2 className="gu-reports__h2">{t('periodic.versions')}</h2>
              <ul data-testid="report-versions">
                {r.versions.map((v) => (
                  <li key={v.id}>
                    {v.id === r.id ? <strong>v{v.version}</strong> : <Link to={reportPaths.periodicReport(v.id)}>v{v.version}</Link>} — {t(`periodic.statuses.${v.status}`)}
                    {v.acceptedAt ? ` (${formatDateTime(v.acceptedAt, language)})` : ''}
                  </li>
                ))}
              </ul>
            </Card>
          )}
          {r.level !== 'regency' && (
            <Card>
              <p>{t('periodic.countedN', { n: r.counted.length })}</p>
              {r.missing.length > 0 && (
                <p data-testid="report-missing">
                  {t('periodic.missingBelow')}: {r.missing.map((m) => `${m.jurisdictionName} (${m.jurisdictionCode})`).join(', ')}
                </p>
              )}
            </Card>
          )}
          <p className="gu-reports__muted">{r.level === 'regency' ? t('periodic.computedRegency') : t('periodic.computedAggregate')}</p>
          <FiguresTables figures={r.figures} computed={r.computed} labels={r.labels} />
          <ReportParts parts={r.parts} total={r.partsTotal} />
          <Alert tone="info" data-testid="report-caveats">
            <p className="gu-reports__strong">{t('figures.caveats')}</p>
            <ul>
              {r.caveats.map((c) => (
                <li key={c.en}>{c[language]}</li>
              ))}
            </ul>
          </Alert>
          {mayCorrect && r.status === 'accepted' && (
            <Card>
              <form
                onSubmit={(e) => {
                  e.preventDefault();
                  void correct.submit({ id: r.id, reason }).then((next) => next && setReason(''));
                }}
              >
                <h2 className="gu-reports__h2">{t('periodic.correctTitle')}</h2>
                <TextAreaField label={t('periodic.correctReason')} hint={t('periodic.correctHint')} value={reason} onChange={(e) => setReason(e.target.value)} error={correct.fieldErrors['reason']} maxLength={1000} data-testid="correct-reason" />
                <Button type="submit" variant="secondary" disabled={correct.isSubmitting || !reason.trim()} data-testid="correct-report">
                  {t('periodic.correct')}
                </Button>
              </form>
              {correct.error && !correct.fieldErrors['reason'] && <ApiErrorAlert error={correct.error} />}
              {correct.result && (
                <Alert tone="success">
                  {t('periodic.correctionOpened', { version: correct.result.version })} <Link to={reportPaths.periodicReport(correct.result.id)}>{t('periodic.openVersion')}</Link>
                </Alert>
              )}
            </Card>
          )}
        </>
      )}
    </div>
  );
}
