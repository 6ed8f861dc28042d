import { Controller, Get, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { CoverageAsOfQueryDto } from '../coverage/coverage.dto';
import { OverviewDto } from './stats.dto';
import { StatsService } from './stats.service';

@ApiTags('stats')
@Authenticated()
@Controller({ path: 'stats', version: '1' })
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  /**
   * The authority at a glance: devices by type and status, loans, coverage, needs requests and grant budgets.
   * For the education office and viewers; coordinators use their schools' coverage and lists instead.
   */
  @Get('overview')
  @Roles('office', 'viewer')
  overview(@CurrentActor() actor: Actor, @Query() query: CoverageAsOfQueryDto): Promise<OverviewDto> {
    return this.stats.overview(actor, query.asOf);
  }
}
