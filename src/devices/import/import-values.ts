import { isDateOnly } from '../../common/validation';
import type { ImportProblemCode, ImportProblemParams } from '../../i18n/import-problems';
import type { DeviceType } from '../device.entity';

/**
 * Reading the cells of a supplier's delivery list: German or English headings, German number and date formats
 * (`1.234,56`, `31.12.2024`) as well as ISO ones, and whatever Excel puts in a cell (numbers, dates, text).
 * Each parser returns a value or an error (English message, stable code and params for the German text of
 * src/i18n/import-problems.ts); the importer turns the error into a row report entry.
 */

export interface ParseError {
  error: string;
  code: ImportProblemCode;
  params: ImportProblemParams;
}
export type Parsed<T> = { value: T } | ParseError;

const fail = (code: ImportProblemCode, error: string, value: unknown): ParseError => ({ error, code, params: { value: String(value) } });

/** The columns the importer knows. `schoolNumber` picks the school per row; otherwise the request names one. */
export const IMPORT_COLUMNS = [
  'inventoryNumber',
  'serialNumber',
  'type',
  'manufacturer',
  'model',
  'operatingSystem',
  'purchaseDate',
  'purchasePrice',
  'commissionedOn',
  'warrantyUntil',
  'location',
  'notes',
  'schoolNumber',
] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** Headings as suppliers and offices write them, normalised with `normalizeHeading`. */
const HEADINGS: Record<ImportColumn, string[]> = {
  inventoryNumber: ['inventarnummer', 'inventarnr', 'invnr', 'inventar', 'inventory', 'inventorynumber', 'inventoryno', 'assettag', 'asset'],
  serialNumber: ['seriennummer', 'seriennr', 'serie', 'sn', 'serialnumber', 'serialno', 'serial'],
  type: ['typ', 'geraetetyp', 'geraeteart', 'art', 'kategorie', 'type', 'devicetype', 'category'],
  manufacturer: ['hersteller', 'marke', 'manufacturer', 'make', 'brand'],
  model: ['modell', 'modellbezeichnung', 'geraet', 'model', 'modelname'],
  operatingSystem: ['betriebssystem', 'os', 'operatingsystem'],
  purchaseDate: ['kaufdatum', 'anschaffungsdatum', 'lieferdatum', 'rechnungsdatum', 'purchasedate', 'dateofpurchase', 'deliverydate', 'invoicedate'],
  purchasePrice: ['preis', 'kaufpreis', 'anschaffungspreis', 'anschaffungskosten', 'einzelpreis', 'preisbrutto', 'bruttopreis', 'betrag', 'price', 'purchaseprice', 'unitprice', 'cost'],
  commissionedOn: ['inbetriebnahme', 'inbetriebnahmedatum', 'inbetriebnahmeam', 'commissioned', 'commissionedon', 'commissioningdate', 'inservicedate'],
  warrantyUntil: ['garantiebis', 'garantieende', 'garantie', 'gewaehrleistungbis', 'gewaehrleistung', 'warrantyuntil', 'warrantyend', 'warranty', 'warrantyexpiry'],
  location: ['raum', 'standort', 'ort', 'location', 'room'],
  notes: ['bemerkung', 'bemerkungen', 'notiz', 'notizen', 'kommentar', 'anmerkung', 'notes', 'note', 'comment', 'comments', 'remarks'],
  schoolNumber: ['schulnummer', 'schulnr', 'schoolnumber', 'schoolno'],
};

const HEADING_INDEX = new Map<string, ImportColumn>(Object.entries(HEADINGS).flatMap(([column, names]) => names.map((n) => [n, column as ImportColumn])));

/** Lower case, umlauts spelled out, everything but letters and digits dropped: "Preis (EUR)" -> "preiseur" -> matches "preis". */
export function normalizeHeading(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/\((eur|euro|€|brutto|netto|gross|net)\)|€|\beur\b|\beuro\b/g, '')
    .replace(/[^a-z0-9]/g, '');
}

export interface HeadingMap {
  /** column index -> known column */
  columns: Map<number, ImportColumn>;
  /** Headings the importer does not know (kept out of the devices, named in the report). */
  ignored: string[];
  /** The same column named twice. */
  duplicates: ImportColumn[];
}

