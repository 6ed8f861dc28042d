import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import { CreateSchoolDto, ListSchoolNamesQueryDto, ListSchoolsQueryDto, SchoolDto, SchoolNamePageDto, SchoolPageDto, UpdateSchoolDto } from './schools.dto';
import { SchoolsService } from './schools.service';

@ApiTags('schools')
@Authenticated()
@Controller({ path: 'schools', version: '1' })
export class SchoolsController {
  constructor(private readonly schools: SchoolsService) {}

  /** The schools the caller may see (coordinators: their own), by name. */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  list(@CurrentActor() actor: Actor, @Query() query: ListSchoolsQueryDto): Promise<SchoolPageDto> {
    return this.schools.list(actor, query);
  }

  /** Ids and names of the schools the caller may see, by name, up to 5,000 a page (the web app's school pickers). */
  @Get('names')
  @Roles('office', 'coordinator', 'viewer')
  names(@CurrentActor() actor: Actor, @Query() query: ListSchoolNamesQueryDto): Promise<SchoolNamePageDto> {
    return this.schools.names(actor, query);
  }

  /** One school the caller may see; others answer 404. */
  @Get(':id')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SchoolDto> {
    return this.schools.get(actor, id);
  }

  /** Registers a school of the authority; the school number is unique in it (409 otherwise). */
  @Post()
  @Roles('office')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateSchoolDto): Promise<SchoolDto> {
    return this.schools.create(actor, dto);
  }

  /** Coordinators update their own schools' figures; name, number and type are the office's. */
  @Patch(':id')
  @Roles('office', 'coordinator')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateSchoolDto): Promise<SchoolDto> {
    return this.schools.update(actor, id, dto);
  }

  /** Deletes a school without devices or other records. */
  @Delete(':id')
  @Roles('office')
  @HttpCode(204)
  remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.schools.remove(actor, id);
  }
}
