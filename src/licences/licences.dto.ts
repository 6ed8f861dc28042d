import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { PageQueryDto } from '../common/pagination';
import { IsDateOnly, QueryBoolean, QueryInt } from '../common/validation';
import {
  LICENCE_HOSTINGS,
  LICENCE_MODELS,
  LICENCE_PLATFORMS,
  LICENCE_PRODUCT_KINDS,
  LICENCE_WARNING_CODES,
  type LicenceHosting,
  type LicenceModel,
  type LicencePlatform,
  type LicenceProductKind,
  type LicenceWarningCode,
  NOTICE_UNITS,
  type NoticeUnit,
  USE_SOURCES,
  type UseSource,
} from './licence-rules';

const MAX_CENTS = 9_999_999_999_999;
const MAX_SEATS = 10_000_000;

export class CreateProductDto {
  /** @example bettermarks */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  /** The vendor (Anbieter). @example bettermarks GmbH */
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  vendor: string;

  @ApiProperty({ enum: LICENCE_PRODUCT_KINDS, enumName: 'LicenceProductKind' })
  @IsIn(LICENCE_PRODUCT_KINDS)
  kind: LicenceProductKind;

  /** The platforms or device types it runs on. */
  @ApiPropertyOptional({ enum: LICENCE_PLATFORMS, enumName: 'LicencePlatform', isArray: true })
  @IsOptional()
  @ArrayMaxSize(LICENCE_PLATFORMS.length)
  @ArrayUnique()
  @IsIn(LICENCE_PLATFORMS, { each: true })
  platforms?: LicencePlatform[];

  /** Used by students (counts in the licences per student of the coverage); default true. */
  @IsOptional()
  @IsBoolean()
  forStudents?: boolean;

  /** Processes students' personal data (then it needs an AV-Vertrag and the authority's approval). */
  @IsBoolean()
  processesStudentData: boolean;

  /** The day the data-processing agreement (AV-Vertrag, Art. 28 GDPR) was signed; null: not signed. */
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2025-03-01' })
  @IsOptional()
  @IsDateOnly()
  dpaSignedOn?: string | null;

  /** Where the signed agreement is filed (document number, file reference). Needs `dpaSignedOn`. */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  dpaReference?: string | null;

  /** The data-protection impact assessment (DSFA) is done. */
  @IsOptional()
  @IsBoolean()
  dpiaDone?: boolean;

  /** Where the data is stored; null: unknown. */
  @ApiPropertyOptional({ enum: LICENCE_HOSTINGS, enumName: 'LicenceHosting', nullable: true })
  @IsOptional()
  @IsIn(LICENCE_HOSTINGS)
  hosting?: LicenceHosting | null;

