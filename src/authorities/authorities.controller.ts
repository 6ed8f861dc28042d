import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import { AuthorityDto, CreateAuthorityDto, UpdateAuthorityDto } from './authorities.dto';
import { AuthoritiesService } from './authorities.service';

@ApiTags('authorities')
@Authenticated()
@Controller({ path: 'authorities', version: '1' })
export class AuthoritiesController {
  constructor(private readonly authorities: AuthoritiesService) {}

  /** The caller's own school authority, with its settings. */
  @Get('current')
  @Roles('office', 'coordinator', 'viewer')
  current(@CurrentActor() actor: Actor): Promise<AuthorityDto> {
    return this.authorities.current(actor);
  }

  /** Every authority on the platform. Platform admins only. */
  @Get()
  @Roles('admin')
  list(): Promise<AuthorityDto[]> {
    return this.authorities.list();
  }

  /** One authority with its settings. Platform admins only. */
  @Get(':id')
  @Roles('admin')
  get(@IdParam() id: string): Promise<AuthorityDto> {
    return this.authorities.get(id);
  }

  /** Registers a new school authority (tenant). Then create its first office user at POST /users. */
  @Post()
  @Roles('admin')
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAuthorityDto): Promise<AuthorityDto> {
    return this.authorities.create(actor, dto);
  }

  /** Renames an authority or changes its kind or state. Platform admins only. */
  @Patch(':id')
  @Roles('admin')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateAuthorityDto): Promise<AuthorityDto> {
    return this.authorities.update(actor, id, dto);
  }
}
