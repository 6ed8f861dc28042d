import { HttpStatus } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { ConstraintMessage, CONSTRAINT_MESSAGES } from './constraint-messages';
import type { ErrorBody, ErrorCode, FieldCode, FieldError, ReasonCode } from './errors';

/** Seconds a client is asked to wait (`Retry-After`) when the database is unreachable or overloaded. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** What node-postgres puts on a server error (and what QueryFailedError keeps as `driverError`). */
interface PgErrorFields {
  code?: string;
  constraint?: string;
  table?: string;
  column?: string;
  message?: string;
  /** Only matched against (never logged or sent): it carries the values of the request. */
  detail?: string;
}

/** The answer for a database error: the body, and the `Retry-After` seconds for a 503. */
export interface DatabaseErrorAnswer {
  body: ErrorBody;
  retryAfterSeconds?: number;
}

/**
 * Node-level errors that mean "no database now": refused or dropped connections, the pool's connect/acquire
 * timeout, the client-side query timeout (a frozen server). They carry no SQLSTATE, so they are recognised by
 * their socket code or message.
 */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /^Client has encountered a connection error/,
  /^Connection ended unexpectedly/,
  /connection.*(closed|terminated)/i,
];

// Duck-typed, not `instanceof Error`: errors made by Node's own sockets come from another realm under Jest.
const isErrorLike = (error: unknown): error is PgErrorFields & { name?: string } => typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string';

function driverFields(error: unknown): PgErrorFields | undefined {
  if (error instanceof QueryFailedError) return (error as QueryFailedError & { driverError?: PgErrorFields }).driverError ?? {};
  // pg's DatabaseError outside TypeORM (the export's own connection, pool connects): it has a SQLSTATE and a severity.
  if (isErrorLike(error) && typeof error.code === 'string' && 'severity' in error) return error;
  return undefined;
}

/** True when the error says the database cannot be reached or does not answer in time (not a bad request). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const fields = driverFields(error) ?? (isErrorLike(error) ? error : undefined);
  if (!fields) return false;
  const code = fields.code ?? '';
  // 08: connection exception; 57P01-03: admin/crash shutdown, cannot connect now; 53300: too many connections;
  // 57014: query_canceled (the statement timeout).
  if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300', '57014', '53000', '58000', '58030'].includes(code)) return true;
  if (UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  const message = fields.message ?? '';
  return !fields.code && UNAVAILABLE_MESSAGES.some((re) => re.test(message));
}

/**
 * The one mapping from database errors a user (or an outage) can cause to HTTP answers: used by the exception
 * filter and by bulk items, so an item fails exactly as the single route would. Undefined for errors that are not
 * the database's, and for database errors that are our bugs (those stay 500).
 */
export function databaseErrorAnswer(error: unknown): DatabaseErrorAnswer | undefined {
  if (isDatabaseUnavailable(error)) {
    return {
      retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
      body: { statusCode: HttpStatus.SERVICE_UNAVAILABLE, error: 'DATABASE_UNAVAILABLE', reason: 'DATABASE_UNAVAILABLE', message: 'The database is not available at the moment; please retry shortly' },
    };
  }
  const fields = driverFields(error);
  if (!fields) return undefined;
  const code = fields.code ?? '';
  const constraint = fields.constraint ?? '';
  const entry = CONSTRAINT_MESSAGES[constraint];
  // A delete (or key change) of a row that a foreign key still points at: the other side of the constraint.
  const referenced = code === '23001' || (code === '23503' && /still referenced/.test(fields.detail ?? ''));
  const known: ConstraintMessage | undefined = referenced ? entry?.referenced : entry?.message ? (entry as ConstraintMessage) : undefined;
  const answer = (statusCode: number, error: ErrorCode, fallback: { reason: ReasonCode; message: string; code: FieldCode }): DatabaseErrorAnswer => {
    const fieldErrors: FieldError[] | undefined = known?.field ? [{ field: known.field, messages: [known.message], code: known.code ?? fallback.code }] : undefined;
    return {
      body: {
        statusCode,
        error,
        message: known?.message ?? fallback.message,
        reason: known?.reason ?? (fieldErrors && error === 'VALIDATION_FAILED' ? 'VALIDATION_FAILED' : fallback.reason),
        ...(fieldErrors ? { fieldErrors } : {}),
        details: { constraint },
      },
    };
  };
  switch (code) {
    case '23505': // unique_violation
    case '23P01': // exclusion_violation
      return answer(HttpStatus.CONFLICT, 'CONFLICT', { reason: 'RECORD_EXISTS', message: 'This record conflicts with an existing one', code: 'taken' });
    case '23503': // foreign_key_violation
    case '23001': // restrict_violation (ON DELETE RESTRICT: the record is still in use)
    case '23000': // integrity_constraint_violation
      return answer(HttpStatus.CONFLICT, 'CONFLICT', {
        reason: 'RECORD_IN_USE',
        message: 'This record is referenced by, or refers to, a record that does not exist or cannot be removed',
        code: 'unknownRecord',
      });
    case '23514': // check_violation
    case '23502': // not_null_violation
      return answer(HttpStatus.BAD_REQUEST, 'VALIDATION_FAILED', { reason: 'RULE_VIOLATED', message: `A value breaks the rule ${constraint || fields.column || code}`, code: 'invalid' });
    case '40001': // serialization_failure
    case '40P01': // deadlock_detected
    case '55P03': // lock_not_available
      return { body: { statusCode: HttpStatus.CONFLICT, error: 'CONFLICT', reason: 'CONCURRENT_CHANGE', message: 'A concurrent change got in the way; please retry' } };
    case '54000': // program_limit_exceeded: e.g. a value too long for an index
      return { body: { statusCode: HttpStatus.BAD_REQUEST, error: 'BAD_REQUEST', reason: 'VALUE_TOO_LONG', message: 'A value is too long' } };
  }
  // Class 22, data exceptions: a value of the wrong format or out of range (bad dates, numbers, encodings).
  if (code.startsWith('22')) return { body: { statusCode: HttpStatus.BAD_REQUEST, error: 'BAD_REQUEST', reason: 'VALUE_MALFORMED', message: 'A value has the wrong format or is out of range' } };
  return undefined;
}

/**
 * What may be logged about a database error: its SQLSTATE, constraint, table and column. Never the query, its
 * parameters, the message or the detail: those carry the values of the request (borrower names, emails, hashes).
 */
export function loggableDatabaseError(error: unknown): Record<string, string> | undefined {
  const fields = driverFields(error);
  const unavailable = isDatabaseUnavailable(error);
  if (!fields && !unavailable) return undefined;
  const source = fields ?? (error as PgErrorFields);
  const out: Record<string, string> = { type: isErrorLike(error) ? (error.constructor?.name ?? 'Error') : 'unknown' };
  for (const key of ['code', 'constraint', 'table', 'column'] as const) if (typeof source[key] === 'string') out[key] = source[key];
  // Connection errors carry no values of the request; their message says what happened.
  if (unavailable && !fields?.code && isErrorLike(error)) out.message = error.message ?? '';
  return out;
}
