import { IMPORT_PROBLEM_CODES, importProblemText } from './import-problems';

describe('importProblemText', () => {
  it('has a German text for every code, with every placeholder filled', () => {
    const params = { value: '1.23.45', max: 64, formula: '=A1*2', schoolNumber: '999999', inventoryNumber: 'A-1', serialNumber: 'S-1', manufacturer: 'Dell', firstRow: 2 };
    for (const code of IMPORT_PROBLEM_CODES) {
      const text = importProblemText(code, params);
      expect(text).toMatch(/^[A-ZÄÖÜ„]/);
      expect(text).not.toMatch(/undefined|null|\$\{/);
    }
  });

  it('renders the values a person needs', () => {
    expect(importProblemText('AMOUNT_INVALID', { value: '449,00 x' })).toBe('„449,00 x“ ist kein Betrag in Euro (z. B. 1.234,56).');
    expect(importProblemText('TOO_LONG', { max: 64 })).toBe('Der Text ist länger als 64 Zeichen.');
    expect(importProblemText('NEWER_CODE', {})).toBe('Dieser Wert kann nicht übernommen werden.');
  });
});
