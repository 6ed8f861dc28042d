import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsInt, IsNumber, IsOptional, Max, Min, registerDecorator, ValidationOptions } from 'class-validator';
import { LicenceWarningCountsDto } from '../licences/licences.dto';
import { PageQueryDto } from '../common/pagination';
import { IsDateOnly, QueryBoolean } from '../common/validation';
import { DEVICE_TYPES, type DeviceType } from '../devices/device.entity';
import { SCHOOL_TYPES, type SchoolType } from '../schools/school.entity';
import { SchoolCountDto } from '../stocktakings/stocktakings.dto';
import { PERSONAL_DEVICE_TYPES, type PersonalDeviceType } from './coverage-settings';
import { COVERAGE_SORTS, type CoverageSort, type SortOrder } from './coverage-sort';

/**
 * An object whose keys come from a fixed list and whose values are numbers in a range.
 * The message names the offending key, e.g. `replacementAgeYears.laptop must be an integer from 1 to 30`.
 */
function IsNumberMap(keys: readonly string[], range: { min: number; max: number; integer?: boolean }, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    const name = String(propertyName);
    const kind = range.integer ? 'an integer' : 'a number';
    let problem = '';
    registerDecorator({
      name: 'isNumberMap',
      target: target.constructor,
      propertyName: name,
      options: { message: () => problem, ...options },
      validator: {
        validate(value: unknown) {
          if (!value || typeof value !== 'object' || Array.isArray(value)) {
            problem = `${name} must be an object keyed by ${keys.join(', ')}`;
            return false;
          }
          for (const [key, v] of Object.entries(value)) {
            if (!keys.includes(key)) {
              problem = `${name}.${key} is not one of ${keys.join(', ')}`;
              return false;
            }
            const ok = typeof v === 'number' && Number.isFinite(v) && (!range.integer || Number.isInteger(v)) && v >= range.min && v <= range.max;
            if (!ok) {
              problem = `${name}.${key} must be ${kind} from ${range.min} to ${range.max}`;
              return false;
            }
          }
          return true;
        },
      },
    });
    ApiPropertyOptional({
      type: 'object',
      properties: Object.fromEntries(keys.map((k) => [k, { type: range.integer ? 'integer' : 'number', minimum: range.min, maximum: range.max }])),
    })(target, name);
  };
}

/** Changes to the coverage targets; keys left out keep their value (maps merge key by key). */
export class UpdateCoverageSettingsDto {
  /** Students per student device, by school type (2 = one device per two students). @example {"grundschule": 2, "gymnasium": 1} */
  @IsOptional()
  @IsNumberMap(SCHOOL_TYPES, { min: 0.1, max: 100 })
  studentsPerDeviceTarget?: Partial<Record<SchoolType, number>>;

  /** Teachers per teacher device. */
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0.1)
  @Max(100)
  teachersPerDeviceTarget?: number;

  /** Replacement age in years, by device type. @example {"laptop": 5, "interactive_display": 8} */
  @IsOptional()
  @IsNumberMap(DEVICE_TYPES, { min: 1, max: 30, integer: true })
  replacementAgeYears?: Partial<Record<DeviceType, number>>;

  /** Broadband target in Mbit/s. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  broadbandTargetMbps?: number;

  /** Mbit/s per class from which a school counts as served. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 10_000 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000)
  broadbandServedMbpsPerClass?: number;

  /** WLAN target, percent of classrooms. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  wlanTargetPercent?: number;

  /** Unit prices in cents, by device type. @example {"tablet": 48000, "laptop": 60000} */
  @IsOptional()
  @IsNumberMap(DEVICE_TYPES, { min: 0, max: 100_000_000, integer: true })
  unitPriceCents?: Partial<Record<DeviceType, number>>;

  @ApiPropertyOptional({ enum: PERSONAL_DEVICE_TYPES, enumName: 'PersonalDeviceType', description: 'The device type a missing student device is priced as.' })
  @IsOptional()
  @IsIn(PERSONAL_DEVICE_TYPES)
  studentDeviceType?: PersonalDeviceType;

  @ApiPropertyOptional({ enum: PERSONAL_DEVICE_TYPES, enumName: 'PersonalDeviceType', description: 'The device type a missing teacher device is priced as.' })
  @IsOptional()
  @IsIn(PERSONAL_DEVICE_TYPES)
  teacherDeviceType?: PersonalDeviceType;
}

