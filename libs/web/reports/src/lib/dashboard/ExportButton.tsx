import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router-dom';
import type { ReportExportKind } from '@gugus/contracts';
import { useReportExport, useReportExportFile, useStartReportExport } from '@gugus/web-data-access';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { Button } from '@gugus/web-ui';
import { ApiErrorAlert, saveFile } from '@gugus/web-shared';

/**
 * The XLSX export of the accepted reports of the dashboard's scope and range. It runs on the server in the
 * background: the page shows its progress and, when ready (a notification also says so, linking back here
 * to `/laporan/dasbor/ekspor/<id>`), the download. The export's id lives in the address, so leaving and coming back finds it.
 */
export function ExportButton({ query, caseRecords }: { query: { jurisdictionCode: string; from: string; to: string }; caseRecords: boolean }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const [params, setParams] = useSearchParams();
  // A new export's id is in the query; the notification's link names one in the path.
  const { exportId } = useParams();
  const id = params.get('ekspor') ?? exportId ?? undefined;
  const start = useStartReportExport();
  const status = useReportExport(id);
  const file = useReportExportFile();
  const [format, setFormat] = useState<'xlsx' | 'csv'>('xlsx');
  const run = async (kind: ReportExportKind) => {
    const started = await start.submit({ kind, format, ...query });
    if (!started) return;
    const next = new URLSearchParams(params);
    next.set('ekspor', started.id);
    setParams(next, { replace: true });
  };
  const download = async () => {
    if (!id) return;
    const f = await file.submit({ id });
    if (f) saveFile(f.blob, f.fileName ?? status.data?.fileName ?? 'ekspor');
  };
  const x = status.data;
  return (
    <div className="gu-dashboard__export" data-testid="dashboard-export">
      <select className="gu-input gu-select gu-dashboard__format" value={format} onChange={(e) => setFormat(e.target.value === 'csv' ? 'csv' : 'xlsx')} aria-label={t('dashboard.format')} title={t('dashboard.formatHint')} data-testid="export-format">
        <option value="xlsx">XLSX</option>
        <option value="csv">CSV</option>
      </select>
      <Button variant="secondary" onClick={() => void run('periodic-reports')} disabled={start.isSubmitting || x?.status === 'running'} data-testid="export-start">
        {t('dashboard.export')}
      </Button>
      {caseRecords && (
        <Button variant="secondary" onClick={() => void run('case-records')} disabled={start.isSubmitting || x?.status === 'running'} data-testid="export-cases" title={t('dashboard.exportCasesHint')}>
          {t('dashboard.exportCases')}
        </Button>
      )}
      {x?.status === 'running' && (
        <label className="gu-dashboard__progress">
          <span>{t('dashboard.exportRunning', { done: formatNumber(x.rowsWritten, language), total: x.totalRows === null ? '…' : formatNumber(x.totalRows, language) })}</span>
          <progress max={100} value={x.progress} data-testid="export-progress">
            {x.progress}%
          </progress>
        </label>
      )}
      {x?.status === 'done' && (
        <Button onClick={() => void download()} disabled={file.isSubmitting} data-testid="export-download">
          {t('dashboard.exportDownload', { rows: formatNumber(x.rowsWritten, language), format: (x.fileName ?? '').endsWith('.csv') ? 'CSV' : 'XLSX' })}
        </Button>
      )}
      {x?.status === 'failed' && <span className="gu-dashboard__failed" role="alert">{t('dashboard.exportFailed')}</span>}
      {start.error && <ApiErrorAlert error={start.error} />}
      {status.error && <ApiErrorAlert error={status.error} />}
      {file.error && <ApiErrorAlert error={file.error} />}
    </div>
  );
}
