// Routes of the web app (CONTRACT.md "Web routes"). Each screen is its own chunk; the staff
// area (/can-bo/…) has its own frame, which checks the session first.
import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';

import { PageLoading } from './components/PageLoading';
import { RequireRole } from './components/RequireRole';
import { Screen } from './components/Screen';
import { SiteLayout } from './components/SiteLayout';

const PortalPage = lazy(() => import('./pages/portal/PortalPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const ProcedurePage = lazy(() => import('./pages/catalog/ProcedurePage'));
const LookupPage = lazy(() => import('./pages/lookup/LookupPage'));
const RatingPage = lazy(() => import('./pages/rating/RatingPage'));
const VerifyPage = lazy(() => import('./pages/verify/VerifyPage'));
const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const SubmitPage = lazy(() => import('./pages/submit/SubmitPage'));
const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage'));

const StaffLayout = lazy(() => import('./components/StaffLayout'));
const StaffHomePage = lazy(() => import('./pages/staff-home/StaffHomePage'));
const AccountPage = lazy(() => import('./pages/account/AccountPage'));
const AgenciesPage = lazy(() => import('./pages/agencies/AgenciesPage'));
const UsersPage = lazy(() => import('./pages/users/UsersPage'));
const JobsPage = lazy(() => import('./pages/jobs/JobsPage'));
const CalendarPage = lazy(() => import('./pages/calendar/CalendarPage'));
const IntakePage = lazy(() => import('./pages/intake/IntakePage'));
const OnlineQueuePage = lazy(() => import('./pages/online-queue/OnlineQueuePage'));
const DossierPage = lazy(() => import('./pages/dossier/DossierPage'));
const DossiersPage = lazy(() => import('./pages/dossiers/DossiersPage'));
const TasksPage = lazy(() => import('./pages/tasks/TasksPage'));
const DocumentsPage = lazy(() => import('./pages/documents/DocumentsPage'));
const DocumentPage = lazy(() => import('./pages/documents/DocumentPage'));
const IncomingPage = lazy(() => import('./pages/documents/IncomingPage'));
const OutgoingPage = lazy(() => import('./pages/documents/OutgoingPage'));
const UnitTasksPage = lazy(() => import('./pages/tasks/UnitTasksPage'));

export function App() {
  return (
    <Routes>
      <Route element={<SiteLayout />}>
        <Route index element={<Screen page={<PortalPage />} />} />
        <Route path="thu-tuc" element={<Screen page={<CatalogPage />} />} />
        <Route path="thu-tuc/:code" element={<Screen page={<ProcedurePage />} />} />
        <Route path="tra-cuu/:code" element={<Screen page={<LookupPage />} />} />
        <Route path="danh-gia/:code" element={<Screen page={<RatingPage />} />} />
        <Route path="xac-thuc/:token" element={<Screen page={<VerifyPage />} />} />
        <Route path="nop-ho-so/:code" element={<Screen page={<SubmitPage />} />} />
        <Route path="dang-nhap" element={<Screen page={<LoginPage />} />} />
        <Route path="*" element={<Screen page={<NotFoundPage />} />} />
      </Route>
      <Route
        path="can-bo"
        element={
          <Suspense fallback={<PageLoading />}>
            <StaffLayout />
          </Suspense>
        }
      >
        <Route index element={<Screen page={<StaffHomePage />} />} />
        <Route path="tai-khoan" element={<Screen page={<AccountPage />} />} />
        <Route
          path="co-quan"
          element={<Screen page={<RequireRole roles={['admin']}><AgenciesPage /></RequireRole>} />}
        />
        <Route
          path="nguoi-dung"
          element={<Screen page={<RequireRole roles={['admin']}><UsersPage /></RequireRole>} />}
        />
        <Route
          path="cong-viec-nen"
          element={<Screen page={<RequireRole roles={['admin']}><JobsPage /></RequireRole>} />}
        />
        <Route path="lich-lam-viec" element={<Screen page={<CalendarPage />} />} />
        <Route
          path="tiep-nhan"
          element={<Screen page={<RequireRole roles={['reception']}><IntakePage /></RequireRole>} />}
        />
        <Route
          path="ho-so-truc-tuyen"
          element={<Screen page={<RequireRole roles={['reception']}><OnlineQueuePage /></RequireRole>} />}
        />
        <Route path="ho-so" element={<Screen page={<DossiersPage />} />} />
        <Route path="ho-so/:code" element={<Screen page={<DossierPage />} />} />
        <Route path="van-ban" element={<Screen page={<DocumentsPage />} />} />
        <Route
          path="van-ban/den/moi"
          element={<Screen page={<RequireRole roles={['clerk']}><IncomingPage /></RequireRole>} />}
        />
        <Route path="van-ban/di/moi" element={<Screen page={<OutgoingPage />} />} />
        <Route path="van-ban/:id" element={<Screen page={<DocumentPage />} />} />
        <Route path="cong-viec" element={<Screen page={<TasksPage />} />} />
        <Route
          path="cong-viec-don-vi"
          element={<Screen page={<RequireRole roles={['leader']}><UnitTasksPage /></RequireRole>} />}
        />
        <Route path="*" element={<Screen page={<NotFoundPage />} />} />
      </Route>
    </Routes>
  );
}
