// Routes of the web app (CONTRACT.md "Web routes"). Each screen is its own chunk.
import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes, useLocation } from 'react-router';

import { ErrorBoundary } from './components/ErrorBoundary';
import { PageLoading } from './components/PageLoading';
import { SiteLayout } from './components/SiteLayout';

const PortalPage = lazy(() => import('./pages/portal/PortalPage'));
const CatalogPage = lazy(() => import('./pages/catalog/CatalogPage'));
const LookupPage = lazy(() => import('./pages/lookup/LookupPage'));
const LoginPage = lazy(() => import('./pages/login/LoginPage'));
const NotFoundPage = lazy(() => import('./pages/not-found/NotFoundPage'));

export function App() {
  return (
    <Routes>
      <Route element={<SiteLayout />}>
        <Route index element={<Screen page={<PortalPage />} />} />
        <Route path="thu-tuc" element={<Screen page={<CatalogPage />} />} />
        <Route path="tra-cuu/:code" element={<Screen page={<LookupPage />} />} />
        <Route path="dang-nhap" element={<Screen page={<LoginPage />} />} />
        <Route path="*" element={<Screen page={<NotFoundPage />} />} />
      </Route>
    </Routes>
  );
}

/** One screen: its chunk loads under a spinner; a failure stays inside the layout. */
function Screen({ page }: { page: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname}>
      <Suspense fallback={<PageLoading />}>{page}</Suspense>
    </ErrorBoundary>
  );
}
