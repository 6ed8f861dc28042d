import { Injectable } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { todayInBerlin } from '../common/dates';
import { labelOf } from '../i18n/labels';
import { StocktakingsService } from '../stocktakings/stocktakings.service';
import type { StocktakingExportRow } from '../stocktakings/stocktakings.queries';
import { authorityName, XlsxExporter } from './xlsx-exporter';
import { exportFileName, printInfo } from './xlsx-download';
import { ColumnDef, INTEGER_FORMAT } from './xlsx-format';

/** A timestamp as people read it in Germany: 21.11.2026 14:05. */
export function berlinDateTime(value: Date | string | null): string | null {
  if (!value) return null;
  const parts = new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(
    value instanceof Date ? value : new Date(value),
  );
  return parts.replace(',', '');
}

const room = (r: string | null) => (r === null ? null : r === '' ? 'ohne Raum' : r);

export const STOCKTAKING_DEVICE_COLUMNS: ColumnDef<StocktakingExportRow>[] = [
  { header: { de: 'Raum (erwartet)', en: 'Expected room' }, width: 16, kind: 'text', value: (r) => (r.part === 2 ? null : room(r.expectedRoom)) },
  { header: { de: 'Inventarnummer', en: 'Inventory number' }, width: 20, kind: 'text', value: (r) => r.inventoryNumber },
  { header: { de: 'Seriennummer', en: 'Serial number' }, width: 16, kind: 'text', value: (r) => r.serialNumber },
  { header: { de: 'Gerätetyp', en: 'Type' }, width: 14, kind: 'text', value: (r) => labelOf('deviceType', r.type) },
  { header: { de: 'Hersteller', en: 'Manufacturer' }, width: 12, kind: 'text', value: (r) => r.manufacturer },
  { header: { de: 'Modell', en: 'Model' }, width: 20, kind: 'text', value: (r) => r.model },
  {
    header: { de: 'Ergebnis', en: 'Result' },
    width: 24,
    kind: 'text',
    value: (r) => (r.elsewhere ? `${labelOf('countListResult', r.result)} (${labelOf('elsewhereKind', r.elsewhere)})` : labelOf('countListResult', r.result)),
  },
  { header: { de: 'Gefunden in Raum', en: 'Found in room' }, width: 16, kind: 'text', value: (r) => room(r.foundRoom) },
  { header: { de: 'Gezählt von', en: 'Counted by' }, width: 18, kind: 'text', value: (r) => r.countedBy },
  { header: { de: 'Gezählt am', en: 'Counted at' }, width: 16, kind: 'text', value: (r) => berlinDateTime(r.countedAt) },
  { header: { de: 'Entscheidung', en: 'Decision' }, width: 20, kind: 'text', value: (r) => labelOf('missingResolution', r.resolution) },
  { header: { de: 'Notiz', en: 'Note' }, width: 24, kind: 'text', value: (r) => r.note },
];

const BLANK_LINE = '______________________________';

/**
 * GET /stocktakings/{id}/export.xlsx: the count list (Inventurliste) in German. "Übersicht": the facts, one row per room
 * (erwartet, gefunden, an anderem Ort gefunden, fehlt, unbekannt) with totals, who counted when, and signature lines
 * for every counting person; "Geräte": every device with its result.
 */
@Injectable()
export class StocktakingExportService {
  constructor(
    private readonly exporter: XlsxExporter,
    private readonly stocktakings: StocktakingsService,
  ) {}

  async send(actor: Actor, id: string, res: Response): Promise<void> {
    await this.stocktakings.get(actor, id); // 404 before an export slot is taken
    await this.exporter.send(res, 'de', async ({ db, download }) => {
      const authority = await authorityName(db, actor);
      const { stocktaking: st, counters, devices: rows } = await this.stocktakings.exportIn(db.manager, actor, id);
      download.start(exportFileName([authority, 'Inventur', st.schoolName], todayInBerlin(new Date(st.startedAt))), printInfo('de', `Inventur ${st.schoolName}`, authority));

      const overview = download.book.addSheet<never>(
        'Übersicht',
        [18, 12, 12, 22, 10, 12].map((width) => ({ header: { de: '', en: '' }, width, kind: 'text' as const, value: () => null })),
        { header: false, landscape: false },
      );
      overview.addCells([`Inventur – ${st.schoolName}`], { bold: true });
      overview.addCells(['Schulträger', authority]);
      overview.addCells(['Räume', st.rooms ? st.rooms.map((r) => room(r)).join(', ') : 'ganze Schule']);
      overview.addCells(['Begonnen am', berlinDateTime(st.startedAt), st.startedBy ? `von ${st.startedBy}` : null]);
      overview.addCells(['Abgeschlossen am', st.closedAt ? berlinDateTime(st.closedAt) : 'noch offen', st.closedBy ? `von ${st.closedBy}` : null]);
      overview.addCells([]);
      overview.addCells(['Raum', 'Erwartet', 'Gefunden', 'An anderem Ort gefunden', 'Fehlt', 'Unbekannt'], { bold: true });
      const int = (value: number) => ({ value, numFmt: INTEGER_FORMAT });
      for (const p of st.progress) overview.addCells([room(p.room), int(p.expected), int(p.found), int(p.foundElsewhere), int(p.missing), int(p.unknown)]);
      overview.addCells(['Summe', int(st.expected), int(st.found), int(st.foundElsewhere), int(st.missing), int(st.unknown)], { bold: true });
      overview.addCells([]);
      overview.addCells(['Gezählt von', 'Scans', 'Erster Scan', 'Letzter Scan'], { bold: true });
      for (const c of counters) overview.addCells([c.name, int(c.scans), berlinDateTime(c.first), berlinDateTime(c.last)]);
      overview.addCells([]);
      overview.addCells(['Die Zählung wurde wie angegeben durchgeführt.']);
      for (const c of counters) {
        overview.addCells([]);
        overview.addCells([`Ort, Datum: ${BLANK_LINE}`, null, null, `Unterschrift: ${BLANK_LINE}`]);
        overview.addCells([null, null, null, c.name]);
      }
      overview.commit();

      const devices = download.book.addSheet('Geräte', STOCKTAKING_DEVICE_COLUMNS);
      await devices.addRows(rows);
      devices.commit();
      await download.finish();
    });
  }
}
