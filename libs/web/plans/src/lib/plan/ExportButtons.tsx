import { useTranslation } from 'react-i18next';
import { usePlanExport, type PlanExportFormat } from '@gugus/web-data-access';
import { Button } from '@gugus/web-ui';
import { ApiErrorAlert, saveFile } from '@gugus/web-shared';

/**
 * The plan as a PDF document and its activities as XLSX (`GET /plans/:id/export.pdf|xlsx`, under the
 * API's base path): of `version` when the page reads one, else the API's choice (the endorsed version).
 * Fetched with the session and then saved, because a plain link cannot carry it.
 */
export function ExportButtons({ planId, fileStem, version }: { planId: string; fileStem: string; version?: number }) {
  const { t } = useTranslation('plans');
  const exporter = usePlanExport();
  const run = async (format: PlanExportFormat) => {
    const file = await exporter.submit({ planId, format, version });
    if (file) saveFile(file.blob, file.fileName ?? `${fileStem}${version ? `-v${version}` : ''}.${format}`);
  };
  return (
    <div className="gu-plans__exports" data-testid="plan-exports" data-version={version}>
      {version !== undefined && <p className="gu-plans__muted">{t('plan.exportOf', { seq: version })}</p>}
      <div className="gu-plans__actions">
        <Button variant="secondary" onClick={() => void run('pdf')} disabled={exporter.isSubmitting} data-testid="export-pdf">
          {t('plan.exportPdf')}
        </Button>
        <Button variant="secondary" onClick={() => void run('xlsx')} disabled={exporter.isSubmitting} data-testid="export-xlsx">
          {t('plan.exportXlsx')}
        </Button>
        {exporter.isSubmitting && (
          <span className="gu-plans__muted" role="status">
            {t('plan.exporting')}
          </span>
        )}
      </div>
      {exporter.error && <ApiErrorAlert error={exporter.error} title={t('plan.exportFailed')} />}
    </div>
  );
}
