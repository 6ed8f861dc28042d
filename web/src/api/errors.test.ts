import { beforeAll, describe, expect, it } from 'vitest';
import { ApiError, explainError, loadErrorTexts } from './errors';

const apiError = (body: Partial<ApiError['body']> & { statusCode: number; error: string }) => new ApiError(body.statusCode, { message: 'English for programmers', ...body });

describe('explainError', () => {
  // unwrap loads the error texts with the first error answer; these errors are made by hand.
  beforeAll(loadErrorTexts);

  it('renders the reason in German with its params (dates dd.mm.yyyy, euros)', () => {
    const returned = apiError({ statusCode: 409, error: 'ILLEGAL_STATE', reason: 'LOAN_ALREADY_RETURNED', params: { returnedOn: '2026-11-03' } });
    expect(explainError(returned)).toEqual({ title: 'Diese Ausleihe wurde bereits am 03.11.2026 zurückgegeben.' });

    const earmarked = apiError({
      statusCode: 409,
      error: 'ILLEGAL_STATE',
      reason: 'EARMARKING_BREACH_NEEDS_CONFIRMATION',
      params: { grantTitle: 'DigitalPakt Basis', earmarkingEnd: '2027-01-15', amountAtRiskCents: 123456, requestedStatus: 'lost' },
    });
    expect(explainError(earmarked).title).toBe(
      'Das Gerät wurde aus dem Förderprogramm „DigitalPakt Basis“ bezahlt und ist bis zum 15.01.2027 zweckgebunden; ' +
        'betroffener Förderbetrag: 1.234,56\u00a0€. Bitte bestätigen Sie ausdrücklich, dass es trotzdem als „verloren“ gebucht werden soll.',
    );
  });

  it('labels codes in the text and asks a stale edit to reload', () => {
    const onLoan = apiError({ statusCode: 409, error: 'ILLEGAL_STATE', reason: 'DEVICE_NOT_LENDABLE', params: { deviceStatus: 'in_repair' } });
    expect(explainError(onLoan).title).toBe('Ein Gerät mit dem Status „in Reparatur“ kann nicht verliehen werden; nur verfügbare Geräte.');
    const stale = apiError({ statusCode: 409, error: 'STALE_VERSION', reason: 'STALE_VERSION', params: { entity: 'device', currentVersion: 4 } });
    expect(explainError(stale)).toEqual({
      title: 'Das Gerät wurde inzwischen von jemand anderem geändert. Bitte laden Sie neu und geben Sie Ihre Änderung noch einmal ein.',
      reload: true,
    });
  });

  it('never shows the English message: unknown reasons get the German text of their coarse code', () => {
    const unknown = apiError({ statusCode: 409, error: 'CONFLICT', reason: 'SOMETHING_NEWER' });
    expect(explainError(unknown).title).toBe('Das widerspricht einem vorhandenen Eintrag.');
    const noReason = apiError({ statusCode: 500, error: 'INTERNAL_ERROR' });
    expect(explainError(noReason).title).toBe('Ein unerwarteter Fehler ist aufgetreten. Bitte laden Sie die Seite neu.');
    const strange = apiError({ statusCode: 418, error: 'TEAPOT', message: 'I am a teapot' });
    expect(JSON.stringify(explainError(strange))).not.toContain('teapot');
  });

  it('renders field errors in German from their code and params', () => {
    const invalid = apiError({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      reason: 'VALIDATION_FAILED',
      fieldErrors: [
        { field: 'model', messages: ['model must be shorter than or equal to 200 characters'], code: 'maxLength', params: { max: 200 } },
        { field: 'inventoryNumber', messages: ['inventoryNumber must be a string'], code: 'isNotEmpty' },
        { field: 'dueOn', messages: ['dueOn must not be before startedOn'], code: 'notBefore', params: { date: '2026-08-01' } },
        { field: 'items.2.note', messages: ['something new'], code: 'someNewerCode' },
      ],
    });
    expect(explainError(invalid).title).toBe('Bitte prüfen Sie die markierten Felder.');
    expect(invalid.fieldError('model')).toBe('Höchstens 200 Zeichen.');
    expect(invalid.fieldError('inventoryNumber')).toBe('Bitte ausfüllen.');
    expect(invalid.fieldError('dueOn')).toBe('Das Datum darf nicht vor dem 01.08.2026 liegen.');
    expect(invalid.fieldError('note')).toBe('Der Wert ist ungültig.');
    expect(invalid.fieldError('serialNumber')).toBeUndefined();
  });

  it('says the limits of an amount in euros and a decimal limit with its decimals', () => {
    const invalid = apiError({
      statusCode: 400,
      error: 'VALIDATION_FAILED',
      fieldErrors: [
        { field: 'purchasePriceCents', messages: ['too big'], code: 'max', params: { max: 2_147_483_647 } },
        { field: 'teachersPerDeviceTarget', messages: ['too small'], code: 'min', params: { min: 0.1 } },
        { field: 'retentionDays', messages: ['too big'], code: 'max', params: { max: 3650 } },
      ],
    });
    expect(invalid.fieldError('purchasePriceCents')).toBe('Höchstens 21.474.836,47\u00a0€.');
    expect(invalid.fieldError('teachersPerDeviceTarget')).toBe('Der Wert muss mindestens 0,1 sein.');
    expect(invalid.fieldError('retentionDays')).toBe('Der Wert darf höchstens 3.650 sein.');
  });
});
