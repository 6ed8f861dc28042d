import { describe, expect, it } from 'vitest';
import { ApiError, explainError, unwrap } from './errors';

// A file of its own: the error texts are not loaded yet when it starts (each test file gets fresh modules).
describe('unwrap', () => {
  it('fetches the error texts with the first error answer: its reason and field errors read in German at once', async () => {
    const body = {
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      message: 'dueOn must not be in the past',
      fieldErrors: [{ field: 'dueOn', messages: ['dueOn must not be in the past'], code: 'notBefore', params: { date: '2026-12-07' } }],
    };
    const error = await unwrap(Promise.resolve({ error: body, response: new Response(null, { status: 400 }) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldError('dueOn')).toBe('Das Datum darf nicht vor dem 07.12.2026 liegen.');

    const stale = { statusCode: 409, error: 'ILLEGAL_STATE', reason: 'LOAN_ALREADY_RETURNED', message: 'returned', params: { returnedOn: '2026-11-03' } };
    const returned = await unwrap(Promise.resolve({ error: stale, response: new Response(null, { status: 409 }) })).catch((e: unknown) => e);
    expect(explainError(returned).title).toBe('Diese Ausleihe wurde bereits am 03.11.2026 zurückgegeben.');
  });
});
