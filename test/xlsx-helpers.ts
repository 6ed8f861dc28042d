import ExcelJS from 'exceljs';
import type { Response } from 'supertest';

/** supertest parser that keeps the body as one Buffer (for binary downloads). */
export function binaryParser(res: NodeJS.ReadableStream, callback: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
  res.on('error', (err: Error) => callback(err, Buffer.alloc(0)));
}

/** The downloaded workbook, read back with ExcelJS. */
export async function readWorkbook(res: Response): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.body as never);
  return workbook;
}

/** A sheet's rows as arrays of cell values (1-based columns dropped to 0-based). */
export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as unknown[];
    rows.push(values.slice(1));
  });
  return rows;
}

/** The header row's texts. */
export function headings(sheet: ExcelJS.Worksheet): string[] {
  return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

/** A 'YYYY-MM-DD' date as ExcelJS reads a date cell back (midnight UTC). */
export const utcDate = (iso: string) => new Date(`${iso}T00:00:00.000Z`);
