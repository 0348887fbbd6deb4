// One screen: its chunk loads under a spinner; a failure stays inside the layout.
import { Suspense, type ReactNode } from 'react';
import { useLocation } from 'react-router';

import { ErrorBoundary } from './ErrorBoundary';
import { PageLoading } from './PageLoading';

export function Screen({ page }: { page: ReactNode }) {
  const { pathname } = useLocation();
  return (
    <ErrorBoundary key={pathname}>
      <Suspense fallback={<PageLoading />}>{page}</Suspense>
    </ErrorBoundary>
  );
}
