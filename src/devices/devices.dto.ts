import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength } from 'class-validator';
import { IsDateOnly } from '../common/validation';
import { LoanDto } from '../loans/loans.dto';
import { DEVICE_EVENT_KINDS, type DeviceEventKind } from './device-event.entity';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus, type DeviceType } from './device.entity';

export const MAX_PRICE_CENTS = 2_147_483_647;
/** Statuses a device may start in; `loaned`, `retired` and `lost` are reached only through their actions. */
export const INITIAL_STATUSES = ['available', 'in_use', 'in_repair'] as const;
/** Statuses a person may set through POST /devices/{id}/status (`loaned` is the loans'). */
export const MANUAL_TARGET_STATUSES = ['available', 'in_use', 'in_repair', 'retired', 'lost'] as const;

/** No leading/trailing blanks, not empty: scanners and imports compare these exactly. */
const Tag = () => Matches(/^\S(.*\S)?$/, { message: '$property must not be empty or start/end with blanks' });

export class CreateDeviceDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId: string;

  /** Unique within the authority. @example MS-GYM-2024-0042 */
  @IsString()
  @Tag()
  @MaxLength(64)
  inventoryNumber: string;

  /** Unique per manufacturer within the authority. @example PF3XK9ZQ */
  @IsOptional()
  @IsString()
  @Tag()
  @MaxLength(128)
  serialNumber?: string | null;

  @ApiProperty({ enum: DEVICE_TYPES, enumName: 'DeviceType' })
  @IsIn(DEVICE_TYPES)
  type: DeviceType;

  /** @example Lenovo */
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  manufacturer: string;

  /** @example ThinkPad L13 Gen 4 */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  model: string;

  /** @example Windows 11 Education */
  @IsOptional()
  @IsString()
  @MaxLength(100)
  operatingSystem?: string | null;

  @IsOptional()
  @IsDateOnly()
  purchaseDate?: string | null;

  /** Purchase price in cents (gross). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, example: 64900 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_PRICE_CENTS)
  purchasePriceCents?: number | null;

  /** Inbetriebnahme: the earmarking period of a funded device counts from here. */
  @IsOptional()
  @IsDateOnly()
  commissionedOn?: string | null;

  @IsOptional()
  @IsDateOnly()
  warrantyUntil?: string | null;

  /** Room or place. @example Raum 204 */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;

  /** Defaults to `available`. */
  @ApiPropertyOptional({ enum: INITIAL_STATUSES, default: 'available' })
  @IsOptional()
  @IsIn(INITIAL_STATUSES)
  status?: (typeof INITIAL_STATUSES)[number];
}

/** Fields that cannot be emptied (NOT NULL columns). */
export const REQUIRED_DEVICE_FIELDS = ['inventoryNumber', 'type', 'manufacturer', 'model'] as const;

/** Changes the device's data; status and school change through their own actions. */
export class UpdateDeviceDto extends PartialType(OmitType(CreateDeviceDto, ['schoolId', 'status'] as const), { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409 STALE_VERSION instead of overwriting someone else's change. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class ChangeDeviceStatusDto {
  @ApiProperty({ enum: MANUAL_TARGET_STATUSES })
  @IsIn(MANUAL_TARGET_STATUSES)
  status: (typeof MANUAL_TARGET_STATUSES)[number];

  /** Why; required when retiring (Aussonderungsgrund). @example Displayschaden, Reparatur unwirtschaftlich */
  @IsOptional()
  @IsString()
  @MinLength(3)
  @MaxLength(1000)
  reason?: string;

  /** Date of retirement (ausgesondert am); defaults to today. Only with `retired`. */
  @IsOptional()
  @IsDateOnly()
  retiredOn?: string;

  /** Confirms a warning such as retiring a funded device inside its earmarking period. */
  @IsOptional()
  @IsBoolean()
  confirmEarmarkingBreach?: boolean;

  /** The version you read (optional here: a status change is checked against the current status anyway). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class MoveDeviceDto {
  /** The school the device moves to (same authority). */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId: string;

  /** @example Umverteilung nach Medienentwicklungsplan 2026 */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  /** The room at the new school; cleared when not given. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class DeviceDto {
  id: string;
  authorityId: string;
  schoolId: string;
  inventoryNumber: string;
  serialNumber: string | null;
  @ApiProperty({ enum: DEVICE_TYPES, enumName: 'DeviceType' })
  type: DeviceType;
  manufacturer: string;
  model: string;
  operatingSystem: string | null;
  purchaseDate: string | null;
  @ApiProperty({ type: 'integer', nullable: true })
  purchasePriceCents: number | null;
  commissionedOn: string | null;
  warrantyUntil: string | null;
  location: string | null;
  notes: string | null;
  @ApiProperty({ enum: DEVICE_STATUSES, enumName: 'DeviceStatus' })
  status: DeviceStatus;
  retiredOn: string | null;
  retirementReason: string | null;
  /** The day the device was last counted in a stocktaking (zuletzt gezählt am). */
  lastCountedOn: string | null;
  /** When its label was last printed; null: never labelled. */
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  labelledAt: string | null;
  @ApiProperty({ type: 'integer' })
  version: number;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ format: 'date-time' })
  updatedAt: string;
}

/** One device with what other features add to its detail view (src/devices/device-extensions.ts). */
export class DeviceDetailDto extends DeviceDto {
  schoolName: string;
  /** The running loan (loans feature); personal fields only for the school's coordinators. Null when not on loan; absent where the loans feature is not part of the app. */
  currentLoan?: LoanDto | null;
}

/** A device as lists show it; the authority (the caller's), notes, retirement reason and creation time are in the detail. */
export class DeviceListItemDto extends OmitType(DeviceDto, ['authorityId', 'notes', 'retirementReason', 'createdAt'] as const) {}

export class DevicePageDto {
  items: DeviceListItemDto[];
  nextCursor: string | null;
}

export class DeviceEventDto {
  id: string;
  @ApiProperty({ enum: DEVICE_EVENT_KINDS })
  kind: DeviceEventKind;
  fromStatus: DeviceStatus | null;
  toStatus: DeviceStatus | null;
  fromSchoolId: string | null;
  toSchoolId: string | null;
  reason: string | null;
  loanId: string | null;
  actorId: string | null;
  actorName: string | null;
  occurredAt: Date;
}

export class DeviceHistoryPageDto {
  items: DeviceEventDto[];
  nextCursor: string | null;
}
