import { LABEL_FORMATS } from '../src/labels/label-formats';
import { createDevice, createSchool, World } from './factories';
import { allocate, createGrant, spend } from './grants-fixtures';
import { createTestWorld, TestApp } from './harness';
import { PdfFile } from './support/pdf';
import { binaryParser } from './xlsx-helpers';

describe('Labels: POST /api/v1/labels.pdf', () => {
  let t: TestApp;
  let w: World;
  let umlautSchool: string;
  const a1: { id: string; inv: string }[] = [];

  const print = (auth: string | undefined, body: Record<string, unknown>) => {
    const req = t.http().post('/api/v1/labels.pdf').buffer(true).parse(binaryParser as never).send(body);
    return auth ? req.set('Authorization', auth) : req;
  };
  const json = (auth: string, body: Record<string, unknown>) => t.http().post('/api/v1/labels.pdf').set('Authorization', auth).send(body);

  /** The rectangle of label `position` (0-based on its page) straight from the format table. */
  const labelRect = (formatId: keyof typeof LABEL_FORMATS, position: number) => {
    const f = LABEL_FORMATS[formatId];
    const column = position % f.columns;
    const row = Math.floor(position / f.columns);
    return { x: f.left + column * f.pitchX, y: f.top + row * f.pitchY, width: f.labelWidth, height: f.labelHeight };
  };

  beforeAll(async () => {
    ({ t, w } = await createTestWorld());
    const ds = t.dataSource;
    umlautSchool = await createSchool(ds, w.authorityA, { name: 'Gesamtschule Şişli-Łódź an der Straße' });
    for (let i = 1; i <= 5; i++) {
      const inv = `A1-LBL-${String(i).padStart(4, '0')}`;
      a1.push({ id: await createDevice(ds, w.authorityA, w.schoolA1, { inventoryNumber: inv, model: 'ThinkPad L13 Gen 4' }), inv });
    }
    await ds.query(`UPDATE devices SET location = 'Raum 204' WHERE id = ANY($1)`, [a1.slice(0, 2).map((d) => d.id)]);
    await createDevice(ds, w.authorityA, umlautSchool, { inventoryNumber: 'GE-0001' });
    await createDevice(ds, w.authorityA, umlautSchool, { inventoryNumber: 'GE-ŞİŞLİ-2' });
    await createDevice(ds, w.authorityA, w.schoolA2, { inventoryNumber: 'A2-LBL-0001' });
    await createDevice(ds, w.authorityB, w.schoolB1, { inventoryNumber: 'B1-LBL-0001' });
  });
  afterAll(() => t.close());

  it('answers 401 without a token and 403 for viewers and the platform admin', async () => {
    await print(undefined, { format: 'avery-3475' }).expect(401);
    await json(w.viewerA.auth, { format: 'avery-3475', schoolId: w.schoolA1 }).expect(403);
    await json(w.admin.auth, { format: 'avery-3475' }).expect(403);
  });

  it('prints an Avery 3475 sheet from label 2 on: text, both codes of every label inside its rectangle, A4', async () => {
    const res = await print(w.coordinatorA1.auth, { format: 'avery-3475', schoolId: w.schoolA1, startAt: 2, showModel: true }).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const pdf = new PdfFile(res.body as Buffer);
    try {
      expect(pdf.info()).toEqual({ pages: 1, width: 595.276, height: 841.89 });
      const text = pdf.text();
      for (const d of a1) expect(text).toContain(d.inv);
      expect(text).toContain('Eigentum der Stadt A');
      expect(text).toContain('A1 Gymnasium');
      expect(text).toContain('Laptop · Lenovo ThinkPad L13 Gen 4');
      // Position 0 is the used label: empty. Then the devices in inventory order, each fully inside its own rectangle.
      expect(pdf.codesIn(1, labelRect('avery-3475', 0))).toEqual([]);
      a1.forEach((d, i) => {
        expect(pdf.codesIn(1, labelRect('avery-3475', i + 1))).toEqual([`CODE-128:${d.inv}`, `QR-Code:${d.inv}`]);
      });
      expect(pdf.codesIn(1, labelRect('avery-3475', 6))).toEqual([]);
    } finally {
      pdf.close();
    }
  });

  it('fills L4736 and L6011 sheets to the next page and decodes every label', async () => {
    for (const [format, perPage] of [['avery-l4736', 48], ['avery-l6011', 27]] as const) {
      const res = await print(w.officeA.auth, { format, deviceIds: a1.map((d) => d.id), startAt: perPage - 2 }).expect(200);
      const pdf = new PdfFile(res.body as Buffer);
      try {
        expect(pdf.info().pages).toBe(2);
        // Three on the last positions of page 1, two at the top of page 2.
        const slots = [[1, perPage - 3], [1, perPage - 2], [1, perPage - 1], [2, 0], [2, 1]] as const;
        slots.forEach(([page, position], i) => {
          expect(pdf.codesIn(page, labelRect(format, position))).toEqual([`CODE-128:${a1[i].inv}`, `QR-Code:${a1[i].inv}`]);
        });
      } finally {
        pdf.close();
      }
    }
  });

  it('prints a long, wide inventory number whole on the smallest label (smaller, never cut)', async () => {
    const inv = 'WMWM-MWMW-2026-000017';
    const id = await createDevice(t.dataSource, w.authorityA, w.schoolA2, { inventoryNumber: inv });
    const res = await print(w.officeA.auth, { format: 'avery-l4736', deviceIds: [id] }).expect(200);
    const pdf = new PdfFile(res.body as Buffer);
    try {
      const text = pdf.text();
      expect(text).toContain(inv);
      expect(text).not.toContain('WMWM-MWMW…');
      expect(pdf.codesIn(1, labelRect('avery-l4736', 0), 600)).toEqual([`CODE-128:${inv}`, `QR-Code:${inv}`]);
    } finally {
      pdf.close();
    }
  });

  it('prints one label per page of the roll formats, in the label size, and text in any alphabet', async () => {
    for (const format of ['roll-62x29', 'roll-57x32'] as const) {
      const f = LABEL_FORMATS[format];
      const res = await print(w.officeA.auth, { format, schoolId: umlautSchool }).expect(200);
      const pdf = new PdfFile(res.body as Buffer);
      try {
        const info = pdf.info();
        expect(info.pages).toBe(2);
        expect(info.width).toBeCloseTo((f.pageWidth / 25.4) * 72, 2);
        expect(info.height).toBeCloseTo((f.pageHeight / 25.4) * 72, 2);
        const text = pdf.text();
        expect(text).toContain('GE-0001');
        expect(text).toContain('GE-ŞİŞLİ-2');
        expect(text).toContain('Şişli-Łódź');
        const whole = { x: 0, y: 0, width: f.labelWidth, height: f.labelHeight };
        expect(pdf.codesIn(1, whole, 600)).toEqual(['CODE-128:GE-0001', 'QR-Code:GE-0001']);
        // Code 128 has no letters beyond ASCII: such a number gets only its QR code (UTF-8).
        expect(pdf.codesIn(2, whole, 600).map((c) => c.split(':')[0])).toEqual(['QR-Code']);
      } finally {
        pdf.close();
      }
    }
  });

  it('records labelledAt, audits the print, and the device list filters "not labelled yet"', async () => {
    const [fresh] = await t.dataSource.query(`SELECT id FROM devices WHERE inventory_number = 'A2-LBL-0001'`);
    const before = await t.http().get(`/api/v1/devices?schoolId=${w.schoolA2}&notLabelled=true`).set('Authorization', w.officeA.auth).expect(200);
    expect(before.body.items.map((d: { id: string }) => d.id)).toEqual([fresh.id]);
    expect(before.body.items[0].labelledAt).toBeNull();
    const [{ version }] = await t.dataSource.query(`SELECT version FROM devices WHERE id = $1`, [fresh.id]);
    await print(w.officeA.auth, { format: 'roll-62x29', schoolId: w.schoolA2, notLabelled: true }).expect(200);
    const [row] = await t.dataSource.query(`SELECT labelled_at, version FROM devices WHERE id = $1`, [fresh.id]);
    expect(row.labelled_at).toBeInstanceOf(Date);
    expect(row.version).toBe(version);
    const after = await t.http().get(`/api/v1/devices?schoolId=${w.schoolA2}&notLabelled=true`).set('Authorization', w.officeA.auth).expect(200);
    expect(after.body.items).toEqual([]);
    const detail = await t.http().get(`/api/v1/devices/${fresh.id}`).set('Authorization', w.officeA.auth).expect(200);
    expect(new Date(detail.body.labelledAt).getTime()).toBe(row.labelled_at.getTime());
    const [audit] = await t.dataSource.query(`SELECT changes FROM audit_log WHERE action = 'labels.printed' ORDER BY id DESC LIMIT 1`);
    expect(audit.changes.meta).toEqual({ format: 'roll-62x29', startAt: 1, count: 1, deviceIds: [fresh.id] });
  });

  it('takes the device list filters room and grant', async () => {
    const room = await json(w.officeA.auth, { format: 'avery-3475', location: 'raum 204' }).buffer(true).parse(binaryParser as never).expect(200);
    const roomPdf = new PdfFile(room.body as Buffer);
    const roomText = roomPdf.text();
    roomPdf.close();
    expect(a1.filter((d) => roomText.includes(d.inv)).map((d) => d.inv)).toEqual([a1[0].inv, a1[1].inv]);

    const grant = await createGrant(t, w.officeA);
    await allocate(t, w.officeA, grant.id, w.schoolA1, 1_000_000);
    await spend(t, w.officeA, grant.id, w.schoolA1, { deviceIds: [a1[4].id] });
    const listed = await t.http().get(`/api/v1/devices?grantId=${grant.id}`).set('Authorization', w.officeA.auth).expect(200);
    expect(listed.body.items.map((d: { inventoryNumber: string }) => d.inventoryNumber)).toEqual([a1[4].inv]);
    const res = await print(w.officeA.auth, { format: 'avery-3475', grantId: grant.id }).expect(200);
    const pdf = new PdfFile(res.body as Buffer);
    try {
      expect(pdf.codesIn(1, labelRect('avery-3475', 0))).toEqual([`CODE-128:${a1[4].inv}`, `QR-Code:${a1[4].inv}`]);
    } finally {
      pdf.close();
    }
  });

  it('answers 404 for devices of another school or authority, and 400 naming the field for bad requests', async () => {
    const [a2] = await t.dataSource.query(`SELECT id FROM devices WHERE inventory_number = 'A2-LBL-0001'`);
    const [b1] = await t.dataSource.query(`SELECT id FROM devices WHERE inventory_number = 'B1-LBL-0001'`);
    await json(w.coordinatorA1.auth, { format: 'avery-3475', deviceIds: [a1[0].id, a2.id] }).expect(404);
    await json(w.officeB.auth, { format: 'avery-3475', deviceIds: [a1[0].id] }).expect(404);
    await json(w.officeA.auth, { format: 'avery-3475', deviceIds: [b1.id] }).expect(404);
    // A coordinator's filter on a foreign school matches nothing.
    const foreign = await json(w.coordinatorA1.auth, { format: 'avery-3475', schoolId: w.schoolA2 }).expect(400);
    expect(foreign.body.message).toBe('No device matches; nothing to print');

    const tooFar = await json(w.officeA.auth, { format: 'avery-3475', schoolId: w.schoolA1, startAt: 25 }).expect(400);
    expect(tooFar.body.fieldErrors).toEqual([{ field: 'startAt', code: 'startAtRange', params: { max: 24 }, messages: ['startAt must be between 1 and 24 for this format'] }]);
    const badFormat = await json(w.officeA.auth, { format: 'avery-9999' }).expect(400);
    expect(badFormat.body.fieldErrors[0].field).toBe('format');
    const badIds = await json(w.officeA.auth, { format: 'avery-3475', deviceIds: ['nope'] }).expect(400);
    expect(badIds.body.fieldErrors[0].field).toBe('deviceIds');
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM devices WHERE labelled_at IS NOT NULL AND inventory_number LIKE 'B1%'`);
    expect(n).toBe(0);
  });

  it('lists the formats of the table', async () => {
    const res = await t.http().get('/api/v1/labels/formats').set('Authorization', w.viewerA.auth).expect(200);
    expect(res.body.map((f: { id: string }) => f.id)).toEqual(['avery-3475', 'avery-l4736', 'avery-l6011', 'roll-62x29', 'roll-57x32']);
    expect(res.body[0]).toMatchObject({ labelWidth: 70, labelHeight: 36, columns: 3, rows: 8 });
    await t.http().get('/api/v1/labels/formats').expect(401);
  });
});
