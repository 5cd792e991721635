import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { CaseFiguresView } from '@gugus/contracts';
import { useAuth } from '@gugus/web-auth';
import { useCaseFigures, useCaseFiguresCsv } from '@gugus/web-data-access';
import { formatDate, formatNumber, jakartaToday, useLanguage } from '@gugus/web-i18n';
import { Alert, Button, Card, Loading, PageHeader, SelectField } from '@gugus/web-ui';
import { ApiErrorAlert, JurisdictionSelect, saveFile } from '@gugus/web-shared';
import { figureJurisdictions } from './grants';
import { ReportsTabs } from './ReportsTabs';
import './Reports.css';
import { CaveatsNote } from './CaveatsNote';

/** Today's quarter in Asia/Jakarta, and the year it is in. */
function currentQuarter(): { year: number; quarter: number } {
  const [year, month] = jakartaToday().split('-').map(Number);
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/**
 * `/laporan/angka-kasus?wilayah=32&tahun=2027&triwulan=1`: a quarter's identified victims by each breakdown
 * of the quarterly report, computed from the cases — as tables (readable by screen readers and printable),
 * always with what the figures cannot show. Aggregates only.
 */
export function CaseFiguresPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const { me } = useAuth();
  const [params, setParams] = useSearchParams();
  const grantCodes = figureJurisdictions(me?.grants ?? []);
  const now = currentQuarter();
  const code = params.get('wilayah') ?? grantCodes[0] ?? '';
  const year = Number(params.get('tahun')) || now.year;
  const quarter = Math.min(4, Math.max(1, Number(params.get('triwulan')) || now.quarter));
  const figures = useCaseFigures(code || undefined, year, quarter);
  const csv = useCaseFiguresCsv();
  const download = async () => {
    const file = await csv.submit({ jurisdictionCode: code, year, quarter });
    if (file) saveFile(file.blob, file.fileName ?? `angka-kasus-${code}-${year}-T${quarter}.csv`);
  };
  const go = (next: { wilayah?: string; tahun?: number; triwulan?: number }) =>
    setParams(new URLSearchParams({ wilayah: next.wilayah ?? code, tahun: String(next.tahun ?? year), triwulan: String(next.triwulan ?? quarter) }), { replace: true });
  // The last six years, and the one asked for when it is older.
  const years = [...new Set([...Array.from({ length: 6 }, (_, i) => now.year - i), year])].sort((a, b) => b - a);
  const data = figures.data;
  return (
    <div className="gu-reports" data-testid="case-figures-page">
      <PageHeader title={t('figures.title')} intro={t('figures.intro')} />
      <ReportsTabs />
      {!grantCodes.length && <Alert tone="info">{t('figures.noAccess')}</Alert>}
      {code && (
        <Card className="gu-reports__filters">
          <JurisdictionSelect label={t('figures.jurisdiction')} grantCodes={grantCodes} value={code} onChange={(next) => go({ wilayah: next })} data-testid="figures-jurisdiction" />
          <SelectField label={t('figures.year')} value={String(year)} onChange={(e) => go({ tahun: Number(e.target.value) })} data-testid="figures-year">
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </SelectField>
          <SelectField label={t('figures.quarter')} value={String(quarter)} onChange={(e) => go({ triwulan: Number(e.target.value) })} data-testid="figures-quarter">
            {[1, 2, 3, 4].map((q) => (
              <option key={q} value={q}>
                {t('figures.quarterN', { n: q })}
              </option>
            ))}
          </SelectField>
        </Card>
      )}
      {figures.error && <ApiErrorAlert error={figures.error} />}
      {figures.isLoading && !data && <Loading label={tc('loading')} />}
      {data && (
        <div className="gu-reports__actions">
          <Button variant="secondary" onClick={() => void download()} disabled={csv.isSubmitting} data-testid="figures-csv">
            {csv.isSubmitting ? t('figures.downloading') : t('figures.csv')}
          </Button>
          {csv.error && <ApiErrorAlert error={csv.error} />}
        </div>
      )}
      {data && <Figures view={data} />}
      {data && <CaveatsNote caveats={data.caveats} testId="figures-caveats" />}
      {data && <p className="gu-reports__muted">{t('figures.period', { from: formatDate(data.from, language), until: formatDate(data.until, language) })}</p>}
    </div>
  );
}

function Figures({ view }: { view: CaseFiguresView }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const n = (x: number) => formatNumber(x, language);
  return (
    <>
      <Card>
        <dl className="gu-reports__headline">
          <div>
            <dt>{t('figures.total')}</dt>
            <dd data-testid="figures-total">{n(view.total)}</dd>
          </div>
          <div>
            <dt>{t('figures.notCounted')}</dt>
            <dd data-testid="figures-not-counted">{n(view.notCounted)}</dd>
          </div>
        </dl>
      </Card>
      <div className="gu-reports__grid">
        {view.breakdowns.map((b) => (
          <Card key={b.key} data-testid="figures-breakdown" data-key={b.key}>
            <table className="gu-reports__table">
              <caption>{b.label[language]}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('figures.label')}</th>
                  <th scope="col" className="gu-reports__count">
                    {t('figures.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {b.items.map((i) => (
                  <tr key={i.code} data-code={i.code}>
                    <td>{i.label[language]}</td>
                    <td className="gu-reports__count">{n(i.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {b.multiValued && <p className="gu-reports__muted">{t('figures.multiValued')}</p>}
          </Card>
        ))}
      </div>
    </>
  );
}