/** The targets in force (the authority's values over the defaults). */
export class CoverageSettingsDto {
  /** Students per student device the authority aims for, by school type (2 = one device per two students). */
  studentsPerDeviceTarget: Record<SchoolType, number>;
  /** Teachers per teacher device (1 = every teacher has one). */
  teachersPerDeviceTarget: number;
  /** Age in whole years at which a device is due for replacement, by device type. */
  replacementAgeYears: Record<DeviceType, number>;
  /** Broadband target of a school in Mbit/s (the Gigabit target). */
  broadbandTargetMbps: number;
  /** Mbit/s per class from which a school counts as served. */
  broadbandServedMbpsPerClass: number;
  /** Share of classrooms with WLAN the authority aims for. */
  wlanTargetPercent: number;
  /** Estimated unit price in cents (gross, incl. accessories), by device type. */
  unitPriceCents: Record<DeviceType, number>;
  /** The device type a missing student device is priced as. */
  @ApiProperty({ enum: PERSONAL_DEVICE_TYPES, enumName: 'PersonalDeviceType' })
  studentDeviceType: PersonalDeviceType;
  /** The device type a missing teacher device is priced as. */
  @ApiProperty({ enum: PERSONAL_DEVICE_TYPES, enumName: 'PersonalDeviceType' })
  teacherDeviceType: PersonalDeviceType;
}

export class CoverageAsOfQueryDto {
  /** The day ages are measured on; defaults to today. */
  @IsOptional()
  @IsDateOnly()
  asOf?: string;
}

/** Which schools, in which order. */
export class CoverageQueryDto extends CoverageAsOfQueryDto {
  /** The indicator to sort by; default `studentsPerDevice`. */
  @ApiPropertyOptional({ enum: COVERAGE_SORTS, enumName: 'CoverageSort' })
  @IsOptional()
  @IsIn(COVERAGE_SORTS)
  sort?: CoverageSort;

  /** Default: the worst schools first (descending for ratios, shortfalls and counts; ascending for bandwidth and WLAN). */
  @ApiPropertyOptional({ enum: ['asc', 'desc'] })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: SortOrder;

  @ApiPropertyOptional({ enum: SCHOOL_TYPES, enumName: 'SchoolType' })
  @IsOptional()
  @IsIn(SCHOOL_TYPES)
  schoolType?: SchoolType;

  /** `true`: only schools due for a stocktaking (Inventur); `false`: only those counted within the interval. */
  @QueryBoolean()
  countDue?: boolean;
}

export class ListCoverageQueryDto extends IntersectionType(PageQueryDto, CoverageQueryDto) {}

export class DeviceRatioDto {
  /** Students (or teachers) of the school. */
  count: number;
  devices: number;
  /** People per device (two decimals); null when there are people but no device, 0 when there are no people. */
  perDevice: number | null;
  /** Target: people per device. */
  target: number;
  /** Devices the target asks for: ceil(count / target). */
  needed: number;
  /** max(0, needed − devices). */
  shortfall: number;
  targetMet: boolean;
}

export class ReplacementDto {
  /** Devices in service (not retired, not lost) at or past their replacement age. */
  pastAge: number;
  /** The same by device type. */
  byType: Record<DeviceType, number>;
  /** Devices in service without commissioning or purchase date. */
  unknownAge: number;
  /** Replacing them at the unit prices. */
  costCents: number;
}

export class BroadbandDto {
  mbps: number | null;
  targetMbps: number;
  /** Null when the bandwidth is not recorded. */
  meetsTarget: boolean | null;
  mbpsPerClass: number | null;
  /** At least the served bandwidth per class; null when not recorded. */
  served: boolean | null;
}

