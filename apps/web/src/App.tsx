import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, RouterProvider } from 'react-router-dom';
import { AgenciesPage, AgencyPage, AuditPage, JurisdictionPage, JurisdictionsPage, MyAgenciesRedirect, PositionPage } from '@gugus/web-admin';
import { AuthProvider, LoginPage, RequireAuth, SsoReturnPage } from '@gugus/web-auth';
import { AgreementsPage, CasePage, CasesPage, PacketListsPage, ServiceDirectoryPage } from '@gugus/web-cases';
import { CaseFiguresPage, PeriodicReportPage, PeriodicReportsPage, PublicFiguresPage, ReportDashboardPage, ReportTaskFacts } from '@gugus/web-reports';
import { MeetingPage, MeetingsPage, MeetingTaskFacts } from '@gugus/web-meetings';
import { NotificationsPage } from '@gugus/web-notifications';
import { PlanAnalyticsPage, PlanPage, PlanReviewPage, PlansPage, PlanTaskFacts } from '@gugus/web-plans';
import { ProcessSettingsPage, WorkingCalendarPage } from '@gugus/web-process-settings';
import { SystemStatusPage } from '@gugus/web-system-status';
import { EmptyState, Loading } from '@gugus/web-ui';
import { AppShell } from './AppShell';

function NotFoundPage() {
  const { t } = useTranslation('common');
  return <EmptyState title={t('notFound.title')} message={t('notFound.message')} action={<Link to="/status">{t('notFound.back')}</Link>} />;
}

// The forms screens carry rjsf, ajv and the national form library: loaded when first opened.
const FormsListPage = lazy(() => import('@gugus/web-forms').then((m) => ({ default: m.FormsListPage })));
const FillFormPage = lazy(() => import('@gugus/web-forms').then((m) => ({ default: m.FillFormPage })));
const SubmissionPage = lazy(() => import('@gugus/web-forms').then((m) => ({ default: m.SubmissionPage })));
const FormVariantEditorPage = lazy(() => import('@gugus/web-form-editor').then((m) => ({ default: m.FormVariantEditorPage })));
// The task screens render task forms with the same SchemaForm: loaded with it.
const TaskInboxPage = lazy(() => import('@gugus/web-tasks').then((m) => ({ default: m.TaskInboxPage })));
// The task page is generic; each process registers how its task context reads (issue 10, shape).
const TaskPage = lazy(async () => {
  const tasks = await import('@gugus/web-tasks');
  const views: import('@gugus/web-tasks').TaskContextViews = { meeting: MeetingTaskFacts, plan: PlanTaskFacts, case: tasks.CaseTaskFacts, report: ReportTaskFacts };
  return {
    default: () => (
      <tasks.TaskContextViewsProvider views={views}>
        <tasks.TaskPage />
      </tasks.TaskContextViewsProvider>
    ),
  };
});

function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<Loading label={t('loading')} />}>{children}</Suspense>;
}

const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <Navigate to="/status" replace /> },
      // Public: the status page, the annual figures and the way in.
      { path: 'status', element: <SystemStatusPage /> },
      { path: 'masuk', element: <LoginPage /> },
      { path: 'angka-tahunan', element: <PublicFiguresPage /> },
      { path: 'masuk/sso', element: <SsoReturnPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'wilayah', element: <JurisdictionsPage /> },
          { path: 'wilayah/:code', element: <JurisdictionPage /> },
          { path: 'wilayah/:code/instansi', element: <AgenciesPage /> },
          { path: 'instansi', element: <MyAgenciesRedirect /> },
          { path: 'instansi/:id', element: <AgencyPage /> },
          { path: 'jabatan/:id', element: <PositionPage /> },
          { path: 'audit', element: <AuditPage /> },
          { path: 'pengaturan-proses', element: <ProcessSettingsPage /> },
          { path: 'pengaturan-proses/paket-rujukan', element: <PacketListsPage /> },
          { path: 'perjanjian-kerja-sama', element: <AgreementsPage /> },
          { path: 'direktori-layanan', element: <ServiceDirectoryPage /> },
          { path: 'laporan/angka-kasus', element: <CaseFiguresPage /> },
          { path: 'laporan/berkala', element: <PeriodicReportsPage /> },
          { path: 'laporan/berkala/laporan/:id', element: <PeriodicReportPage /> },
          { path: 'laporan/dasbor', element: <ReportDashboardPage /> },
          { path: 'laporan/dasbor/ekspor/:exportId', element: <ReportDashboardPage /> },
          { path: 'kalender-kerja', element: <WorkingCalendarPage /> },
          { path: 'notifikasi', element: <NotificationsPage /> },
          { path: 'formulir', element: <Lazy><FormsListPage /></Lazy> },
          { path: 'formulir/:key', element: <Lazy><FillFormPage /></Lazy> },
          { path: 'formulir/:key/varian/:provinceCode', element: <Lazy><FormVariantEditorPage /></Lazy> },
          { path: 'isian/:id', element: <Lazy><SubmissionPage /></Lazy> },
          { path: 'tugas', element: <Lazy><TaskInboxPage /></Lazy> },
          { path: 'tugas/:id', element: <Lazy><TaskPage /></Lazy> },
          { path: 'rapat', element: <MeetingsPage /> },
          { path: 'rapat/:id', element: <MeetingPage /> },
          { path: 'rad', element: <PlansPage /> },
          { path: 'rad/analitik', element: <PlanAnalyticsPage /> },
          { path: 'rad/:id', element: <PlanPage /> },
          { path: 'rad/:id/telaah', element: <PlanReviewPage /> },
          { path: 'kasus', element: <CasesPage /> },
          { path: 'kasus/:code', element: <CasePage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <AuthProvider>
      <RouterProvider router={router} />
    </AuthProvider>
  );
}
