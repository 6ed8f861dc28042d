import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useHref, useLocation, useNavigate, type NavigateOptions } from 'react-router';
import { ApiError } from '../api/errors';
import { t } from '../i18n';
import { Loading, PageHeading } from '../ui/components';
import { Layout, PlainLayout } from './Layout';
import { LoginPage } from './LoginPage';
import { homeFor, SCREENS } from './screens';
import { SchoolProvider } from './school';
import { RequireLogin, type Role, SessionExpiryHandler, useMe } from './session';

const AccessibilityPage = lazy(() => import('../accessibility/AccessibilityPage'));

declare module 'react-aria-components' {
  interface RouterConfig {
    routerOptions: NavigateOptions;
  }
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: (count, error) => !(error instanceof ApiError && error.status > 0 && error.status < 500) && count < 2, refetchOnWindowFocus: false },
    },
  });
}

/** The logged-in shell: school choice, header, nav, footer. */
function Shell() {
  return (
    <RequireLogin>
      {(me) => (
        <SchoolProvider me={me}>
          <Layout me={me} />
        </SchoolProvider>
      )}
    </RequireLogin>
  );
}

/** Public pages show the full shell to a logged-in user and a plain one to a visitor. */
function PublicPage() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.data) return <Shell />;
  return (
    <PlainLayout>
      <Suspense fallback={<Loading />}>
        <Outlet />
      </Suspense>
    </PlainLayout>
  );
}

function Home() {
  const me = useMe();
  return me.data ? <Navigate to={homeFor(me.data.role)} replace /> : <Loading />;
}

/** A screen exists only for the roles it names: any other role gets "not found" by URL as by the nav. */
function ForRoles({ roles }: { roles: Role[] }) {
  const me = useMe();
  if (!me.data) return <Loading />;
  return roles.includes(me.data.role) ? <Outlet /> : <NotFound />;
}

function NotFound() {
  return (
    <>
      <PageHeading title={t.errors.pageNotFound}>{t.errors.pageNotFound}</PageHeading>
      <p>
        <a href="/">{t.errors.toStart}</a>
      </p>
    </>
  );
}

function AriaRouter({ children }: { children: React.ReactNode }) {
  const navigate = useNavigate();
  return (
    <RouterProvider navigate={navigate} useHref={useHref}>
      {children}
    </RouterProvider>
  );
}

/** Moves focus to <main> after a route change, so keyboard and screen-reader users start at the new content. */
function FocusOnNavigate() {
  const location = useLocation();
  const key = location.pathname;
  return <FocusMain key={key} />;
}
let firstRoute = true;
function FocusMain() {
  return (
    <span
      hidden
      ref={(el) => {
        if (!el) return;
        if (firstRoute) return void (firstRoute = false);
        requestAnimationFrame(() => {
          const main = document.getElementById('inhalt');
          // A screen that put the focus into its own field (the counter's scan field) keeps it.
          if (main && !main.contains(document.activeElement)) main.focus({ preventScroll: true });
        });
      }}
    />
  );
}

export function AppRoutes() {
  return (
    <Routes>
      <Route path="/anmelden" element={<LoginPage />} />
      <Route element={<PublicPage />}>
        <Route path="/barrierefreiheit" element={<AccessibilityPage />} />
      </Route>
      <Route element={<Shell />}>
        <Route index element={<Home />} />
        {SCREENS.map((s) => (
          <Route key={s.path} path={s.path} element={<ForRoles roles={s.roles} />}>
            <Route index element={<s.component />} />
            {s.children?.map((c) => <Route key={c.path} path={c.path} element={<c.component />} />)}
          </Route>
        ))}
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App({ queryClient = createQueryClient() }: { queryClient?: QueryClient }) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider locale={t.locale}>
        <BrowserRouter>
          <AriaRouter>
            <SessionExpiryHandler />
            <FocusOnNavigate />
            <AppRoutes />
          </AriaRouter>
        </BrowserRouter>
      </I18nProvider>
    </QueryClientProvider>
  );
}
