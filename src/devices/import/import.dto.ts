import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { QueryBoolean } from '../../common/validation';
import { IMPORT_PROBLEM_CODES, type ImportProblemCode } from '../../i18n/import-problems';

export class ImportDevicesQueryDto {
  /** Only validate and report; write nothing. */
  @QueryBoolean()
  dryRun?: boolean;

  /** The school every row goes to, unless the file has a Schulnummer (school number) column. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  schoolId?: string;
}

export class ImportProblemDto {
  /** The row number as the spreadsheet shows it. */
  row: number;
  /** The column heading as written in the file (the German name of a missing column); null for the whole row. */
  column: string | null;
  /** What is wrong, stable (German texts: src/i18n/import-problems.ts). */
  @ApiProperty({ enum: IMPORT_PROBLEM_CODES, enumName: 'ImportProblemCode' })
  code: ImportProblemCode;
  /** What the text names: `value` (the cell as written), `firstRow`, `max`, `formula`, numbers of the clashing device. */
  @ApiProperty({ type: 'object', additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }], nullable: true } })
  params: Record<string, string | number | null>;
  /** English, for programmers. */
  message: string;
  /** German, for people. */
  messageDe: string;
}

export class ImportDuplicateDto {
  row: number;
  inventoryNumber: string;
  /** Null when the existing device is in a school you do not see. */
  deviceId: string | null;
}

export class ImportedDeviceDto {
  row: number;
  id: string;
  inventoryNumber: string;
}

export class ImportReportDto {
  dryRun: boolean;
  format: 'xlsx' | 'csv';
  rows: number;
  valid: boolean;
  created: number;
  newDevices: number;
  /** The devices this import wrote, in the file's order (empty on a dry run): e.g. for their labels. */
  createdDevices: ImportedDeviceDto[];
  duplicates: ImportDuplicateDto[];
  problems: ImportProblemDto[];
  ignoredColumns: string[];
}
