import { useQuery, useQueryClient } from '@tanstack/react-query';
import { memo, Suspense, useState } from 'react';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import { unwrap } from '../api/errors';
import { language, switchLanguage, t } from '../i18n';
import { Button, Loading, Select, SketchFirst } from '../ui/components';
import { ErrorBoundary } from './ErrorBoundary';
import { preloadScreen, screensFor, startScreen } from './screens';
import { SchoolPick, useSchool } from './school';
import { loginPath, logout, type Me } from './session';

export function useSite() {
  return useQuery({ queryKey: ['site'], queryFn: () => unwrap(api.GET('/api/v1/site')), staleTime: Infinity });
}

export function SkipLink() {
  return (
    <a className="skip-link" href="#inhalt">
      {t.skipLink}
    </a>
  );
}

/** The links every page has: accessibility statement (required), privacy and imprint when configured, language. */
export function Footer() {
  const site = useSite();
  return (
    <footer className="footer">
      <ul>
        <li>
          <NavLink to="/barrierefreiheit">{t.nav.accessibility}</NavLink>
        </li>
        {site.data?.privacyUrl && (
          <li>
            <a href={site.data.privacyUrl}>{t.nav.privacy}</a>
          </li>
        )}
        {site.data?.imprintUrl && (
          <li>
            <a href={site.data.imprintUrl}>{t.nav.imprint}</a>
          </li>
        )}
        <li>
          <button type="button" className="link-button" onClick={switchLanguage} lang={language === 'de' ? 'en' : 'de'}>
            {t.nav.language}
          </button>
        </li>
      </ul>
    </footer>
  );
}

/** Memo: the layout renders again on every navigation, the school list (hundreds of options for an office) need not. */
const SchoolSwitch = memo(function SchoolSwitch() {
  const { schools, schoolId, choose } = useSchool();
  if (schools.length < 2) return null;
  return (
    <Select
      label={t.school.picker}
      selectedKey={schoolId ?? null}
      onSelectionChange={(key) => choose(String(key))}
      options={schools.map((s) => ({ value: s.id, label: s.name }))}
      placeholder={t.school.pickTitle}
    />
  );
});

/** Header with nav (the screens of the user's role), school switch and logout; the screen in <main>; footer. */
export function Layout({ me }: { me: Me }) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const { needsPick, school, schoolId } = useSchool();
  // On a phone the screens' list folds behind "Menü" (the office has 15 screens: unfolded they filled half the screen).
  // It folds again with every navigation.
  const [menu, setMenu] = useState({ open: false, path: location.pathname });
  const menuOpen = menu.open && menu.path === location.pathname;
  const screens = screensFor(me.role);
  const currentScreen = screens.find((s) => location.pathname === s.path || location.pathname.startsWith(`${s.path}/`));
  const onLogout = async () => {
    await logout();
    queryClient.clear();
    navigate(loginPath('', 'abgemeldet'), { replace: true });
  };
  return (
    <div className="shell">
      <SkipLink />
      <header className="header">
        <div className="header-top">
          <span className="brand">{t.appName}</span>
          {school && <span className="header-school">{school.name}</span>}
          <span className="header-user">
            <span className="visually-hidden">{t.login.signedInAs} </span>
            {/* The platform admin's account is named after its role: the name once, not "X (X)". */}
            {me.displayName === t.roles[me.role] ? me.displayName : `${me.displayName} (${t.roles[me.role]})`}
          </span>
          <Button variant="quiet" onPress={onLogout}>
            {t.login.logout}
          </Button>
        </div>
        <nav aria-label={t.nav.label} className={menuOpen ? 'nav nav-open' : 'nav'}>
          <Button variant="quiet" className="nav-toggle" aria-expanded={menuOpen} aria-controls="nav-screens" onPress={() => setMenu({ open: !menuOpen, path: location.pathname })}>
            <span aria-hidden="true" className="nav-icon">
              {menuOpen ? '▴' : '▾'}
            </span>
            {t.nav.menu}
            {currentScreen && <span className="nav-current"> · {t.nav[currentScreen.nav]}</span>}
          </Button>
          <ul id="nav-screens">
            {screens.map((s) => (
              <li key={s.path}>
                <NavLink
                  to={s.path}
                  // The screen's code on the way to a click; on the click its first request too (see startScreen).
                  onPointerEnter={() => preloadScreen(s)}
                  onFocus={() => preloadScreen(s)}
                  onClick={(e) => {
                    if (e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey) startScreen(queryClient, s.path, new URLSearchParams(), schoolId);
                  }}
                >
                  {t.nav[s.nav]}
                </NavLink>
              </li>
            ))}
          </ul>
          {/* Sketched first: a screen's first frame does not wait for the switch's widget. */}
          <SketchFirst>
            <SchoolSwitch />
          </SketchFirst>
        </nav>
      </header>
      <main id="inhalt" className="page" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>{needsPick ? <SchoolPick /> : <Outlet />}</Suspense>
        </ErrorBoundary>
      </main>
      <Footer />
    </div>
  );
}

/** Pages outside the login (login, accessibility statement for a visitor): the same skip link, landmarks and footer. */
export function PlainLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="shell">
      <SkipLink />
      <header className="header">
        <div className="header-top">
          <span className="brand">{t.appName}</span>
        </div>
      </header>
      <main id="inhalt" className="page narrow" tabIndex={-1}>
        {children}
      </main>
      <Footer />
    </div>
  );
}
