import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus, type DeviceType } from '../devices/device.entity';
import { PageQueryDto } from '../common/pagination';
import { FieldErrorDto } from '../common/errors';
import { IsDateOnly, NestedList, Trim } from '../common/validation';
import { BORROWER_KINDS, type BorrowerKind, LOAN_STATES, type LoanState, RETURN_CONDITIONS, type ReturnCondition } from './loan-rules';

/** Strings are trimmed so that " Müller " and "Müller" are the same borrower. */
const TrimEach = () => Transform(({ value }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value));

/** What a loan says about its borrower and terms; shared by the single and the bulk lending. */
export class LoanTermsDto {
  /** Name of the student or teacher. Personal data: only the school's coordinators see it. @example Lena Schneider */
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  borrowerName: string;

  /** The school's own reference, e.g. the student number. Personal data. @example S-2024-0815 */
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  borrowerReference?: string;

  /** Class or course. @example 7b */
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(40)
  borrowerClass?: string;

  /** Guardian of a minor who signs the agreement. Personal data. */
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  guardianName?: string;

  /** Defaults to today. */
  @IsOptional()
  @IsDateOnly()
  startedOn?: string;

  /** Defaults to the end of the school year (loan settings, `defaultDueMonthDay`). */
  @IsOptional()
  @IsDateOnly()
  dueOn?: string;

  /** Whether the signed loan agreement (Leihvertrag) is on file. */
  @IsOptional()
  @IsBoolean()
  agreementSigned?: boolean;

  /** Accessories handed out: `charger`, `case`, `pen`, `keyboard`, `mouse`, `headphones` or free text. @example ["charger","case"] */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @TrimEach()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(60, { each: true })
  accessories?: string[];

  /** Free text. Treated as personal data (only the school's coordinators see it; erased with the borrower's data). */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;
}

export class CreateLoanDto extends LoanTermsDto {
  @IsUUID()
  deviceId: string;

  @ApiProperty({ enum: BORROWER_KINDS, enumName: 'BorrowerKind' })
  @IsIn(BORROWER_KINDS)
  borrowerKind: BorrowerKind;
}

export class ReturnLoanDto {
  /** Defaults to today. */
  @IsOptional()
  @IsDateOnly()
  returnedOn?: string;

  /** ok: the device is available again; damaged/defective: it goes to repair; lost: it is booked as lost. */
  @ApiProperty({ enum: RETURN_CONDITIONS, enumName: 'ReturnCondition' })
  @IsIn(RETURN_CONDITIONS)
  condition: ReturnCondition;

  /** Free text (e.g. what is broken). Treated as personal data like the loan's notes. */
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  /** Confirms booking a funded device as lost inside its earmarking period (the grants feature warns otherwise). */
  @IsOptional()
  @IsBoolean()
  confirmEarmarkingBreach?: boolean;
}

export class ExtendLoanDto {
  /** The new due date. */
  @IsDateOnly()
  dueOn: string;
}

export class MarkAgreementSignedDto {
  /** The version of the loan you read; a stale one is refused with 409 STALE_VERSION. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  @IsInt()
  @Min(1)
  version: number;
}

export class AgreementsPdfDto {
  /** The loans whose agreements go into the file, in this order (e.g. the `loanId`s of a class's bulk lending), at most 500. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  loanIds: string[];
}

export class ListLoansQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  /** `active`: not yet returned (overdue loans included); `overdue`: not returned and past the due date; `returned`. */
  @ApiPropertyOptional({ enum: LOAN_STATES, enumName: 'LoanState' })
  @IsOptional()
  @IsIn(LOAN_STATES)
  state?: LoanState;

  @ApiPropertyOptional({ enum: BORROWER_KINDS, enumName: 'BorrowerKind' })
  @IsOptional()
  @IsIn(BORROWER_KINDS)
  borrowerKind?: BorrowerKind;

  /** Exact class or course, e.g. 7b. */
  @IsOptional()
  @IsString()
  @MaxLength(40)
  borrowerClass?: string;

  @IsOptional()
  @IsUUID()
  deviceId?: string;

  /** Loans due on or before this date (with `state=active`: what must come back by then). */
  @IsOptional()
  @IsDateOnly()
  dueBy?: string;
}

export class LoanDeviceDto {
  id: string;
  inventoryNumber: string;
  serialNumber: string | null;
  @ApiProperty({ enum: DEVICE_TYPES, enumName: 'DeviceType' })
  type: DeviceType;
  manufacturer: string;
  model: string;
  @ApiProperty({ enum: DEVICE_STATUSES, enumName: 'DeviceStatus' })
  status: DeviceStatus;
}

