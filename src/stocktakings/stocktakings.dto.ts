import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsObject, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { NestedList, Omittable } from '../common/validation';
import { CreateDeviceDto } from '../devices/devices.dto';

export const STOCKTAKING_STATUSES = ['open', 'closed'] as const;
export type StocktakingStatus = (typeof STOCKTAKING_STATUSES)[number];
export const SCAN_RESULTS = ['found', 'found_elsewhere', 'unknown', 'duplicate'] as const;
export type ScanResult = (typeof SCAN_RESULTS)[number];
/** Where a device found elsewhere belongs: another room of this count, another school of the authority, or not on the list (loaned, lost, a room outside the count, added later). */
export const ELSEWHERE_KINDS = ['other_room', 'other_school', 'not_expected'] as const;
export type ElsewhereKind = (typeof ELSEWHERE_KINDS)[number];
export const MISSING_ACTIONS = ['mark_lost', 'keep_open'] as const;
export type MissingAction = (typeof MISSING_ACTIONS)[number];
/** A device's line on the count list (Inventurliste): an expected device found or missing, or a scan found elsewhere or unknown. */
export const COUNT_LIST_RESULTS = ['found', 'missing', 'found_elsewhere', 'unknown'] as const;
export type CountListResult = (typeof COUNT_LIST_RESULTS)[number];
/** What a missing device became when the stocktaking was closed. */
export const MISSING_RESOLUTIONS = ['lost', 'kept_open'] as const;
export type MissingResolution = (typeof MISSING_RESOLUTIONS)[number];

const Room = (each = false) => Matches(/^(\S(.*\S)?)?$/, { each, message: '$property must not start or end with blanks' });

export class StartStocktakingDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  schoolId: string;

  /** Count only these rooms (Standort of the devices, case-insensitive; "" = devices without a room). Whole school when left out. */
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  @Room(true)
  rooms?: string[];

  /** @example Inventur Schuljahr 2026/27 */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ListStocktakingsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  @ApiPropertyOptional({ enum: STOCKTAKING_STATUSES, enumName: 'StocktakingStatus' })
  @IsOptional()
  @IsIn(STOCKTAKING_STATUSES)
  status?: StocktakingStatus;
}

/** What to register for an unknown scan: the scanned text becomes its inventory number, the scanned room its room. */
export class ScanCreateDeviceDto extends PickType(CreateDeviceDto, ['type', 'manufacturer', 'model', 'serialNumber'] as const) {}

export class ScanDto {
  /** The scanned inventory or serial number (case-insensitive). @example MS-GYM-2024-0042 */
  @IsString()
  @MinLength(1)
  @MaxLength(128)
  tag: string;

  /** The room the scanner is in ("" or left out: no room). @example Raum 204 */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  room?: string;

  /** For a device found elsewhere: move it here in the same step (its room, or from its school to this one). */
  @IsOptional()
  @IsBoolean()
  move?: boolean;

  /** For an unknown scan: register the device at this school. */
  @Omittable()
  @IsObject()
  @ValidateNested()
  @Type(() => ScanCreateDeviceDto)
  createDevice?: ScanCreateDeviceDto;

  /** What the scanner noted (e.g. on an unknown label). */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ScannedDeviceDto {
  id: string;
  inventoryNumber: string;
  schoolId: string;
  schoolName: string;
  /** Its room before this scan (and before a move). */
  location: string | null;
  /** The room the stocktaking expected it in; null when it was not on the list. */
  expectedRoom: string | null;
}

export class RoomProgressDto {
  /** The room ("" = devices without a room). */
  room: string;
  @ApiProperty({ type: 'integer' })
  expected: number;
  @ApiProperty({ type: 'integer' })
  found: number;
  /** Expected and not found (yet). */
  @ApiProperty({ type: 'integer' })
  missing: number;
  /** Scanned in this room but belonging elsewhere. */
  @ApiProperty({ type: 'integer' })
  foundElsewhere: number;
  @ApiProperty({ type: 'integer' })
  unknown: number;
}

export class ScanResultDto {
  @ApiProperty({ type: 'integer' })
  scanId: number;
  @ApiProperty({ enum: SCAN_RESULTS, enumName: 'StocktakingScanResult' })
  result: ScanResult;
  @ApiPropertyOptional({ enum: ELSEWHERE_KINDS, enumName: 'StocktakingElsewhere', nullable: true })
  elsewhere: ElsewhereKind | null;
  /** The device the scan identified; null for unknown scans (unless one was created). */
  device: ScannedDeviceDto | null;
  /** Whether the caller may move it here (found elsewhere only). */
  canMove: boolean;
  /** Whether this scan moved it. */
  moved: boolean;
  /** The id of the device this scan registered. */
  createdDeviceId: string | null;
  /** The counts of the room scanned in, after this scan. */
  room: RoomProgressDto;
}

export class StocktakingDto {
  id: string;
  schoolId: string;
  schoolName: string;
  /** Null: the whole school. */
  rooms: string[] | null;
  @ApiProperty({ enum: STOCKTAKING_STATUSES, enumName: 'StocktakingStatus' })
  status: StocktakingStatus;
  note: string | null;
  startedBy: string | null;
  @ApiProperty({ format: 'date-time' })
  startedAt: string;
  closedBy: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String })
  closedAt: string | null;
  @ApiProperty({ type: 'integer' })
  expected: number;
  @ApiProperty({ type: 'integer' })
  found: number;
  @ApiProperty({ type: 'integer' })
  missing: number;
  @ApiProperty({ type: 'integer' })
  foundElsewhere: number;
  @ApiProperty({ type: 'integer' })
  unknown: number;
}

