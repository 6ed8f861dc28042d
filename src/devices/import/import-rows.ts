import { type ImportProblemCode, type ImportProblemParams, importProblemText } from '../../i18n/import-problems';
import type { DeviceType } from '../device.entity';
import type { ImportTable } from './import-reader';
import { cellText, FormulaWithoutValue, type ImportColumn, mapHeadings, type Parsed, parseDate, parseDeviceType, parseEuroCents } from './import-values';

export interface ImportProblem {
  /** The row number as the spreadsheet shows it. */
  row: number;
  /** The column heading as written in the file (or the expected one when it is missing); null for the whole row. */
  column: string | null;
  /** Stable: what is wrong (the German text's key in src/i18n/import-problems.ts). */
  code: ImportProblemCode;
  /** What the text names: the cell's value as written, row numbers, limits. */
  params: ImportProblemParams;
  /** English, for programmers. */
  message: string;
  /** German, for people. */
  messageDe: string;
}

/** A problem with its German text rendered from code and params. */
export function importProblem(row: number, column: string | null, code: ImportProblemCode, message: string, params: ImportProblemParams = {}): ImportProblem {
  return { row, column, code, params, message, messageDe: importProblemText(code, params) };
}

/** A row that passed every check of its own; the database checks (duplicates, clashes) come next. */
export interface DeviceCandidate {
  row: number;
  schoolId: string;
  inventoryNumber: string;
  serialNumber: string | null;
  type: DeviceType;
  manufacturer: string;
  model: string;
  operatingSystem: string | null;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  commissionedOn: string | null;
  warrantyUntil: string | null;
  location: string | null;
  notes: string | null;
  /** Heading per column, for problems found later. */
  columns: Partial<Record<ImportColumn, string>>;
  /** The device's data as the audit entry keeps it. */
  fields: Record<string, unknown>;
}

const REQUIRED: ImportColumn[] = ['inventoryNumber', 'type', 'manufacturer', 'model'];
/** The column's name where the file has none (a missing column): the German heading a person would write. */
const LABELS: Record<ImportColumn, string> = {
  inventoryNumber: 'Inventarnummer',
  serialNumber: 'Seriennummer',
  type: 'Gerätetyp',
  manufacturer: 'Hersteller',
  model: 'Modell',
  operatingSystem: 'Betriebssystem',
  purchaseDate: 'Kaufdatum',
  purchasePrice: 'Kaufpreis',
  commissionedOn: 'Inbetriebnahme',
  warrantyUntil: 'Garantie bis',
  location: 'Raum',
  notes: 'Bemerkung',
  schoolNumber: 'Schulnummer',
};
const MAX_LENGTH: Partial<Record<ImportColumn, number>> = {
  inventoryNumber: 64,
  serialNumber: 128,
  manufacturer: 100,
  model: 200,
  operatingSystem: 100,
  location: 200,
  notes: 5000,
  schoolNumber: 8,
};

/**
 * Turns the table into device candidates: maps the headings, parses every cell and checks each row on its own
 * and against the other rows of the file. Problems are collected, never thrown, so the report lists them all.
 */
