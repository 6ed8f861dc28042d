import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import { AllocationsService } from './allocations.service';
import { AllocationDto, SetAllocationDto } from './expenditures.dto';
import { CreateGrantDto, GrantDto, GrantPageDto, GrantSettingsDto, ListGrantsQueryDto, SummaryQueryDto, UpdateGrantDto } from './grants.dto';
import { GrantsService } from './grants.service';
import { GrantSummaryDto } from './summary.dto';
import { GrantSummaryService } from './summary.service';

@ApiTags('grants')
@Authenticated()
@Controller({ path: 'grants', version: '1' })
export class GrantsController {
  constructor(
    private readonly grants: GrantsService,
    private readonly allocations: AllocationsService,
    private readonly summaries: GrantSummaryService,
  ) {}

  /** Grants with their spent and remaining money; deadlines within the warning window are flagged. Coordinators: grants touching their schools. */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  list(@CurrentActor() actor: Actor, @Query() query: ListGrantsQueryDto): Promise<GrantPageDto> {
    return this.grants.list(actor, query);
  }

  /** The authority's grant settings: deadline warning window and configured category-share rules. */
  @Get('settings')
  @Roles('office', 'coordinator', 'viewer')
  settings(@CurrentActor() actor: Actor): Promise<GrantSettingsDto> {
    return this.grants.settings(actor);
  }

  /** Changes the deadline warning window or the configured category-share rules (office only). */
  @Put('settings')
  @Roles('office')
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: GrantSettingsDto): Promise<GrantSettingsDto> {
    return this.grants.updateSettings(actor, dto);
  }

  /** Creates a grant of the authority (office only). */
  @Post()
  @Roles('office')
  @ApiConflictResponse({ description: 'The reference number exists in this authority' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateGrantDto): Promise<GrantDto> {
    return this.grants.create(actor, dto);
  }

  /** One grant with its spent and remaining money. */
  @Get(':id')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<GrantDto> {
    return this.grants.get(actor, id);
  }

  /** Changes a grant or its status (planned → approved → reported → closed; reported → approved reopens). Reported and closed grants accept only status and notes. */
  @Patch(':id')
  @Roles('office')
  @ApiConflictResponse({ description: 'Stale version, read-only grant, illegal status change, or the budget would fall below allocations/spending' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateGrantDto): Promise<GrantDto> {
    return this.grants.update(actor, id, dto);
  }

  /** Deletes a planned or approved grant without expenditures. */
  @Delete(':id')
  @Roles('office')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'The grant is read-only or has expenditures' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.grants.remove(actor, id);
  }

  /** Approved, allocated, committed, paid, funded and own share, remaining; per school and category; warnings. */
  @Get(':id/summary')
  @Roles('office', 'coordinator', 'viewer')
  summary(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: SummaryQueryDto): Promise<GrantSummaryDto> {
    return this.summaries.summary(actor, id, query.asOf);
  }

  /** The budget share of each school (coordinators: their schools). */
  @Get(':id/allocations')
  @Roles('office', 'coordinator', 'viewer')
  listAllocations(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AllocationDto[]> {
    return this.allocations.list(actor, id);
  }

  /** Sets a school's allocation; the allocations together may not exceed the approved amount. */
  @Put(':id/allocations/:schoolId')
  @Roles('office')
  @ApiConflictResponse({ description: 'Read-only grant, or the allocations would exceed the approved amount' })
  setAllocation(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('schoolId') schoolId: string, @Body() dto: SetAllocationDto): Promise<AllocationDto> {
    return this.allocations.set(actor, id, schoolId, dto);
  }

  /** Removes a school's allocation (refused while the school has spending on the grant). */
  @Delete(':id/allocations/:schoolId')
  @Roles('office')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'Read-only grant, or the school has expenditures' })
  removeAllocation(@CurrentActor() actor: Actor, @IdParam() id: string, @IdParam('schoolId') schoolId: string): Promise<void> {
    return this.allocations.remove(actor, id, schoolId);
  }
}
