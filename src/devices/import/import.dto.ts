import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { QueryBoolean } from '../../common/validation';

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
  row: number;
  column: string | null;
  message: string;
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