export function buildCandidates(
  table: ImportTable,
  schools: { defaultSchoolId?: string; schoolsByNumber: Map<string, string> },
): { candidates: DeviceCandidate[]; problems: ImportProblem[]; ignoredColumns: string[] } {
  const { columns, ignored, duplicates } = mapHeadings(table.headings);
  const problems: ImportProblem[] = [];
  for (const column of duplicates) problems.push(importProblem(table.headingRow, LABELS[column], 'COLUMN_TWICE', 'this column appears twice'));
  const present = new Set(columns.values());
  for (const column of REQUIRED) {
    if (!present.has(column)) problems.push(importProblem(table.headingRow, LABELS[column], 'COLUMN_MISSING', 'required column is missing'));
  }
  if (!present.has('schoolNumber') && !schools.defaultSchoolId) {
    problems.push(importProblem(table.headingRow, LABELS.schoolNumber, 'SCHOOL_NOT_NAMED', 'name the school: the schoolId parameter or a Schulnummer column'));
  }
  if (problems.length) return { candidates: [], problems, ignoredColumns: ignored };

  const headingOf: Partial<Record<ImportColumn, string>> = {};
  const indexOf: Partial<Record<ImportColumn, number>> = {};
  for (const [index, column] of columns) {
    headingOf[column] = table.headings[index];
    indexOf[column] = index;
  }
  const candidates: DeviceCandidate[] = [];
  const firstRowOfInventory = new Map<string, number>();
  const firstRowOfSerial = new Map<string, number>();

  for (const { rowNumber, cells } of table.rows) {
    const raw: Partial<Record<ImportColumn, unknown>> = {};
    for (const [index, column] of columns) raw[column] = cells[index];
    const rowProblems: (ImportProblem & { index: number })[] = [];
    const problem = (column: ImportColumn, code: ImportProblemCode, message: string, params?: ImportProblemParams) =>
      rowProblems.push({ ...importProblem(rowNumber, headingOf[column] ?? LABELS[column], code, message, params), index: indexOf[column] ?? Number.MAX_SAFE_INTEGER });
    /** A formula cell without a computed value is neither empty nor a value: say so. */
    const formulaWithoutValue = (column: ImportColumn): boolean => {
      const value = raw[column];
      if (!(value instanceof FormulaWithoutValue)) return false;
      problem(column, 'FORMULA_WITHOUT_VALUE', `is a formula (${value.formula}) without a stored value: open the file in Excel and save it again`, { formula: value.formula });
      return true;
    };

    const text = (column: ImportColumn): string | null => {
      if (formulaWithoutValue(column)) return null;
      const value = cellText(raw[column]);
      if (value === undefined) {
        if (REQUIRED.includes(column)) problem(column, 'EMPTY', 'is empty');
        return null;
      }
      const max = MAX_LENGTH[column];
      if (max && value.length > max) problem(column, 'TOO_LONG', `is longer than ${max} characters`, { max });
      return value;
    };
    const parsed = <T>(column: ImportColumn, parse: (v: unknown) => Parsed<T>): T | null => {
      if (formulaWithoutValue(column)) return null;
      const value = raw[column];
      if (value === null || value === undefined || (typeof value === 'string' && value.trim() === '')) return null;
      const result = parse(value);
      if ('error' in result) {
        problem(column, result.code, result.error, result.params);
        return null;
      }
      return result.value;
    };

    const inventoryNumber = text('inventoryNumber');
    const serialNumber = text('serialNumber');
    const manufacturer = text('manufacturer');
    const model = text('model');
    const typeCell = cellText(raw.type);
    const type = typeCell === undefined && !(raw.type instanceof FormulaWithoutValue) ? (problem('type', 'EMPTY', 'is empty'), null) : parsed('type', parseDeviceType);
    const device = {
      operatingSystem: text('operatingSystem'),
      purchaseDate: parsed('purchaseDate', parseDate),
      purchasePriceCents: parsed('purchasePrice', parseEuroCents),
      commissionedOn: parsed('commissionedOn', parseDate),
      warrantyUntil: parsed('warrantyUntil', parseDate),
      location: text('location'),
      notes: text('notes'),
    };

    let schoolId = schools.defaultSchoolId ?? null;
    const schoolNumber = text('schoolNumber');
    if (schoolNumber) {
      schoolId = schools.schoolsByNumber.get(schoolNumber) ?? null;
      if (!schoolId) problem('schoolNumber', 'SCHOOL_NUMBER_UNKNOWN', `school number ${schoolNumber} is not one of your schools`, { schoolNumber });
    } else if (!schoolId && !(raw.schoolNumber instanceof FormulaWithoutValue)) problem('schoolNumber', 'SCHOOL_EMPTY', 'is empty and no schoolId was given');

    if (inventoryNumber) {
      const first = firstRowOfInventory.get(inventoryNumber);
      if (first !== undefined) {
        problem('inventoryNumber', 'INVENTORY_NUMBER_REPEATED', `inventory number ${inventoryNumber} appears again (first in row ${first})`, { inventoryNumber, firstRow: first });
      }
      else firstRowOfInventory.set(inventoryNumber, rowNumber);
    }
    if (serialNumber && manufacturer) {
      const key = `${manufacturer.toLowerCase()}\u0000${serialNumber}`;
      const first = firstRowOfSerial.get(key);
      if (first !== undefined) {
        const params = { serialNumber, manufacturer, firstRow: first };
        problem('serialNumber', 'SERIAL_NUMBER_REPEATED', `serial number ${serialNumber} of ${manufacturer} appears again (first in row ${first})`, params);
      }
      else firstRowOfSerial.set(key, rowNumber);
    }

    if (rowProblems.length) {
      // In the order of the file's columns, as the user reads the row.
      problems.push(...rowProblems.sort((a, b) => a.index - b.index).map(({ index: _index, ...p }) => p));
      continue;
    }
    const fields = { inventoryNumber, serialNumber, type, manufacturer, model, ...device };
    candidates.push({
      row: rowNumber,
      schoolId: schoolId!,
      inventoryNumber: inventoryNumber!,
      serialNumber,
      type: type!,
      manufacturer: manufacturer!,
      model: model!,
      ...device,
      columns: headingOf,
      fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)),
    });
  }
  return { candidates, problems, ignoredColumns: ignored };
}
