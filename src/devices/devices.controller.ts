import { Body, Controller, Get, Header, HttpCode, Param, Patch, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBody, ApiConflictResponse, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiPayloadTooLargeResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { JSON_CONTENT_TYPE, JsonText, PageQueryDto } from '../common/pagination';
import { IdempotencyKey, IdempotencyService, Idempotent } from '../common/idempotency';
import { IdParam } from '../common/validation';
import { DeviceActionsService } from './device-actions.service';
import { ListDevicesQueryDto } from './device-filters';
import {
  ChangeDeviceStatusDto,
  CreateDeviceDto,
  DeviceDetailDto,
  DeviceDto,
  DeviceHistoryPageDto,
  DevicePageDto,
  MoveDeviceDto,
  UpdateDeviceDto,
} from './devices.dto';
import { DevicesService } from './devices.service';
import { DeviceImportService, IMPORT_LIMITS } from './import/device-import.service';
import { ImportFileInterceptor } from './import/import-file.interceptor';
import { ImportDevicesQueryDto, ImportReportDto } from './import/import.dto';

@ApiTags('devices')
@Authenticated()
@Controller({ path: 'devices', version: '1' })
export class DevicesController {
  constructor(
    private readonly devices: DevicesService,
    private readonly actions: DeviceActionsService,
    private readonly importer: DeviceImportService,
    private readonly idempotency: IdempotencyService,
  ) {}

  /** The devices the caller may see, filtered, sorted and paged by cursor (no total count: pages stay fast at any size). */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  @Header('Content-Type', JSON_CONTENT_TYPE)
  @ApiOkResponse({ type: DevicePageDto })
  list(@CurrentActor() actor: Actor, @Query() query: ListDevicesQueryDto): Promise<JsonText<DevicePageDto>> {
    return this.devices.list(actor, query);
  }

  /** Scan-first: the device with this inventory number or serial number, in one call (for a barcode scanner). */
  @Get('by-tag/:tag')
  @Roles('office', 'coordinator', 'viewer')
  @ApiConflictResponse({ description: 'The serial number belongs to devices of several manufacturers' })
  byTag(@CurrentActor() actor: Actor, @Param('tag') tag: string): Promise<DeviceDetailDto> {
    return this.devices.byTag(actor, tag);
  }

  /** One device with its school and the current loan; devices of other schools answer 404. */
  @Get(':id')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<DeviceDetailDto> {
    return this.devices.get(actor, id);
  }

  /** The device's life-cycle history (created, status changes, moves, loans), newest first. */
  @Get(':id/history')
  @Roles('office', 'coordinator', 'viewer')
  history(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto): Promise<DeviceHistoryPageDto> {
    return this.devices.history(actor, id, page);
  }

  /** Registers a device at one of the caller's schools; its history starts with `created`. */
  @Post()
  @Roles('office', 'coordinator')
  @ApiNotFoundResponse({ description: 'The school is not one of yours' })
  @ApiConflictResponse({ description: 'The inventory number, or the serial number of this manufacturer, exists' })
  @Idempotent()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateDeviceDto, @IdempotencyKey() key?: string): Promise<DeviceDto> {
    return this.idempotency.scope(actor, key, ['POST /devices', dto]).transaction((em) => this.devices.createIn(em, actor, dto));
  }

  /**
   * Imports a supplier's delivery list (.xlsx or .csv, German or English headings, German number and date formats).
   * `dryRun=true` only validates and reports per row; a real import writes all new rows or none (400 with the report).
   * Rows already in the inventory are reported as duplicates and skipped.
   */
  @Post('import')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @UseInterceptors(ImportFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiBadRequestResponse({ description: 'A malformed file, or problems in rows (details.report lists them); nothing was written' })
  @ApiPayloadTooLargeResponse({ description: `More than ${IMPORT_LIMITS.maxBytes / 1024 / 1024} MB or ${IMPORT_LIMITS.maxRows} rows` })
  @Idempotent()
  importFile(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Query() query: ImportDevicesQueryDto,
    @IdempotencyKey() key?: string,
  ): Promise<ImportReportDto> {
    const idempotency = this.idempotency.scope(actor, key, ['POST /devices/import', query, file?.originalname, file?.buffer]);
    return this.importer.import(actor, file, { dryRun: query.dryRun === true, schoolId: query.schoolId }, idempotency);
  }

  /** Changes the device's data; send the version you read (409 STALE_VERSION when someone was faster). */
  @Patch(':id')
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'Stale version, or a duplicate inventory/serial number' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateDeviceDto): Promise<DeviceDto> {
    return this.devices.update(actor, id, dto);
  }

  /** A manual status change (in use, in repair, lost, retired with date and reason, back to available). Loans set `loaned`. */
  @Post(':id/status')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'The change breaks the life-cycle rules, needs a confirmation, or the version is stale' })
  changeStatus(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ChangeDeviceStatusDto): Promise<DeviceDto> {
    return this.actions.changeStatus(actor, id, dto);
  }

  /** Moves the device to another school of the authority (kept in its history). */
  @Post(':id/move')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiNotFoundResponse({ description: 'The device or the target school is not one of yours' })
  @ApiConflictResponse({ description: 'The device is loaned or retired, or the version is stale' })
  move(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: MoveDeviceDto): Promise<DeviceDto> {
    return this.actions.move(actor, id, dto);
  }
}
