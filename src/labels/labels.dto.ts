import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsBoolean, IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { DeviceFilterQueryDto } from '../devices/device-filters';
import { LABEL_FORMAT_IDS, type LabelFormatId } from './label-formats';

/** The most labels one PDF holds (about 210 A4 sheets of 48). */
export const MAX_LABELS = 10_000;

/**
 * Which devices get a label, and on what stock. Either `deviceIds` (e.g. an import's result), or the device list's
 * filters (`schoolId`, `location`, `grantId`, `notLabelled`, …); both together narrow each other.
 */
export class LabelsRequestDto extends OmitType(DeviceFilterQueryDto, ['sort'] as const) {
  /** The label stock (Etikettenbogen): A4 sheets or a label printer's roll. */
  @ApiProperty({ enum: LABEL_FORMAT_IDS, enumName: 'LabelFormatId', example: 'avery-3475' })
  @IsIn(LABEL_FORMAT_IDS)
  format: LabelFormatId;

  /** The first free label of a partly used sheet, counted row by row from 1 (erstes freies Etikett). */
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 48, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(48)
  startAt?: number;

  /** Print the device type and model under the school. */
  @IsOptional()
  @IsBoolean()
  showModel?: boolean;

  /** Devices to label; ids you may not see answer 404. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_LABELS })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_LABELS)
  @IsUUID('all', { each: true })
  deviceIds?: string[];
}

/** One format of the table, for a picker. */
export class LabelFormatDto {
  @ApiProperty({ enum: LABEL_FORMAT_IDS, enumName: 'LabelFormatId' })
  id: LabelFormatId;
  name: string;
  labelWidth: number;
  labelHeight: number;
  @ApiProperty({ type: 'integer' })
  columns: number;
  @ApiProperty({ type: 'integer' })
  rows: number;
  pageWidth: number;
  pageHeight: number;
  left: number;
  top: number;
  pitchX: number;
  pitchY: number;
  padding: number;
}
