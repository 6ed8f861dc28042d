import { deflateRawSync } from 'node:zlib';

/** Hostile and hand-made .xlsx files for the import's limits (test/devices-import.e2e-spec.ts, bench/import-limits.ts). */

/** A zip written by hand, so that a test can state false sizes: each entry deflated, its sizes as declared (or the real ones). */
export function zipOf(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const { name, data, declaredSize } of entries) {
    const packed = deflateRawSync(data, { level: 1 });
    const nameBytes = Buffer.from(name);
    const header = (central: boolean) => {
      const h = Buffer.alloc(central ? 46 : 30);
      h.writeUInt32LE(central ? 0x02014b50 : 0x04034b50, 0);
      const o = central ? 2 : 0; // the central header has "version made by" first
      h.writeUInt16LE(20, 4 + o); // version needed
      h.writeUInt16LE(8, 8 + o); // deflate
      h.writeUInt32LE(packed.length, 18 + o);
      h.writeUInt32LE(declaredSize ?? data.length, 22 + o);
      h.writeUInt16LE(nameBytes.length, 26 + o);
      if (central) h.writeUInt32LE(offset, 42);
      return Buffer.concat([h, nameBytes]);
    };
    const local = Buffer.concat([header(false), packed]);
    locals.push(local);
    centrals.push(header(true));
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts of a minimal workbook around one worksheet (and optionally more entries). */
export function workbookOf(sheetXml: Buffer, more: { name: string; data: Buffer; declaredSize?: number }[] = []): Buffer {
  const part = (name: string, xml: string) => ({ name, data: Buffer.from(xml) });
  return zipOf([
    part(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    ),
    part('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    part('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Liste" sheetId="1" r:id="rId1"/></sheets></workbook>'),
    part('xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
    { name: 'xl/worksheets/sheet1.xml', data: sheetXml },
    ...more,
  ]);
}

/**
 * A worksheet of `rows` rows: the headings and three devices (inline strings, no shared strings needed), then rows of
 * one number without `r` attributes (optional in the format), all alike, so that even Excel's maximum of 1,048,576
 * rows stays within the unpacked-size limit and packs small and fast: a file that only the row limit refuses.
 */
export function sheetOf(rows: number): Buffer {
  const cell = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
  const row = (r: number, cells: string[]) => `<row r="${r}">${cells.map((text, i) => cell(`${'ABCD'[i]}${r}`, text)).join('')}</row>`;
  const parts = ['<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  parts.push(row(1, ['Inventarnummer', 'Typ', 'Hersteller', 'Modell']));
  for (let r = 2; r <= Math.min(rows, 4); r++) parts.push(row(r, [`ROW-${r}`, 'Laptop', 'Dell', 'X']));
  parts.push('<row><c><v>1</v></c></row>'.repeat(Math.max(0, rows - 4)));
  parts.push('</sheetData></worksheet>');
  return Buffer.from(parts.join(''));
}
