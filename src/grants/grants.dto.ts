import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, IsIn, IsInt, IsNumber, IsObject, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { IsDateOnly, NestedList, Omittable, Trim } from '../common/validation';

export const GRANT_PROGRAMS = [
  'digitalpakt_basis',
  'sofortausstattung',
  'leihgeraete_lehrkraefte',
  'administration',
  'state_program',
  'city_budget',
  'other',
] as const;
export type GrantProgram = (typeof GRANT_PROGRAMS)[number];

export const GRANT_STATUSES = ['planned', 'approved', 'reported', 'closed'] as const;
export type GrantStatus = (typeof GRANT_STATUSES)[number];

/** Money of a grant may be spent and its budget changed only in these states; `reported` and `closed` are read-only. */
export const WRITABLE_GRANT_STATUSES: readonly GrantStatus[] = ['planned', 'approved'];

/** Status changes; `reported → approved` reopens a grant when the funder asks for corrections. Nothing leaves `closed`. */
export const GRANT_TRANSITIONS: Readonly<Record<GrantStatus, readonly GrantStatus[]>> = {
  planned: ['approved'],
  approved: ['planned', 'reported'],
  reported: ['approved', 'closed'],
  closed: [],
};

export const MAX_CENTS = 9_999_999_999_999;

export class CreateGrantDto {
  @ApiProperty({ enum: GRANT_PROGRAMS, enumName: 'GrantProgram' })
  @IsIn(GRANT_PROGRAMS)
  program: GrantProgram;

  /** @example DigitalPakt Schule – Basis, 1. Bewilligung */
  @Trim()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  title: string;

  /** The funder's reference number (Aktenzeichen), unique in the authority. @example 48.01-DP-2020-117 */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  referenceNumber?: string | null;

  /** Date of the funding decision (Bewilligungsbescheid). */
  @IsOptional()
  @IsDateOnly()
  decisionDate?: string | null;

  /** Approved budget of eligible spending in cents (funded and own share together). */
  @ApiProperty({ type: 'integer', minimum: 0, example: 150000000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  approvedCents: number;

  /** Funding rate in percent, at most two decimals; the rest is the authority's own share. @example 90 */
  @ApiProperty({ minimum: 0.01, maximum: 100, example: 90 })
  @IsNumber({ maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(100)
  fundingRatePercent: number;

  /** First day of the eligible spending period. */
  @IsDateOnly()
  eligibleFrom: string;

  /** Last day of the eligible spending period (invoices must be dated within). */
  @IsDateOnly()
  eligibleUntil: string;

  /** Due date of the proof of use (Verwendungsnachweis). */
  @IsOptional()
  @IsDateOnly()
  proofDueOn?: string | null;

  @ApiPropertyOptional({ enum: GRANT_STATUSES, enumName: 'GrantStatus', default: 'planned' })
  @Omittable()
  @IsIn(GRANT_STATUSES)
  status?: GrantStatus;

  /** Earmarking period in years (Zweckbindungsfrist), counted from commissioning. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 30, default: 5 })
  @Omittable()
  @IsInt()
  @Min(0)
  @Max(30)
  earmarkingYears?: number;

  /** Earmarking years by device type, overriding `earmarkingYears`. @example {"laptop": 3, "tablet": 3, "access_point": 10} */
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'integer' }, example: { laptop: 3, tablet: 3 } })
  @Omittable()
  @IsObject()
  earmarkingYearsByType?: Record<string, number>;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class UpdateGrantDto extends PartialType(CreateGrantDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409. */
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class GrantDto {
  id: string;
  @ApiProperty({ enum: GRANT_PROGRAMS, enumName: 'GrantProgram' })
  program: GrantProgram;
  title: string;
  referenceNumber: string | null;
  decisionDate: string | null;
  @ApiProperty({ type: 'integer' })
  approvedCents: number;
  fundingRatePercent: number;
  eligibleFrom: string;
  eligibleUntil: string;
  proofDueOn: string | null;
  @ApiProperty({ enum: GRANT_STATUSES, enumName: 'GrantStatus' })
  status: GrantStatus;
  @ApiProperty({ type: 'integer' })
  earmarkingYears: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' } })
  earmarkingYearsByType: Record<string, number>;
  notes: string | null;
  @ApiProperty({ type: 'integer' })
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class GrantDeadlineDto {
  @ApiProperty({ enum: ['proof_of_use', 'eligible_period_end'] })
  kind: 'proof_of_use' | 'eligible_period_end';
  date: string;
  /** Negative when the date has passed. */
  @ApiProperty({ type: 'integer' })
  daysLeft: number;
}

export class GrantListItemDto extends GrantDto {
  /** Allocated to schools (coordinators: to their schools). */
  @ApiProperty({ type: 'integer' })
  allocatedCents: number;
  /** Committed by orders: the money the grant has spent (coordinators: at their schools). */
  @ApiProperty({ type: 'integer' })
  spentCents: number;
  @ApiProperty({ type: 'integer' })
  paidCents: number;
  /** Approved minus spent (coordinators: their schools' allocations minus their spending). */
  @ApiProperty({ type: 'integer' })
  remainingCents: number;
  /** Deadlines within the warning window (90 days unless the authority configures another). */
  deadlines: GrantDeadlineDto[];
  deadlineSoon: boolean;
}

export class GrantPageDto {
  items: GrantListItemDto[];
  nextCursor: string | null;
}

export class ListGrantsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: GRANT_STATUSES, enumName: 'GrantStatus' })
  @IsOptional()
  @IsIn(GRANT_STATUSES)
  status?: GrantStatus;

  @ApiPropertyOptional({ enum: GRANT_PROGRAMS, enumName: 'GrantProgram' })
  @IsOptional()
  @IsIn(GRANT_PROGRAMS)
  program?: GrantProgram;
}

export class SummaryQueryDto {
  /** Reporting date: committed = ordered by then, paid = paid by then (federal reports: 30 June and 31 December). */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  asOf?: string;
}

export class CategoryShareRuleDto {
  @ApiPropertyOptional({ enum: GRANT_PROGRAMS, enumName: 'GrantProgram' })
  @IsOptional()
  @IsIn(GRANT_PROGRAMS)
  program?: GrantProgram;

  @IsIn(['devices', 'displays', 'network', 'software', 'installation', 'training', 'other'])
  category: string;

  /** @example 30 */
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(100)
  maxSharePercent: number;

  @IsIn(['grant', 'school'])
  scope: 'grant' | 'school';

  @IsOptional()
  @IsString()
  @MaxLength(200)
  label?: string;
}

/** The authority's grant settings (authorities.settings.grants). */
export class GrantSettingsDto {
  /** Deadlines this many days ahead are flagged in the list. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 730 })
  @Omittable()
  @IsInt()
  @Min(1)
  @Max(730)
  deadlineWarningDays?: number;

  /** Extra program rules, shown as warnings in the summary. */
  @Omittable()
  @NestedList(() => CategoryShareRuleDto)
  @ArrayMaxSize(50)
  categoryShareRules?: CategoryShareRuleDto[];
}
