import { cellText, mapHeadings, normalizeHeading, parseDate, parseDeviceType, parseEuroCents } from './import-values';

describe('parseEuroCents', () => {
  it.each([
    ['1.234,56', 123456],
    ['1234,56', 123456],
    ['1.234', 123400],
    ['1.234.567,89', 123456789],
    ['599,-', 59900],
    ['599', 59900],
    ['0,99', 99],
    ['1,5', 150],
    ['12.50', 1250],
    ['1,234.56', 123456],
    ['€ 499,00', 49900],
    ['499,00 EUR', 49900],
    ['1\u00a0234,56 €', 123456],
    [749, 74900],
    [749.9, 74990],
    [0.1 + 0.2, 30],
  ])('reads %p as %p cents', (raw, cents) => {
    expect(parseEuroCents(raw)).toEqual({ value: cents });
  });

  it.each(['1.23.45', '12,3,4', '1.234,567', '12,345', 'abc', '12,', '1..2', '1,2.3,4', '', 'zwölf Euro', '3e5'])('refuses %p', (raw) => {
    expect(parseEuroCents(raw)).toEqual({ error: expect.any(String), code: expect.stringMatching(/^AMOUNT_(INVALID|DECIMALS)$/), params: { value: raw } });
  });

  it('refuses negative, too precise and too large amounts with a reason', () => {
    expect(parseEuroCents('-5,00')).toEqual({ error: expect.stringContaining('negative'), code: 'AMOUNT_NEGATIVE', params: { value: '-5,00' } });
    expect(parseEuroCents(12.345)).toEqual({ error: expect.stringContaining('two decimal places'), code: 'AMOUNT_DECIMALS', params: { value: '12.345' } });
    expect(parseEuroCents('1,999')).toEqual({ error: expect.stringContaining('two decimal places'), code: 'AMOUNT_DECIMALS', params: { value: '1,999' } });
    expect(parseEuroCents('99.999.999,00')).toEqual({ error: expect.stringContaining('too large'), code: 'AMOUNT_TOO_LARGE', params: { value: '99.999.999,00' } });
  });
});

describe('parseDate', () => {
  it.each([
    ['31.12.2024', '2024-12-31'],
    ['1.2.2024', '2024-02-01'],
    ['01.02.24', '2024-02-01'],
    ['2024-12-31', '2024-12-31'],
    [' 29.02.2024 ', '2024-02-29'],
  ])('reads %p as %p', (raw, iso) => {
    expect(parseDate(raw)).toEqual({ value: iso });
  });

  it('reads Excel date cells (UTC midnight) without shifting the day', () => {
    expect(parseDate(new Date(Date.UTC(2024, 11, 31)))).toEqual({ value: '2024-12-31' });
  });

  it.each(['31.02.2024', '12/31/2024', '2024-13-01', '31.12.', 'gestern', '45657', '1.1.1900'])('refuses %p', (raw) => {
    expect(parseDate(raw)).toEqual({ error: expect.any(String), code: expect.stringMatching(/^DATE_/), params: { value: raw } });
  });
});

describe('headings', () => {
  it('normalises umlauts, case, punctuation and currency notes', () => {
    expect(normalizeHeading('Gerätetyp')).toBe('geraetetyp');
    expect(normalizeHeading('Preis (EUR)')).toBe('preis');
    expect(normalizeHeading('Garantie bis')).toBe('garantiebis');
    expect(normalizeHeading('S/N')).toBe('sn');
  });

  it('maps German and English headings, and names what it ignores or sees twice', () => {
    const map = mapHeadings(['Inventar-Nr.', 'Serial Number', 'Gerätetyp', 'Manufacturer', 'Modell', 'Kaufpreis (brutto)', 'Inbetriebnahme', 'Warranty end', 'Raum', 'Farbe', 'Seriennummer', '']);
    expect([...map.columns.entries()]).toEqual([
      [0, 'inventoryNumber'],
      [1, 'serialNumber'],
      [2, 'type'],
      [3, 'manufacturer'],
      [4, 'model'],
      [5, 'purchasePrice'],
      [6, 'commissionedOn'],
      [7, 'warrantyUntil'],
      [8, 'location'],
    ]);
    expect(map.ignored).toEqual(['Farbe']);
    expect(map.duplicates).toEqual(['serialNumber']);
  });
});

describe('parseDeviceType and cellText', () => {
  it.each([
    ['Notebook', 'laptop'],
    ['iPad', 'tablet'],
    ['Desktop-PC', 'desktop'],
    ['Interaktives Display', 'interactive_display'],
    ['Beamer', 'projector'],
    ['Dokumentenkamera', 'document_camera'],
    ['WLAN-AP', 'access_point'],
    ['Drucker', 'printer'],
    ['Sonstiges', 'other'],
  ])('reads %p as %p', (raw, type) => {
    expect(parseDeviceType(raw)).toEqual({ value: type });
  });

  it('refuses unknown types', () => {
    expect(parseDeviceType('Smartphone')).toEqual({ error: expect.stringContaining('unknown device type'), code: 'TYPE_UNKNOWN', params: { value: 'Smartphone' } });
  });

  it('turns cells into trimmed text', () => {
    expect(cellText('  A-1\u00a0')).toBe('A-1');
    expect(cellText(12345)).toBe('12345');
    expect(cellText('')).toBeUndefined();
    expect(cellText(null)).toBeUndefined();
  });
});
