import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Link, Navigate, RouterProvider } from 'react-router-dom';
import { AuthProvider, LoginPage, RequireAuth, SsoReturnPage, useAuth } from '@gugus/web-auth';
// The bell is on every page; its list comes with it (small).
import { NotificationsPage } from '@gugus/web-notifications';
import { SystemStatusPage } from '@gugus/web-system-status';
import { EmptyState, Loading } from '@gugus/web-ui';
import { AppShell } from './AppShell';

/** What a screen that fails shows instead of the router's developer message (no stack trace to the reader). */
function PageErrorPage() {
  const { t } = useTranslation('common');
  return (
    <EmptyState
      title={t('pageError.title')}
      message={t('pageError.message')}
      action={
        <>
          <a href={window.location.pathname + window.location.search}>{t('pageError.reload')}</a> · <a href="/">{t('pageError.home')}</a>
        </>
      }
    />
  );
}

function NotFoundPage() {
  const { t } = useTranslation('common');
  return <EmptyState title={t('notFound.title')} message={t('notFound.message')} action={<Link to="/status">{t('notFound.back')}</Link>} />;
}

/** A page from a feature library, loaded when its route is first opened (issue 13: no chunk over 300 kB). */
function page<M>(load: () => Promise<M>, name: keyof M) {
  return lazy(() => load().then((m) => ({ default: m[name] as ComponentType })));
}

// Only the status page and the way in ship with the app; every other screen is a chunk of its own library
// (the forms screens carry rjsf, ajv and the national form library; the dashboards carry ECharts).
const admin = () => import('@gugus/web-admin');
const JurisdictionsPage = page(admin, 'JurisdictionsPage');
const JurisdictionPage = page(admin, 'JurisdictionPage');
const AgenciesPage = page(admin, 'AgenciesPage');
const MyAgenciesRedirect = page(admin, 'MyAgenciesRedirect');
const AgencyPage = page(admin, 'AgencyPage');
const PositionPage = page(admin, 'PositionPage');
const PersonPage = page(admin, 'PersonPage');
const AuditPage = page(admin, 'AuditPage');
const cases = () => import('@gugus/web-cases');
const CasesPage = page(cases, 'CasesPage');
const CasePage = page(cases, 'CasePage');
const AgreementsPage = page(cases, 'AgreementsPage');
const ServiceDirectoryPage = page(cases, 'ServiceDirectoryPage');
const PacketListsPage = page(cases, 'PacketListsPage');
const reports = () => import('@gugus/web-reports');
const CaseFiguresPage = page(reports, 'CaseFiguresPage');
const PeriodicReportsPage = page(reports, 'PeriodicReportsPage');
const PeriodicReportPage = page(reports, 'PeriodicReportPage');
const PublicFiguresPage = page(reports, 'PublicFiguresPage');
const ReportDashboardPage = page(reports, 'ReportDashboardPage');
const meetings = () => import('@gugus/web-meetings');
const MeetingsPage = page(meetings, 'MeetingsPage');
const MeetingPage = page(meetings, 'MeetingPage');
const plans = () => import('@gugus/web-plans');
const PlansPage = page(plans, 'PlansPage');
const PlanAnalyticsPage = page(plans, 'PlanAnalyticsPage');
const PlanPage = page(plans, 'PlanPage');
const PlanReviewPage = page(plans, 'PlanReviewPage');
const settings = () => import('@gugus/web-process-settings');
const ProcessSettingsPage = page(settings, 'ProcessSettingsPage');
const WorkingCalendarPage = page(settings, 'WorkingCalendarPage');
const forms = () => import('@gugus/web-forms');
const FormsListPage = page(forms, 'FormsListPage');
const FillFormPage = page(forms, 'FillFormPage');
const SubmissionPage = page(forms, 'SubmissionPage');
const FormVariantEditorPage = page(() => import('@gugus/web-form-editor'), 'FormVariantEditorPage');
const TaskInboxPage = page(() => import('@gugus/web-tasks'), 'TaskInboxPage');
// The task page is generic; each process registers how its task context reads (issue 10, shape).
const TaskPage = lazy(async () => {
  const [tasks, m, p, r] = await Promise.all([import('@gugus/web-tasks'), meetings(), plans(), reports()]);
  const views: import('@gugus/web-tasks').TaskContextViews = { meeting: m.MeetingTaskFacts, plan: p.PlanTaskFacts, case: tasks.CaseTaskFacts, report: r.ReportTaskFacts };
  return {
    default: () => (
      <tasks.TaskContextViewsProvider views={views}>
        <tasks.TaskPage />
      </tasks.TaskContextViewsProvider>
    ),
  };
});

