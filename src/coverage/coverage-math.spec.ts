import { DEVICE_TYPES, type DeviceType } from '../devices/device.entity';
import { computeCoverage, deviceRatio, type DeviceCounts, type SchoolCoverage, type SchoolFacts, summarizeCoverage } from './coverage-math';
import { DEFAULT_COVERAGE_SETTINGS, effectiveCoverageSettings, mergeCoverageSettings, minusYears } from './coverage-settings';
import { todayInBerlin } from '../common/dates';
import { pageCoverage, sortCoverage } from './coverage-sort';

const noneByType = () => Object.fromEntries(DEVICE_TYPES.map((t) => [t, 0])) as Record<DeviceType, number>;

const school = (o: Partial<SchoolFacts> = {}): SchoolFacts => ({
  schoolId: '00000000-0000-0000-0000-000000000001',
  name: 'Schule',
  schoolNumber: '100001',
  schoolType: 'gymnasium',
  studentCount: 0,
  teacherCount: 0,
  classCount: 0,
  broadbandMbps: null,
  wlanCoveragePercent: null,
  ...o,
});

const counts = (o: Partial<DeviceCounts> = {}): DeviceCounts => ({
  personalDevices: 0,
  teacherDevices: 0,
  inRepair: 0,
  lost: 0,
  pastAgeByType: noneByType(),
  unknownAge: 0,
  ...o,
});

describe('deviceRatio', () => {
  it('computes people per device, devices needed and the shortfall', () => {
    // 245 primary pupils at one device per two: ceil(122.5) = 123 needed; 100 there → 23 missing; 2.45 per device.
    expect(deviceRatio(245, 100, 2)).toEqual({ count: 245, devices: 100, perDevice: 2.45, target: 2, needed: 123, shortfall: 23, targetMet: false });
  });

  it('meets the target exactly and beyond', () => {
    expect(deviceRatio(500, 500, 1)).toMatchObject({ perDevice: 1, needed: 500, shortfall: 0, targetMet: true });
    expect(deviceRatio(500, 650, 1)).toMatchObject({ perDevice: 0.77, shortfall: 0, targetMet: true });
  });

  it('reports null (infinitely bad) for people without any device and 0 for nobody', () => {
    expect(deviceRatio(40, 0, 1)).toMatchObject({ perDevice: null, needed: 40, shortfall: 40, targetMet: false });
    expect(deviceRatio(0, 0, 1)).toMatchObject({ perDevice: 0, needed: 0, shortfall: 0, targetMet: true });
  });

  it('forgives floating-point noise in the division', () => {
    expect(deviceRatio(110, 0, 1.1).needed).toBe(100);
    expect(deviceRatio(3, 0, 1.5).needed).toBe(2);
  });
});

describe('computeCoverage', () => {
  it('splits personal devices into student and teacher devices and prices the shortfall', () => {
    const result = computeCoverage(
      school({ schoolType: 'grundschule', studentCount: 245, teacherCount: 20, classCount: 10, broadbandMbps: 250, wlanCoveragePercent: 60 }),
      counts({ personalDevices: 108, teacherDevices: 8, inRepair: 2, lost: 1, pastAgeByType: { ...noneByType(), laptop: 3, interactive_display: 1 }, unknownAge: 4 }),
      DEFAULT_COVERAGE_SETTINGS,
    );
    expect(result.students).toMatchObject({ count: 245, devices: 100, needed: 123, shortfall: 23, perDevice: 2.45 });
    expect(result.teachers).toMatchObject({ count: 20, devices: 8, needed: 20, shortfall: 12, perDevice: 2.5 });
    // 23 tablets at 480 EUR + 12 laptops at 600 EUR
    expect(result.shortfall).toEqual({ devices: 35, costCents: 23 * 48_000 + 12 * 60_000 });
    // 3 laptops at 600 EUR + 1 display at 6,000 EUR
    expect(result.replacement).toMatchObject({ pastAge: 4, unknownAge: 4, costCents: 3 * 60_000 + 600_000 });
    expect(result.replacement.byType).toMatchObject({ laptop: 3, interactive_display: 1, tablet: 0 });
    expect(result.broadband).toEqual({ mbps: 250, targetMbps: 1000, meetsTarget: false, mbpsPerClass: 25, served: false });
    expect(result.wlan).toEqual({ percent: 60, targetPercent: 100, meetsTarget: false });
    expect([result.inRepair, result.lost]).toEqual([2, 1]);
  });

  it('leaves unknown infrastructure as null rather than guessing', () => {
    const result = computeCoverage(school({ classCount: 0 }), counts(), DEFAULT_COVERAGE_SETTINGS);
    expect(result.broadband).toMatchObject({ mbps: null, meetsTarget: null, served: null, mbpsPerClass: null });
    expect(result.wlan.meetsTarget).toBeNull();
  });

  it('applies per-authority targets and prices', () => {
    const settings = effectiveCoverageSettings({ studentsPerDeviceTarget: { gymnasium: 3 }, unitPriceCents: { tablet: 40_000 }, broadbandTargetMbps: 200 });
    const result = computeCoverage(school({ studentCount: 300, broadbandMbps: 250, classCount: 5 }), counts({ personalDevices: 90 }), settings);
    expect(result.students).toMatchObject({ target: 3, needed: 100, shortfall: 10 });
    expect(result.shortfall.costCents).toBe(10 * 40_000);
    expect(result.broadband).toMatchObject({ meetsTarget: true, mbpsPerClass: 50, served: true });
  });
});

