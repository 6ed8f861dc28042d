import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { I18nProvider, RouterProvider } from 'react-aria-components';
import { BrowserRouter, Navigate, Outlet, Route, Routes, useHref, useLocation, useNavigate, type NavigateOptions } from 'react-router';
import { ApiError } from '../api/errors';
import { t } from '../i18n';
import { Loading, PageHeading } from '../ui/components';
import { Layout, PlainLayout } from './Layout';
import { lazyScreen } from './lazy-screen';
import { LoginPage } from './LoginPage';
import { homeFor, SCREENS } from './screens';
import { SchoolProvider } from './school';
import { RequireLogin, type Role, SessionExpiryHandler, useMe } from './session';

const AccessibilityPage = lazyScreen(() => import('../accessibility/AccessibilityPage'));

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

/**
 * The frame of every page but the login: the shell for a logged-in user; on a public page (the accessibility statement)
 * a plain frame for a visitor. One component for both route groups, so that React keeps the logged-in shell (its school
 * list, header and Suspense boundary) when the user goes from a public page to a screen, instead of mounting a new one.
 */
function Frame({ isPublic = false }: { isPublic?: boolean }) {
  const me = useMe();
  if (!isPublic) return <Shell />;
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
      <Route element={<Frame isPublic />}>
        <Route path="/barrierefreiheit" element={<AccessibilityPage />} />
      </Route>
      <Route element={<Frame />}>
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
