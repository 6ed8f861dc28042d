import { Controller, Get, Injectable, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { tenantOf } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { labelOf, yesNo } from '../i18n/labels';
import type { SchoolContractFigures } from '../licences/licence-figures.service';
import { LicenceFiguresService } from '../licences/licence-figures.service';
import { productWarnings } from '../licences/licence-rules';
import type { ContractDto, ProductDto } from '../licences/licences.dto';
import { LicencesService } from '../licences/licences.service';
import { authorityName, XlsxExporter } from './xlsx-exporter';
import { exportFileName, printInfo } from './xlsx-download';
import { ColumnDef, euros, excelDate, ExportLang, ExportLangQueryDto } from './xlsx-format';
import { ApiXlsxResponse } from './xlsx-response.decorator';

const SUM_LABEL = { de: 'Summe', en: 'Total' };

/** A product's data-protection status in words: what is missing, or that nothing is. */
export function dataProtectionStatus(p: ProductDto, lang: ExportLang): string {
  if (!p.processesStudentData) return lang === 'de' ? 'keine Schülerdaten' : 'no students’ data';
  const missing = productWarnings(p).map((w) => labelOf('licenceWarning', w.code, lang));
  return missing.length > 0 ? missing.join(', ') : lang === 'de' ? 'in Ordnung' : 'in order';
}

function notice(c: ContractDto, lang: ExportLang): string | null {
  if (c.noticePeriod === null || c.noticeUnit === null) return null;
  return `${c.noticePeriod} ${labelOf('licenceNoticeUnit', c.noticeUnit, lang)}`;
}

export function productColumns(lang: ExportLang): ColumnDef<ProductDto>[] {
  return [
    { header: { de: 'Produkt', en: 'Product' }, width: 28, kind: 'text', value: (p) => p.name },
    { header: { de: 'Anbieter', en: 'Vendor' }, width: 24, kind: 'text', value: (p) => p.vendor },
    { header: { de: 'Art', en: 'Kind' }, width: 18, kind: 'text', value: (p) => labelOf('licenceProductKind', p.kind, lang) },
    { header: { de: 'Plattformen', en: 'Platforms' }, width: 22, kind: 'text', value: (p) => p.platforms.map((x) => labelOf('licencePlatform', x, lang)).join(', ') },
    { header: { de: 'Für Schülerinnen/Schüler', en: 'For students' }, width: 12, kind: 'text', value: (p) => yesNo(p.forStudents, lang) },
    { header: { de: 'Verarbeitet Schülerdaten', en: 'Processes students’ data' }, width: 13, kind: 'text', value: (p) => yesNo(p.processesStudentData, lang) },
    { header: { de: 'AV-Vertrag unterschrieben am', en: 'DPA signed on' }, width: 14, kind: 'date', value: (p) => excelDate(p.dpaSignedOn) },
    { header: { de: 'AV-Vertrag Aktenzeichen', en: 'DPA reference' }, width: 18, kind: 'text', value: (p) => p.dpaReference },
    { header: { de: 'Datenschutz-Folgenabschätzung', en: 'DPIA done' }, width: 14, kind: 'text', value: (p) => yesNo(p.dpiaDone, lang) },
    { header: { de: 'Datenspeicherung', en: 'Hosting' }, width: 16, kind: 'text', value: (p) => labelOf('licenceHosting', p.hosting, lang) },
    { header: { de: 'Freigegeben', en: 'Approved' }, width: 11, kind: 'text', value: (p) => yesNo(p.approved, lang) },
    { header: { de: 'Datenschutz', en: 'Data protection' }, width: 30, kind: 'text', value: (p) => dataProtectionStatus(p, lang) },
    { header: { de: 'Verträge', en: 'Contracts' }, width: 9, kind: 'integer', value: (p) => p.contracts, total: (p) => p.contracts },
  ];
}

export function contractColumns(lang: ExportLang, products: Map<string, ProductDto>): ColumnDef<ContractDto>[] {
  return [
    { header: { de: 'Produkt', en: 'Product' }, width: 28, kind: 'text', value: (c) => c.productName },
    { header: { de: 'Anbieter', en: 'Vendor' }, width: 22, kind: 'text', value: (c) => c.vendor },
    { header: { de: 'Lizenzmodell', en: 'Licence model' }, width: 20, kind: 'text', value: (c) => labelOf('licenceModel', c.licenceModel, lang) },
    { header: { de: 'Für', en: 'For' }, width: 16, kind: 'text', value: (c) => (c.allSchools ? (lang === 'de' ? 'alle Schulen' : 'all schools') : lang === 'de' ? `${c.schools} Schulen` : `${c.schools} schools`) },
    { header: { de: 'Plätze gekauft', en: 'Seats bought' }, width: 10, kind: 'integer', value: (c) => c.seatsBought, total: (c) => c.seatsBought },
    { header: { de: 'Plätze zugewiesen', en: 'Seats assigned' }, width: 11, kind: 'integer', value: (c) => c.seatsAssigned, total: (c) => c.seatsAssigned },
    { header: { de: 'Plätze genutzt', en: 'Seats in use' }, width: 10, kind: 'integer', value: (c) => c.seatsInUse, total: (c) => c.seatsInUse },
    { header: { de: 'Laufzeit von', en: 'Term from' }, width: 12, kind: 'date', value: (c) => excelDate(c.termStart) },
    { header: { de: 'Laufzeit bis', en: 'Term until' }, width: 12, kind: 'date', value: (c) => excelDate(c.currentTermEnd) },
    { header: { de: 'Automatische Verlängerung', en: 'Automatic renewal' }, width: 13, kind: 'text', value: (c) => yesNo(c.autoRenewal, lang) },
    { header: { de: 'Kündigungsfrist', en: 'Notice period' }, width: 13, kind: 'text', value: (c) => notice(c, lang) },
    { header: { de: 'Letzter Kündigungstag', en: 'Last day to cancel' }, width: 13, kind: 'date', value: (c) => excelDate(c.lastDayToCancel) },
    { header: { de: 'Einmalige Kosten', en: 'One-off cost' }, width: 14, kind: 'euro', value: (c) => euros(c.oneOffCents), total: (c) => c.oneOffCents },
    { header: { de: 'Kosten je Jahr', en: 'Cost per year' }, width: 14, kind: 'euro', value: (c) => euros(c.yearlyCents), total: (c) => c.yearlyCents },
    { header: { de: 'Bestellnummer', en: 'Order reference' }, width: 16, kind: 'text', value: (c) => c.orderReference },
    { header: { de: 'Rechnungsnummer', en: 'Invoice reference' }, width: 16, kind: 'text', value: (c) => c.invoiceReference },
    { header: { de: 'Förderprogramm', en: 'Grant' }, width: 24, kind: 'text', value: (c) => c.grantTitle },
    { header: { de: 'Datenschutz', en: 'Data protection' }, width: 30, kind: 'text', value: (c) => (products.has(c.productId) ? dataProtectionStatus(products.get(c.productId)!, lang) : null) },
  ];
}

export function schoolCostColumns(): ColumnDef<SchoolContractFigures>[] {
  return [
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.schoolName },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', value: (r) => r.schoolNumber },
    { header: { de: 'Produkt', en: 'Product' }, width: 28, kind: 'text', value: (r) => r.productName },
    { header: { de: 'Plätze zugewiesen', en: 'Seats assigned' }, width: 11, kind: 'integer', value: (r) => r.seatsAssigned, total: (r) => r.seatsAssigned },
    { header: { de: 'Plätze genutzt', en: 'Seats in use' }, width: 10, kind: 'integer', value: (r) => r.seatsInUse, total: (r) => r.seatsInUse },
    { header: { de: 'Kosten je Jahr', en: 'Cost per year' }, width: 14, kind: 'euro', value: (r) => euros(r.yearlyCents), total: (r) => r.yearlyCents },
  ];
}

