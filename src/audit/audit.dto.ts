import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { IsDateOnly } from '../common/validation';

export class AuditQueryDto extends PageQueryDto {
  /** e.g. `device`, `school`, `loan`, `grant`. */
  @IsOptional()
  @Matches(/^[a-z_]{1,40}$/)
  entityType?: string;

  @IsOptional()
  @IsUUID()
  entityId?: string;

  /** e.g. `device.updated`. */
  @IsOptional()
  @IsString()
  @MaxLength(60)
  action?: string;

  @IsOptional()
  @IsUUID()
  actorId?: string;

  /** Entries from this day on (a calendar day in Berlin, from 00:00 local time). */
  @IsOptional()
  @IsDateOnly()
  from?: string;

  /** Entries up to and including this day (Berlin); not before `from`. */
  @IsOptional()
  @IsDateOnly()
  to?: string;
}

export class AuditEntryDto {
  id: number;
  action: string;
  entityType: string;
  entityId: string | null;
  /** `fields`: changed fields with `before` and `after`; `meta`: context such as an override reason. */
  changes: { fields?: Record<string, { before: unknown; after: unknown }>; meta?: Record<string, unknown> } | null;
  actorId: string | null;
  actorEmail: string | null;
  createdAt: Date;
}

export class AuditPageDto {
  items: AuditEntryDto[];
  nextCursor: string | null;
}
