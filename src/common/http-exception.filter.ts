import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { CONSTRAINT_MESSAGES } from './constraint-messages';
import { AppError, ErrorBody, ErrorCode, FieldError } from './errors';

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
 * Turns every error into one JSON shape (ErrorBody). Constraint violations become 409/400
 * here, in one place, so services can rely on the database for their invariants.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const response = ctx.getResponse<Response>();
    const request = ctx.getRequest<Request & { id?: string }>();
    const body = this.toBody(exception);
    body.requestId = request?.id;
    if (body.statusCode >= 500) {
      this.logger.error({ err: exception, requestId: request?.id }, 'Unhandled error');
    }
    if (response.headersSent) {
      // A streamed download failed half-way: all we can do is end it.
      response.destroy();
      return;
    }
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return {
        statusCode: exception.getStatus(),
        error: exception.code,
        message: exception.message,
        ...(exception.fieldErrors ? { fieldErrors: exception.fieldErrors } : {}),
        ...(exception.details ? { details: exception.details } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const res = exception.getResponse();
      const message =
        typeof res === 'string' ? res : Array.isArray((res as { message?: unknown }).message) ? ((res as { message: string[] }).message.join('; ')) : String((res as { message?: unknown }).message ?? exception.message);
      return { statusCode: status, error: STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'BAD_REQUEST'), message };
    }
    if (exception instanceof QueryFailedError) {
      return this.fromDatabase(exception as QueryFailedError & { driverError?: { code?: string; constraint?: string; column?: string } });
    }
    return { statusCode: 500, error: 'INTERNAL_ERROR', message: 'Internal server error' };
  }

  private fromDatabase(error: QueryFailedError & { driverError?: { code?: string; constraint?: string; column?: string } }): ErrorBody {
    const code = error.driverError?.code;
    const constraint = error.driverError?.constraint ?? '';
    const known = CONSTRAINT_MESSAGES[constraint];
    const fieldErrors: FieldError[] | undefined = known?.field ? [{ field: known.field, messages: [known.message] }] : undefined;
    switch (code) {
      case '23505': // unique_violation
      case '23P01': // exclusion_violation
        return { statusCode: HttpStatus.CONFLICT, error: 'CONFLICT', message: known?.message ?? 'This record conflicts with an existing one', fieldErrors, details: { constraint } };
      case '23503': // foreign_key_violation
        return { statusCode: HttpStatus.CONFLICT, error: 'CONFLICT', message: known?.message ?? 'This record is referenced by, or refers to, a record that does not exist or cannot be removed', fieldErrors, details: { constraint } };
      case '23514': // check_violation
      case '23502': // not_null_violation
        return { statusCode: HttpStatus.BAD_REQUEST, error: 'VALIDATION_FAILED', message: known?.message ?? `A value breaks the rule ${constraint || error.driverError?.column}`, fieldErrors, details: { constraint } };
      case '22P02': // invalid_text_representation
      case '22007': // invalid_datetime_format
      case '22008': // datetime_field_overflow
      case '22003': // numeric_value_out_of_range
      case '22001': // string_data_right_truncation
        return { statusCode: HttpStatus.BAD_REQUEST, error: 'BAD_REQUEST', message: 'A value has the wrong format or is out of range' };
      case '40001': // serialization_failure
      case '40P01': // deadlock_detected
        return { statusCode: HttpStatus.CONFLICT, error: 'CONFLICT', message: 'A concurrent change got in the way; please retry' };
      default:
        return { statusCode: 500, error: 'INTERNAL_ERROR', message: 'Internal server error' };
    }
  }
}
