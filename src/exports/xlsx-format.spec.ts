import { todayInBerlin } from '../common/dates';
import { asciiFileNamePart, contentDisposition, exportFileName } from './xlsx-download';
import { columnLetter, euros, excelDate, sumFormula } from './xlsx-format';

describe('xlsx formats', () => {
  it('numbers columns like Excel', () => {
    expect([1, 8, 26, 27, 52, 53, 702, 703].map(columnLetter)).toEqual(['A', 'H', 'Z', 'AA', 'AZ', 'BA', 'ZZ', 'AAA']);
  });

  it('turns cents into euros exactly and keeps unknown amounts empty', () => {
    expect(euros(123456)).toBe(1234.56);
    expect(euros(1)).toBe(0.01);
    expect(euros(0)).toBe(0);
    expect(euros(null)).toBeNull();
  });

  it('makes calendar dates midnight UTC, whatever the time zone', () => {
    expect(excelDate('2024-02-29')).toEqual(new Date('2024-02-29T00:00:00Z'));
    expect(excelDate(null)).toBeNull();
  });

  it('writes totals as formulas with the exact cent sum as their value', () => {
    expect(sumFormula(8, 2, 50001, 12345.67)).toEqual({ formula: 'SUM(H2:H50001)', result: 12345.67 });
    expect(sumFormula(3, 2, 10, 0.05, "Beleg'liste")).toEqual({ formula: "SUM('Beleg''liste'!C2:C10)", result: 0.05 });
    expect(sumFormula(3, 2, 1, 0)).toEqual({ formula: '0', result: 0 });
  });
});

describe('download names', () => {
  it('builds authority_subject_date names without characters file systems refuse', () => {
    expect(exportFileName(['Musterstadt', 'Inventar'], '2026-11-21')).toBe('Musterstadt_Inventar_2026-11-21.xlsx');
    expect(exportFileName(['Kreis Höxter / Nord', 'Verwendungsnachweis', 'AZ 12:3'], '2026-01-02')).toBe('Kreis_Höxter_Nord_Verwendungsnachweis_AZ_12_3_2026-01-02.xlsx');
  });

  it('spells umlauts out for the ASCII name and keeps them in filename*', () => {
    expect(asciiFileNamePart('Gießen-Süd Ärzte')).toBe('Giessen-Sued_Aerzte');
    expect(contentDisposition('Stadt_Münster_Inventar_2026-11-21.xlsx')).toBe(
      `attachment; filename="Stadt_Muenster_Inventar_2026-11-21.xlsx"; filename*=UTF-8''Stadt_M%C3%BCnster_Inventar_2026-11-21.xlsx`,
    );
    expect(contentDisposition('"quoted"_x.xlsx')).toMatch(/^attachment; filename="quoted_x\.xlsx"; filename\*=UTF-8''%22quoted%22_x\.xlsx$/);
  });

  it("dates files by Germany's calendar", () => {
    expect(todayInBerlin(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(todayInBerlin(new Date('2026-07-01T21:59:00Z'))).toBe('2026-07-01');
  });
});
