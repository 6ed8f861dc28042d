import type { QueryClient } from '@tanstack/react-query';
import type { ComponentType } from 'react';
import type { Texts } from '../i18n';
import type { Role } from './session';
import CounterPage from '../counter/CounterPage';
import { prefetchCoverageList } from '../coverage/coverage-query';
import { prefetchDeviceList } from '../devices/devices-api';
import { overviewQuery } from '../office/overview-query';
import { lazyScreen, type LazyScreen } from './lazy-screen';

/**
 * Every screen of the app, in nav order. A screen is shown (route and nav entry) to the roles it names.
 * Part 2 (the office's screens) adds entries here; the counter is bundled with the shell (it is the first page at a
 * school), every other screen is its own chunk, loaded on first visit.
 */
export interface Screen {
  path: string;
  nav: keyof Texts['nav'];
  roles: Role[];
  component: ComponentType | LazyScreen;
  /** Sub-routes (details) that are not nav entries. */
  children?: { path: string; component: LazyScreen }[];
  /**
   * Starts the screen's first request before it renders (a click on its nav entry, the app's start on its address), with
   * the query the screen then reads: its data arrives while its code loads and renders, not after.
   */
  prefetch?: (queryClient: QueryClient, at: { search: URLSearchParams; schoolId: string | null }) => void;
}

export const SCREENS: Screen[] = [
  // The office's screens (part 2); viewers see them read-only (each screen shows write controls to the office only).
  {
    path: '/uebersicht',
    nav: 'overview',
    roles: ['office', 'viewer'],
    component: lazyScreen(() => import('../office/OverviewPage')),
    prefetch: (queryClient) => void queryClient.prefetchQuery(overviewQuery),
  },
  { path: '/bedarfe-pruefen', nav: 'needsReview', roles: ['office', 'viewer'], component: lazyScreen(() => import('../needs-review/NeedsReviewPage')) },
  {
    path: '/foerderung',
    nav: 'grants',
    roles: ['office', 'viewer'],
    component: lazyScreen(() => import('../grants/GrantsPage')),
    children: [{ path: ':id', component: lazyScreen(() => import('../grants/GrantDetailPage')) }],
  },
  {
    path: '/medienentwicklungsplan',
    nav: 'coverage',
    roles: ['office', 'viewer'],
    component: lazyScreen(() => import('../coverage/CoveragePage')),
    children: [{ path: ':id', component: lazyScreen(() => import('../coverage/SchoolCoveragePage')) }],
    prefetch: (queryClient, { search }) => prefetchCoverageList(queryClient, search),
  },
  {
    path: '/schulen',
    nav: 'schools',
    roles: ['office', 'viewer'],
    component: lazyScreen(() => import('../schools/SchoolsPage')),
    children: [
      { path: 'neu', component: lazyScreen(() => import('../schools/NewSchoolPage')) },
      { path: ':id', component: lazyScreen(() => import('../schools/SchoolPage')) },
    ],
  },
  { path: '/benutzer', nav: 'users', roles: ['office'], component: lazyScreen(() => import('../users/UsersPage')) },
  { path: '/einstellungen', nav: 'settings', roles: ['office', 'viewer'], component: lazyScreen(() => import('../settings/SettingsPage')) },
  { path: '/protokoll', nav: 'audit', roles: ['office'], component: lazyScreen(() => import('../audit/AuditPage')) },
  { path: '/plattform', nav: 'platform', roles: ['admin'], component: lazyScreen(() => import('../admin/PlatformPage')) },
  { path: '/ausgabe', nav: 'counter', roles: ['coordinator', 'office'], component: CounterPage },
  {
    path: '/geraete',
    nav: 'devices',
    roles: ['coordinator', 'office', 'viewer'],
    component: lazyScreen(() => import('../devices/DevicesPage')),
    children: [{ path: ':id', component: lazyScreen(() => import('../devices/DeviceDetailPage')) }],
    prefetch: (queryClient, { search, schoolId }) => prefetchDeviceList(queryClient, search, schoolId),
  },
  { path: '/ausleihen', nav: 'loans', roles: ['coordinator', 'office', 'viewer'], component: lazyScreen(() => import('../loans/LoansPage')) },
  { path: '/bedarfe', nav: 'needs', roles: ['coordinator'], component: lazyScreen(() => import('../needs/NeedsPage')) },
  { path: '/meine-schule', nav: 'school', roles: ['coordinator'], component: lazyScreen(() => import('../my-school/MySchoolPage')) },
  {
    path: '/inventur',
    nav: 'stocktaking',
    roles: ['coordinator', 'office', 'viewer'],
    component: lazyScreen(() => import('../stocktaking/StocktakingsPage')),
    children: [{ path: ':id', component: lazyScreen(() => import('../stocktaking/StocktakingPage')) }],
  },
  { path: '/lizenzen', nav: 'licences', roles: ['office', 'viewer', 'coordinator'], component: lazyScreen(() => import('../licences/LicencesPage')) },
  { path: '/lieferliste', nav: 'import', roles: ['coordinator', 'office'], component: lazyScreen(() => import('../import/ImportPage')) },
];

export const screensFor = (role: Role) => SCREENS.filter((s) => s.roles.includes(role));

/** Where a role starts after login. */
export const homeFor = (role: Role) => screensFor(role)[0]?.path ?? '/barrierefreiheit';

/** Loads a screen's code when it is a chunk of its own (on a hover over or focus on its nav entry). */
export function preloadScreen(screen: Screen): void {
  if ('preload' in screen.component) void screen.component.preload().catch(() => undefined);
}

/**
 * What a screen needs first, started at once: its code and, with `prefetch`, its first request. For a click on its nav
 * entry and for the address the app starts on; a detail address (`/geraete/…`) loads the details' code.
 */
export function startScreen(queryClient: QueryClient, pathname: string, search: URLSearchParams, schoolId: string | null): void {
  const path = pathname.replace(/\/+$/, '') || '/';
  const screen = SCREENS.find((s) => s.path === path);
  if (screen) {
    preloadScreen(screen);
    screen.prefetch?.(queryClient, { search, schoolId });
    return;
  }
  const parent = SCREENS.find((s) => path.startsWith(`${s.path}/`));
  for (const child of parent?.children ?? []) void child.component.preload().catch(() => undefined);
}