export class LoanDto {
  id: string;
  /** The agreement number (Vertragsnummer) printed on the Leihvertrag: unique in the authority, counted per year. @example LV-2026-000123 */
  agreementNumber: string;
  authorityId: string;
  schoolId: string;
  schoolName: string;
  device: LoanDeviceDto;
  @ApiProperty({ enum: BORROWER_KINDS, enumName: 'BorrowerKind' })
  borrowerKind: BorrowerKind;
  /** Null unless you coordinate this school, or after erasure. */
  borrowerName: string | null;
  borrowerReference: string | null;
  borrowerClass: string | null;
  guardianName: string | null;
  notes: string | null;
  returnNotes: string | null;
  /** False for office and viewer users: the personal fields above are withheld. */
  personalDataVisible: boolean;
  /** The personal fields were erased (retention period passed, or on request). */
  personalDataErased: boolean;
  agreementSigned: boolean;
  accessories: string[];
  startedOn: string;
  dueOn: string;
  returnedOn: string | null;
  @ApiPropertyOptional({ enum: RETURN_CONDITIONS, enumName: 'ReturnCondition' })
  returnCondition: ReturnCondition | null;
  @ApiProperty({ enum: LOAN_STATES, enumName: 'LoanState' })
  state: LoanState;
  @ApiProperty({ type: 'integer' })
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class LoanPageDto {
  items: LoanDto[];
  nextCursor: string | null;
}

export class BulkLendItemDto extends LoanTermsDto {
  /** The scanned inventory number. @example MS-2024-00042 */
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  inventoryNumber: string;

  /** Defaults to the batch's `borrowerKind`. */
  @ApiPropertyOptional({ enum: BORROWER_KINDS, enumName: 'BorrowerKind' })
  @IsOptional()
  @IsIn(BORROWER_KINDS)
  borrowerKind?: BorrowerKind;
}

/** `startedOn`, `dueOn`, `agreementSigned` and `accessories` here are the defaults for items that do not set their own. */
export class BulkLendDto extends PickType(LoanTermsDto, ['startedOn', 'dueOn', 'agreementSigned', 'accessories'] as const) {
  /** Only devices of this school (the counter's school). */
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  /** Default for items without one. */
  @ApiPropertyOptional({ enum: BORROWER_KINDS, enumName: 'BorrowerKind', default: 'student' })
  @IsOptional()
  @IsIn(BORROWER_KINDS)
  borrowerKind?: BorrowerKind;

  /** Device and borrower pairs, at most 500. */
  @NestedList(() => BulkLendItemDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  items: BulkLendItemDto[];
}

export class BulkReturnItemDto {
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  inventoryNumber: string;

  /** Defaults to `ok`. */
  @ApiPropertyOptional({ enum: RETURN_CONDITIONS, enumName: 'ReturnCondition', default: 'ok' })
  @IsOptional()
  @IsIn(RETURN_CONDITIONS)
  condition?: ReturnCondition;

  @IsOptional()
  @IsString()
  @MaxLength(2000)
  notes?: string;

  @IsOptional()
  @IsBoolean()
  confirmEarmarkingBreach?: boolean;
}

export class BulkReturnDto {
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  /** Defaults to today. */
  @IsOptional()
  @IsDateOnly()
  returnedOn?: string;

  /** Scanned devices, at most 500. */
  @NestedList(() => BulkReturnItemDto)
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  items: BulkReturnItemDto[];
}

/** An item's error: the body the single route would answer with (see ErrorBodyDto), without the request id. */
export class BulkItemErrorDto {
  statusCode: number;
  error: string;
  message: string;
  /** The specific reason; its German text: src/i18n/messages.ts. */
  reason?: string;
  params?: Record<string, unknown>;
  fieldErrors?: FieldErrorDto[];
  details?: Record<string, unknown>;
}

export class BulkItemResultDto {
  /** Position in the request's `items`. */
  @ApiProperty({ type: 'integer' })
  index: number;
  inventoryNumber: string;
  ok: boolean;
  loanId: string | null;
  @ApiPropertyOptional({ enum: DEVICE_STATUSES, enumName: 'DeviceStatus' })
  deviceStatus: DeviceStatus | null;
  error: BulkItemErrorDto | null;
}

export class BulkResultDto {
  @ApiProperty({ type: 'integer' })
  succeeded: number;
  @ApiProperty({ type: 'integer' })
  failed: number;
  results: BulkItemResultDto[];
}

export class EraseBorrowerDto {
  @IsUUID()
  schoolId: string;

  /** The school's reference of the borrower (exact, case-insensitive). Give this or the name. */
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  borrowerReference?: string;

  /** The borrower's name (exact, case-insensitive). */
  @IsOptional()
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  borrowerName?: string;
}

export class ErasureResultDto {
  /** Returned loans whose personal data were erased now. */
  @ApiProperty({ type: 'integer' })
  erasedLoans: number;
}
