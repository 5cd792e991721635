import { lazy, Suspense, type ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { Loading } from '@gugus/web-ui';

// recharts is loaded with the first chart shown, not with the app.
const LazyBudgetChart = lazy(() => import('./Charts').then((m) => ({ default: m.BudgetChart })));
const LazyStageDaysChart = lazy(() => import('./Charts').then((m) => ({ default: m.StageDaysChart })));
const LazyProgressCharts = lazy(() => import('./Charts').then((m) => ({ default: m.ProgressCharts })));

function Waiting({ children }: { children: React.ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<Loading label={t('loading')} />}>{children}</Suspense>;
}

export const BudgetChart = (props: ComponentProps<typeof LazyBudgetChart>) => (
  <Waiting>
    <LazyBudgetChart {...props} />
  </Waiting>
);
export const StageDaysChart = (props: ComponentProps<typeof LazyStageDaysChart>) => (
  <Waiting>
    <LazyStageDaysChart {...props} />
  </Waiting>
);
export const ProgressCharts = (props: ComponentProps<typeof LazyProgressCharts>) => (
  <Waiting>
    <LazyProgressCharts {...props} />
  </Waiting>
);