export class WlanDto {
  percent: number | null;
  targetPercent: number;
  meetsTarget: boolean | null;
}

export class ShortfallDto {
  /** Missing student plus teacher devices. */
  devices: number;
  /** Their estimated cost at the unit prices of the student and teacher device types. */
  costCents: number;
}

/** A school's digital-learning licences: running contracts on the day (see LicenceFiguresService). */
export class SchoolLicencesDto {
  /** Student-facing products the school has a running contract for. */
  studentProducts: number;
  /** Seats of those contracts assigned to the school. */
  studentSeats: number;
  /** Student seats per student (two decimals); null without students. */
  seatsPerStudent: number | null;
  /** The school's share of the yearly cost of its running contracts (split by assigned seats, else by students). */
  @ApiProperty({ type: 'integer' })
  yearlyCostCents: number;
  /** That cost per student, to the cent; null without students. */
  @ApiProperty({ type: 'integer', nullable: true })
  yearlyCostPerStudentCents: number | null;
}

export class SchoolCoverageDto {
  schoolId: string;
  name: string;
  schoolNumber: string;
  @ApiProperty({ enum: SCHOOL_TYPES, enumName: 'SchoolType' })
  schoolType: SchoolType;
  /** Students per student device (laptops and tablets available or loaned, not to teachers). */
  students: DeviceRatioDto;
  /** Teachers per teacher device (laptops and tablets on an active teacher loan). */
  teachers: DeviceRatioDto;
  replacement: ReplacementDto;
  inRepair: number;
  lost: number;
  broadband: BroadbandDto;
  wlan: WlanDto;
  shortfall: ShortfallDto;
  licences: SchoolLicencesDto;
  /** The school's last complete stocktaking (Inventur) and whether a count is due: never, or longer ago than the authority's interval (default 5 years). */
  stocktaking: SchoolCountDto;
}

export class SchoolCoverageResponseDto extends SchoolCoverageDto {
  /** The day ages were measured on. */
  asOf: string;
}

export class CoveragePageDto {
  /** The day ages were measured on. */
  asOf: string;
  items: SchoolCoverageDto[];
  nextCursor: string | null;
}

/** The licences of the schools of a summary, and the warnings of the caller's licences. */
export class CoverageLicencesSummaryDto {
  /** Seats of running student-facing contracts assigned to the schools. */
  studentSeats: number;
  /** Student seats per student (two decimals); null without students. */
  seatsPerStudent: number | null;
  /** The yearly cost of the running contracts (the schools' shares summed). */
  @ApiProperty({ type: 'integer' })
  yearlyCostCents: number;
  /** That cost per student, to the cent; null without students. */
  @ApiProperty({ type: 'integer', nullable: true })
  yearlyCostPerStudentCents: number | null;
  warnings: LicenceWarningCountsDto;
}

/** Summary of many schools' coverage: for the overview. */
export class CoverageSummaryDto {
  schools: number;
  students: number;
  studentDevices: number;
  /** Authority-wide students per student device; null when there is none. */
  studentsPerDevice: number | null;
  schoolsBelowStudentTarget: number;
  studentDeviceShortfall: number;
  teachers: number;
  teacherDevices: number;
  schoolsBelowTeacherTarget: number;
  teacherDeviceShortfall: number;
  /** Estimated cost of the missing student and teacher devices. */
  shortfallCostCents: number;
  /** Devices in service at or past their replacement age. */
  pastReplacementAge: number;
  replacementCostCents: number;
  inRepair: number;
  lost: number;
  schoolsBelowBroadbandTarget: number;
  /** Schools below the served bandwidth per class. */
  schoolsNotServed: number;
  schoolsBelowWlanTarget: number;
  /** Schools whose broadband or WLAN figure is not recorded. */
  schoolsWithUnknownInfrastructure: number;
  licences: CoverageLicencesSummaryDto;
}
