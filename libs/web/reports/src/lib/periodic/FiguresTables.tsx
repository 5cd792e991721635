import { useTranslation } from 'react-i18next';
import type { BilingualText, ReportFigures } from '@gugus/contracts';
import { formatNumber, useLanguage } from '@gugus/web-i18n';
import { Card } from '@gugus/web-ui';

type Row = { key: string; label: string; submitted: number | null; computed: number };

/**
 * A report's figures as tables — what was submitted beside what the cases (or the reports below) gave
 * when the round opened, so a reviewer sees where a focal point changed a number. Tables, not charts:
 * read by screen readers and printed as they are.
 */
export function FiguresTables({ figures, computed, labels }: { figures: ReportFigures | null; computed: ReportFigures; labels: Record<string, BilingualText> }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  const n = (x: number | null) => (x === null ? '—' : formatNumber(x, language));
  const label = (code: string) => labels[code]?.[language] ?? code;
  // Every key passed is one of `periodic.cells` (the tables below name them).
  const cell = (key: string) => t(`periodic.cells.${key as 'total'}`);
  const fixed = <K extends string>(group: string, keys: readonly K[], pick: (f: ReportFigures) => Record<K, number>): Row[] =>
    keys.map((k) => ({ key: `${group}.${k}`, label: cell(k), submitted: figures ? pick(figures)[k] : null, computed: pick(computed)[k] }));
  const categories = (group: string, pick: (f: ReportFigures) => { category: string; count: number }[]): Row[] => {
    const codes = [...new Set([...(figures ? pick(figures) : []), ...pick(computed)].map((c) => c.category))].sort();
    return codes.map((code) => ({ key: `${group}.${code}`, label: label(code), submitted: figures ? (pick(figures).find((c) => c.category === code)?.count ?? 0) : null, computed: pick(computed).find((c) => c.category === code)?.count ?? 0 }));
  };
  const assistance = (): Row[] => {
    const codes = [...new Set([...(figures?.assistance ?? []), ...computed.assistance].map((a) => a.service))].sort();
    return codes.map((code) => ({ key: `assistance.${code}`, label: label(code), submitted: figures ? (figures.assistance.find((a) => a.service === code)?.personsAssisted ?? 0) : null, computed: computed.assistance.find((a) => a.service === code)?.personsAssisted ?? 0 }));
  };
  const tables: { key: string; caption: string; rows: Row[] }[] = [
    { key: 'totals', caption: t('periodic.tables.totals'), rows: [{ key: 'total', label: t('periodic.cells.total'), submitted: figures?.victims.total ?? null, computed: computed.victims.total }, { key: 'screened', label: t('periodic.cells.screened'), submitted: figures?.personsScreened ?? null, computed: computed.personsScreened }] },
    { key: 'sex', caption: t('periodic.tables.sex'), rows: fixed('sex', ['female', 'male'] as const, (f) => f.victims.bySex) },
    { key: 'age', caption: t('periodic.tables.age'), rows: fixed('age', ['child', 'adult'] as const, (f) => f.victims.byAgeGroup) },
    { key: 'nationality', caption: t('periodic.tables.nationality'), rows: fixed('nationality', ['indonesian', 'foreign', 'stateless_or_unknown'] as const, (f) => f.victims.byNationality) },
    { key: 'scope', caption: t('periodic.tables.scope'), rows: fixed('scope', ['internal', 'international'] as const, (f) => f.victims.byScope) },
    { key: 'exploitation', caption: t('periodic.tables.exploitation'), rows: categories('exploitation', (f) => f.victims.byExploitationType) },
    { key: 'sector', caption: t('periodic.tables.sector'), rows: categories('sector', (f) => f.victims.bySector) },
    { key: 'source', caption: t('periodic.tables.source'), rows: categories('source', (f) => f.victims.byReferralSource) },
    { key: 'assistance', caption: t('periodic.tables.assistance'), rows: assistance() },
    { key: 'prosecution', caption: t('periodic.tables.prosecution'), rows: fixed('prosecution', ['crimesRegistered', 'casesToProsecutor', 'verdicts', 'convictions'] as const, (f) => f.prosecution) },
    // Reports made before the form had prevention (1.0.0) show zeros.
    { key: 'prevention', caption: t('periodic.tables.prevention'), rows: fixed('prevention', ['activitiesReported', 'activitiesCompleted', 'activitiesDelayed'] as const, (f) => f.prevention ?? { activitiesReported: 0, activitiesCompleted: 0, activitiesDelayed: 0 }) },
  ];
  return (
    <div className="gu-reports__grid">
      {tables.map((table) => (
        <Card key={table.key} data-testid="report-figures" data-key={table.key}>
          <table className="gu-reports__table">
            <caption>{table.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{t('figures.label')}</th>
                <th scope="col" className="gu-reports__count">
                  {t('periodic.submitted')}
                </th>
                <th scope="col" className="gu-reports__count">
                  {t('periodic.computed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {table.rows.length === 0 && (
                <tr>
                  <td colSpan={3} className="gu-reports__muted">
                    {t('periodic.none')}
                  </td>
                </tr>
              )}
              {table.rows.map((r) => (
                <tr key={r.key} data-cell={r.key} className={r.submitted !== null && r.submitted !== r.computed ? 'gu-reports__changed' : undefined}>
                  <th scope="row">{r.label}</th>
                  <td className="gu-reports__count">{n(r.submitted)}</td>
                  <td className="gu-reports__count">{n(r.computed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      ))}
    </div>
  );
}
