import { t } from '../i18n';

export interface FieldErrorBody {
  field: string;
  messages: string[];
  code?: string;
  params?: Record<string, unknown>;
}

/** The API's one error shape (src/common/errors.ts). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  reason?: string;
  params?: Record<string, unknown>;
  fieldErrors?: FieldErrorBody[];
  requestId?: string;
  details?: Record<string, unknown>;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
  ) {
    super(body.message);
  }

  get code(): string {
    return this.body.error;
  }

  /** The message for one field (German once the server's codes have texts), or undefined. */
  fieldError(field: string): string | undefined {
    const e = this.body.fieldErrors?.find((f) => f.field === field || f.field.endsWith(`.${field}`));
    return e ? e.messages.join(' ') : undefined;
  }
}

/** Throws ApiError for an error answer, returns the data otherwise: the one way screens read openapi-fetch results. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch {
    throw new ApiError(0, { statusCode: 0, error: 'NETWORK', message: t.errors.network });
  }
  const { data, error, response } = result;
  if (!response.ok) {
    const body = error && typeof error === 'object' ? (error as ErrorBody) : { statusCode: response.status, error: 'HTTP', message: response.statusText };
    throw new ApiError(response.status, body);
  }
  return data as T;
}

export interface Explained {
  /** What happened, in German. */
  title: string;
  /** The server's own words (until every code has a German text). */
  detail?: string;
  /** Whether reloading is the way out (stale version). */
  reload?: boolean;
}

/** What an error means for the person at the screen, and what to do. */
export function explainError(error: unknown): Explained {
  if (!(error instanceof ApiError)) return { title: t.errors.unexpected };
  switch (error.code) {
    case 'NETWORK':
      return { title: t.errors.network };
    case 'STALE_VERSION':
      return { title: t.errors.staleVersion, reload: true };
    case 'ILLEGAL_STATE':
      return { title: t.errors.illegalState, detail: error.body.message };
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
      return { title: error.body.fieldErrors?.length ? t.errors.invalid : error.body.message };
    case 'FORBIDDEN':
      return { title: t.errors.forbidden, detail: error.body.message };
    case 'NOT_FOUND':
      return { title: t.errors.notFound };
    case 'CONFLICT':
      return { title: t.errors.conflict, detail: error.body.message };
    case 'TOO_MANY_REQUESTS':
      return { title: t.errors.tooMany };
    default:
      return { title: error.body.message || t.errors.unexpected };
  }
}