const HomePage = page(() => import('@gugus/web-home'), 'HomePage');

/** `/`: a logged-in person's home page (their work); a visitor the public status page. */
function HomeRoute() {
  const { t } = useTranslation('common');
  const { status, signOutReason } = useAuth();
  if (status === 'restoring') return <Loading label={t('loading')} />;
  // Just logged out (or the session ended) here: the login page, which says so; a visitor: the status page.
  if (status !== 'signedIn') return <Navigate to={signOutReason ? '/masuk' : '/status'} replace />;
  return (
    <Lazy>
      <HomePage />
    </Lazy>
  );
}

function Lazy({ children }: { children: ReactNode }) {
  const { t } = useTranslation('common');
  return <Suspense fallback={<Loading label={t('loading')} />}>{children}</Suspense>;
}

const router = createBrowserRouter([
  {
    element: <AppShell />,
    errorElement: <PageErrorPage />,
    children: [
      { index: true, element: <HomeRoute /> },
      // Public: the status page, the annual figures and the way in.
      { path: 'status', element: <SystemStatusPage /> },
      { path: 'masuk', element: <LoginPage /> },
      { path: 'angka-tahunan', element: <Lazy><PublicFiguresPage /></Lazy> },
      { path: 'masuk/sso', element: <SsoReturnPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'wilayah', element: <Lazy><JurisdictionsPage /></Lazy> },
          { path: 'wilayah/:code', element: <Lazy><JurisdictionPage /></Lazy> },
          { path: 'wilayah/:code/instansi', element: <Lazy><AgenciesPage /></Lazy> },
          { path: 'instansi', element: <Lazy><MyAgenciesRedirect /></Lazy> },
          { path: 'instansi/:id', element: <Lazy><AgencyPage /></Lazy> },
          { path: 'jabatan/:id', element: <Lazy><PositionPage /></Lazy> },
          { path: 'orang/:id', element: <Lazy><PersonPage /></Lazy> },
          { path: 'audit', element: <Lazy><AuditPage /></Lazy> },
          { path: 'pengaturan-proses', element: <Lazy><ProcessSettingsPage /></Lazy> },
          { path: 'pengaturan-proses/paket-rujukan', element: <Lazy><PacketListsPage /></Lazy> },
          { path: 'perjanjian-kerja-sama', element: <Lazy><AgreementsPage /></Lazy> },
          { path: 'direktori-layanan', element: <Lazy><ServiceDirectoryPage /></Lazy> },
          { path: 'laporan/angka-kasus', element: <Lazy><CaseFiguresPage /></Lazy> },
          { path: 'laporan/berkala', element: <Lazy><PeriodicReportsPage /></Lazy> },
          { path: 'laporan/berkala/laporan/:id', element: <Lazy><PeriodicReportPage /></Lazy> },
          { path: 'laporan/dasbor', element: <Lazy><ReportDashboardPage /></Lazy> },
          { path: 'laporan/dasbor/ekspor/:exportId', element: <Lazy><ReportDashboardPage /></Lazy> },
          { path: 'kalender-kerja', element: <Lazy><WorkingCalendarPage /></Lazy> },
          { path: 'notifikasi', element: <NotificationsPage /> },
          { path: 'formulir', element: <Lazy><FormsListPage /></Lazy> },
          { path: 'formulir/:key', element: <Lazy><FillFormPage /></Lazy> },
          { path: 'formulir/:key/varian/:provinceCode', element: <Lazy><FormVariantEditorPage /></Lazy> },
          { path: 'isian/:id', element: <Lazy><SubmissionPage /></Lazy> },
          { path: 'tugas', element: <Lazy><TaskInboxPage /></Lazy> },
          { path: 'tugas/:id', element: <Lazy><TaskPage /></Lazy> },
          { path: 'rapat', element: <Lazy><MeetingsPage /></Lazy> },
          { path: 'rapat/:id', element: <Lazy><MeetingPage /></Lazy> },
          { path: 'rad', element: <Lazy><PlansPage /></Lazy> },
          { path: 'rad/analitik', element: <Lazy><PlanAnalyticsPage /></Lazy> },
          { path: 'rad/:id', element: <Lazy><PlanPage /></Lazy> },
          { path: 'rad/:id/telaah', element: <Lazy><PlanReviewPage /></Lazy> },
          { path: 'kasus', element: <Lazy><CasesPage /></Lazy> },
          { path: 'kasus/:code', element: <Lazy><CasePage /></Lazy> },
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
