import { beforeAll, describe, expect, it } from 'vitest';
import { loadErrorTexts } from '../api/errors';
import { itemErrorText } from './scan-queue';

const refused = (inventoryNumber: string, error: Record<string, unknown>) =>
  ({ index: 0, inventoryNumber, ok: false, loanId: null, deviceStatus: null, error: { message: 'English for programmers', ...error } }) as Parameters<typeof itemErrorText>[0];

describe('itemErrorText: a refused scan of a class set or a return run, in German', () => {
  beforeAll(loadErrorTexts);

  it('says an unknown number as the single scan does', () => {
    expect(itemErrorText(refused('XX-NICHTDA', { statusCode: 404, error: 'NOT_FOUND' }))).toBe('Kein Gerät mit der Nummer „XX-NICHTDA“ gefunden.');
  });

  it("gives the reason's German text, never the API's English", () => {
    expect(itemErrorText(refused('MS-1', { statusCode: 409, error: 'CONFLICT', reason: 'DEVICE_ON_LOAN' }))).toBe('Das Gerät ist bereits verliehen.');
    expect(itemErrorText(refused('MS-2', { statusCode: 409, error: 'ILLEGAL_STATE', reason: 'DEVICE_NOT_ON_LOAN', params: { deviceStatus: 'available' } }))).toBe('Das Gerät ist nicht verliehen (Status: verfügbar).');
  });

  it('names the wrong field by its label', () => {
    const text = itemErrorText(refused('MS-3', { statusCode: 400, error: 'VALIDATION_FAILED', fieldErrors: [{ field: 'borrowerName', messages: ['too long'], code: 'maxLength', params: { max: 200 } }] }));
    expect(text).toBe('Name: Höchstens 200 Zeichen.');
  });
});
