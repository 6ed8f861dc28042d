import { Body, Controller, Get, Patch, Post, Put, Query } from '@nestjs/common';
import { IdParam } from '../common/validation';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { CreateUserDto, ListUsersQueryDto, SetUserSchoolsDto, UpdateUserDto, UserDto, UserPageDto } from './users.dto';
import { UsersService } from './users.service';

@ApiTags('users')
@Authenticated()
@Roles('admin', 'office')
@Controller({ path: 'users', version: '1' })
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** Users of the caller's authority (platform admins: all, or one authority's). */
  @Get()
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto): Promise<UserPageDto> {
    return this.users.list(actor, query);
  }

  /** One user of the caller's authority (platform admins: any). */
  @Get(':id')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<UserDto> {
    return this.users.get(actor, id);
  }

  /** Creates a user. Office users create office, coordinator and viewer users of their own authority. */
  @Post()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto): Promise<UserDto> {
    return this.users.create(actor, dto);
  }

  /** Changes name, role, password, or deactivates a user. */
  @Patch(':id')
  update(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: UpdateUserDto): Promise<UserDto> {
    return this.users.update(actor, id, dto);
  }

  /** Replaces the schools a coordinator looks after. */
  @Put(':id/schools')
  setSchools(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: SetUserSchoolsDto): Promise<UserDto> {
    return this.users.setSchools(actor, id, dto);
  }
}
