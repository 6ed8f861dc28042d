import ExcelJS from 'exceljs';
import { zipUnpackedSize } from './import-reader';

describe('zipUnpackedSize', () => {
  it('reads the declared unpacked size of a real workbook before unpacking it', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('x');
    for (let i = 0; i < 2000; i++) sheet.addRow([`row ${i}`, 'a'.repeat(50)]);
    const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
    const size = zipUnpackedSize(buffer)!;
    expect(size).toBeGreaterThan(2000 * 50); // the shared strings alone
    expect(size).toBeGreaterThan(buffer.length); // it is compressed
  });

  it('answers undefined for anything that is not a zip', () => {
    expect(zipUnpackedSize(Buffer.from('not a zip'))).toBeUndefined();
    expect(zipUnpackedSize(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBeUndefined();
  });

  it('counts a declared ZIP64 size as too large', () => {
    // One central directory entry claiming 0xFFFFFFFF bytes, then the end record pointing at it.
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt32LE(0xffffffff, 24);
    const endRecord = Buffer.alloc(22);
    endRecord.writeUInt32LE(0x06054b50, 0);
    endRecord.writeUInt16LE(1, 10);
    endRecord.writeUInt32LE(0, 16);
    expect(zipUnpackedSize(Buffer.concat([entry, endRecord]))).toBe(Number.POSITIVE_INFINITY);
  });
});
