import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { Role, type PeriodicReportSummary, type ReportLevel } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useOpenReportCycle, useReportCycle, useReportCycles } from '@gugus/web-data-access';
import { formatDate, formatDateTime, formatNumber, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, EmptyState, Loading, PageHeader, SelectField, Tag, TextField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import { reportPaths } from '../paths';
import { ReportsTabs } from '../ReportsTabs';
import '../Reports.css';

const LEVELS: ReportLevel[] = ['regency', 'province', 'national'];

/** "On time", "late", "not submitted" (and whether the due day has passed), as a reader scans for it. */
export function Timeliness({ report }: { report: PeriodicReportSummary }) {
  const { t } = useTranslation('reports');
  if (report.onTime === true) return <Tag tone="primary">{t('periodic.onTime')}</Tag>;
  if (report.onTime === false) return <Tag tone="accent">{t('periodic.late')}</Tag>;
  return <Tag>{report.overdue ? t('periodic.missingOverdue') : t('periodic.notYet')}</Tag>;
}

/**
 * `/laporan/berkala?periode=2027-Q1`: a quarter's reports up the hierarchy — for each task force the caller
 * covers, the latest version, its status and whether it came on time; timeliness per level as a headline
 * (who has not submitted is itself a figure). The national level opens a cycle by hand here; the
 * quarterly schedule opens them otherwise.
 */
export function PeriodicReportsPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const cycles = useReportCycles();
  const period = params.get('periode') ?? cycles.data?.[0]?.period;
  const cycle = useReportCycle(period);
  const [level, setLevel] = useState<'all' | ReportLevel>('all');
  const [onlyPending, setOnlyPending] = useState(false);
  const national = (me?.grants ?? []).some((g) => g.role === Role.NATIONAL_ANALYST || g.role === Role.SYSTEM_ADMIN);
  const data = cycle.data;
  const rows = (data?.reports ?? [])
    .filter((r) => level === 'all' || r.level === level)
    .filter((r) => !onlyPending || r.onTime !== true)
    .sort((a, b) => LEVELS.indexOf(b.level) - LEVELS.indexOf(a.level) || a.jurisdictionCode.localeCompare(b.jurisdictionCode));
  return (
    <div className="gu-reports" data-testid="periodic-reports-page">
      <PageHeader title={t('periodic.title')} intro={t('periodic.intro')} />
      <ReportsTabs />
      {national && <OpenCycle onOpened={(p) => setParams(new URLSearchParams({ periode: p }))} />}
      {cycles.error && <ApiErrorAlert error={cycles.error} />}
      {cycles.isLoading && !cycles.data && <Loading label={tc('loading')} />}
      {cycles.data && cycles.data.length === 0 && <EmptyState title={t('periodic.noCycles')} message={t('periodic.noCyclesHint')} />}
      {cycles.data && cycles.data.length > 0 && (
        <Card className="gu-reports__filters">
          <SelectField label={t('periodic.period')} value={period ?? ''} onChange={(e) => setParams(new URLSearchParams({ periode: e.target.value }))} data-testid="cycle-period">
            {cycles.data.map((c) => (
              <option key={c.period} value={c.period}>
                {c.period} — {c.status === 'open' ? t('periodic.cycleOpen') : t('periodic.cycleClosed')}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('periodic.level')} value={level} onChange={(e) => setLevel(e.target.value as 'all' | ReportLevel)} data-testid="cycle-level">
            <option value="all">{t('periodic.allLevels')}</option>
            {LEVELS.map((l) => (
              <option key={l} value={l}>
                {t(`periodic.levels.${l}`)}
              </option>
            ))}
          </SelectField>
          <label className="gu-reports__check">
            <input type="checkbox" checked={onlyPending} onChange={(e) => setOnlyPending(e.target.checked)} data-testid="cycle-only-pending" /> {t('periodic.onlyPending')}
          </label>
        </Card>
      )}
      {cycle.error && <ApiErrorAlert error={cycle.error} />}
      {data && (
        <>
          <p className="gu-reports__muted">{t('periodic.cycleFacts', { from: formatDate(data.from, language), until: formatDate(data.until, language), opened: formatDateTime(data.openedAt, language) })}</p>
          <Card>
            <table className="gu-reports__table" data-testid="cycle-timeliness">
              <caption>{t('periodic.timelinessCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('periodic.level')}</th>
                  <th scope="col" className="gu-reports__count">
                    {t('periodic.expected')}
                  </th>
                  <th scope="col" className="gu-reports__count">
                    {t('periodic.onTime')}
                  </th>
                  <th scope="col" className="gu-reports__count">
                    {t('periodic.late')}
                  </th>
                  <th scope="col" className="gu-reports__count">
                    {t('periodic.notSubmitted')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.timeliness.map((x) => (
                  <tr key={x.level} data-level={x.level}>
                    <th scope="row">{t(`periodic.levels.${x.level}`)}</th>
                    <td className="gu-reports__count">{formatNumber(x.expected, language)}</td>
                    <td className="gu-reports__count" data-testid="timeliness-on-time">
                      {formatNumber(x.onTime, language)}
                    </td>
                    <td className="gu-reports__count" data-testid="timeliness-late">
                      {formatNumber(x.late, language)}
                    </td>
                    <td className="gu-reports__count" data-testid="timeliness-missing">
                      {formatNumber(x.missing, language)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </Card>
          <Card>
            <table className="gu-reports__table" data-testid="cycle-reports">
              <caption>{t('periodic.reportsCaption', { period: data.period })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('periodic.region')}</th>
                  <th scope="col">{t('periodic.level')}</th>
                  <th scope="col">{t('periodic.status')}</th>
                  <th scope="col">{t('periodic.due')}</th>
                  <th scope="col">{t('periodic.firstSubmitted')}</th>
                  <th scope="col">{t('periodic.timeliness')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} data-code={r.jurisdictionCode}>
                    <th scope="row">
                      <Link to={reportPaths.periodicReport(r.id)}>{r.jurisdictionName}</Link> <span className="gu-reports__muted">{r.jurisdictionCode}</span>
                    </th>
                    <td>{t(`periodic.levels.${r.level}`)}</td>
                    <td>
                      {t(`periodic.statuses.${r.status}`)}
                      {r.version > 1 ? ` · v${r.version}` : ''}
                      {r.round > 1 ? ` · ${t('periodic.roundN', { n: r.round })}` : ''}
                    </td>
                    <td>{formatDate(r.timelinessDueDate, language)}</td>
                    <td>{r.timelinessSubmittedAt ? formatDateTime(r.timelinessSubmittedAt, language) : '—'}</td>
                    <td>
                      <Timeliness report={r} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length === 0 && <p className="gu-reports__muted">{t('periodic.noneHere')}</p>}
          </Card>
        </>
      )}
    </div>
  );
}

function OpenCycle({ onOpened }: { onOpened: (period: string) => void }) {
  const { t } = useTranslation('reports');
  const open = useOpenReportCycle();
  const [period, setPeriod] = useState('');
  return (
    <Card>
      <form
        className="gu-reports__inline"
        onSubmit={(e) => {
          e.preventDefault();
          void open.submit({ period: period.trim() }).then((c) => c && onOpened(c.period));
        }}
      >
        <TextField label={t('periodic.openLabel')} hint={t('periodic.openHint')} value={period} onChange={(e) => setPeriod(e.target.value)} error={open.fieldErrors['period']} placeholder="2027-Q1" data-testid="open-cycle-period" />
        <Button type="submit" disabled={open.isSubmitting || !period.trim()} data-testid="open-cycle">
          {t('periodic.open')}
        </Button>
      </form>
      {open.error && !open.fieldErrors['period'] && <ApiErrorAlert error={open.error} />}
      {open.result && <Alert tone="success">{t('periodic.opened', { period: open.result.period })}</Alert>}
    </Card>
  );
}
