import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { Omittable } from '../common/validation';
import { AUTHORITY_KINDS, type AuthorityKind } from './authority.entity';

export class CreateAuthorityDto {
  /** @example Stadt Musterstadt */
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name: string;

  /** URL-safe short name, unique on the platform. @example musterstadt */
  @Matches(/^[a-z0-9][a-z0-9-]{1,59}$/, { message: 'slug must be 2-60 lowercase letters, digits or dashes' })
  slug: string;

  @ApiPropertyOptional({ enum: AUTHORITY_KINDS, enumName: 'AuthorityKind', default: 'city' })
  @IsOptional()
  @IsIn(AUTHORITY_KINDS)
  kind?: AuthorityKind;

  /** Two-letter German state code. @example NW */
  @IsOptional()
  @Matches(/^(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)$/, { message: 'state must be a German state code such as NW or BY' })
  state?: string;
}

export class UpdateAuthorityDto {
  @Omittable()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  name?: string;

  @ApiPropertyOptional({ enum: AUTHORITY_KINDS, enumName: 'AuthorityKind' })
  @Omittable()
  @IsIn(AUTHORITY_KINDS)
  kind?: AuthorityKind;

  /** Null clears it. */
  @IsOptional()
  @Matches(/^(BW|BY|BE|BB|HB|HH|HE|MV|NI|NW|RP|SL|SN|ST|SH|TH)$/, { message: 'state must be a German state code such as NW or BY' })
  state?: string;
}

export class AuthorityDto {
  id: string;
  name: string;
  slug: string;
  @ApiProperty({ enum: AUTHORITY_KINDS, enumName: 'AuthorityKind' })
  kind: AuthorityKind;
  state: string | null;
  /** Feature settings (loan agreement texts, replacement ages, unit prices, …). */
  settings: Record<string, unknown>;
  createdAt: Date;
}
