import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import {
  CoverageAsOfQueryDto,
  CoveragePageDto,
  CoverageSettingsDto,
  ListCoverageQueryDto,
  SchoolCoverageResponseDto,
  UpdateCoverageSettingsDto,
} from './coverage.dto';
import { CoverageService } from './coverage.service';

@ApiTags('coverage')
@Authenticated()
@Controller({ path: 'coverage', version: '1' })
export class CoverageController {
  constructor(private readonly coverage: CoverageService) {}

  /** Coverage indicators of every school the caller sees (coordinators: their own), worst first by the chosen indicator. */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  list(@CurrentActor() actor: Actor, @Query() query: ListCoverageQueryDto): Promise<CoveragePageDto> {
    return this.coverage.list(actor, query);
  }

  /** The targets, replacement ages and unit prices coverage is measured against (the authority's values over the defaults). */
  @Get('settings')
  @Roles('office', 'coordinator', 'viewer')
  settings(@CurrentActor() actor: Actor): Promise<CoverageSettingsDto> {
    return this.coverage.settings(actor);
  }

  /** Changes targets, replacement ages or unit prices; keys left out keep their value. */
  @Put('settings')
  @Roles('office')
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: UpdateCoverageSettingsDto): Promise<CoverageSettingsDto> {
    return this.coverage.updateSettings(actor, dto);
  }
}

@ApiTags('coverage')
@Authenticated()
@Controller({ path: 'schools', version: '1' })
export class SchoolCoverageController {
  constructor(private readonly coverage: CoverageService) {}

  /** Coverage indicators of one school. */
  @Get(':id/coverage')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: CoverageAsOfQueryDto): Promise<SchoolCoverageResponseDto> {
    return this.coverage.forSchool(actor, id, query.asOf);
  }
}
