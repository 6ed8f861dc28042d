import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { IsDateOnly, Omittable } from '../common/validation';
import { MAX_CENTS } from './grants.dto';

export const EXPENDITURE_CATEGORIES = ['devices', 'displays', 'network', 'software', 'installation', 'training', 'other'] as const;
export type ExpenditureCategory = (typeof EXPENDITURE_CATEGORIES)[number];

export const MAX_DEVICES_PER_EXPENDITURE = 2000;

export class SetAllocationDto {
  /** The school's budget share in cents. */
  @ApiProperty({ type: 'integer', minimum: 0, example: 2500000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  amountCents: number;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

export class AllocationDto {
  schoolId: string;
  schoolName: string;
  schoolNumber: string;
  @ApiProperty({ type: 'integer' })
  amountCents: number;
  note: string | null;
  /** Committed (ordered) at this school. */
  @ApiProperty({ type: 'integer' })
  committedCents: number;
  @ApiProperty({ type: 'integer' })
  remainingCents: number;
  updatedAt: Date;
}

export class CreateExpenditureDto {
  /** The school the money was spent for (its allocation is charged). */
  @IsUUID('all')
  schoolId: string;

  @ApiProperty({ enum: EXPENDITURE_CATEGORIES, enumName: 'ExpenditureCategory' })
  @IsIn(EXPENDITURE_CATEGORIES)
  category: ExpenditureCategory;

  /** Date of the order (the commitment). */
  @IsDateOnly()
  orderDate: string;

  /** Invoice number; together with `invoiceDate`. @example RE-2024-00817 */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  invoiceNumber?: string | null;

  /** Invoice date; must lie within the grant's eligible period. */
  @IsOptional()
  @IsDateOnly()
  invoiceDate?: string | null;

  /** Payment date; needs an invoice. */
  @IsOptional()
  @IsDateOnly()
  paidOn?: string | null;

  /** @example Bechtle GmbH */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  vendor: string;

  /** @example 30 iPads 10.9" mit Hülle */
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  description: string;

  /** Gross amount in cents. */
  @ApiProperty({ type: 'integer', minimum: 1, example: 1797000 })
  @IsInt()
  @Min(1)
  @Max(MAX_CENTS)
  grossCents: number;

  /** The inventory devices this expenditure bought (replaces the list on update). A device belongs to at most one expenditure. */
  @Omittable()
  @IsArray()
  @ArrayMaxSize(MAX_DEVICES_PER_EXPENDITURE)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  deviceIds?: string[];

  /** Accept spending beyond the school's allocation or the grant (office decision, kept in the audit log). */
  @Omittable()
  @IsBoolean()
  overrideBudget?: boolean;

  /** Why the budget is overridden; required with `overrideBudget`. */
  @Omittable()
  @IsString()
  @MinLength(5)
  @MaxLength(1000)
  overrideReason?: string;
}

export class UpdateExpenditureDto extends PartialType(CreateExpenditureDto, { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: 'integer' })
  @IsOptional()
  @IsInt()
  version?: number;
}

export class ExpenditureDto {
  id: string;
  grantId: string;
  schoolId: string;
  @ApiProperty({ enum: EXPENDITURE_CATEGORIES, enumName: 'ExpenditureCategory' })
  category: ExpenditureCategory;
  orderDate: string;
  invoiceNumber: string | null;
  invoiceDate: string | null;
  paidOn: string | null;
  vendor: string;
  description: string;
  @ApiProperty({ type: 'integer' })
  grossCents: number;
  /** Funded share of this line (half up to the cent); `ownCents` is the rest. */
  @ApiProperty({ type: 'integer' })
  fundedCents: number;
  @ApiProperty({ type: 'integer' })
  ownCents: number;
  deviceIds: string[];
  budgetOverride: boolean;
  overrideReason: string | null;
  @ApiProperty({ type: 'integer' })
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class ExpenditurePageDto {
  items: ExpenditureDto[];
  nextCursor: string | null;
}

export class ListExpendituresQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID('all')
  schoolId?: string;

  @ApiPropertyOptional({ enum: EXPENDITURE_CATEGORIES, enumName: 'ExpenditureCategory' })
  @IsOptional()
  @IsIn(EXPENDITURE_CATEGORIES)
  category?: ExpenditureCategory;
}
