import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createDevice, TestUser, World } from './factories';
import { createTestWorld, TestApp } from './harness';
import { sheetOf, workbookOf } from './xlsx-hostile';
import { fieldText, reasonText } from '../src/i18n/messages';

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Lieferschein');
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Just a zip central directory declaring one 4 GB entry: refused before anything is unpacked. */
function zipBomb(): Buffer {
  const localHeader = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(26)]);
  const entry = Buffer.alloc(46);
  entry.writeUInt32LE(0x02014b50, 0);
  entry.writeUInt32LE(0xffffffff, 24); // uncompressed size: ZIP64, 4 GB or more
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 10); // one entry
  end.writeUInt32LE(localHeader.length, 16); // the central directory starts after the local header
  return Buffer.concat([localHeader, entry, end]);
}

const GERMAN_HEADINGS = ['Inventarnummer', 'Seriennummer', 'Gerätetyp', 'Hersteller', 'Modell', 'Betriebssystem', 'Kaufdatum', 'Kaufpreis', 'Inbetriebnahme', 'Garantie bis', 'Raum', 'Bemerkung', 'Farbe'];

describe('POST /api/v1/devices/import', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => ({ t, w } = await createTestWorld()));
  afterAll(() => t.close());

  const upload = (user: TestUser | null, file: Buffer | null, name: string, query = '') => {
    const req = t.http().post(`/api/v1/devices/import${query}`);
    if (user) req.set('Authorization', user.auth);
    return file ? req.attach('file', file, name) : req.field('nothing', 'here');
  };
  const count = async (prefix: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM devices WHERE inventory_number LIKE $1`, [`${prefix}%`]))[0].n;

  describe('a supplier list in German (xlsx)', () => {
    let file: Buffer;
    beforeAll(async () => {
      file = await xlsx([
        ['Lieferschein 2024-117, Bechtle GmbH'], // title line above the headings
        [],
        GERMAN_HEADINGS,
        ['DE-0001', 'PF1AAA01', 'Notebook', 'Lenovo', 'ThinkPad L13', 'Windows 11', '31.12.2024', '1.234,56', new Date(Date.UTC(2025, 0, 15)), '31.12.2027', 'Raum 101', 'Lieferung 1', 'schwarz'],
        ['DE-0002', 'PF1AAA02', 'Tablet', 'Apple', 'iPad 10.9', 'iPadOS', new Date(Date.UTC(2024, 11, 30)), 479, '2.1.2025', '2026-12-30', null, null, null],
        ['DE-0003', null, 'Beamer', 'Epson', 'EB-L210W', null, null, '599,-', null, null, 'Aula', null, null],
      ]);
    });

    it('validates on a dry run and writes nothing', async () => {
      const res = await upload(w.officeA, file, 'lieferung.xlsx', `?dryRun=true&schoolId=${w.schoolA1}`).expect(200);
      expect(res.body).toEqual({ dryRun: true, format: 'xlsx', rows: 3, valid: true, created: 0, newDevices: 3, createdDevices: [], duplicates: [], problems: [], ignoredColumns: ['Farbe'] });
      expect(await count('DE-')).toBe(0);
    });

    it('imports every row with German numbers and dates, history and audit entries', async () => {
      const res = await upload(w.officeA, file, 'lieferung.xlsx', `?schoolId=${w.schoolA1}`).expect(200);
      expect(res.body).toMatchObject({ dryRun: false, valid: true, created: 3, newDevices: 3 });
      const ids: { id: string; inventory_number: string }[] = await t.dataSource.query(`SELECT id, inventory_number FROM devices WHERE inventory_number LIKE 'DE-%' ORDER BY 2`);
      expect(res.body.createdDevices).toEqual(ids.map((d, i) => ({ row: 4 + i, id: d.id, inventoryNumber: d.inventory_number })));
      const rows = await t.dataSource.query(
        `SELECT inventory_number, serial_number, type, purchase_date, purchase_price_cents, commissioned_on, warranty_until, location, notes, status, school_id
           FROM devices WHERE inventory_number LIKE 'DE-%' ORDER BY 1`,
      );
      expect(rows).toEqual([
        { inventory_number: 'DE-0001', serial_number: 'PF1AAA01', type: 'laptop', purchase_date: '2024-12-31', purchase_price_cents: 123456, commissioned_on: '2025-01-15', warranty_until: '2027-12-31', location: 'Raum 101', notes: 'Lieferung 1', status: 'available', school_id: w.schoolA1 },
        { inventory_number: 'DE-0002', serial_number: 'PF1AAA02', type: 'tablet', purchase_date: '2024-12-30', purchase_price_cents: 47900, commissioned_on: '2025-01-02', warranty_until: '2026-12-30', location: null, notes: null, status: 'available', school_id: w.schoolA1 },
        { inventory_number: 'DE-0003', serial_number: null, type: 'projector', purchase_date: null, purchase_price_cents: 59900, commissioned_on: null, warranty_until: null, location: 'Aula', notes: null, status: 'available', school_id: w.schoolA1 },
      ]);
      const events = await t.dataSource.query(
        `SELECT e.kind, e.to_status, e.reason, e.actor_id FROM device_events e JOIN devices d ON d.id = e.device_id WHERE d.inventory_number LIKE 'DE-%'`,
      );
      expect(events).toEqual(Array(3).fill({ kind: 'imported', to_status: 'available', reason: 'Import: lieferung.xlsx', actor_id: w.officeA.id }));
      const audit = await t.dataSource.query(
        `SELECT a.action, a.actor_id, a.changes FROM audit_log a JOIN devices d ON d.id = a.entity_id WHERE d.inventory_number = 'DE-0001'`,
      );
      expect(audit).toEqual([
        {
          action: 'device.imported',
          actor_id: w.officeA.id,
          changes: {
            fields: expect.objectContaining({ inventoryNumber: { before: null, after: 'DE-0001' }, purchasePriceCents: { before: null, after: 123456 } }),
            meta: { source: 'Import: lieferung.xlsx', row: 4 },
          },
        },
      ]);
    });

    it('reports the rows as duplicates when the same file comes again, and creates nothing', async () => {
      const res = await upload(w.officeA, file, 'lieferung.xlsx', `?schoolId=${w.schoolA1}`).expect(200);
      expect(res.body).toMatchObject({ valid: true, created: 0, newDevices: 0, createdDevices: [], problems: [] });
      expect(res.body.duplicates.map((d: { row: number; inventoryNumber: string }) => [d.row, d.inventoryNumber])).toEqual([[4, 'DE-0001'], [5, 'DE-0002'], [6, 'DE-0003']]);
      expect(res.body.duplicates[0].deviceId).toEqual(expect.any(String));
      expect(await count('DE-')).toBe(3);
    });
  });

  describe('problems in rows (csv, semicolons, Windows-1252)', () => {
    const csv = [
      'Inventarnummer;Seriennummer;Gerätetyp;Hersteller;Modell;Kaufdatum;Preis (EUR);Schulnummer',
      'CSV-1;S-1;Laptop;Dell;Latitude 3440;01.08.2024;699,00;{A1}',
      'CSV-2;S-2;Handy;Dell;Latitude 3440;31.02.2024;1.23.45;{A1}',
      'CSV-3;S-3;Laptop;Dell;;2024-08-01;-5;999999',
      'CSV-1;S-4;Laptop;Dell;Latitude 3440;;;{A1}',
      'CSV-5;S-1;Laptop;DELL;Latitude 3440;;;{A2}',
      '"CSV-6;S-6;Tablet;Apple;iPad;;;{A1}"',
    ].join('\r\n');
    let file: Buffer;
    beforeAll(async () => {
      const [a1] = await t.dataSource.query(`SELECT school_number FROM schools WHERE id = $1`, [w.schoolA1]);
      const [a2] = await t.dataSource.query(`SELECT school_number FROM schools WHERE id = $1`, [w.schoolA2]);
      file = Buffer.from(csv.replaceAll('{A1}', a1.school_number).replaceAll('{A2}', a2.school_number), 'latin1');
    });

    it('lists every problem by row and column on a dry run', async () => {
      const res = await upload(w.coordinatorA1, file, 'liste.csv', '?dryRun=true').expect(200);
      expect(res.body).toMatchObject({ format: 'csv', rows: 6, valid: false, newDevices: 1 });
      expect(res.body.problems).toMatchObject([
        { row: 3, column: 'Gerätetyp', code: 'TYPE_UNKNOWN', params: { value: 'Handy' }, message: expect.stringContaining('unknown device type "Handy"'), messageDe: expect.stringContaining('Unbekannter Gerätetyp „Handy“') },
        { row: 3, column: 'Kaufdatum', code: 'DATE_NOT_IN_CALENDAR', params: { value: '31.02.2024' }, messageDe: 'Den „31.02.2024“ gibt es im Kalender nicht.' },
        { row: 3, column: 'Preis (EUR)', code: 'AMOUNT_INVALID', params: { value: '1.23.45' }, messageDe: '„1.23.45“ ist kein Betrag in Euro (z. B. 1.234,56).' },
        { row: 4, column: 'Modell', code: 'EMPTY', params: {}, message: 'is empty', messageDe: 'Das Feld ist leer.' },
        { row: 4, column: 'Preis (EUR)', code: 'AMOUNT_NEGATIVE', message: expect.stringContaining('negative') },
        { row: 4, column: 'Schulnummer', code: 'SCHOOL_NUMBER_UNKNOWN', params: { schoolNumber: '999999' }, message: 'school number 999999 is not one of your schools', messageDe: 'Die Schulnummer 999999 gehört zu keiner Ihrer Schulen.' },
        { row: 5, column: 'Inventarnummer', code: 'INVENTORY_NUMBER_REPEATED', params: { inventoryNumber: 'CSV-1', firstRow: 2 }, message: 'inventory number CSV-1 appears again (first in row 2)', messageDe: 'Die Inventarnummer CSV-1 kommt in der Datei mehrfach vor (zuerst in Zeile 2).' },
        { row: 6, column: 'Seriennummer', code: 'SERIAL_NUMBER_REPEATED', message: 'serial number S-1 of DELL appears again (first in row 2)', messageDe: 'Die Seriennummer S-1 von DELL kommt in der Datei mehrfach vor (zuerst in Zeile 2).' },
        { row: 6, column: 'Schulnummer', code: 'SCHOOL_NUMBER_UNKNOWN', message: expect.stringContaining('is not one of your schools') }, // A2 is not the coordinator's
        { row: 7, column: 'Gerätetyp', code: 'EMPTY', message: 'is empty' },
        { row: 7, column: 'Hersteller', code: 'EMPTY', message: 'is empty' },
        { row: 7, column: 'Modell', code: 'EMPTY', message: 'is empty' },
        { row: 7, column: 'Schulnummer', code: 'SCHOOL_EMPTY', message: 'is empty and no schoolId was given', messageDe: 'Die Schulnummer ist leer, und beim Hochladen wurde keine Schule gewählt.' },
      ]);
    });

    it('writes nothing at all when any row has a problem (400 with the report)', async () => {
      const res = await upload(w.officeA, file, 'liste.csv').expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', details: { report: { valid: false, created: 0 } } });
      expect(res.body.details.report.problems.length).toBeGreaterThan(5);
      expect(await count('CSV-')).toBe(0);
    });

    it('reports clashes with other devices already in the inventory', async () => {
      await createDevice(t.dataSource, w.authorityA, w.schoolA2, { inventoryNumber: 'CLASH-1', serialNumber: 'OTHER', manufacturer: 'HP' });
      await createDevice(t.dataSource, w.authorityA, w.schoolA2, { inventoryNumber: 'CLASH-X', serialNumber: 'SER-9', manufacturer: 'HP' });
      const clash = Buffer.from('inventory number,serial number,type,manufacturer,model\nCLASH-1,NEW,laptop,HP,ProBook\nCLASH-2,SER-9,laptop,hp,ProBook\n');
      const res = await upload(w.officeA, clash, 'clash.csv', `?dryRun=true&schoolId=${w.schoolA1}`).expect(200);
      expect(res.body.problems).toEqual([
        {
          row: 2,
          column: 'inventory number',
          code: 'INVENTORY_NUMBER_TAKEN',
          params: { inventoryNumber: 'CLASH-1' },
          message: 'inventory number CLASH-1 is already used by another device',
          messageDe: 'Die Inventarnummer CLASH-1 ist bereits an ein anderes Gerät vergeben.',
        },
        {
          row: 3,
          column: 'serial number',
          code: 'SERIAL_NUMBER_TAKEN',
          params: { serialNumber: 'SER-9', manufacturer: 'hp', inventoryNumber: 'CLASH-X' },
          message: 'serial number SER-9 of hp is already registered as CLASH-X',
          messageDe: 'Die Seriennummer SER-9 von hp ist bereits als CLASH-X erfasst.',
        },
      ]);
    });

    it('needs the required columns and a school', async () => {
      const res = await upload(w.officeA, Buffer.from('Seriennummer;Hersteller\nX;Y\n'), 'x.csv', '?dryRun=true').expect(200);
      expect(res.body.problems.map((p: { column: string; code: string }) => [p.column, p.code])).toEqual([
        ['Inventarnummer', 'COLUMN_MISSING'],
        ['Gerätetyp', 'COLUMN_MISSING'],
        ['Modell', 'COLUMN_MISSING'],
        ['Schulnummer', 'SCHOOL_NOT_NAMED'],
      ]);
      expect(res.body.problems[0].messageDe).toBe('Diese Pflichtspalte fehlt.');
    });
  });

  describe('encodings and formulas', () => {
    const HEAD = ['Inventarnummer', 'Gerätetyp', 'Hersteller', 'Modell', 'Kaufpreis', 'Bemerkung'];
    const rowsOf = async (prefix: string) =>
      t.dataSource.query(`SELECT inventory_number, model, purchase_price_cents, notes FROM devices WHERE inventory_number LIKE $1 ORDER BY 1`, [`${prefix}%`]);

    it('reads a Windows-1252 CSV with €, dashes, German quotes and the ellipsis as written', async () => {
      const text = [HEAD.join(';'), 'CP-1;Laptop;Dell;Latitude 5440 – Größe 14;449,00 €;„Schulbetrieb“ …', 'CP-2;Tablet;Apple;iPad;1.234,56 €;Maße ½'].join('\r\n');
      const file = iconv.encode(text, 'windows-1252');
      expect(file.includes(0x80)).toBe(true); // € is 0x80 in Windows-1252 (Latin-1 has a control character there)
      await upload(w.officeA, file, 'cp1252.csv', `?schoolId=${w.schoolA1}`).expect(200);
      expect(await rowsOf('CP-')).toEqual([
        { inventory_number: 'CP-1', model: 'Latitude 5440 – Größe 14', purchase_price_cents: 44900, notes: '„Schulbetrieb“ …' },
        { inventory_number: 'CP-2', model: 'iPad', purchase_price_cents: 123456, notes: 'Maße ½' },
      ]);
    });

    it('refuses a UTF-8 file with one stray Windows-1252 byte, naming its line, and writes nothing', async () => {
      const file = Buffer.concat([
        Buffer.from(`${HEAD.join(';')}\nMIX-1;Laptop;Dell;Größe 14;;\nMIX-2;Laptop;Dell;Latitude `, 'utf8'),
        Buffer.from([0x96]), // an en dash in Windows-1252, malformed in UTF-8
        Buffer.from(' 14;;\n', 'utf8'),
      ]);
      const res = await upload(w.officeA, file, 'mixed.csv', `?schoolId=${w.schoolA1}`).expect(400);
      expect(res.body).toMatchObject({ error: 'VALIDATION_FAILED', message: expect.stringContaining('line 3'), fieldErrors: [{ field: 'file', code: 'fileNotUtf8', params: { line: 3 } }] });
      expect(await rowsOf('MIX-')).toEqual([]);
    });

    it.each([
      ['UTF-16 LE with BOM (Excel "Unicode-Text")', 'utf-16le', true],
      ['UTF-16 BE with BOM', 'utf-16be', true],
      ['UTF-16 LE without BOM', 'utf-16le', false],
    ])('reads tab-separated %s', async (_what, encoding, bom) => {
      const prefix = `U16${encoding.slice(-2)}${bom ? 'B' : 'N'}-`;
      const text = [HEAD.join('\t'), `${prefix}1\tLaptop\tLenovo\tThinkPad „L13“\t449,00 €\tŞule Yıldız’ Klasse`].join('\r\n');
      const file = iconv.encode(text, encoding, { addBOM: bom });
      const res = await upload(w.officeA, file, 'unicode.txt', `?schoolId=${w.schoolA1}`).expect(200);
      expect(res.body).toMatchObject({ format: 'csv', created: 1, problems: [] });
      expect(await rowsOf(prefix)).toEqual([{ inventory_number: `${prefix}1`, model: 'ThinkPad „L13“', purchase_price_cents: 44900, notes: 'Şule Yıldız’ Klasse' }]);
    });

    it('names a formula cell without a stored value instead of calling it empty', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('Liste');
      sheet.addRow(HEAD);
      sheet.addRow(['F-1', 'Laptop', 'Dell', { formula: 'CONCATENATE("Latitude ";"5440")' }, { formula: '400+49', result: 449 }, null]);
      sheet.addRow(['F-2', 'Laptop', 'Dell', 'Latitude 5440', { formula: '400+49', result: 449 }, null]);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());
      const res = await upload(w.officeA, file, 'formeln.xlsx', `?dryRun=true&schoolId=${w.schoolA1}`).expect(200);
      expect(res.body).toMatchObject({ rows: 2, valid: false, newDevices: 1 });
      expect(res.body.problems).toEqual([
        {
          row: 2,
          column: 'Modell',
          code: 'FORMULA_WITHOUT_VALUE',
          params: { formula: '=CONCATENATE("Latitude ";"5440")' },
          message: expect.stringContaining('without a stored value'),
          messageDe: expect.stringMatching(/^Formel ohne gespeicherten Wert \(=CONCATENATE/),
        },
      ]);
    });
  });

  describe('malformed files and limits', () => {
    it.each([
      ['random bytes named .xlsx', Buffer.from('this is not a zip file at all'), 'list.xlsx', 400],
      ['a zip that is no workbook', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'list.xlsx', 400],
      ['an old .xls', Buffer.from('whatever'), 'list.xls', 415],
      ['a pdf', Buffer.from('%PDF-1.4'), 'list.pdf', 415],
      ['an empty csv', Buffer.from(''), 'list.csv', 400],
      ['a csv without headings', Buffer.from('a;b;c\n1;2;3\n'), 'list.csv', 400],
      ['a csv with only headings', Buffer.from('Inventarnummer;Typ;Hersteller;Modell\n'), 'list.csv', 400],
      ['a csv with an unclosed quote', Buffer.from('Inventarnummer;Typ;Hersteller;Modell\n"A-1;Laptop;Dell;X\n'), 'list.csv', 400],
      ['a binary file named .csv', Buffer.from([0, 1, 2, 3, 0]), 'list.csv', 400],
      ['a workbook that claims to unpack to gigabytes', zipBomb(), 'bomb.xlsx', 413],
    ])('refuses %s with %p', async (_what, buffer, name, status) => {
      const res = await upload(w.officeA, buffer, name, `?schoolId=${w.schoolA1}`).expect(status);
      expect(res.body.message).toEqual(expect.any(String));
    });

    describe('hostile workbooks (limits enforced while unpacking)', () => {
      const devices = async () => (await t.dataSource.query(`SELECT count(*)::int AS n FROM devices`))[0].n;
      /** The upload, with a health check sent while it runs: the server keeps answering. */
      const refused = async (file: Buffer, name: string) => {
        const before = await devices();
        const upload = t.http().post(`/api/v1/devices/import?schoolId=${w.schoolA1}`).set('Authorization', w.officeA.auth).attach('file', file, name);
        const [res, health] = await Promise.all([upload.then((r) => r), t.http().get('/api/health')]);
        expect(health.status).toBe(200);
        expect(await devices()).toBe(before);
        return res;
      };
      // 100 MB of one letter (the limit is 64 MB): deflate packs it a thousandfold.
      const bomb = Buffer.alloc(100 * 1024 * 1024, 'a');

      it('a zip whose entries state false sizes is refused while unpacking (413 naming the file and the limit)', async () => {
        const file = workbookOf(sheetOf(3), [{ name: 'xl/sharedStrings.xml', data: bomb, declaredSize: 1_000 }]);
        expect(file.length).toBeLessThan(2 * 1024 * 1024);
        const res = await refused(file, 'bombe.xlsx');
        expect(res.status).toBe(413);
        expect(res.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('bombe.xlsx'), details: { file: 'bombe.xlsx', maxUnpackedBytes: 64 * 1024 * 1024 } });
        expect(res.body.message).toContain('64 MB');
      });

      it('a high-ratio zip that states its real size is refused before unpacking', async () => {
        const res = await refused(workbookOf(sheetOf(3), [{ name: 'xl/sharedStrings.xml', data: bomb }]), 'ehrlich.xlsx');
        expect(res.status).toBe(413);
        expect(res.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', details: { file: 'ehrlich.xlsx' } });
      });

      it('a worksheet of 1,048,576 rows is refused at the row limit, before the workbook is read', async () => {
        const sheet = sheetOf(1_048_576);
        expect(sheet.length).toBeLessThan(64 * 1024 * 1024); // within the unpacked-size limit: only the rows are too many
        const file = workbookOf(sheet);
        expect(file.length).toBeLessThan(10 * 1024 * 1024);
        const res = await refused(file, 'million.xlsx');
        expect(res.status).toBe(413);
        expect(res.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', reason: 'IMPORT_TOO_MANY_ROWS', message: expect.stringContaining('million.xlsx'), params: { file: 'million.xlsx', maxRows: 20_000 } });
        expect(reasonText(res.body.reason, res.body.params)).toBe('Die Datei million.xlsx hat mehr als 20.000 Zeilen; so viele können nicht auf einmal importiert werden. Bitte teilen Sie die Liste auf.');
      });

      it('a hand-made workbook within the limits imports', async () => {
        const res = await t.http().post(`/api/v1/devices/import?dryRun=true&schoolId=${w.schoolA1}`).set('Authorization', w.officeA.auth).attach('file', workbookOf(sheetOf(4)), 'klein.xlsx').expect(200);
        expect(res.body).toMatchObject({ format: 'xlsx', rows: 3, valid: true, newDevices: 3 });
      });
    });

    it('says why a file cannot be a delivery list, each with its own code and German text', async () => {
      const cases: [Buffer, string, string][] = [
        [Buffer.from(''), 'leer.xlsx', 'fileNotWorkbook'],
        [Buffer.from('Das ist nur Text.'), 'text.xlsx', 'fileNotWorkbook'],
        [Buffer.from('Nummer;Geraet;Firma\nA-1;Laptop;Dell\n'), 'falsch.csv', 'importHeadingsMissing'],
        [Buffer.from('Inventarnummer;Typ;Hersteller;Modell\n'), 'nurkopf.csv', 'importNoRows'],
      ];
      for (const [file, name, code] of cases) {
        const res = await upload(w.officeA, file, name, `?dryRun=true&schoolId=${w.schoolA1}`).expect(400);
        expect({ name, error: res.body.fieldErrors[0] }).toMatchObject({ name, error: { field: 'file', code } });
        expect(fieldText(code)).toMatch(/^Die Datei|^Keine Überschriftenzeile/);
      }
    });

    it('needs a file', async () => {
      const res = await upload(w.officeA, null, '').expect(400);
      expect(res.body.fieldErrors[0].field).toBe('file');
    });

    it('refuses more rows than the limit with 413', async () => {
      const lines = ['Inventarnummer;Typ;Hersteller;Modell', ...Array.from({ length: 20_001 }, (_, i) => `BIG-${i};Laptop;Dell;X`)];
      const res = await upload(w.officeA, Buffer.from(lines.join('\n')), 'big.csv', `?schoolId=${w.schoolA1}`).expect(413);
      expect(res.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('20000') });
    });

    it('refuses files above 10 MB with 413', async () => {
      const res = await upload(w.officeA, Buffer.alloc(10 * 1024 * 1024 + 10, 'a'), 'huge.csv', `?schoolId=${w.schoolA1}`).expect(413);
      expect(res.body).toMatchObject({ error: 'PAYLOAD_TOO_LARGE', message: expect.stringContaining('10 MB') });
    });
  });

  describe('all or nothing under concurrency', () => {
    it('two simultaneous imports of the same file create each device once', async () => {
      const lines = ['Inventarnummer;Typ;Hersteller;Modell', ...Array.from({ length: 1_500 }, (_, i) => `RACE-${i};Laptop;Dell;X`)];
      const file = Buffer.from(lines.join('\n'));
      const results = await Promise.all([1, 2].map(() => upload(w.officeA, file, 'race.csv', `?schoolId=${w.schoolA1}`)));
      const statuses = results.map((r) => r.status).sort();
      expect([[200, 200], [200, 409]]).toContainEqual(statuses);
      expect(results.reduce((sum, r) => sum + (r.body.created ?? 0), 0)).toBe(1_500);
      expect(await count('RACE-')).toBe(1_500);
    });
  });

  describe('access', () => {
    const file = () => Buffer.from('Inventarnummer;Typ;Hersteller;Modell\nACC-1;Laptop;Dell;X\n');

    it('lets a coordinator import into their school only', async () => {
      await upload(w.coordinatorA1, file(), 'a.csv', `?schoolId=${w.schoolA2}`).expect(404);
      await upload(w.officeA, file(), 'a.csv', `?schoolId=${w.schoolB1}`).expect(404);
      await upload(w.coordinatorA1, file(), 'a.csv', `?schoolId=${w.schoolA1}`).expect(200);
      expect(await count('ACC-')).toBe(1);
    });

    it('refuses viewer and admin, and needs a login', async () => {
      await upload(w.viewerA, file(), 'a.csv', `?schoolId=${w.schoolA1}`).expect(403);
      await upload(w.admin, file(), 'a.csv', `?schoolId=${w.schoolA1}`).expect(403);
      await upload(null, file(), 'a.csv', `?schoolId=${w.schoolA1}`).expect(401);
    });
  });
});