/**
 * GET /licences.xlsx: the licence list in three sheets: Lizenzverträge (one row per contract, with the term in force,
 * the last day to cancel, the cost and the data-protection status), Kosten je Schule (each running contract's yearly
 * cost split over its schools, see LicenceFiguresService) and Produkte (the catalogue). Small lists: read first, then written.
 */
@Injectable()
export class LicencesExportService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly exporter: XlsxExporter,
    private readonly licences: LicencesService,
    private readonly figures: LicenceFiguresService,
  ) {}

  async send(actor: Actor, lang: ExportLang, res: Response): Promise<void> {
    tenantOf(actor);
    const em = this.dataSource.manager;
    const [products, contracts, shares] = await Promise.all([this.licences.listProducts(actor, em), this.licences.allContracts(actor, {}, em), this.figures.schoolShares(actor, em)]);
    const byId = new Map(products.map((p) => [p.id, p]));
    const wholeCatalogue = actor.role !== 'coordinator';
    const inView = new Set(contracts.map((c) => c.productId));
    await this.exporter.send(res, lang, async ({ db, download }) => {
      const authority = await authorityName(db, actor);
      download.start(exportFileName([authority, lang === 'de' ? 'Lizenzen' : 'Licences', todayInBerlin()]), printInfo(lang, lang === 'de' ? 'Lizenzen' : 'Licences', authority));
      const contractSheet = download.book.addSheet(lang === 'de' ? 'Lizenzverträge' : 'Contracts', contractColumns(lang, byId));
      await contractSheet.addRows(contracts);
      contractSheet.addTotalsRow(SUM_LABEL[lang]);
      contractSheet.commit();
      const costSheet = download.book.addSheet(lang === 'de' ? 'Kosten je Schule' : 'Cost per school', schoolCostColumns());
      await costSheet.addRows([...shares].sort((a, b) => a.schoolName.localeCompare(b.schoolName, 'de') || a.schoolId.localeCompare(b.schoolId) || a.productName.localeCompare(b.productName, 'de')));
      costSheet.addTotalsRow(SUM_LABEL[lang]);
      costSheet.commit();
      const productSheet = download.book.addSheet(lang === 'de' ? 'Produkte' : 'Products', productColumns(lang));
      await productSheet.addRows(products.filter((p) => wholeCatalogue || inView.has(p.id)));
      productSheet.commit();
      await download.finish();
    });
  }
}

@ApiTags('exports')
@Authenticated()
@Controller({ version: '1' })
export class LicencesExportController {
  constructor(private readonly exports: LicencesExportService) {}

  // The swagger plugin reads doc comments of *.controller.ts files only: the summary is stated here.
  @ApiOperation({ summary: "The licence list (contracts, cost per school, products with their data-protection status) of the caller's view." })
  @Get('licences.xlsx')
  @Roles('office', 'coordinator', 'viewer')
  @ApiXlsxResponse('The licence list (three sheets).')
  licencesXlsx(@CurrentActor() actor: Actor, @Query() query: ExportLangQueryDto, @Res() res: Response): Promise<void> {
    return this.exports.send(actor, query.lang ?? 'de', res);
  }
}
