import { useTranslation } from 'react-i18next';
import type { PeriodicReportView, ReportPartView } from '@gugus/contracts';
import { formatDate, formatNumber, useLanguage } from '@gugus/web-i18n';
import { Card } from '@gugus/web-ui';

type Counts = PeriodicReportView['partsTotal'];
const COLUMNS = [
  ['victimsAssisted', (c: Counts) => c.victimsAssisted],
  ['victimsNotRecorded', (c: Counts) => c.victimsNotRecorded],
  ['trainings', (c: Counts) => c.prevention.trainings],
  ['peopleTrained', (c: Counts) => c.prevention.peopleTrained],
  ['materialsDistributed', (c: Counts) => c.prevention.materialsDistributed],
  ['crimesRegistered', (c: Counts) => c.prosecution.crimesRegistered],
  ['verdicts', (c: Counts) => c.prosecution.verdicts],
] as const;

/**
 * A regency/city report's parts from its member agencies (seed 000 §4.8): who sent theirs, who is still
 * asked, who was not heard from, their counts added up and their remarks — what the focal point checks
 * the report against before submitting it. Counts and remarks only; nothing here is about one person.
 */
export function ReportParts({ parts, total }: { parts: ReportPartView[]; total: Counts }) {
  const { t } = useTranslation('reports');
  const { language } = useLanguage();
  if (!parts.length) return null;
  const received = parts.filter((p) => p.answers).length;
  const n = (x: number) => formatNumber(x, language);
  return (
    <Card data-testid="report-parts">
      {/* Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. */}
      <div className="gu-reports__scroll" tabIndex={0} role="region" aria-label={t('periodic.parts.title')}>
        <table className="gu-reports__table gu-reports__parts">
          <caption>
            {t('periodic.parts.title')} — {t('periodic.parts.received', { received, count: parts.length })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('periodic.parts.agency')}</th>
              <th scope="col">{t('periodic.parts.status')}</th>
              {COLUMNS.map(([key]) => (
                <th key={key} scope="col" className="gu-reports__count">
                  {t(`periodic.parts.columns.${key}`)}
                </th>
              ))}
              <th scope="col">{t('periodic.parts.columns.obstacles')}</th>
            </tr>
          </thead>
          <tbody>
            {parts.map((p) => (
              <tr key={p.agencyId} data-agency={p.agencyId} data-status={p.status}>
                <th scope="row">{p.agencyName}</th>
                <td>
                  {t(`periodic.parts.statuses.${p.status}`)}
                  {p.status === 'requested' ? ` · ${t('periodic.parts.due', { date: formatDate(p.dueDate, language) })}` : ''}
                  {p.submittedAt ? ` · ${formatDate(p.submittedAt, language)}` : ''}
                </td>
                {COLUMNS.map(([key, pick]) => (
                  <td key={key} className="gu-reports__count">
                    {p.answers ? n(pick(p.answers)) : <span aria-label={t(`periodic.parts.statuses.${p.status}`)}>—</span>}
                  </td>
                ))}
                <td className="gu-reports__remarks">{p.answers?.obstacles ?? '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr data-agency="total">
              <th scope="row" colSpan={2}>
                {t('periodic.parts.total')}
              </th>
              {COLUMNS.map(([key, pick]) => (
                <td key={key} className="gu-reports__count">
                  {n(pick(total))}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="gu-reports__note">{t('periodic.parts.note')}</p>
    </Card>
  );
}
