import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiNotFoundResponse, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import { CreateNeedDto, DecideNeedDto, LinkGrantDto, ListNeedsQueryDto, NeedDto, NeedPageDto, UpdateNeedDto, VersionDto, VersionQueryDto } from './needs.dto';
import { NeedsService } from './needs.service';

@ApiTags('needs')
@Authenticated()
@Controller({ path: 'needs', version: '1' })
export class NeedsController {
  constructor(private readonly needs: NeedsService) {}

  /** Needs requests the caller sees (coordinators: their schools'), newest first. */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  list(@CurrentActor() actor: Actor, @Query() query: ListNeedsQueryDto): Promise<NeedPageDto> {
    return this.needs.list(actor, query);
  }

  /** One needs request the caller may see. */
  @Get(':id')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NeedDto> {
    return this.needs.get(actor, id);
  }

  /** Starts a request as a draft (coordinators for their own schools; the office for any). */
  @Post()
  @Roles('office', 'coordinator')
  @ApiNotFoundResponse({ description: 'The school is not one the caller may write for' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateNeedDto): Promise<NeedDto> {
    return this.needs.create(actor, dto);
  }

  /** Changes a draft. */
  @Patch(':id')
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'ILLEGAL_STATE: no longer a draft (details.currentStatus); STALE_VERSION' })
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateNeedDto): Promise<NeedDto> {
    return this.needs.update(actor, id, dto);
  }

  /** Deletes a draft. */
  @Delete(':id')
  @Roles('office', 'coordinator')
  @HttpCode(204)
  @ApiConflictResponse({ description: 'ILLEGAL_STATE: no longer a draft' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: VersionQueryDto): Promise<void> {
    return this.needs.remove(actor, id, query.version);
  }

  /** Hands a draft to the education office. */
  @Post(':id/submit')
  @Roles('office', 'coordinator')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'ILLEGAL_STATE (details.currentStatus); STALE_VERSION' })
  submit(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: VersionDto): Promise<NeedDto> {
    return this.needs.submit(actor, id, dto.version);
  }

  /** Takes a submitted request back to draft, before the office decides. */
  @Post(':id/withdraw')
  @Roles('office', 'coordinator')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'ILLEGAL_STATE (details.currentStatus); STALE_VERSION' })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: VersionDto): Promise<NeedDto> {
    return this.needs.withdraw(actor, id, dto.version);
  }

  /** The office's decision: approved, partially_approved (with quantity and amount) or rejected (with a reason). */
  @Post(':id/decide')
  @Roles('office')
  @HttpCode(200)
  @ApiConflictResponse({ description: 'ILLEGAL_STATE: not submitted (details.currentStatus); STALE_VERSION' })
  decide(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: DecideNeedDto): Promise<NeedDto> {
    return this.needs.decide(actor, id, dto);
  }

  /** Links an approved request to the grant that funds it; `grantId: null` removes the link. */
  @Post(':id/link-grant')
  @Roles('office')
  @HttpCode(200)
  @ApiNotFoundResponse({ description: 'The request or the grant does not exist in this authority' })
  @ApiConflictResponse({ description: 'ILLEGAL_STATE: not approved (details.currentStatus); STALE_VERSION' })
  linkGrant(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: LinkGrantDto): Promise<NeedDto> {
    return this.needs.linkGrant(actor, id, dto);
  }
}
