import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { AppError, forbidden } from '../common/errors';
import type { Role } from '../common/actor';
import type { Actor } from '../common/actor';
import { AuthService } from './auth.service';
import { IS_PUBLIC, ROLES } from './decorators';
import { CSRF_HEADER, isWrite, readSessionCookie } from './session-cookie';

/**
 * Global guard: every route needs a valid bearer token or session cookie unless marked @Public(); @Roles() narrows further.
 * A cookie-authenticated write also needs the X-Requested-With header (CSRF: a cross-site form cannot set it).
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const [scheme, bearer] = (request.headers.authorization ?? '').split(' ');
    const cookie = scheme === 'Bearer' && bearer ? undefined : readSessionCookie(request);
    const token = cookie ?? (scheme === 'Bearer' ? bearer : undefined);
    const actor = token ? await this.auth.authenticate(token) : null;
    if (!actor) throw new AppError(HttpStatus.UNAUTHORIZED, 'UNAUTHORIZED', 'Missing, invalid or expired token', undefined, undefined, token ? 'SESSION_INVALID' : 'UNAUTHORIZED');
    if (cookie && isWrite(request.method) && !request.headers[CSRF_HEADER]) {
      throw forbidden('CSRF_HEADER_MISSING', 'A write with the session cookie needs the X-Requested-With header');
    }
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES, targets);
    if (roles && !roles.includes(actor.role)) throw forbidden('ROLE_REQUIRED', `This needs one of the roles: ${roles.join(', ')}`, { roles });
    return true;
  }
}