describe('coverage settings', () => {
  it('merges maps key by key and ignores unknown or mistyped values', () => {
    const merged = mergeCoverageSettings(DEFAULT_COVERAGE_SETTINGS, {
      replacementAgeYears: { laptop: 4, spaceship: 3 },
      wlanTargetPercent: '90',
      bogus: 1,
      teacherDeviceType: 'tablet',
    });
    expect(merged.replacementAgeYears).toMatchObject({ laptop: 4, tablet: 5, interactive_display: 8 });
    expect(merged.replacementAgeYears).not.toHaveProperty('spaceship');
    expect(merged.wlanTargetPercent).toBe(100);
    expect(merged).not.toHaveProperty('bogus');
    expect(merged.teacherDeviceType).toBe('tablet');
  });

  it('counts whole years back, 29 February falling to 28 February', () => {
    expect(minusYears('2025-11-21', 5)).toBe('2020-11-21');
    expect(minusYears('2024-02-29', 1)).toBe('2023-02-28');
    expect(minusYears('2024-02-29', 4)).toBe('2020-02-29');
  });

  it('tells the date in Germany, not in UTC', () => {
    expect(todayInBerlin(new Date('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(todayInBerlin(new Date('2025-07-01T21:59:00Z'))).toBe('2025-07-01');
  });
});

describe('sorting and paging', () => {
  const row = (id: string, name: string, students: number, devices: number, mbps: number | null): SchoolCoverage =>
    computeCoverage(school({ schoolId: id, name, studentCount: students, broadbandMbps: mbps, classCount: 10 }), counts({ personalDevices: devices }), DEFAULT_COVERAGE_SETTINGS);
  const rows = [row('a', 'Alpha', 100, 50, 1000), row('b', 'Beta', 100, 0, null), row('c', 'Gamma', 100, 100, 50), row('d', 'Delta', 100, 25, 300), row('e', 'Epsilon', 100, 50, 1000)];
  const names = (list: SchoolCoverage[]) => list.map((r) => r.name);

  it('lists the worst first: no device at all leads, ties by name', () => {
    expect(names(sortCoverage(rows, 'studentsPerDevice'))).toEqual(['Beta', 'Delta', 'Alpha', 'Epsilon', 'Gamma']);
    expect(names(sortCoverage(rows, 'studentsPerDevice', 'asc'))).toEqual(['Gamma', 'Alpha', 'Epsilon', 'Delta', 'Beta']);
  });

  it('sorts bandwidth ascending by default, unknown first', () => {
    expect(names(sortCoverage(rows, 'broadband'))).toEqual(['Beta', 'Gamma', 'Delta', 'Alpha', 'Epsilon']);
  });

  it('pages with a keyset cursor that survives Infinity and refuses another sort', () => {
    const sorted = sortCoverage(rows, 'studentsPerDevice');
    const first = pageCoverage(sorted, 'studentsPerDevice', 'desc', 2);
    expect(names(first.items)).toEqual(['Beta', 'Delta']);
    const second = pageCoverage(sorted, 'studentsPerDevice', 'desc', 2, first.nextCursor!);
    expect(names(second.items)).toEqual(['Alpha', 'Epsilon']);
    const third = pageCoverage(sorted, 'studentsPerDevice', 'desc', 2, second.nextCursor!);
    expect(names(third.items)).toEqual(['Gamma']);
    expect(third.nextCursor).toBeNull();
    expect(() => pageCoverage(sorted, 'lost', 'desc', 2, first.nextCursor!)).toThrow('cursor');
  });
});

describe('summarizeCoverage', () => {
  it('adds up the schools', () => {
    const a = computeCoverage(school({ studentCount: 100, teacherCount: 10, broadbandMbps: 1000, wlanCoveragePercent: 100, classCount: 4 }), counts({ personalDevices: 60, teacherDevices: 10 }), DEFAULT_COVERAGE_SETTINGS);
    const b = computeCoverage(school({ schoolType: 'grundschule', studentCount: 200, teacherCount: 12, wlanCoveragePercent: 50 }), counts({ personalDevices: 100, lost: 2 }), DEFAULT_COVERAGE_SETTINGS);
    expect(summarizeCoverage([a, b])).toEqual({
      schools: 2,
      students: 300,
      studentDevices: 150,
      studentsPerDevice: 2,
      schoolsBelowStudentTarget: 1,
      studentDeviceShortfall: 50,
      teachers: 22,
      teacherDevices: 10,
      schoolsBelowTeacherTarget: 1,
      teacherDeviceShortfall: 12,
      shortfallCostCents: 50 * 48_000 + 12 * 60_000,
      pastReplacementAge: 0,
      replacementCostCents: 0,
      inRepair: 0,
      lost: 2,
      schoolsBelowBroadbandTarget: 0,
      schoolsNotServed: 0,
      schoolsBelowWlanTarget: 1,
      schoolsWithUnknownInfrastructure: 1,
    });
  });
});
