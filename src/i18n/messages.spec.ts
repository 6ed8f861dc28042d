import { ENTITIES, FIELD_CODES, fieldTemplate, fieldText, fill, isKnownFormat, missingParams, placeholdersOf, REASON_CODES, reasonTemplate, reasonText } from './messages';
import { labels } from './labels';

/** A plausible value for a placeholder of the given format. */
function sample(format: string | undefined): string | number | string[] {
  if (format === 'date') return '2026-12-31';
  if (format === 'euro') return 123456;
  if (format === 'int') return 1234;
  if (format === 'entity') return 'device';
  if (format === 'budgetLimit') return 'both';
  if (format && format in labels) return Object.keys(labels[format as keyof typeof labels]).slice(0, 2);
  return 'Wert';
}

const samplesFor = (template: string) => Object.fromEntries(placeholdersOf(template).map(([name, format]) => [name, sample(format)]));
const ENGLISH = /\b(the|must|should|not found|cannot|already|please|only)\b/i;

describe('messages', () => {
  const templates = [...REASON_CODES.map((c) => [`reason ${c}`, reasonTemplate(c)] as const), ...FIELD_CODES.map((c) => [`field ${c}`, fieldTemplate(c)] as const)];

  it('has a German text for every reason and every field code, with placeholders of known formats', () => {
    expect(REASON_CODES.length).toBeGreaterThan(80);
    for (const [what, template] of templates) {
      expect([what, typeof template]).toEqual([what, 'string']);
      expect([what, ENGLISH.test(template!.replace(/\{[^}]*\}/g, ''))]).toEqual([what, false]);
      for (const [, format] of placeholdersOf(template!)) expect([what, format === undefined || isKnownFormat(format)]).toEqual([what, true]);
    }
  });

  it('fills every placeholder from params: no braces, no "undefined", no raw codes of the label tables', () => {
    for (const [what, template] of templates) {
      const params = samplesFor(template!);
      const text = fill(template!, params);
      expect([what, missingParams(template, params)]).toEqual([what, []]);
      expect([what, /[{}]|undefined|NaN|…/.test(text)]).toEqual([what, false]);
    }
  });

  it('writes dates, euros, numbers and labels the German way', () => {
    expect(reasonText('LOAN_ALREADY_RETURNED', { returnedOn: '2026-03-09' })).toBe('Diese Ausleihe wurde bereits am 09.03.2026 zurückgegeben.');
    expect(reasonText('GRANT_APPROVED_BELOW_COMMITTED', { approvedCents: 100000000, committedCents: 123456789 })).toBe(
      'Der bewilligte Betrag (1.000.000,00\u00a0€) darf nicht unter den gebundenen Mitteln (1.234.567,89\u00a0€) liegen.',
    );
    expect(reasonText('TOO_MANY_LABELS', { maxLabels: 10000 })).toBe('Mehr als 10.000 Geräte passen zu den Filtern. Bitte schränken Sie die Auswahl ein.');
    expect(reasonText('DEVICE_STATUS_TRANSITION', { currentStatus: 'retired', requestedStatus: 'in_repair' })).toBe(
      'Ein Gerät mit dem Status „ausgesondert“ kann nicht „in Reparatur“ werden.',
    );
    expect(reasonText('ROLE_REQUIRED', { roles: ['office', 'coordinator'] })).toBe('Dafür ist eine dieser Rollen nötig: Schulverwaltungsamt (Schulträger) oder IT-Koordination.');
    expect(reasonText('STALE_VERSION', { entity: 'loan', currentVersion: 3 })).toMatch(/^Die Ausleihe wurde inzwischen von jemand anderem geändert\./);
    expect(fieldText('maxLength', { max: 200 })).toBe('Höchstens 200 Zeichen.');
  });

  it('shows "…" for a missing param and undefined for an unknown code (the caller falls back)', () => {
    expect(reasonText('LOAN_ALREADY_RETURNED', {})).toBe('Diese Ausleihe wurde bereits am … zurückgegeben.');
    expect(missingParams(reasonTemplate('LOAN_ALREADY_RETURNED'), {})).toEqual(['returnedOn']);
    expect(reasonText('NO_SUCH_REASON')).toBeUndefined();
    expect(fieldText('noSuchCode')).toBeUndefined();
    expect(fill('{entity:entity}', { entity: 'nonsense' })).toBe(ENTITIES.record);
  });
});
