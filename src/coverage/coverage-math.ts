import { DEVICE_TYPES, type DeviceType } from '../devices/device.entity';
import type { SchoolType } from '../schools/school.entity';
import type { CoverageSettings } from './coverage-settings';
import type { CoverageSummaryDto, DeviceRatioDto } from './coverage.dto';

/** The facts of a school that coverage is measured on. */
export interface SchoolFacts {
  schoolId: string;
  name: string;
  schoolNumber: string;
  schoolType: SchoolType;
  studentCount: number;
  teacherCount: number;
  classCount: number;
  broadbandMbps: number | null;
  wlanCoveragePercent: number | null;
}

/** What the grouped device query counts per school. */
export interface DeviceCounts {
  /** Laptops and tablets that are available or loaned, teacher devices included. */
  personalDevices: number;
  /** Of those, the ones on an active loan to a teacher. */
  teacherDevices: number;
  inRepair: number;
  lost: number;
  /** Devices in service (not retired, not lost) at or past their replacement age, by type. */
  pastAgeByType: Record<DeviceType, number>;
  /** Devices in service without commissioning or purchase date: their age is unknown. */
  unknownAge: number;
}

export interface SchoolCoverage {
  schoolId: string;
  name: string;
  schoolNumber: string;
  schoolType: SchoolType;
  students: DeviceRatioDto;
  teachers: DeviceRatioDto;
  replacement: {
    /** Devices in service at or past their replacement age. */
    pastAge: number;
    byType: Record<DeviceType, number>;
    /** Devices in service whose age is unknown (no commissioning or purchase date). */
    unknownAge: number;
    /** What replacing them would cost at the unit prices. */
    costCents: number;
  };
  inRepair: number;
  lost: number;
  broadband: {
    mbps: number | null;
    targetMbps: number;
    /** Null when the school's bandwidth is not recorded. */
    meetsTarget: boolean | null;
    /** Mbit/s per class, one decimal; null when unknown or the school has no classes. */
    mbpsPerClass: number | null;
    /** At least the "served" bandwidth per class (30 Mbit/s by default); null when unknown. */
    served: boolean | null;
  };
  wlan: {
    percent: number | null;
    targetPercent: number;
    meetsTarget: boolean | null;
  };
  /** Missing student and teacher devices and their estimated cost. */
  shortfall: { devices: number; costCents: number };
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;

/** ceil that forgives floating-point noise (110 / 1.1 = 100.00000000000001 must need 100 devices, not 101). */
const ceilExact = (value: number) => Math.ceil(value - 1e-9);

export function deviceRatio(count: number, devices: number, target: number): DeviceRatioDto {
  const needed = count === 0 ? 0 : ceilExact(count / target);
  const shortfall = Math.max(0, needed - devices);
  return {
    count,
    devices,
    perDevice: count === 0 ? 0 : devices === 0 ? null : round(count / devices, 2),
    target,
    needed,
    shortfall,
    targetMet: shortfall === 0,
  };
}

export function computeCoverage(school: SchoolFacts, counts: DeviceCounts, settings: CoverageSettings): SchoolCoverage {
  const studentDevices = Math.max(0, counts.personalDevices - counts.teacherDevices);
  const students = deviceRatio(school.studentCount, studentDevices, settings.studentsPerDeviceTarget[school.schoolType]);
  const teachers = deviceRatio(school.teacherCount, counts.teacherDevices, settings.teachersPerDeviceTarget);
  const byType = Object.fromEntries(DEVICE_TYPES.map((t) => [t, counts.pastAgeByType[t] ?? 0])) as Record<DeviceType, number>;
  const pastAge = DEVICE_TYPES.reduce((sum, t) => sum + byType[t], 0);
  const replacementCost = DEVICE_TYPES.reduce((sum, t) => sum + byType[t] * settings.unitPriceCents[t], 0);
  const mbps = school.broadbandMbps;
  const perClass = mbps === null ? null : school.classCount > 0 ? mbps / school.classCount : null;
  const wlan = school.wlanCoveragePercent;
  return {
    schoolId: school.schoolId,
    name: school.name,
    schoolNumber: school.schoolNumber,
    schoolType: school.schoolType,
    students,
    teachers,
    replacement: { pastAge, byType, unknownAge: counts.unknownAge, costCents: replacementCost },
    inRepair: counts.inRepair,
    lost: counts.lost,
    broadband: {
      mbps,
      targetMbps: settings.broadbandTargetMbps,
      meetsTarget: mbps === null ? null : mbps >= settings.broadbandTargetMbps,
      mbpsPerClass: perClass === null ? null : round(perClass, 1),
      // A school without classes is served when its line alone reaches the per-class figure.
      served: mbps === null ? null : (perClass ?? mbps) >= settings.broadbandServedMbpsPerClass,
    },
    wlan: { percent: wlan, targetPercent: settings.wlanTargetPercent, meetsTarget: wlan === null ? null : wlan >= settings.wlanTargetPercent },
    shortfall: {
      devices: students.shortfall + teachers.shortfall,
      costCents: students.shortfall * settings.unitPriceCents[settings.studentDeviceType] + teachers.shortfall * settings.unitPriceCents[settings.teacherDeviceType],
    },
  };
}

/** Summary of many schools' coverage: for the overview (the shape the API returns, without the licences' part). */
export type CoverageSummary = Omit<CoverageSummaryDto, 'licences'>;

export function summarizeCoverage(rows: readonly SchoolCoverage[]): CoverageSummary {
  const sum = (f: (r: SchoolCoverage) => number) => rows.reduce((acc, r) => acc + f(r), 0);
  const count = (f: (r: SchoolCoverage) => boolean) => rows.reduce((acc, r) => acc + (f(r) ? 1 : 0), 0);
  const students = sum((r) => r.students.count);
  const studentDevices = sum((r) => r.students.devices);
  return {
    schools: rows.length,
    students,
    studentDevices,
    studentsPerDevice: studentDevices === 0 ? (students === 0 ? 0 : null) : round(students / studentDevices, 2),
    schoolsBelowStudentTarget: count((r) => !r.students.targetMet),
    studentDeviceShortfall: sum((r) => r.students.shortfall),
    teachers: sum((r) => r.teachers.count),
    teacherDevices: sum((r) => r.teachers.devices),
    schoolsBelowTeacherTarget: count((r) => !r.teachers.targetMet),
    teacherDeviceShortfall: sum((r) => r.teachers.shortfall),
    shortfallCostCents: sum((r) => r.shortfall.costCents),
    pastReplacementAge: sum((r) => r.replacement.pastAge),
    replacementCostCents: sum((r) => r.replacement.costCents),
    inRepair: sum((r) => r.inRepair),
    lost: sum((r) => r.lost),
    schoolsBelowBroadbandTarget: count((r) => r.broadband.meetsTarget === false),
    schoolsNotServed: count((r) => r.broadband.served === false),
    schoolsBelowWlanTarget: count((r) => r.wlan.meetsTarget === false),
    schoolsWithUnknownInfrastructure: count((r) => r.broadband.mbps === null || r.wlan.percent === null),
  };
}
