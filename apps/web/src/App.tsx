import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, RouterProvider } from 'react-router-dom';
import { SystemStatusPage } from '@gugus/web-system-status';
import { EmptyState } from '@gugus/web-ui';
import { AppShell } from './AppShell';

function NotFoundPage() {
  const { t } = useTranslation('common');
  return <EmptyState title={t('notFound.title')} message={t('notFound.message')} action={<Link to="/status">{t('notFound.back')}</Link>} />;
}

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/status" replace /> },
      { path: 'status', element: <SystemStatusPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
