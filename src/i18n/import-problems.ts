/**
 * The German text of a device import's problem (a row and column of the delivery list), rendered from its stable
 * `code` and its `params` (the cell's value as written, row numbers, limits). The import report sends code, params,
 * the English `message` and this text as `messageDe`. Pure (the web app may import it too).
 */

export const IMPORT_PROBLEM_CODES = [
  'COLUMN_TWICE',
  'COLUMN_MISSING',
  'SCHOOL_NOT_NAMED',
  'EMPTY',
  'FORMULA_WITHOUT_VALUE',
  'TOO_LONG',
  'TYPE_UNKNOWN',
  'AMOUNT_INVALID',
  'AMOUNT_NEGATIVE',
  'AMOUNT_DECIMALS',
  'AMOUNT_TOO_LARGE',
  'DATE_INVALID',
  'DATE_NOT_IN_CALENDAR',
  'DATE_OUT_OF_RANGE',
  'SCHOOL_NUMBER_UNKNOWN',
  'SCHOOL_EMPTY',
  'INVENTORY_NUMBER_REPEATED',
  'SERIAL_NUMBER_REPEATED',
  'INVENTORY_NUMBER_TAKEN',
  'SERIAL_NUMBER_TAKEN',
] as const;
export type ImportProblemCode = (typeof IMPORT_PROBLEM_CODES)[number];

export type ImportProblemParams = Readonly<Record<string, string | number | null>>;

const v = (p: ImportProblemParams, key: string) => String(p[key] ?? '');

const TEXTS: { readonly [C in ImportProblemCode]: (p: ImportProblemParams) => string } = {
  COLUMN_TWICE: () => 'Diese Spalte kommt zweimal vor.',
  COLUMN_MISSING: () => 'Diese Pflichtspalte fehlt.',
  SCHOOL_NOT_NAMED: () => 'Bitte die Schule angeben: beim Hochladen eine Schule wählen oder eine Spalte „Schulnummer“ aufnehmen.',
  EMPTY: () => 'Das Feld ist leer.',
  FORMULA_WITHOUT_VALUE: (p) =>
    `Formel ohne gespeicherten Wert (${v(p, 'formula')}): die Datei in Excel öffnen und neu speichern oder die Werte statt der Formel einfügen.`,
  TOO_LONG: (p) => `Der Text ist länger als ${v(p, 'max')} Zeichen.`,
  TYPE_UNKNOWN: (p) =>
    `Unbekannter Gerätetyp „${v(p, 'value')}“ (z. B. Laptop, Tablet, Desktop-PC, Interaktives Display, Beamer, Dokumentenkamera, Access Point, Drucker, Sonstiges).`,
  AMOUNT_INVALID: (p) => `„${v(p, 'value')}“ ist kein Betrag in Euro (z. B. 1.234,56).`,
  AMOUNT_NEGATIVE: (p) => `Der Preis „${v(p, 'value')}“ darf nicht negativ sein.`,
  AMOUNT_DECIMALS: (p) => `„${v(p, 'value')}“ hat mehr als zwei Nachkommastellen.`,
  AMOUNT_TOO_LARGE: (p) => `Der Preis „${v(p, 'value')}“ ist zu hoch.`,
  DATE_INVALID: (p) => (p.value ? `„${v(p, 'value')}“ ist kein Datum (z. B. 31.12.2024 oder 2024-12-31).` : 'Das Datum ist ungültig.'),
  DATE_NOT_IN_CALENDAR: (p) => `Den „${v(p, 'value')}“ gibt es im Kalender nicht.`,
  DATE_OUT_OF_RANGE: (p) => `Das Datum „${v(p, 'value')}“ liegt nicht zwischen 1990 und 2100.`,
  SCHOOL_NUMBER_UNKNOWN: (p) => `Die Schulnummer ${v(p, 'schoolNumber')} gehört zu keiner Ihrer Schulen.`,
  SCHOOL_EMPTY: () => 'Die Schulnummer ist leer, und beim Hochladen wurde keine Schule gewählt.',
  INVENTORY_NUMBER_REPEATED: (p) => `Die Inventarnummer ${v(p, 'inventoryNumber')} kommt in der Datei mehrfach vor (zuerst in Zeile ${v(p, 'firstRow')}).`,
  SERIAL_NUMBER_REPEATED: (p) =>
    `Die Seriennummer ${v(p, 'serialNumber')} von ${v(p, 'manufacturer')} kommt in der Datei mehrfach vor (zuerst in Zeile ${v(p, 'firstRow')}).`,
  INVENTORY_NUMBER_TAKEN: (p) => `Die Inventarnummer ${v(p, 'inventoryNumber')} ist bereits an ein anderes Gerät vergeben.`,
  SERIAL_NUMBER_TAKEN: (p) => `Die Seriennummer ${v(p, 'serialNumber')} von ${v(p, 'manufacturer')} ist bereits als ${v(p, 'inventoryNumber')} erfasst.`,
};

/** The German text of an import problem; an unknown code (a newer server) gives a general hint. */
export function importProblemText(code: string, params: ImportProblemParams = {}): string {
  const text = (TEXTS as Record<string, ((p: ImportProblemParams) => string) | undefined>)[code];
  return text ? text(params) : 'Dieser Wert kann nicht übernommen werden.';
}
