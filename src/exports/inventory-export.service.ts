import { Injectable } from '@nestjs/common';
import { IntersectionType } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { DeviceFilterQueryDto } from '../devices/device-filters';
import type { DeviceExportRow, DeviceIdentityRow } from '../devices/devices.queries';
import { DevicesService } from '../devices/devices.service';
import { labelOf } from '../i18n/labels';
import { labelWidth } from './xlsx-format';
import { authorityName, measureColumns, XlsxExporter } from './xlsx-exporter';
import { exportFileName, printInfo } from './xlsx-download';
import { ColumnDef, euros, excelDate, ExportLang, ExportLangQueryDto } from './xlsx-format';

/** The device list's filters and sort, plus the language of the file. */
export class InventoryExportQueryDto extends IntersectionType(DeviceFilterQueryDto, ExportLangQueryDto) {}

/** The columns that identify a device (DeviceIdentityRow), first in every device list. */
export function deviceIdentityColumns<Row extends DeviceIdentityRow>(lang: ExportLang): ColumnDef<Row>[] {
  return [
    { header: { de: 'Inventarnummer', en: 'Inventory number' }, width: 18, kind: 'text', measure: 'q."inventoryNumber"', value: (r) => r.inventoryNumber },
    { header: { de: 'Seriennummer', en: 'Serial number' }, width: 20, kind: 'text', measure: 'q."serialNumber"', value: (r) => r.serialNumber },
    { header: { de: 'Gerätetyp', en: 'Type' }, width: labelWidth('deviceType', lang), kind: 'text', value: (r) => labelOf('deviceType', r.type, lang) },
    { header: { de: 'Hersteller', en: 'Manufacturer' }, width: 14, kind: 'text', measure: 'q.manufacturer', value: (r) => r.manufacturer },
    { header: { de: 'Modell', en: 'Model' }, width: 24, kind: 'text', measure: 'q.model', value: (r) => r.model },
  ];
}

export function inventoryColumns(lang: ExportLang): ColumnDef<DeviceExportRow>[] {
  return [
    ...deviceIdentityColumns<DeviceExportRow>(lang),
    { header: { de: 'Betriebssystem', en: 'Operating system' }, width: 16, kind: 'text', measure: 'q."operatingSystem"', value: (r) => r.operatingSystem },
    { header: { de: 'Schule', en: 'School' }, width: 32, kind: 'text', measure: 'q."schoolName"', value: (r) => r.schoolName },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', measure: 'q."schoolNumber"', value: (r) => r.schoolNumber },
    { header: { de: 'Standort', en: 'Location' }, width: 16, kind: 'text', measure: 'q.location', value: (r) => r.location },
    { header: { de: 'Status', en: 'Status' }, width: labelWidth('deviceStatus', lang), kind: 'text', value: (r) => labelOf('deviceStatus', r.status, lang) },
    { header: { de: 'Kaufdatum', en: 'Purchase date' }, width: 12, kind: 'date', value: (r) => excelDate(r.purchaseDate) },
    { header: { de: 'Kaufpreis', en: 'Price' }, width: 13, kind: 'euro', value: (r) => euros(r.purchasePriceCents) },
    { header: { de: 'Inbetriebnahme', en: 'Commissioned on' }, width: 14, kind: 'date', value: (r) => excelDate(r.commissionedOn) },
    { header: { de: 'Garantie bis', en: 'Warranty until' }, width: 13, kind: 'date', value: (r) => excelDate(r.warrantyUntil) },
  ];
}

@Injectable()
export class InventoryExportService {
  constructor(
    private readonly exporter: XlsxExporter,
    private readonly devices: DevicesService,
  ) {}

  /** GET /exports/inventory.xlsx: every device the list would show for these filters, one sheet. */
  async send(actor: Actor, query: InventoryExportQueryDto, res: Response): Promise<void> {
    const lang = query.lang ?? 'de';
    await this.exporter.send(res, lang, async ({ db, download }) => {
      const authority = await authorityName(db, actor);
      const { sql, params } = this.devices.exportQuery(actor, query);
      const columns = inventoryColumns(lang);
      const contentLengths = await measureColumns(db, columns, this.devices.exportQuery(actor, query, { ordered: false }));
      const devices = await db.cursor<DeviceExportRow>(sql, params);
      download.start(exportFileName([authority, lang === 'de' ? 'Inventar' : 'Inventory']), printInfo(lang, lang === 'de' ? 'Inventar' : 'Inventory', authority));
      const sheet = download.book.addSheet(lang === 'de' ? 'Inventar' : 'Inventory', columns, { contentLengths });
      for await (const batch of devices) await sheet.addRows(batch);
      sheet.commit();
      await download.finish();
    });
  }
}
