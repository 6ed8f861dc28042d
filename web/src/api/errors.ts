import type { MessageParams } from '../../../src/i18n/messages';
import { language, t } from '../i18n';

type Messages = typeof import('../../../src/i18n/messages');
let messages: Messages | undefined;

/**
 * The German texts of the API's errors (src/i18n/messages.ts) are a chunk of their own, fetched with the first error
 * answer (unwrap waits for it), not with the first page. Until then (or if it cannot be fetched) an error gets the
 * German text of its coarse code.
 */
export async function loadErrorTexts(): Promise<void> {
  messages ??= await import('../../../src/i18n/messages').catch(() => undefined);
}

const reasonText = (reason: string, params?: MessageParams) => messages?.reasonText(reason, params);

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

  /** The message for one field, in German from its code and params (src/i18n/messages.ts), or undefined. */
  fieldError(field: string): string | undefined {
    const e = this.body.fieldErrors?.find((f) => f.field === field || f.field.endsWith(`.${field}`));
    if (!e) return undefined;
    if (language === 'en') return e.messages.join(' ');
    // A limit of an amount field is in cents: said in euros ("Höchstens 21.474.836,47 €", not "höchstens 2.147.483.647").
    const code = e.field.endsWith('Cents') && (e.code === 'max' || e.code === 'min') ? `${e.code}Euro` : e.code;
    return (code && messages?.fieldText(code, e.params as MessageParams | undefined)) || messages?.fieldText('invalid') || t.errors.invalidField;
  }

  /** The German text of the error's specific reason; undefined for a coarse or unknown one (or in English, the server's message). */
  get reasonText(): string | undefined {
    const { reason, error, params, message } = this.body;
    if (language === 'en') return message || undefined;
    if (!reason || reason === error) return undefined;
    return reasonText(reason, params as MessageParams | undefined);
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
    await loadErrorTexts();
    const body = error && typeof error === 'object' ? (error as ErrorBody) : { statusCode: response.status, error: 'HTTP', message: response.statusText };
    throw new ApiError(response.status, body);
  }
  return data as T;
}

export interface Explained {
  /** What happened and what to do, in German: the text of the error's reason, or of its coarse code. */
  title: string;
  /** More about it, where the title is the coarse one (English mode: the server's own words). */
  detail?: string;
  /** Whether reloading is the way out (stale version). */
  reload?: boolean;
}

/** What an error means for the person at the screen, and what to do. Never English in German mode: unknown codes get a generic text. */
export function explainError(error: unknown): Explained {
  if (!(error instanceof ApiError)) return { title: t.errors.unexpected };
  const specific = error.reasonText;
  const english = language === 'en';
  const say = (coarse: string, extra: Partial<Explained> = {}): Explained =>
    english ? { title: coarse, ...(specific ? { detail: specific } : {}), ...extra } : { title: specific ?? coarse, ...extra };
  switch (error.code) {
    case 'NETWORK':
      return { title: t.errors.network };
    case 'STALE_VERSION':
      return { title: english ? t.errors.staleVersion : (reasonText('STALE_VERSION', error.body.params as MessageParams | undefined) ?? t.errors.staleVersion), reload: true };
    case 'ILLEGAL_STATE':
      return say(t.errors.illegalState);
    case 'VALIDATION_FAILED':
    case 'BAD_REQUEST':
      return error.body.fieldErrors?.length ? { title: t.errors.invalid } : say(t.errors.invalid);
    case 'FORBIDDEN':
      return say(t.errors.forbidden);
    case 'NOT_FOUND':
      return say(t.errors.notFound);
    case 'CONFLICT':
      return say(t.errors.conflict);
    case 'TOO_MANY_REQUESTS':
      return { title: t.errors.tooMany };
    default:
      return say((!english && error.body.reason && reasonText(error.body.reason, error.body.params as MessageParams | undefined)) || t.errors.unexpected);
  }
}
