import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { QueryInt } from '../common/validation';
import {
  NEED_CATEGORIES,
  NEED_DECISIONS,
  NEED_PRIORITIES,
  NEED_STATUSES,
  type NeedCategory,
  type NeedDecision,
  type NeedPriority,
  type NeedStatus,
} from './needs-workflow';

/** Largest amount of cents we accept (below 2^53 and the database check). */
const MAX_CENTS = 9_999_999_999_999;

export class CreateNeedDto {
  /** The school that needs it (coordinators: one of their own). */
  @IsUUID()
  schoolId: string;

  @ApiProperty({ enum: NEED_CATEGORIES, enumName: 'NeedCategory' })
  @IsIn(NEED_CATEGORIES)
  category: NeedCategory;

  /** Short name of the request. @example 30 Tablets für die Jahrgangsstufe 5 */
  @IsString()
  @MinLength(3)
  @MaxLength(200)
  title: string;

  @ApiProperty({ type: 'integer', minimum: 1, maximum: 1_000_000, example: 30 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  quantity: number;

  /** Estimated total cost in cents. */
  @ApiProperty({ type: 'integer', minimum: 0, example: 1_440_000 })
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  estimatedCostCents: number;

  /** Why the school needs it (pedagogical concept, current equipment, …). */
  @IsString()
  @MinLength(10)
  @MaxLength(5000)
  justification: string;

  @ApiPropertyOptional({ enum: NEED_PRIORITIES, enumName: 'NeedPriority', default: 'medium' })
  @IsOptional()
  @IsIn(NEED_PRIORITIES)
  priority?: NeedPriority;
}

export class VersionDto {
  /** The version you read; a stale one is refused with 409 STALE_VERSION. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** Changes to a draft; the school stays. */
export class UpdateNeedDto extends PartialType(OmitType(CreateNeedDto, ['schoolId'] as const), { skipNullProperties: false }) {
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

/** The office's decision on a submitted request. */
export class DecideNeedDto extends VersionDto {
  @ApiProperty({ enum: NEED_DECISIONS, enumName: 'NeedDecision' })
  @IsIn(NEED_DECISIONS)
  decision: NeedDecision;

  /** Partial approvals: the quantity granted (at most the requested one). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  approvedQuantity?: number;

  /** Partial approvals: the amount granted in cents (at most the estimated cost). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  approvedCents?: number;

  /** Required for a rejection; optional note otherwise. */
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(5000)
  reason?: string;
}

export class LinkGrantDto extends VersionDto {
  /** The grant that funds the request; null removes the link. */
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  @ValidateIf((_, value) => value !== null)
  @IsUUID()
  grantId: string | null;
}

export class ListNeedsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ enum: NEED_STATUSES, enumName: 'NeedStatus' })
  @IsOptional()
  @IsIn(NEED_STATUSES)
  status?: NeedStatus;

  @ApiPropertyOptional({ enum: NEED_CATEGORIES, enumName: 'NeedCategory' })
  @IsOptional()
  @IsIn(NEED_CATEGORIES)
  category?: NeedCategory;

  @ApiPropertyOptional({ enum: NEED_PRIORITIES, enumName: 'NeedPriority' })
  @IsOptional()
  @IsIn(NEED_PRIORITIES)
  priority?: NeedPriority;

  @IsOptional()
  @IsUUID()
  grantId?: string;
}

export class NeedDto {
  id: string;
  authorityId: string;
  schoolId: string;
  schoolName: string;
  schoolNumber: string;
  @ApiProperty({ enum: NEED_CATEGORIES, enumName: 'NeedCategory' })
  category: NeedCategory;
  title: string;
  quantity: number;
  estimatedCostCents: number;
  justification: string;
  @ApiProperty({ enum: NEED_PRIORITIES, enumName: 'NeedPriority' })
  priority: NeedPriority;
  @ApiProperty({ enum: NEED_STATUSES, enumName: 'NeedStatus' })
  status: NeedStatus;
  /** Set for approved and partially approved requests. */
  approvedQuantity: number | null;
  approvedCents: number | null;
  /** The office's reason (always set for rejections). */
  decisionReason: string | null;
  grantId: string | null;
  createdBy: string;
  submittedBy: string | null;
  submittedAt: Date | null;
  decidedBy: string | null;
  decidedAt: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class NeedPageDto {
  items: NeedDto[];
  nextCursor: string | null;
}

export class VersionQueryDto {
  /** The version you read; a stale one is refused with 409 STALE_VERSION. */
  @QueryInt({ min: 1 })
  version?: number;
}
