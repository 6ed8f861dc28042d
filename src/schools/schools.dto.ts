import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { DEFAULT_PAGE_SIZE } from '../common/pagination';
import { IsSchoolNumber, Omittable, QueryInt } from '../common/validation';
import { SCHOOL_TYPES, type SchoolType } from './school.entity';

export class CreateSchoolDto {
  /** @example Städtisches Gymnasium am Stadtpark */
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  /** Official school number (Schulnummer), unique in the authority. @example 165432 */
  @IsSchoolNumber()
  schoolNumber: string;

  @ApiProperty({ enum: SCHOOL_TYPES, enumName: 'SchoolType' })
  @IsIn(SCHOOL_TYPES)
  schoolType: SchoolType;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  street?: string;

  @IsOptional()
  @Matches(/^\d{5}$/, { message: 'postalCode must be five digits', context: { code: 'isPostalCode' } })
  postalCode?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  city?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(100_000)
  studentCount?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(10_000)
  teacherCount?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(5_000)
  classCount?: number;

  /** Broadband downstream in Mbit/s. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000)
  broadbandMbps?: number;

  @Omittable()
  @IsBoolean()
  hasFibre?: boolean;

  /** Share of classrooms with WLAN, 0-100. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  wlanCoveragePercent?: number;
}

export class UpdateSchoolDto extends PartialType(CreateSchoolDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409 instead of overwriting someone else's change. */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  version?: number;
}

/** A city's schools fit one page: the school pickers of the web app load them all at once (a city of 500 in one request). */
export const MAX_SCHOOL_PAGE_SIZE = 1000;

export class ListSchoolsQueryDto {
  /** Page size, at most 1000. */
  @QueryInt({ min: 1, max: MAX_SCHOOL_PAGE_SIZE })
  limit?: number = DEFAULT_PAGE_SIZE;

  /** The `nextCursor` of the previous page. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;

  @ApiPropertyOptional({ enum: SCHOOL_TYPES, enumName: 'SchoolType' })
  @IsOptional()
  @IsIn(SCHOOL_TYPES)
  schoolType?: SchoolType;

  /** Part of the name or school number. */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}

export class SchoolDto {
  id: string;
  authorityId: string;
  name: string;
  schoolNumber: string;
  @ApiProperty({ enum: SCHOOL_TYPES, enumName: 'SchoolType' })
  schoolType: SchoolType;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  studentCount: number;
  teacherCount: number;
  classCount: number;
  broadbandMbps: number | null;
  hasFibre: boolean;
  wlanCoveragePercent: number | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class SchoolPageDto {
  items: SchoolDto[];
  nextCursor: string | null;
}

/** A state's schools fit one page of names: the web app's school choice and filters load them all at once. */
export const MAX_SCHOOL_NAMES_PAGE_SIZE = 5000;

export class ListSchoolNamesQueryDto {
  /** Page size, at most 5000 (the default: every school of a city or a state in one page). */
  @QueryInt({ min: 1, max: MAX_SCHOOL_NAMES_PAGE_SIZE })
  limit?: number = MAX_SCHOOL_NAMES_PAGE_SIZE;

  /** The `nextCursor` of the previous page. */
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(500)
  cursor?: string;
}

/** A school as the pickers show it: its id and name. */
export class SchoolNameDto {
  id: string;
  name: string;
}

export class SchoolNamePageDto {
  items: SchoolNameDto[];
  nextCursor: string | null;
}
