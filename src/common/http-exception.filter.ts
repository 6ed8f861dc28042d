import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { databaseErrorAnswer, type DatabaseErrorAnswer, loggableDatabaseError } from './database-errors';
import { AppError, ErrorBody, ErrorCode, UnavailableError } from './errors';

const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/**
 * Turns every error into one JSON shape (ErrorBody). Database errors (constraint violations, bad values, an
 * unreachable database) are mapped by `databaseErrorAnswer` (src/common/database-errors.ts), the one mapping the
 * bulk items use too, so services can rely on the database for their invariants.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request & { id?: string }>();
    const answer = errorAnswer(exception);
    const body = answer.body;
    body.requestId = request?.id;
    if (body.statusCode >= 500) {
      // A database error is logged by its code, constraint and table only: its query parameters and message hold request values.
      const db = loggableDatabaseError(exception);
      this.logger.error({ ...(db ? { db } : { err: exception }), requestId: request?.id }, db ? 'Database error' : 'Unhandled error');
    }
    if (response.headersSent) {
      // A streamed download failed half-way: all we can do is end it.
      response.destroy();
      return;
    }
    if (answer.retryAfterSeconds) response.setHeader('Retry-After', String(answer.retryAfterSeconds));
    response.status(body.statusCode).json(body);
  }
}

/**
 * The one mapping of an error to the API's answer, for the filter and for the items of a bulk request alike:
 * database errors by `databaseErrorAnswer`, everything else by `errorBodyOf`, with the `Retry-After` of a 503.
 */
export function errorAnswer(exception: unknown): DatabaseErrorAnswer {
  const database = databaseErrorAnswer(exception);
  if (database) return database;
  const body = errorBodyOf(exception);
  return exception instanceof UnavailableError ? { body, retryAfterSeconds: exception.retryAfterSeconds } : { body };
}

/** True for an error the API answers on purpose (the database's mapped errors, ours, Nest's HTTP errors), not a bug. */
export function isAnsweredError(exception: unknown): boolean {
  return databaseErrorAnswer(exception) !== undefined || exception instanceof HttpException;
}

/**
 * The body for an exception that is not the database's: our AppErrors with their reason and params, Nest's own
 * HttpExceptions (unknown route, body too large …) with the coarse code as reason, anything else a 500.
 */
export function errorBodyOf(exception: unknown): ErrorBody {
  if (exception instanceof AppError) {
    return {
      statusCode: exception.getStatus(),
      error: exception.code,
      message: exception.message,
      reason: exception.reason,
      ...(exception.params ? { params: exception.params } : {}),
      ...(exception.fieldErrors ? { fieldErrors: exception.fieldErrors } : {}),
      ...(exception.details ? { details: exception.details } : {}),
    };
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const res = exception.getResponse();
    const message =
      typeof res === 'string' ? res : Array.isArray((res as { message?: unknown }).message) ? ((res as { message: string[] }).message.join('; ')) : String((res as { message?: unknown }).message ?? exception.message);
    const error = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST');
    return { statusCode: status, error, message, reason: status === 404 ? 'ROUTE_NOT_FOUND' : error };
  }
  return { statusCode: 500, error: 'INTERNAL_ERROR', reason: 'INTERNAL_ERROR', message: 'Internal server error' };
}
