import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Texts } from '../i18n';
import type { Role } from './session';
import CounterPage from '../counter/CounterPage';

/**
 * Every screen of the app, in nav order. A screen is shown (route and nav entry) to the roles it names.
 * Part 2 (the office's screens) adds entries here; the counter is bundled with the shell (it is the first page at a
 * school), every other screen is its own chunk, loaded on first visit.
 */
export interface Screen {
  path: string;
  nav: keyof Texts['nav'];
  roles: Role[];
  component: ComponentType | LazyExoticComponent<ComponentType>;
  /** Sub-routes (details) that are not nav entries. */
  children?: { path: string; component: LazyExoticComponent<ComponentType> }[];
}

export const SCREENS: Screen[] = [
  // The office's screens (part 2); viewers see them read-only (each screen shows write controls to the office only).
  { path: '/uebersicht', nav: 'overview', roles: ['office', 'viewer'], component: lazy(() => import('../office/OverviewPage')) },
  { path: '/bedarfe-pruefen', nav: 'needsReview', roles: ['office', 'viewer'], component: lazy(() => import('../needs-review/NeedsReviewPage')) },
  {
    path: '/foerderung',
    nav: 'grants',
    roles: ['office', 'viewer'],
    component: lazy(() => import('../grants/GrantsPage')),
    children: [{ path: ':id', component: lazy(() => import('../grants/GrantDetailPage')) }],
  },
  {
    path: '/medienentwicklungsplan',
    nav: 'coverage',
    roles: ['office', 'viewer'],
    component: lazy(() => import('../coverage/CoveragePage')),
    children: [{ path: ':id', component: lazy(() => import('../coverage/SchoolCoveragePage')) }],
  },
  {
    path: '/schulen',
    nav: 'schools',
    roles: ['office', 'viewer'],
    component: lazy(() => import('../schools/SchoolsPage')),
    children: [
      { path: 'neu', component: lazy(() => import('../schools/NewSchoolPage')) },
      { path: ':id', component: lazy(() => import('../schools/SchoolPage')) },
    ],
  },
  { path: '/benutzer', nav: 'users', roles: ['office'], component: lazy(() => import('../users/UsersPage')) },
  { path: '/einstellungen', nav: 'settings', roles: ['office', 'viewer'], component: lazy(() => import('../settings/SettingsPage')) },
  { path: '/protokoll', nav: 'audit', roles: ['office'], component: lazy(() => import('../audit/AuditPage')) },
  { path: '/plattform', nav: 'platform', roles: ['admin'], component: lazy(() => import('../admin/PlatformPage')) },
  { path: '/ausgabe', nav: 'counter', roles: ['coordinator', 'office'], component: CounterPage },
  {
    path: '/geraete',
    nav: 'devices',
    roles: ['coordinator', 'office', 'viewer'],
    component: lazy(() => import('../devices/DevicesPage')),
    children: [{ path: ':id', component: lazy(() => import('../devices/DeviceDetailPage')) }],
  },
  { path: '/ausleihen', nav: 'loans', roles: ['coordinator', 'office', 'viewer'], component: lazy(() => import('../loans/LoansPage')) },
  { path: '/bedarfe', nav: 'needs', roles: ['coordinator'], component: lazy(() => import('../needs/NeedsPage')) },
  { path: '/meine-schule', nav: 'school', roles: ['coordinator'], component: lazy(() => import('../my-school/MySchoolPage')) },
  {
    path: '/inventur',
    nav: 'stocktaking',
    roles: ['coordinator', 'office', 'viewer'],
    component: lazy(() => import('../stocktaking/StocktakingsPage')),
    children: [{ path: ':id', component: lazy(() => import('../stocktaking/StocktakingPage')) }],
  },
  { path: '/lizenzen', nav: 'licences', roles: ['office', 'viewer', 'coordinator'], component: lazy(() => import('../licences/LicencesPage')) },
  { path: '/lieferliste', nav: 'import', roles: ['coordinator', 'office'], component: lazy(() => import('../import/ImportPage')) },
];

export const screensFor = (role: Role) => SCREENS.filter((s) => s.roles.includes(role));

/** Where a role starts after login. */
export const homeFor = (role: Role) => screensFor(role)[0]?.path ?? '/barrierefreiheit';

export const lazyScreen = (load: () => Promise<{ default: ComponentType }>) => lazy(load);
