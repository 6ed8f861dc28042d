import { RowCounter, zipEntries, XlsxLimitError } from './xlsx-limits';

describe('RowCounter', () => {
  it('counts row start tags split across chunks, and not <rowBreaks>', () => {
    const xml = '<sheetData><row r="1"><c/></row><row><c/></row><row r="3"/></sheetData><rowBreaks count="1"/><row\n/>';
    for (const size of [1, 2, 3, 5, 7, 1000]) {
      const counter = new RowCounter();
      for (let i = 0; i < xml.length; i += size) counter.add(Buffer.from(xml.slice(i, i + size)));
      expect(counter.rows).toBe(4);
    }
  });
});

describe('zipEntries', () => {
  it('refuses what is not a zip, and ZIP64', () => {
    expect(() => zipEntries(Buffer.from('not a zip at all, really not'), 100)).toThrow(XlsxLimitError);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(0xffff, 10);
    expect(() => zipEntries(end, 100)).toThrow(expect.objectContaining({ kind: 'bytes' }));
  });
});
