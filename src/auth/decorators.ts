import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { Role } from '../users/user.entity';
import type { Actor } from './actor';

export const IS_PUBLIC = 'auth:isPublic';
export const ROLES = 'auth:roles';

/** The route needs no login. Every other route does. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only these roles may call the route (the service still scopes the data). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiExtension('x-roles', roles));

/** Marks a controller as authenticated in the OpenAPI document. */
export const Authenticated = () => ApiBearerAuth();

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
