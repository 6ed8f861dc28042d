import { HttpException, HttpStatus } from '@nestjs/common';

/** Error codes a client can switch on. Each maps to one HTTP status. */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'STALE_VERSION'
  | 'ILLEGAL_STATE'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'TOO_MANY_REQUESTS'
  | 'DATABASE_UNAVAILABLE'
  | 'EXPORTS_BUSY'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'INTERNAL_ERROR';

export interface FieldError {
  field: string;
  messages: string[];
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  error: ErrorCode;
  message: string;
  fieldErrors?: FieldError[];
  requestId?: string;
  details?: Record<string, unknown>;
}

/** An HttpException carrying our error code (and optional field errors / details). */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
    readonly details?: Record<string, unknown>,
  ) {
    super(message, status);
  }
}

export const notFound = (what: string) => new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`);
export const conflict = (message: string, details?: Record<string, unknown>) =>
  new AppError(HttpStatus.CONFLICT, 'CONFLICT', message, undefined, details);
export const illegalState = (message: string, details?: Record<string, unknown>) =>
  new AppError(HttpStatus.CONFLICT, 'ILLEGAL_STATE', message, undefined, details);
export const forbidden = (message = 'You may not do this') => new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message);
export const badRequest = (message: string, field?: string) =>
  new AppError(HttpStatus.BAD_REQUEST, field ? 'VALIDATION_FAILED' : 'BAD_REQUEST', message, field ? [{ field, messages: [message] }] : undefined);

/** 503: a resource is busy or gone for a moment; the filter sends `Retry-After: retryAfterSeconds`. */
export class UnavailableError extends AppError {
  constructor(code: ErrorCode, message: string, readonly retryAfterSeconds: number, details?: Record<string, unknown>) {
    super(HttpStatus.SERVICE_UNAVAILABLE, code, message, undefined, details);
  }
}

/** OpenAPI description of ErrorBody. */
export class FieldErrorDto {
  /** The request field, dotted for nested ones (e.g. `items.3.inventoryNumber`). */
  field: string;
  messages: string[];
}

export class ErrorBodyDto {
  /** @example 404 */
  statusCode: number;
  /** A code to switch on: VALIDATION_FAILED, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, STALE_VERSION, ILLEGAL_STATE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS, DATABASE_UNAVAILABLE (503, see Retry-After), EXPORTS_BUSY (503, see Retry-After), IDEMPOTENCY_KEY_REUSED, INTERNAL_ERROR. @example NOT_FOUND */
  error: ErrorCode;
  /** @example Device not found */
  message: string;
  /** Present for validation errors: which fields are wrong and why. */
  fieldErrors?: FieldErrorDto[];
  /** The X-Request-Id of the request, for support. */
  requestId?: string;
  /** Extra facts a client can use, e.g. `currentVersion` on STALE_VERSION, `currentStatus` on ILLEGAL_STATE. */
  details?: Record<string, unknown>;
}
