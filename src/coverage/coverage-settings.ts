import { DEVICE_TYPES } from '../devices/device.entity';
import { SCHOOL_TYPES } from '../schools/school.entity';
import type { CoverageSettingsDto } from './coverage.dto';

/** The device types a student or teacher device can be (the mobile devices). */
export const PERSONAL_DEVICE_TYPES = ['laptop', 'tablet'] as const;
export type PersonalDeviceType = (typeof PERSONAL_DEVICE_TYPES)[number];

/**
 * The targets and prices coverage is measured against. Stored per authority in `authorities.settings.coverage`;
 * keys an authority never set take the defaults below. (The same shape the API shows, see CoverageSettingsDto.)
 */
export type CoverageSettings = CoverageSettingsDto;

/**
 * Defaults from the Medienentwicklungsplan benchmarks: one device per two primary pupils, 1:1 from secondary level on.
 * Förderschulen 1:1 (many pupils need an individual, adapted device); Berufskollegs 1:1 like other secondary schools.
 * Replacement ages: mobile devices 5 years, desktops 6, network and printers 7, displays, projectors and cameras 8.
 * Prices: roughly the DigitalPakt figures (EUR 480 per loan tablet incl. accessories).
 */
export const DEFAULT_COVERAGE_SETTINGS: CoverageSettings = {
  studentsPerDeviceTarget: {
    grundschule: 2,
    hauptschule: 1,
    realschule: 1,
    sekundarschule: 1,
    gesamtschule: 1,
    gymnasium: 1,
    foerderschule: 1,
    berufskolleg: 1,
    other: 1,
  },
  teachersPerDeviceTarget: 1,
  replacementAgeYears: {
    laptop: 5,
    tablet: 5,
    desktop: 6,
    interactive_display: 8,
    projector: 8,
    document_camera: 8,
    access_point: 7,
    printer: 7,
    other: 6,
  },
  broadbandTargetMbps: 1000,
  broadbandServedMbpsPerClass: 30,
  wlanTargetPercent: 100,
  unitPriceCents: {
    laptop: 60_000,
    tablet: 48_000,
    desktop: 90_000,
    interactive_display: 600_000,
    projector: 150_000,
    document_camera: 25_000,
    access_point: 60_000,
    printer: 40_000,
    other: 30_000,
  },
  studentDeviceType: 'tablet',
  teacherDeviceType: 'laptop',
};

/** The keyed maps of the settings, merged key by key (an update of one school type keeps the others). */
const MAP_KEYS = ['studentsPerDeviceTarget', 'replacementAgeYears', 'unitPriceCents'] as const;
const MAP_DOMAINS: Record<(typeof MAP_KEYS)[number], readonly string[]> = {
  studentsPerDeviceTarget: SCHOOL_TYPES,
  replacementAgeYears: DEVICE_TYPES,
  unitPriceCents: DEVICE_TYPES,
};

/**
 * Overlays a (partial) settings object on a base: maps merge key by key, other values replace.
 * Unknown keys and wrongly typed values are ignored, so a stale stored section cannot break the computation.
 */
export function mergeCoverageSettings<T extends Partial<CoverageSettings>>(base: T, overlay: unknown): T {
  const result: Record<string, unknown> = { ...base };
  if (!overlay || typeof overlay !== 'object') return result as T;
  for (const [key, value] of Object.entries(overlay as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if ((MAP_KEYS as readonly string[]).includes(key)) {
      if (typeof value !== 'object') continue;
      const domain = MAP_DOMAINS[key as (typeof MAP_KEYS)[number]];
      const merged: Record<string, number> = { ...(result[key] as Record<string, number> | undefined) };
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        if (domain.includes(k) && typeof v === 'number' && Number.isFinite(v)) merged[k] = v;
      }
      result[key] = merged;
    } else if (key in DEFAULT_COVERAGE_SETTINGS && typeof value === typeof DEFAULT_COVERAGE_SETTINGS[key as keyof CoverageSettings]) {
      result[key] = value;
    }
  }
  return result as T;
}

/** The settings in force: the defaults with the authority's stored section on top. */
export function effectiveCoverageSettings(stored: unknown): CoverageSettings {
  return mergeCoverageSettings(DEFAULT_COVERAGE_SETTINGS, stored);
}

/** `asOf` minus whole years, as YYYY-MM-DD (29 Feb falls back to 28 Feb in common years). */
export function minusYears(asOf: string, years: number): string {
  const [y, m, d] = asOf.split('-').map(Number);
  const year = y - years;
  const lastDay = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}
