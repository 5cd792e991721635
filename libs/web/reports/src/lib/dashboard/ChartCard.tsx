import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Card } from '@gugus/web-ui';

/** A chart with its table view: the same figures as a table, for screen readers, printing and exact numbers. */
export function ChartCard({ title, chart, table, note, testId }: { title: string; chart: ReactNode; table: ReactNode; note?: ReactNode; testId: string }) {
  const { t } = useTranslation('reports');
  const [asTable, setAsTable] = useState(false);
  return (
    <Card data-testid={testId}>
      <div className="gu-dashboard__head">
        <h2 className="gu-reports__h2">{title}</h2>
        <button type="button" className="gu-dashboard__toggle" aria-pressed={asTable} onClick={() => setAsTable(!asTable)} data-testid={`${testId}-toggle`}>
          {asTable ? t('dashboard.showChart') : t('dashboard.showTable')}
        </button>
      </div>
      {asTable ? table : chart}
      {note && <p className="gu-reports__muted">{note}</p>}
    </Card>
  );
}