  /** The authority approved it for use in schools (freigegeben). */
  @IsOptional()
  @IsBoolean()
  approved?: boolean;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class UpdateProductDto extends PartialType(CreateProductDto, { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409 STALE_VERSION. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ProductDto {
  id: string;
  name: string;
  vendor: string;
  @ApiProperty({ enum: LICENCE_PRODUCT_KINDS, enumName: 'LicenceProductKind' })
  kind: LicenceProductKind;
  @ApiProperty({ enum: LICENCE_PLATFORMS, enumName: 'LicencePlatform', isArray: true })
  platforms: LicencePlatform[];
  forStudents: boolean;
  processesStudentData: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  dpaSignedOn: string | null;
  dpaReference: string | null;
  dpiaDone: boolean;
  @ApiProperty({ enum: LICENCE_HOSTINGS, enumName: 'LicenceHosting', nullable: true })
  hosting: LicenceHosting | null;
  approved: boolean;
  notes: string | null;
  /** Contracts of this product (in the caller's view). */
  contracts: number;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export class CreateContractDto {
  @IsUUID()
  productId: string;

  /** true: for every school of the authority; false: for the schools in `schoolIds`. */
  @IsBoolean()
  allSchools: boolean;

  /** The schools of a contract for given schools (required then, not allowed for an authority-wide one). */
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ArrayUnique()
  @IsUUID(undefined, { each: true })
  schoolIds?: string[];

  @ApiProperty({ enum: LICENCE_MODELS, enumName: 'LicenceModel' })
  @IsIn(LICENCE_MODELS)
  licenceModel: LicenceModel;

  /** Seats (Plätze) bought. */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_SEATS, example: 1200 })
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seatsBought: number;

  @IsDateOnly()
  termStart: string;

  /** The last day of the (first) term. */
  @IsDateOnly()
  termEnd: string;

  /** The contract renews itself unless cancelled by the last day to cancel (needs a notice period). */
  @IsOptional()
  @IsBoolean()
  autoRenewal?: boolean;

  /** Length of each renewed term in months; default 12. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 120, default: 12 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(120)
  renewalMonths?: number;

  /** The notice period (Kündigungsfrist), in `noticeUnit`, before the end of the term. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 730, nullable: true, example: 3 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  noticePeriod?: number | null;

  @ApiPropertyOptional({ enum: NOTICE_UNITS, enumName: 'LicenceNoticeUnit', nullable: true })
  @IsOptional()
  @IsIn(NOTICE_UNITS)
  noticeUnit?: NoticeUnit | null;

  /** One-off cost in cents (set-up, first purchase). */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  oneOffCents?: number;

  /** Cost per year in cents. */
  @ApiPropertyOptional({ type: 'integer', minimum: 0, default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(MAX_CENTS)
  yearlyCents?: number;

  /** Order reference (Bestellnummer). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  orderReference?: string | null;

  /** Invoice reference (Rechnungsnummer). */
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  invoiceReference?: string | null;

  /** The grant expenditure (Rechnung) that paid for the licence: it then shows in that grant's summary and Belegliste. */
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  @IsOptional()
  @IsUUID()
  expenditureId?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  notes?: string | null;
}

export class UpdateContractDto extends PartialType(OmitType(CreateContractDto, ['productId', 'allSchools', 'schoolIds'] as const), { skipNullProperties: false }) {
  /** The version you read; a stale one is refused with 409 STALE_VERSION. */
  @ApiPropertyOptional({ type: 'integer', minimum: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  version?: number;
}

export class ContractDto {
  id: string;
  productId: string;
  productName: string;
  vendor: string;
  @ApiProperty({ enum: LICENCE_PRODUCT_KINDS, enumName: 'LicenceProductKind' })
  productKind: LicenceProductKind;
  allSchools: boolean;
  @ApiProperty({ enum: LICENCE_MODELS, enumName: 'LicenceModel' })
  licenceModel: LicenceModel;
  seatsBought: number;
  /** Seats assigned to schools (a coordinator, or a list filtered by school: those schools' only). */
  seatsAssigned: number;
  /** Seats in use as reported, summed over the schools that reported; null when none did. */
  seatsInUse: number | null;
  /** Schools taking part (rows of the seats list). */
  schools: number;
  @ApiProperty({ type: String, format: 'date' })
  termStart: string;
  @ApiProperty({ type: String, format: 'date' })
  termEnd: string;
  autoRenewal: boolean;
  renewalMonths: number;
  noticePeriod: number | null;
  @ApiProperty({ enum: NOTICE_UNITS, enumName: 'LicenceNoticeUnit', nullable: true })
  noticeUnit: NoticeUnit | null;
  /** The end of the term in force today (after automatic renewals). */
  @ApiProperty({ type: String, format: 'date' })
  currentTermEnd: string;
  /** The last day to cancel the term in force (end minus notice period); null without automatic renewal. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  lastDayToCancel: string | null;
  oneOffCents: number;
  yearlyCents: number;
  orderReference: string | null;
  invoiceReference: string | null;
  expenditureId: string | null;
  /** The grant of the linked expenditure. */
  grantId: string | null;
  grantTitle: string | null;
  /** The invoice number of the linked expenditure. */
  expenditureInvoiceNumber: string | null;
  notes: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** A licence contract a grant paid for (through one of its expenditures), for the grant's summary. */
export class GrantLicenceDto {
  contractId: string;
  productId: string;
  productName: string;
  vendor: string;
  @ApiProperty({ enum: LICENCE_MODELS, enumName: 'LicenceModel' })
  licenceModel: LicenceModel;
  @ApiProperty({ type: 'integer' })
  seatsBought: number;
  @ApiProperty({ type: 'integer' })
  yearlyCents: number;
  expenditureId: string;
  /** The school of the expenditure. */
  schoolId: string;
  /** The expenditure's invoice number; null when not invoiced (by the reporting date). */
  invoiceNumber: string | null;
  /** The expenditure's gross amount. */
  @ApiProperty({ type: 'integer' })
  grossCents: number;
  @ApiProperty({ type: String, format: 'date' })
  termStart: string;
  @ApiProperty({ type: String, format: 'date' })
  termEnd: string;
}

export class ContractPageDto {
  items: ContractDto[];
  nextCursor: string | null;
}

export class ListContractsQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  productId?: string;

  /** Only contracts of this school (authority-wide ones included), with this school's seats. */
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

export class SeatDto {
  contractId: string;
  schoolId: string;
  schoolName: string;
  schoolNumber: string;
  seatsAssigned: number;
  seatsInUse: number | null;
  /** The day the use was counted. */
  @ApiProperty({ type: String, format: 'date', nullable: true })
  inUseOn: string | null;
  @ApiProperty({ enum: USE_SOURCES, enumName: 'LicenceUseSource', nullable: true })
  inUseSource: UseSource | null;
  updatedAt: Date;
}

export class SetSeatsDto {
  /** Seats of the contract assigned to the school; all schools together at most the seats bought. */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_SEATS })
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seatsAssigned: number;
}

export class SetUseDto {
  /** Seats the school uses (from the vendor's admin console or a count). */
  @ApiProperty({ type: 'integer', minimum: 0, maximum: MAX_SEATS })
  @IsInt()
  @Min(0)
  @Max(MAX_SEATS)
  seatsInUse: number;

  /** The day it was counted; default today. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  inUseOn?: string;
}

export class UsageImportResultDto {
  /** Rows whose school number matched a school of the contract. */
  updated: number;
  /** School numbers of the file that no school of the authority has. */
  unknownSchoolNumbers: string[];
  /** School numbers of schools the contract is not for. */
  notInContract: string[];
  /** Rows without a usable number of seats (row numbers of the file, 1 = header). */
  invalidRows: number[];
}

export class LicenceWarningDto {
  @ApiProperty({ enum: LICENCE_WARNING_CODES, enumName: 'LicenceWarningCode' })
  code: LicenceWarningCode;
  message: string;
  productId: string;
  contractId: string | null;
  schoolId: string | null;
  /** Values for the German text of the code (product, dates as YYYY-MM-DD, numbers). */
  params: Record<string, string | number>;
}

export class LicenceWarningsDto {
  @ApiProperty({ type: String, format: 'date' })
  asOf: string;
  items: LicenceWarningDto[];
}

/** The licence warnings counted by code. */
export class LicenceWarningCountsDto {
  total: number;
  @ApiProperty({ type: 'object', properties: Object.fromEntries(LICENCE_WARNING_CODES.map((c) => [c, { type: 'integer' }])), required: [...LICENCE_WARNING_CODES] })
  byCode: Record<LicenceWarningCode, number>;
}

export class LicenceSettingsDto {
  /** A last day to cancel (or an end without renewal) this many days ahead or fewer is a warning; default 60. */
  deadlineWarningDays: number;
  /** Use below this percentage of the seats bought is low; default 30. */
  lowUsePercent: number;
  /** Low use counts once the term has run this many months; default 3. */
  lowUseAfterMonths: number;
}

export class UpdateLicenceSettingsDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 730 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(730)
  deadlineWarningDays?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  lowUsePercent?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 60 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(60)
  lowUseAfterMonths?: number;
}

export class WarningsQueryDto {
  /** Only warnings of this school's licences (and of the products and contracts it takes part in). */
  @IsOptional()
  @IsUUID()
  schoolId?: string;

  /** Days ahead for deadline warnings instead of the authority's setting. */
  @QueryInt({ min: 0, max: 730 })
  withinDays?: number;
}

export class UsageImportQueryDto {
  /** Only match and report; write nothing. */
  @QueryBoolean()
  dryRun?: boolean;

  /** The day the vendor counted the use; default today. */
  @ApiPropertyOptional({ type: String, format: 'date' })
  @IsOptional()
  @IsDateOnly()
  inUseOn?: string;
}
