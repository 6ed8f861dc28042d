import { HttpException, HttpStatus } from '@nestjs/common';
import type { Entity, FieldCode, MessageParams, ReasonCode } from '../i18n/messages';

export type { Entity, FieldCode, MessageParams, ReasonCode } from '../i18n/messages';

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
  code?: FieldCode;
  params?: MessageParams;
}

/** The body of every error response. */
export interface ErrorBody {
  statusCode: number;
  error: ErrorCode;
  message: string;
  reason?: ReasonCode;
  params?: MessageParams;
  fieldErrors?: FieldError[];
  requestId?: string;
  details?: Record<string, unknown>;
}

/** An HttpException carrying our error code, its specific reason with the params of its text, and optional field errors / details. */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    readonly code: ErrorCode,
    message: string,
    readonly fieldErrors?: FieldError[],
    readonly details?: Record<string, unknown>,
    readonly reason: ReasonCode = code,
    readonly params?: MessageParams,
  ) {
    super(message, status);
  }
}

/** What `notFound` may be asked about, with the reason it answers. */
const NOT_FOUND_REASONS = {
  Device: 'DEVICE_NOT_FOUND',
  Loan: 'LOAN_NOT_FOUND',
  School: 'SCHOOL_NOT_FOUND',
  Authority: 'AUTHORITY_NOT_FOUND',
  User: 'USER_NOT_FOUND',
  Grant: 'GRANT_NOT_FOUND',
  Allocation: 'ALLOCATION_NOT_FOUND',
  Expenditure: 'EXPENDITURE_NOT_FOUND',
  Stocktaking: 'STOCKTAKING_NOT_FOUND',
  'Need request': 'NEED_REQUEST_NOT_FOUND',
  'Licence product': 'LICENCE_PRODUCT_NOT_FOUND',
  'Licence contract': 'LICENCE_CONTRACT_NOT_FOUND',
  Seats: 'LICENCE_SEATS_NOT_FOUND',
  'School of this contract': 'CONTRACT_SCHOOL_NOT_FOUND',
} as const satisfies Record<string, ReasonCode>;
export type NotFoundSubject = keyof typeof NOT_FOUND_REASONS;

export const notFound = (what: NotFoundSubject) => new AppError(HttpStatus.NOT_FOUND, 'NOT_FOUND', `${what} not found`, undefined, undefined, NOT_FOUND_REASONS[what]);

/** 409 STALE_VERSION: someone changed the record since the caller read it. */
export const staleVersion = (entity: Entity, currentVersion: number, message = `The ${entity} was changed by someone else (now version ${currentVersion}); reload and retry`) =>
  new AppError(HttpStatus.CONFLICT, 'STALE_VERSION', message, undefined, { currentVersion }, 'STALE_VERSION', { entity, currentVersion });

// The helpers below take (reason, English message, params). `params` fill the German text of the reason and are
// sent as `details` as well (clients read e.g. `details.currentStatus`), unless other details are given.
// The older form without a reason still compiles (for code written before the reasons) and answers the coarse code.
type Details = Record<string, unknown>;
const isReason = (value: string): boolean => /^[A-Z][A-Z0-9_]+$/.test(value);

export function conflict(reason: ReasonCode, message: string, params?: MessageParams, details?: Details): AppError;
/** @deprecated give a reason: conflict('SOME_REASON', message, params) */
export function conflict(message: string, details?: Details): AppError;
export function conflict(a: string, b?: string | Details, params?: MessageParams, details?: Details): AppError {
  if (typeof b === 'string' && isReason(a)) return new AppError(HttpStatus.CONFLICT, 'CONFLICT', b, undefined, details ?? params, a as ReasonCode, params);
  return new AppError(HttpStatus.CONFLICT, 'CONFLICT', a, undefined, b as Details | undefined);
}

export function illegalState(reason: ReasonCode, message: string, params?: MessageParams, details?: Details): AppError;
/** @deprecated give a reason: illegalState('SOME_REASON', message, params) */
export function illegalState(message: string, details?: Details): AppError;
export function illegalState(a: string, b?: string | Details, params?: MessageParams, details?: Details): AppError {
  if (typeof b === 'string' && isReason(a)) return new AppError(HttpStatus.CONFLICT, 'ILLEGAL_STATE', b, undefined, details ?? params, a as ReasonCode, params);
  return new AppError(HttpStatus.CONFLICT, 'ILLEGAL_STATE', a, undefined, b as Details | undefined);
}

export function forbidden(reason: ReasonCode, message: string, params?: MessageParams): AppError;
/** @deprecated give a reason: forbidden('SOME_REASON', message) */
export function forbidden(message?: string): AppError;
export function forbidden(a = 'You may not do this', message?: string, params?: MessageParams): AppError {
  if (message !== undefined && isReason(a)) return new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', message, undefined, undefined, a as ReasonCode, params);
  return new AppError(HttpStatus.FORBIDDEN, 'FORBIDDEN', a);
}

/** 400 VALIDATION_FAILED for one field: `code` names the rule (German text in src/i18n/messages.ts), `params` its values. */
export const invalidField = (field: string, code: FieldCode, message: string, params?: MessageParams) =>
  new AppError(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', message, [{ field, messages: [message], code, ...(params ? { params } : {}) }], undefined, 'VALIDATION_FAILED');

export function badRequest(reason: ReasonCode, message: string, params?: MessageParams, details?: Details): AppError;
/** @deprecated use invalidField(field, code, message) or badRequest(reason, message) */
export function badRequest(message: string, field?: string): AppError;
export function badRequest(a: string, b?: string, params?: MessageParams, details?: Details): AppError {
  if (b !== undefined && isReason(a)) return new AppError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', b, undefined, details ?? params, a as ReasonCode, params);
  return b ? invalidField(b, 'invalid', a) : new AppError(HttpStatus.BAD_REQUEST, 'BAD_REQUEST', a);
}

/** 503: a resource is busy or gone for a moment; the filter sends `Retry-After: retryAfterSeconds`. */
export class UnavailableError extends AppError {
  constructor(code: ErrorCode, message: string, readonly retryAfterSeconds: number, details?: Record<string, unknown>) {
    super(HttpStatus.SERVICE_UNAVAILABLE, code, message, undefined, details);
  }
}

export { ErrorBodyDto, FieldErrorDto } from './errors.dto';