export function mapHeadings(headings: string[]): HeadingMap {
  const columns = new Map<number, ImportColumn>();
  const seen = new Set<ImportColumn>();
  const ignored: string[] = [];
  const duplicates: ImportColumn[] = [];
  headings.forEach((raw, index) => {
    const heading = raw.trim();
    if (!heading) return;
    const column = HEADING_INDEX.get(normalizeHeading(heading));
    if (!column) ignored.push(heading);
    else if (seen.has(column)) duplicates.push(column);
    else {
      seen.add(column);
      columns.set(index, column);
    }
  });
  return { columns, ignored, duplicates };
}

/** German and English names of the device types (normalised like headings). */
const TYPE_NAMES: Record<DeviceType, string[]> = {
  laptop: ['laptop', 'notebook', 'chromebook', 'convertible', 'macbook'],
  tablet: ['tablet', 'ipad', 'tabletpc'],
  desktop: ['desktop', 'pc', 'desktoppc', 'rechner', 'arbeitsplatzrechner', 'computer', 'allinone', 'minipc'],
  interactive_display: ['interactivedisplay', 'interaktivesdisplay', 'interaktivedisplay', 'interaktivetafel', 'digitaletafel', 'smartboard', 'whiteboard', 'interaktiveswhiteboard', 'touchdisplay', 'display', 'panel'],
  projector: ['projector', 'projektor', 'beamer', 'videoprojektor'],
  document_camera: ['documentcamera', 'dokumentenkamera', 'visualizer', 'visualiser'],
  access_point: ['accesspoint', 'ap', 'wlanap', 'wlanaccesspoint', 'wifiaccesspoint', 'wlan', 'wifi'],
  printer: ['printer', 'drucker', 'multifunktionsdrucker', 'mfp', 'laserdrucker'],
  other: ['other', 'sonstiges', 'sonstige', 'andere'],
};
const TYPE_INDEX = new Map<string, DeviceType>(Object.entries(TYPE_NAMES).flatMap(([type, names]) => names.map((n) => [n, type as DeviceType])));

export function parseDeviceType(raw: unknown): Parsed<DeviceType> {
  const type = TYPE_INDEX.get(normalizeHeading(String(raw)));
  if (type) return { value: type };
  return fail('TYPE_UNKNOWN', `unknown device type "${String(raw)}" (e.g. Laptop, Tablet, Desktop-PC, Interaktives Display, Beamer, Dokumentenkamera, Access Point, Drucker, Sonstiges)`, raw);
}

const MAX_CENTS = 2_147_483_647;

/**
 * A price into integer cents. German `1.234,56` and `1234,56`, English `1,234.56` and `1234.56`, `599,-`, with or
 * without `€`/`EUR`. A lone dot followed by exactly three digits is a German thousands separator (`1.234` = 1234 EUR).
 * More than two decimal places, stray separators or letters are errors, never guesses.
 */