export class StocktakingDetailDto extends StocktakingDto {
  /** Per room, by room name. */
  progress: RoomProgressDto[];
  /** Missing devices already written off (closed stocktakings). */
  @ApiProperty({ type: 'integer' })
  markedLost: number;
}

export class StocktakingPageDto {
  items: StocktakingDto[];
  nextCursor: string | null;
}

export class StocktakingScanDto {
  @ApiProperty({ type: 'integer' })
  id: number;
  tag: string;
  room: string;
  @ApiProperty({ enum: SCAN_RESULTS, enumName: 'StocktakingScanResult' })
  result: ScanResult;
  @ApiPropertyOptional({ enum: ELSEWHERE_KINDS, enumName: 'StocktakingElsewhere', nullable: true })
  elsewhere: ElsewhereKind | null;
  deviceId: string | null;
  inventoryNumber: string | null;
  fromRoom: string | null;
  moved: boolean;
  createdDevice: boolean;
  note: string | null;
  scannedBy: string | null;
  @ApiProperty({ format: 'date-time' })
  scannedAt: string;
}

export class StocktakingScanPageDto {
  items: StocktakingScanDto[];
  nextCursor: string | null;
}

export class MissingDeviceDto {
  deviceId: string;
  inventoryNumber: string;
  serialNumber: string | null;
  model: string;
  room: string;
  /** What the close decided: marked lost, or kept open; null while the stocktaking is open. */
  @ApiProperty({ enum: MISSING_RESOLUTIONS, enumName: 'StocktakingMissingResolution', nullable: true })
  resolution: MissingResolution | null;
}

export class MissingPageDto {
  items: MissingDeviceDto[];
  nextCursor: string | null;
}

export class MissingDecisionDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  deviceId: string;

  @ApiProperty({ enum: MISSING_ACTIONS, enumName: 'StocktakingMissingAction' })
  @IsIn(MISSING_ACTIONS)
  action: MissingAction;
}

export class CloseStocktakingDto {
  /** What happens to missing devices without their own decision (default: keep open). */
  @ApiPropertyOptional({ enum: MISSING_ACTIONS, enumName: 'StocktakingMissingAction', default: 'keep_open' })
  @IsOptional()
  @IsIn(MISSING_ACTIONS)
  missing?: MissingAction;

  /** Decisions per missing device. */
  @Omittable()
  @NestedList(() => MissingDecisionDto)
  @ArrayMaxSize(50_000)
  decisions?: MissingDecisionDto[];

  /** Confirms marking funded devices lost inside their earmarking period (Zweckbindungsfrist). */
  @IsOptional()
  @IsBoolean()
  confirmEarmarkingBreach?: boolean;
}

export class StocktakingSettingsDto {
  /** A school's last complete count older than this many years is due (NRW: at least every five years). */
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 20, default: 5 })
  countIntervalYears: number;
}

export class UpdateStocktakingSettingsDto {
  @ApiProperty({ type: 'integer', minimum: 1, maximum: 20 })
  @IsInt()
  @Min(1)
  @Max(20)
  countIntervalYears: number;
}

/** A school's counting state, for coverage and the overview. */
export class SchoolCountDto {
  /** The day its last complete stocktaking (whole school) closed; null: never. */
  lastCompleteCountOn: string | null;
  /** Never counted completely, or longer ago than the authority's interval. */
  countDue: boolean;
}

export class SchoolCountStatusDto extends SchoolCountDto {
  schoolId: string;
  schoolName: string;
}

/** Schools by their last complete count, for the office: which are due (Inventur fällig). */
export class CountDueDto {
  @ApiProperty({ type: 'integer' })
  countIntervalYears: number;
  /** The schools the caller sees, due ones first (never counted, then the oldest count), then by name. */
  schools: SchoolCountStatusDto[];
}

/** The overview's line on stocktaking. */
export class StocktakingOverviewDto {
  @ApiProperty({ type: 'integer' })
  countIntervalYears: number;
  /** Schools whose last complete count is older than the interval, or that were never counted completely. */
  @ApiProperty({ type: 'integer' })
  schoolsDue: number;
  @ApiProperty({ type: 'integer' })
  openStocktakings: number;
}
