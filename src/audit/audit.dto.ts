import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';

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
