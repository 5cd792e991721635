import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicCell, PublicFiguresView } from '@gugus/contracts';
import { API_BASE_PATH, usePublicFigures } from '@gugus/web-data-access';
import { formatDate, useLanguage, type Language } from '@gugus/web-i18n';
import { Alert, Card, Loading, PageHeader, SelectField } from '@gugus/web-ui';
import { ApiErrorAlert } from '@gugus/web-shared';
import './Reports.css';
import { CaveatsNote } from './CaveatsNote';

type Year = PublicFiguresView['years'][number];

/**
 * `/angka-tahunan`, without login: the national and provincial annual figures, every cell already
 * suppressed by the server (k = 11) — this page only shows what it is given, with the legend and what the
 * figures cannot show. The CSV link serves the same cells.
 */
export function PublicFiguresPage() {
  const { t } = useTranslation('reports');
  const { t: tc } = useTranslation('common');
  const { language } = useLanguage();
  const figures = usePublicFigures();
  const data = figures.data;
  const [picked, setPicked] = useState<number | null>(null);
  const year = data?.years.find((y) => y.year === picked) ?? data?.years[0];
  return (
    <div className="gu-reports" data-testid="public-figures-page">
      <PageHeader title={t('public.title')} intro={t('public.intro')} />
      {figures.error && <ApiErrorAlert error={figures.error} />}
      {figures.isLoading && !data && <Loading label={tc('loading')} />}
      {data && !year && <Alert tone="info">{t('public.none')}</Alert>}
      {data && year && (
        <>
          <div className="gu-reports__filters gu-dashboard__filters">
            <SelectField label={t('public.year')} value={String(year.year)} onChange={(e) => setPicked(Number(e.target.value))} data-testid="public-year">
              {data.years.map((y) => (
                <option key={y.year} value={y.year}>
                  {y.year}
                </option>
              ))}
            </SelectField>
            <a className="gu-reports__csv" href={`${API_BASE_PATH}/public/figures.csv`} download data-testid="public-csv">
              {t('public.csv')}
            </a>
            <a className="gu-reports__csv" href={`${API_BASE_PATH}/public/annual-report/${year.year}`} download data-testid="public-pdf">
              {t('public.pdf', { year: year.year })}
            </a>
          </div>
          <YearTables year={year} data={data} language={language} />
          <p className="gu-reports__muted" data-testid="public-legend">
            {data.legend[language]}
          </p>
          <p className="gu-reports__muted" data-testid="public-published">
            {t('public.published', { year: year.year, date: formatDate(year.publishedAt, language) })}
          </p>
        </>
      )}
      {data && <CaveatsNote caveats={data.caveats} testId="public-caveats" />}
    </div>
  );
}

function YearTables({ year, data, language }: { year: Year; data: PublicFiguresView; language: Language }) {
  const { t } = useTranslation('reports');
  const label = (key: string) => (data.labels[key]?.[language] ?? t(`public.categories.${key as 'female'}`, { defaultValue: key }));
  return (
    <>
      <Card>
        <h2 className="gu-reports__h2">{t('public.byProvince', { year: year.year })}</h2>
        <CellTable
          caption={t('public.byProvince', { year: year.year })}
          head={[t('public.region'), t('public.count')]}
          rows={[...year.provinces.cells.map((c) => ({ label: c.name, cell: c })), { label: t('public.national'), cell: year.provinces.total, strong: true }]}
          testId="public-provinces"
        />
        {year.provincesWithoutFigures.length > 0 && <p className="gu-reports__muted">{t('public.noFigures', { n: year.provincesWithoutFigures.length })}</p>}
      </Card>
      <div className="gu-reports__grid">
        {year.breakdowns.map((b) => (
          <Card key={b.key} data-testid={`public-breakdown-${b.key}`}>
            <h2 className="gu-reports__h2">{t(`public.breakdowns.${b.key}`)}</h2>
            <CellTable
              caption={`${t(`public.breakdowns.${b.key}`)}, ${year.year}`}
              head={[t('figures.label'), t('public.count')]}
              rows={[...b.cells.map((c) => ({ label: label(c.key), cell: c })), ...(b.total ? [{ label: t('public.categories.total'), cell: b.total, strong: true }] : [])]}
            />
            {b.multiValued && <p className="gu-reports__muted">{t('public.multiValued')}</p>}
          </Card>
        ))}
      </div>
    </>
  );
}

function CellTable({ caption, head, rows, testId }: { caption: string; head: string[]; rows: { label: string; cell: PublicCell; strong?: boolean }[]; testId?: string }) {
  return (
    <table className="gu-reports__table" data-testid={testId}>
      <caption className="gu-visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col" className="gu-reports__count">
            {head[1]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.label}-${r.cell.key}`} className={r.strong ? 'gu-reports__strong' : undefined}>
            <th scope="row">{r.label}</th>
            <td className="gu-reports__count">{r.cell.display}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