export function parseEuroCents(raw: unknown): Parsed<number> {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw) || raw < 0) return fail('AMOUNT_NEGATIVE', `price ${raw} must be a positive amount`, raw);
    const cents = Math.round(raw * 100);
    if (Math.abs(raw * 100 - cents) > 1e-6) return fail('AMOUNT_DECIMALS', `price ${raw} has more than two decimal places`, raw);
    return cents > MAX_CENTS ? fail('AMOUNT_TOO_LARGE', `price ${raw} is too large`, raw) : { value: cents };
  }
  const text = String(raw).replace(/[\s\u00a0\u202f]/g, '').replace(/^(€|eur)/i, '').replace(/(€|eur|euro)$/i, '').replace(/[,.]-$/, '');
  const invalid = fail('AMOUNT_INVALID', `"${String(raw)}" is not an amount in euros (e.g. 1.234,56 or 1234.56)`, raw);
  if (!/^\d[\d.,]*$/.test(text)) return text.startsWith('-') ? fail('AMOUNT_NEGATIVE', `price "${String(raw)}" must not be negative`, raw) : invalid;
  let euros: string;
  let cents = '';
  const lastComma = text.lastIndexOf(',');
  const lastDot = text.lastIndexOf('.');
  if (lastComma >= 0 && lastDot >= 0) {
    // Both: the later one is the decimal separator, the other groups thousands.
    const [decimal, group] = lastComma > lastDot ? [',', '.'] : ['.', ','];
    const [int, frac, ...rest] = text.split(decimal);
    if (rest.length || !isGrouped(int, group)) return invalid;
    euros = int.split(group).join('');
    cents = frac;
  } else if (lastComma >= 0) {
    // German decimal comma. (English thousands without decimals, "1,234", is refused: too easy to misread.)
    const [int, frac, ...rest] = text.split(',');
    if (rest.length || !/^\d+$/.test(int)) return invalid;
    euros = int;
    cents = frac;
  } else if (lastDot >= 0) {
    if (isGrouped(text, '.') && /\.\d{3}$/.test(text)) euros = text.split('.').join('');
    else {
      const [int, frac, ...rest] = text.split('.');
      if (rest.length || !/^\d+$/.test(int)) return invalid;
      euros = int;
      cents = frac;
    }
  } else euros = text;
  if (!/^\d*$/.test(cents)) return invalid;
  if (cents.length > 2) return fail('AMOUNT_DECIMALS', `"${String(raw)}" has more than two decimal places`, raw);
  if (text.endsWith(',') || text.endsWith('.')) return invalid;
  const value = Number(euros) * 100 + Number(cents.padEnd(2, '0') || '0');
  return value > MAX_CENTS ? fail('AMOUNT_TOO_LARGE', `price "${String(raw)}" is too large`, raw) : { value };
}

/** "1.234.567" with group "." -> true; "12.34" -> false. */
function isGrouped(text: string, group: string): boolean {
  const parts = text.split(group);
  if (parts.length === 1) return /^\d+$/.test(text);
  return /^\d{1,3}$/.test(parts[0]) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date into YYYY-MM-DD: German `31.12.2024` / `1.2.24`, ISO `2024-12-31`, or an Excel date cell.
 * Slashes are refused (is 02/03 the 2nd of March or the 3rd of February?). Two-digit years mean 20xx.
 */
export function parseDate(raw: unknown): Parsed<string> {
  if (raw instanceof Date) {
    if (Number.isNaN(raw.getTime())) return { error: 'is not a valid date', code: 'DATE_INVALID', params: { value: null } };
    // Excel dates carry no time zone; exceljs hands them over as UTC midnight.
    return { value: `${raw.getUTCFullYear()}-${pad(raw.getUTCMonth() + 1)}-${pad(raw.getUTCDate())}` };
  }
  const text = String(raw).trim();
  let iso: string | undefined;
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(text);
  if (german) {
    const year = german[3].length === 2 ? 2000 + Number(german[3]) : Number(german[3]);
    iso = `${year}-${pad(Number(german[2]))}-${pad(Number(german[1]))}`;
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    iso = text;
  }
  if (!iso) return fail('DATE_INVALID', `"${text}" is not a date (use 31.12.2024 or 2024-12-31)`, text);
  if (!isDateOnly(iso)) return fail('DATE_NOT_IN_CALENDAR', `"${text}" is not a valid calendar date`, text);
  if (iso < '1990-01-01' || iso > '2100-12-31') return fail('DATE_OUT_OF_RANGE', `"${text}" is out of range`, text);
  return { value: iso };
}

/** A formula cell the file keeps no computed value for (written by a program that does not calculate): not empty, not a value. */
export class FormulaWithoutValue {
  constructor(readonly formula: string) {}
  toString(): string {
    return '';
  }
}

/** A cell as trimmed text (numbers as written: inventory numbers may be all digits). Empty -> undefined. */
export function cellText(raw: unknown): string | undefined {
  if (raw === null || raw === undefined || raw instanceof FormulaWithoutValue) return undefined;
  if (raw instanceof Date) {
    const date = parseDate(raw);
    return 'value' in date ? date.value : undefined;
  }
  const text = String(raw).replace(/\u00a0/g, ' ').trim();
  return text === '' ? undefined : text;
}
