import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppError } from './errors';

/** The media types a request body may have: JSON everywhere, multipart where a route takes a file (the device import). */
const ACCEPTED = /^(application\/(?:[\w.+-]+\+)?json|multipart\/form-data)\s*(?:;|$)/i;

/**
 * A body in any other media type is a 415: Express parses only JSON (and forms), so a body sent as text/plain reached a
 * route as `{}` and a PUT of settings answered 200 without having read it. Requests without a body pass.
 */
@Injectable()
export class JsonBodyGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const req = context.switchToHttp().getRequest<Request>();
    const length = req.headers['content-length'];
    const hasBody = req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
    if (!hasBody || ACCEPTED.test(req.headers['content-type'] ?? '')) return true;
    throw new AppError(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json', undefined, undefined, 'BODY_NOT_JSON');
  }
}
