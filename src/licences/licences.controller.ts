import { Body, Controller, Delete, Get, Header, HttpCode, Patch, Post, Put, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConflictResponse, ApiConsumes, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { JSON_CONTENT_TYPE, JsonText } from '../common/pagination';
import { IdParam } from '../common/validation';
import { LicenceSeatsService } from './licence-seats.service';
import { LicenceWarningsService } from './licence-warnings.service';
import {
  ContractDto,
  ContractPageDto,
  CreateContractDto,
  CreateProductDto,
  LicenceSettingsDto,
  LicenceWarningsDto,
  ListContractsQueryDto,
  ProductDto,
  SeatDto,
  SetSeatsDto,
  SetUseDto,
  UpdateContractDto,
  UpdateLicenceSettingsDto,
  UpdateProductDto,
  UsageImportQueryDto,
  UsageImportResultDto,
  WarningsQueryDto,
} from './licences.dto';
import { LicencesService } from './licences.service';
import { USAGE_IMPORT_LIMITS } from './usage-file';

const READERS = ['office', 'coordinator', 'viewer'] as const;

@ApiTags('licences')
@Authenticated()
@Controller({ path: 'licences', version: '1' })
export class LicencesController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly licences: LicencesService,
    private readonly seats: LicenceSeatsService,
    private readonly warningsService: LicenceWarningsService,
  ) {}

  /** The authority's licence catalogue (products with their data-protection status), by name. */
  @Get('products')
  @Roles(...READERS)
  listProducts(@CurrentActor() actor: Actor): Promise<ProductDto[]> {
    return this.licences.listProducts(actor, this.dataSource.manager);
  }

  /** One product of the authority's catalogue. */
  @Get('products/:id')
  @Roles(...READERS)
  getProduct(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ProductDto> {
    return this.licences.getProduct(actor, id, this.dataSource.manager);
  }

  /** Adds a product to the catalogue (office only). */
  @Post('products')
  @Roles('office')
  createProduct(@CurrentActor() actor: Actor, @Body() dto: CreateProductDto): Promise<ProductDto> {
    return this.licences.createProduct(actor, dto);
  }

  /** Changes a product of the catalogue. */
  @Patch('products/:id')
  @Roles('office')
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  updateProduct(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateProductDto): Promise<ProductDto> {
    return this.licences.updateProduct(actor, id, dto);
  }

  /** Deletes a product without contracts. */
  @Delete('products/:id')
  @Roles('office')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'The product has licence contracts' })
  removeProduct(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.licences.removeProduct(actor, id);
  }

  /** Licence contracts in the caller's view (coordinators: their schools'), by product name, with seat sums and the last day to cancel. */
  @Get('contracts')
  @Roles(...READERS)
  @Header('Content-Type', JSON_CONTENT_TYPE)
  @ApiOkResponse({ type: ContractPageDto })
  listContracts(@CurrentActor() actor: Actor, @Query() query: ListContractsQueryDto): Promise<JsonText<ContractPageDto>> {
    return this.licences.listContracts(actor, query, this.dataSource.manager);
  }

  /** One licence contract with its seat sums and the last day to cancel. */
  @Get('contracts/:id')
  @Roles(...READERS)
  getContract(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ContractDto> {
    return this.licences.getContract(actor, id, this.dataSource.manager);
  }

  /** Records a licence contract of a product. */
  @Post('contracts')
  @Roles('office')
  @ApiNotFoundResponse({ description: 'The product, a school or the expenditure does not exist in this authority' })
  createContract(@CurrentActor() actor: Actor, @Body() dto: CreateContractDto): Promise<ContractDto> {
    return this.licences.createContract(actor, dto);
  }

  /** Changes a licence contract. */
  @Patch('contracts/:id')
  @Roles('office')
  @ApiConflictResponse({ description: 'STALE_VERSION' })
  updateContract(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateContractDto): Promise<ContractDto> {
    return this.licences.updateContract(actor, id, dto);
  }

  /** Deletes a licence contract. */
  @Delete('contracts/:id')
  @Roles('office')
  @HttpCode(204)
  removeContract(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.licences.removeContract(actor, id);
  }

  /** The seats per school (coordinators: their schools'), by school name. */
  @Get('contracts/:id/seats')
  @Roles(...READERS)
  listSeats(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SeatDto[]> {
    return this.seats.list(actor, id, this.dataSource.manager);
  }

  /** Assigns seats of the contract to a school; all schools together at most the seats bought. */
  @Put('contracts/:id/seats/:schoolId')
  @Roles('office')
  @ApiConflictResponse({ description: 'CONFLICT: more seats than bought (details.available)' })
  assignSeats(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('schoolId') schoolId: string, @Body() dto: SetSeatsDto): Promise<SeatDto> {
    return this.seats.assign(actor, id, schoolId, dto);
  }

  /** Takes a school off the contract's seats list. */
  @Delete('contracts/:id/seats/:schoolId')
  @Roles('office')
  @HttpCode(204)
  removeSeats(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('schoolId') schoolId: string): Promise<void> {
    return this.seats.remove(actor, id, schoolId);
  }

  /** The school enters how many seats it uses (coordinators for their schools). */
  @Put('contracts/:id/seats/:schoolId/use')
  @Roles('office', 'coordinator')
  setUse(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('schoolId') schoolId: string, @Body() dto: SetUseDto): Promise<SeatDto> {
    return this.seats.setUse(actor, id, schoolId, dto);
  }

  /**
   * The vendor's usage export (.xlsx or .csv with a column "Schulnummer" and one "genutzt"/"aktive Nutzer"), matched by
   * school number. `dryRun=true` only reports.
   */
  @Post('contracts/:id/usage-import')
  @Roles('office')
  @HttpCode(200)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: USAGE_IMPORT_LIMITS.maxBytes, files: 1, fields: 5 } }))
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  importUsage(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @UploadedFile() file: { buffer: Buffer; originalname: string } | undefined,
    @Query() query: UsageImportQueryDto,
  ): Promise<UsageImportResultDto> {
    return this.seats.importUsage(actor, id, file, query.inUseOn, query.dryRun === true);
  }

  /** Warnings of the caller's licences: deadlines, seats, use, data protection (stable codes with params). */
  @Get('warnings')
  @Roles(...READERS)
  @Header('Content-Type', JSON_CONTENT_TYPE)
  @ApiOkResponse({ type: LicenceWarningsDto })
  warnings(@CurrentActor() actor: Actor, @Query() query: WarningsQueryDto): Promise<JsonText<LicenceWarningsDto>> {
    return this.warningsService.warningsJson(actor, this.dataSource.manager, query);
  }

  /** The warning thresholds of the authority. */
  @Get('settings')
  @Roles(...READERS)
  settings(@CurrentActor() actor: Actor): Promise<LicenceSettingsDto> {
    return this.licences.settings(actor, this.dataSource.manager);
  }

  /** Changes the warning thresholds (office only). */
  @Patch('settings')
  @Roles('office')
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: UpdateLicenceSettingsDto): Promise<LicenceSettingsDto> {
    return this.licences.updateSettings(actor, dto);
  }
}
