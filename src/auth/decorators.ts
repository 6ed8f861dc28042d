import { applyDecorators, createParamDecorator, ExecutionContext, HttpStatus, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension, ApiSecurity } from '@nestjs/swagger';
import { ApiError } from '../common/openapi';
import type { Role } from '../common/actor';
import type { Actor } from '../common/actor';

export const IS_PUBLIC = 'auth:isPublic';
export const ROLES = 'auth:roles';

/** The route needs no login. Every other route does. In OpenAPI: an empty security requirement (anyone may call it). */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));

/** Only these roles may call the route (the service still scopes the data). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiExtension('x-roles', roles));

/** Marks a controller (or route) as authenticated in the OpenAPI document, with the errors the auth guard answers. */
export const Authenticated = () =>
  applyDecorators(
    ApiBearerAuth(),
    ApiError(HttpStatus.UNAUTHORIZED, 'Missing, invalid or expired token'),
    ApiError(HttpStatus.FORBIDDEN, 'The role may not do this'),
  );

export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  return ctx.switchToHttp().getRequest<{ actor: Actor }>().actor;
});
