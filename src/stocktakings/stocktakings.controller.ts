import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { PageQueryDto } from '../common/pagination';
import { IdParam } from '../common/validation';
import {
  CloseStocktakingDto,
  CountDueDto,
  ListStocktakingsQueryDto,
  MissingPageDto,
  ScanDto,
  ScanResultDto,
  StartStocktakingDto,
  StocktakingDetailDto,
  StocktakingPageDto,
  StocktakingScanPageDto,
  StocktakingSettingsDto,
  UpdateStocktakingSettingsDto,
} from './stocktakings.dto';
import { StocktakingsService } from './stocktakings.service';

@ApiTags('stocktakings')
@Authenticated()
@Controller({ path: 'stocktakings', version: '1' })
export class StocktakingsController {
  constructor(private readonly stocktakings: StocktakingsService) {}

  /** Stocktakings (Inventuren) the caller sees, newest first. */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  list(@CurrentActor() actor: Actor, @Query() query: ListStocktakingsQueryDto): Promise<StocktakingPageDto> {
    return this.stocktakings.list(actor, query);
  }

  /** How often schools must be counted (the authority's interval, default 5 years). */
  @Get('settings')
  @Roles('office', 'coordinator', 'viewer')
  settings(@CurrentActor() actor: Actor): Promise<StocktakingSettingsDto> {
    return this.stocktakings.settings(actor);
  }

  /** The schools by their last complete count: which are due (never counted, or longer ago than the interval). */
  @Get('due')
  @Roles('office', 'coordinator', 'viewer')
  async due(@CurrentActor() actor: Actor): Promise<CountDueDto> {
    const { countIntervalYears, schools } = await this.stocktakings.due(actor);
    return { countIntervalYears, schools };
  }

  /** Changes the counting interval (office only). */
  @Put('settings')
  @Roles('office')
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: UpdateStocktakingSettingsDto): Promise<StocktakingSettingsDto> {
    return this.stocktakings.updateSettings(actor, dto);
  }

  /** Starts a stocktaking of a school (or some of its rooms): the devices in service there now are the expected list. */
  @Post()
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'The school has an open stocktaking' })
  start(@CurrentActor() actor: Actor, @Body() dto: StartStocktakingDto): Promise<StocktakingDetailDto> {
    return this.stocktakings.start(actor, dto);
  }

  /** One stocktaking with its progress per room (expected, found, missing so far, found elsewhere, unknown). */
  @Get(':id')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StocktakingDetailDto> {
    return this.stocktakings.get(actor, id);
  }

  /**
   * A scan (inventory or serial number, case-insensitive): found, found elsewhere (`move: true` moves it here in the
   * same step), unknown (`createDevice` registers it), or duplicate. Several people may scan at once.
   */
  @Post(':id/scans')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'The stocktaking is closed, the device cannot move, or the serial number is ambiguous' })
  scan(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ScanDto): Promise<ScanResultDto> {
    return this.stocktakings.scan(actor, id, dto);
  }

  /** The scans, newest first (the live list). */
  @Get(':id/scans')
  @Roles('office', 'coordinator', 'viewer')
  scans(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto): Promise<StocktakingScanPageDto> {
    return this.stocktakings.scans(actor, id, page);
  }

  /** Expected devices not found (yet), by inventory number. */
  @Get(':id/missing')
  @Roles('office', 'coordinator', 'viewer')
  missing(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() page: PageQueryDto): Promise<MissingPageDto> {
    return this.stocktakings.missing(actor, id, page);
  }

  /**
   * Closes the stocktaking: missing devices are marked lost (life cycle, earmarking check; confirm with
   * `confirmEarmarkingBreach`) or kept open, per device (`decisions`) or for all (`missing`). Closed cannot change.
   */
  @Post(':id/close')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'Already closed, or a device cannot become lost or needs the earmarking confirmation' })
  close(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: CloseStocktakingDto): Promise<StocktakingDetailDto> {
    return this.stocktakings.close(actor, id, dto);
  }
}
