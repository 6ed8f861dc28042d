import { describe, expect, it } from 'vitest';
import { emptyValues, validateNeed, valuesOf, type Need } from './needs-form';

describe('validateNeed', () => {
  it('turns euros as typed into cents and trims the texts', () => {
    const result = validateNeed({ ...emptyValues(), title: ' 30 Tablets ', quantity: '30', cost: '14.400,50 €', justification: 'Jahrgang 5 braucht Geräte.' });
    expect(result).toEqual({ body: { category: 'student_devices', title: '30 Tablets', quantity: 30, estimatedCostCents: 1_440_050, justification: 'Jahrgang 5 braucht Geräte.', priority: 'medium' } });
  });

  it('names every field the API would refuse, with the API field names', () => {
    const result = validateNeed({ ...emptyValues(), title: 'ab', quantity: '1,5', cost: 'viel', justification: 'kurz' });
    expect(Object.keys('errors' in result ? result.errors : {}).sort()).toEqual(['estimatedCostCents', 'justification', 'quantity', 'title']);
  });

  it('says what is wrong: too long is not "too short", an empty quantity is named', () => {
    const result = validateNeed({ ...emptyValues(), title: `Tablets ${'ß'.repeat(300)}`, quantity: '', cost: '-5', justification: 'Raum 12 hat keinen.' });
    expect('errors' in result && result.errors).toEqual({
      title: 'Höchstens 200 Zeichen.',
      quantity: 'Bitte eine ganze Zahl von 1 bis 1.000.000 eingeben.',
      estimatedCostCents: 'Ein Betrag kann nicht negativ sein.',
    });
  });

  it('refuses a quantity of 0', () => {
    const result = validateNeed({ ...emptyValues(), title: 'Beamer', quantity: '0', cost: '1', justification: 'Raum 12 hat keinen.' });
    expect('errors' in result && result.errors.quantity).toBeTruthy();
  });

  it('shows a stored amount as a German types it, and reads it back to the same cents', () => {
    const need = { category: 'wlan', title: 'WLAN', quantity: 1, estimatedCostCents: 123_456_78, priority: 'high', justification: 'Altbau ohne WLAN.' } as Need;
    const values = valuesOf(need);
    expect(values.cost).toBe('123.456,78');
    expect(validateNeed(values)).toMatchObject({ body: { estimatedCostCents: 123_456_78 } });
  });
});
