import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GrantLicenceDto } from '../licences/licences.dto';
import { EXPENDITURE_CATEGORIES, type ExpenditureCategory } from './expenditures.dto';
import { GRANT_STATUSES, type GrantStatus } from './grants.dto';
import { GRANT_WARNING_CODES, type GrantWarningCode } from './program-rules';

/** Committed (ordered) and paid money with their funded and own shares; funded + own = the amount, always. */
export class MoneyFiguresDto {
  @ApiProperty({ type: 'integer' })
  committedCents: number;
  /** Funded share of the committed money (sum of the per-line shares). */
  @ApiProperty({ type: 'integer' })
  fundedCents: number;
  @ApiProperty({ type: 'integer' })
  ownCents: number;
  @ApiProperty({ type: 'integer' })
  paidCents: number;
  @ApiProperty({ type: 'integer' })
  paidFundedCents: number;
  @ApiProperty({ type: 'integer' })
  paidOwnCents: number;
}

export class SummaryTotalsDto extends MoneyFiguresDto {
  @ApiProperty({ type: 'integer' })
  approvedCents: number;
  @ApiProperty({ type: 'integer' })
  allocatedCents: number;
  /** Approved minus committed (coordinators: their schools' allocations minus their committed money). */
  @ApiProperty({ type: 'integer' })
  remainingCents: number;
}

export class SchoolSummaryDto extends MoneyFiguresDto {
  schoolId: string;
  schoolName: string;
  schoolNumber: string;
  schoolType: string;
  @ApiProperty({ type: 'integer' })
  allocatedCents: number;
  /** Allocated minus committed. */
  @ApiProperty({ type: 'integer' })
  remainingCents: number;
}

export class CategorySummaryDto extends MoneyFiguresDto {
  @ApiProperty({ enum: EXPENDITURE_CATEGORIES, enumName: 'ExpenditureCategory' })
  category: ExpenditureCategory;
}

/**
 * A program rule's warning: a stable `code`, and the `params` its German text is rendered from
 * (`grantWarningText(code, params)` of src/i18n/grant-warnings.ts: amounts in cents, dates 'YYYY-MM-DD', codes).
 * `message` is an English line for programmers.
 */
export class GrantWarningDto {
  @ApiProperty({ enum: GRANT_WARNING_CODES, enumName: 'GrantWarningCode' })
  code: GrantWarningCode;
  message: string;
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }], nullable: true } })
  params: Record<string, string | number | boolean | null>;
  @ApiPropertyOptional()
  schoolId?: string;
  @ApiPropertyOptional({ type: 'integer' })
  amountCents?: number;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true })
  details?: Record<string, unknown>;
}

export class MobileCapSchoolDto {
  schoolId: string;
  @ApiProperty({ type: 'integer' })
  investmentCents: number;
  @ApiProperty({ type: 'integer' })
  mobileCents: number;
  @ApiProperty({ type: 'integer' })
  excessOverPerSchoolCapCents: number;
}

/** The running DigitalPakt mobile-device cap figures (general-education schools only). */
export class MobileCapDto {
  @ApiProperty({ type: 'integer' })
  investmentCents: number;
  @ApiProperty({ type: 'integer' })
  mobileCents: number;
  @ApiProperty({ type: 'integer' })
  authorityCapCents: number;
  @ApiProperty({ type: 'integer' })
  perSchoolCapCents: number;
  @ApiProperty({ enum: ['authority_share', 'per_school'] })
  variant: 'authority_share' | 'per_school';
  @ApiProperty({ type: 'integer' })
  excessCents: number;
  schools: MobileCapSchoolDto[];
}

export class GrantSummaryDto {
  grantId: string;
  @ApiProperty({ enum: GRANT_STATUSES, enumName: 'GrantStatus' })
  status: GrantStatus;
  fundingRatePercent: number;
  /** The reporting date the figures are as of; null for "everything so far". */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  asOf: string | null;
  totals: SummaryTotalsDto;
  bySchool: SchoolSummaryDto[];
  byCategory: CategorySummaryDto[];
  /** DigitalPakt Basis only. For a coordinator: the figures of their schools only (the authority-wide cap is the office's). */
  @ApiPropertyOptional({ type: MobileCapDto, nullable: true })
  mobileDeviceCap: MobileCapDto | null;
  warnings: GrantWarningDto[];
  /** The licence contracts the grant paid for (linked to its expenditures, as of `asOf`; coordinators: their schools'). */
  licences: GrantLicenceDto[];
}
