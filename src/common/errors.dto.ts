import type { ErrorCode } from './errors';

/** OpenAPI description of ErrorBody (src/common/errors.ts); a .dto.ts file, so that the swagger plugin reads its comments. */
export class FieldErrorDto {
  /** The request field, dotted for nested ones (e.g. `items.3.inventoryNumber`). */
  field: string;
  /** English, for programmers. A person reads the German text of `code`. */
  messages: string[];
  /**
   * The rule the value breaks, stable: class-validator's constraint names (isNotEmpty for a missing or empty value,
   * maxLength, minLength, isIn, isInt, min, max, isDateOnly, isUuid, whitelistValidation for an unknown field …) and our
   * own (notInFuture, notBefore, taken, unknownRecord …). German texts: src/i18n/messages.ts. @example maxLength
   */
  code?: string;
  /** The values the text of `code` needs, e.g. `{ "max": 200 }` for maxLength, `{ "date": "2026-08-01" }` for notBefore. */
  params?: Record<string, unknown>;
}

export class ErrorBodyDto {
  /** @example 404 */
  statusCode: number;
  /** A code to switch on: VALIDATION_FAILED, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, STALE_VERSION, ILLEGAL_STATE, PAYLOAD_TOO_LARGE, UNSUPPORTED_MEDIA_TYPE, TOO_MANY_REQUESTS, DATABASE_UNAVAILABLE (503, see Retry-After), EXPORTS_BUSY (503, see Retry-After), IDEMPOTENCY_KEY_REUSED, INTERNAL_ERROR. @example NOT_FOUND */
  error: ErrorCode;
  /** English, for programmers. A person reads the German text of `reason` (src/i18n/messages.ts). @example Device not found */
  message: string;
  /**
   * The specific, stable reason: e.g. DEVICE_NOT_FOUND, DEVICE_ON_LOAN, LOAN_ALREADY_RETURNED, STALE_VERSION,
   * EARMARKING_BREACH_NEEDS_CONFIRMATION, SCHOOL_HAS_DEVICES, GRANT_ALLOCATION_EXCEEDS_BUDGET; the coarse `error`
   * where there is nothing more specific. Its German text, filled from `params`: src/i18n/messages.ts. @example DEVICE_NOT_FOUND
   */
  reason?: string;
  /** The values the text of `reason` needs (amounts in cents, dates as YYYY-MM-DD, codes of the label tables). */
  params?: Record<string, unknown>;
  /** Present for validation errors: which fields are wrong and why. */
  fieldErrors?: FieldErrorDto[];
  /** The X-Request-Id of the request, for support. */
  requestId?: string;
  /** Extra facts a client can use, e.g. `currentVersion` on STALE_VERSION, `currentStatus` on ILLEGAL_STATE. */
  details?: Record<string, unknown>;
}
