import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import { CreateExpenditureDto, ExpenditureDto, ExpenditurePageDto, ListExpendituresQueryDto, UpdateExpenditureDto } from './expenditures.dto';
import { ExpendituresService } from './expenditures.service';

@ApiTags('grants')
@Authenticated()
@Controller({ path: 'grants/:grantId/expenditures', version: '1' })
export class ExpendituresController {
  constructor(private readonly expenditures: ExpendituresService) {}

  /** Orders and invoices of the grant by order date, with each line's funded and own share (coordinators: their schools). */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  list(@CurrentActor() actor: Actor, @IdParam('grantId') grantId: string, @Query() query: ListExpendituresQueryDto): Promise<ExpenditurePageDto> {
    return this.expenditures.list(actor, grantId, query);
  }

  /** One order or invoice with its funded and own share and the devices it bought. */
  @Get(':id')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam('grantId') grantId: string, @IdParam() id: string): Promise<ExpenditureDto> {
    return this.expenditures.get(actor, grantId, id);
  }

  /** Records an order or invoice. Spending beyond the school's allocation or the grant needs `overrideBudget` with a reason. */
  @Post()
  @Roles('office')
  @ApiNotFoundResponse({ description: 'Grant or school not found' })
  @ApiBadRequestResponse({ description: 'Invoice date outside the eligible period, unknown devices, invalid fields' })
  @ApiConflictResponse({ description: 'Read-only grant, budget exceeded without override, device already linked, duplicate invoice' })
  create(@CurrentActor() actor: Actor, @IdParam('grantId') grantId: string, @Body() dto: CreateExpenditureDto): Promise<ExpenditureDto> {
    return this.expenditures.create(actor, grantId, dto);
  }

  /** Changes an expenditure; `deviceIds` replaces the list of devices it bought. */
  @Patch(':id')
  @Roles('office')
  @ApiConflictResponse({ description: 'Stale version, read-only grant, budget exceeded without override, device already linked' })
  update(@CurrentActor() actor: Actor, @IdParam('grantId') grantId: string, @IdParam() id: string, @Body() dto: UpdateExpenditureDto): Promise<ExpenditureDto> {
    return this.expenditures.update(actor, grantId, id, dto);
  }

  /** Deletes an expenditure of a grant that is not read-only; its devices become unlinked. */
  @Delete(':id')
  @Roles('office')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'Read-only grant' })
  remove(@CurrentActor() actor: Actor, @IdParam('grantId') grantId: string, @IdParam() id: string): Promise<void> {
    return this.expenditures.remove(actor, grantId, id);
  }
}
