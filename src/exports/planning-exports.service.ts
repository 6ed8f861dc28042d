import { todayInBerlin } from '../common/dates';
import { Injectable } from '@nestjs/common';
import { IntersectionType, OmitType } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { tenantOf } from '../common/access';
import type { SchoolCoverage } from '../coverage/coverage-math';
import { CoverageQueryDto } from '../coverage/coverage.dto';
import { CoverageService } from '../coverage/coverage.service';
import { ListNeedsQueryDto } from '../needs/needs.dto';
import type { NeedRow, NeedTotalsRow } from '../needs/needs.queries';
import { NeedsService } from '../needs/needs.service';
import { labelOf, yesNo } from '../i18n/labels';
import { authorityName, measureColumns, XlsxExporter } from './xlsx-exporter';
import { exportFileName, printInfo } from './xlsx-download';
import { NEED_CATEGORIES, NEED_STATUSES } from '../needs/needs-workflow';
import type { SheetWriter } from './paced-workbook';
import { ColumnDef, contentLengthsOfRows, EURO_FORMAT, euros, excelDate, ExportLang, ExportLangQueryDto, INTEGER_FORMAT, labelWidth, StyledCell } from './xlsx-format';

export class CoverageExportQueryDto extends IntersectionType(CoverageQueryDto, ExportLangQueryDto) {}
export class NeedsExportQueryDto extends IntersectionType(OmitType(ListNeedsQueryDto, ['limit', 'cursor'] as const), ExportLangQueryDto) {}

const count = (value: (r: SchoolCoverage) => number) => ({ kind: 'integer' as const, value, total: value });

export function coverageColumns(lang: ExportLang): ColumnDef<SchoolCoverage>[] {
  return [
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.name },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', value: (r) => r.schoolNumber },
    { header: { de: 'Schulform', en: 'School type' }, width: labelWidth('schoolType', lang), kind: 'text', value: (r) => labelOf('schoolType', r.schoolType, lang) },
    { header: { de: 'Schüler/innen', en: 'Students' }, width: 11, ...count((r) => r.students.count) },
    { header: { de: 'Schülergeräte', en: 'Student devices' }, width: 11, ...count((r) => r.students.devices) },
    { header: { de: 'Schüler/innen je Gerät', en: 'Students per device' }, width: 12, kind: 'decimal', value: (r) => r.students.perDevice },
    { header: { de: 'Ziel je Gerät', en: 'Target per device' }, width: 10, kind: 'decimal', value: (r) => r.students.target },
    { header: { de: 'Fehlende Schülergeräte', en: 'Missing student devices' }, width: 12, ...count((r) => r.students.shortfall) },
    { header: { de: 'Lehrkräfte', en: 'Teachers' }, width: 10, ...count((r) => r.teachers.count) },
    { header: { de: 'Lehrergeräte', en: 'Teacher devices' }, width: 11, ...count((r) => r.teachers.devices) },
    { header: { de: 'Fehlende Lehrergeräte', en: 'Missing teacher devices' }, width: 12, ...count((r) => r.teachers.shortfall) },
    { header: { de: 'Kosten Fehlbedarf', en: 'Cost of the shortfall' }, width: 15, kind: 'euro', value: (r) => euros(r.shortfall.costCents), total: (r) => r.shortfall.costCents },
    { header: { de: 'Über Austauschalter', en: 'Past replacement age' }, width: 12, ...count((r) => r.replacement.pastAge) },
    { header: { de: 'Alter unbekannt', en: 'Age unknown' }, width: 10, ...count((r) => r.replacement.unknownAge) },
    { header: { de: 'Ersatzkosten', en: 'Replacement cost' }, width: 15, kind: 'euro', value: (r) => euros(r.replacement.costCents), total: (r) => r.replacement.costCents },
    { header: { de: 'In Reparatur', en: 'In repair' }, width: 10, ...count((r) => r.inRepair) },
    { header: { de: 'Verloren', en: 'Lost' }, width: 9, ...count((r) => r.lost) },
    { header: { de: 'Bandbreite (Mbit/s)', en: 'Broadband (Mbit/s)' }, width: 12, kind: 'integer', value: (r) => r.broadband.mbps },
    { header: { de: 'Mbit/s je Klasse', en: 'Mbit/s per class' }, width: 11, kind: 'decimal', value: (r) => r.broadband.mbpsPerClass },
    { header: { de: 'Versorgt', en: 'Served' }, width: 9, kind: 'text', value: (r) => yesNo(r.broadband.served, lang) },
    { header: { de: 'WLAN-Abdeckung', en: 'Wi-Fi coverage' }, width: 11, kind: 'percent', value: (r) => (r.wlan.percent === null ? null : r.wlan.percent / 100) },
    { header: { de: 'WLAN-Ziel erreicht', en: 'Wi-Fi target met' }, width: 11, kind: 'text', value: (r) => yesNo(r.wlan.meetsTarget, lang) },
  ];
}

/** A timestamp as the German calendar day it happened on. */
function berlinDay(value: Date | string | null): Date | null {
  if (!value) return null;
  return excelDate(todayInBerlin(value instanceof Date ? value : new Date(value)));
}

export function needColumns(lang: ExportLang): ColumnDef<NeedRow>[] {
  return [
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', measure: 'q."schoolName"', value: (r) => r.schoolName },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', measure: 'q."schoolNumber"', value: (r) => r.schoolNumber },
    { header: { de: 'Bereich', en: 'Category' }, width: labelWidth('needCategory', lang), kind: 'text', value: (r) => labelOf('needCategory', r.category, lang) },
    { header: { de: 'Titel', en: 'Title' }, width: 34, kind: 'text', measure: 'q.title', value: (r) => r.title },
    // Quantities of different things (tablets, access points, a fibre line) are never added up: no totals row here,
    // the summary sheet counts them per category.
    { header: { de: 'Menge', en: 'Quantity' }, width: 9, kind: 'integer', value: (r) => r.quantity },
    { header: { de: 'Geschätzte Kosten', en: 'Estimated cost' }, width: 15, kind: 'euro', value: (r) => euros(r.estimatedCostCents) },
    { header: { de: 'Priorität', en: 'Priority' }, width: labelWidth('needPriority', lang), kind: 'text', value: (r) => labelOf('needPriority', r.priority, lang) },
    { header: { de: 'Status', en: 'Status' }, width: labelWidth('needStatus', lang), kind: 'text', value: (r) => labelOf('needStatus', r.status, lang) },
    { header: { de: 'Genehmigte Menge', en: 'Approved quantity' }, width: 11, kind: 'integer', value: (r) => r.approvedQuantity },
    { header: { de: 'Genehmigter Betrag', en: 'Approved amount' }, width: 15, kind: 'euro', value: (r) => euros(r.approvedCents) },
    { header: { de: 'Begründung', en: 'Justification' }, width: 40, kind: 'text', measure: 'q.justification', value: (r) => r.justification },
    { header: { de: 'Entscheidungsgrund', en: 'Decision reason' }, width: 30, kind: 'text', measure: 'q."decisionReason"', value: (r) => r.decisionReason },
    { header: { de: 'Eingereicht am', en: 'Submitted on' }, width: 13, kind: 'date', value: (r) => berlinDay(r.submittedAt) },
    { header: { de: 'Entschieden am', en: 'Decided on' }, width: 13, kind: 'date', value: (r) => berlinDay(r.decidedAt) },
  ];
}

const NEED_SUMMARY_COLUMNS: ColumnDef<never>[] = [40, 12, 14, 14, 16, 16].map((width) => ({ header: { de: '', en: '' }, width, kind: 'text', value: () => null }));

/**
 * The needs summary sheet: per category the requests and their quantities (a count of things of one kind), per status
 * the requests and their money. Quantities of different categories are never added up; money is, within one status.
 */
export function writeNeedSummary(sheet: SheetWriter<never>, byCategory: NeedTotalsRow[], byStatus: NeedTotalsRow[], lang: ExportLang): void {
  const de = lang === 'de';
  const euro = (cents: number): StyledCell => ({ value: cents / 100, numFmt: EURO_FORMAT });
  const count = (n: number): StyledCell => ({ value: n, numFmt: INTEGER_FORMAT });
  sheet.addCells([{ value: de ? 'Mengen nach Bereich' : 'Quantities by category', bold: true }]);
  sheet.addHeader(de ? ['Bereich', 'Meldungen', 'Menge beantragt', 'Menge genehmigt'] : ['Category', 'Requests', 'Quantity requested', 'Quantity approved']);
  const categories = new Map(byCategory.map((r) => [r.key, r]));
  for (const category of NEED_CATEGORIES) {
    const r = categories.get(category);
    if (r) sheet.addCells([{ value: labelOf('needCategory', category, lang), wrap: true }, count(r.requests), count(r.quantity), count(r.approvedQuantity)]);
  }
  if (byCategory.length === 0) sheet.addCells([de ? 'Keine Bedarfsmeldungen.' : 'No requests.']);
  sheet.addCells([]);
  sheet.addCells([{ value: de ? 'Summen nach Status' : 'Totals by status', bold: true }]);
  sheet.addHeader(de ? ['Status', 'Meldungen', '', '', 'Geschätzte Kosten', 'Genehmigter Betrag'] : ['Status', 'Requests', '', '', 'Estimated cost', 'Approved amount']);
  const statuses = new Map(byStatus.map((r) => [r.key, r]));
  for (const status of NEED_STATUSES) {
    const r = statuses.get(status);
    if (r) sheet.addCells([labelOf('needStatus', status, lang), count(r.requests), null, null, euro(r.estimatedCents), euro(r.approvedCents)]);
  }
}

const SUM_LABEL = { de: 'Summe', en: 'Total' };

@Injectable()
export class PlanningExportsService {
  constructor(
    private readonly exporter: XlsxExporter,
    private readonly coverage: CoverageService,
    private readonly needs: NeedsService,
  ) {}

  /**
   * GET /coverage.xlsx: the coverage list, every school at once, sorted like the list, with totals of the counts and costs.
   * The report is one row per school (computed by CoverageService), so it is built in memory and written paced.
   */
  async coverageXlsx(actor: Actor, query: CoverageExportQueryDto, res: Response): Promise<void> {
    const lang = query.lang ?? 'de';
    tenantOf(actor);
    const report = await this.coverage.listForActor(actor, query);
    await this.exporter.send(res, lang, async ({ db, download }) => {
      const authority = await authorityName(db, actor);
      download.start(
        exportFileName([authority, lang === 'de' ? 'Abdeckung' : 'Coverage', report.asOf === todayInBerlin() ? '' : `Stand_${report.asOf}`]),
        printInfo(lang, lang === 'de' ? 'Ausstattung und Abdeckung der Schulen' : 'Coverage of the schools', authority, report.asOf === todayInBerlin() ? null : report.asOf),
      );
      const columns = coverageColumns(lang);
      const sheet = download.book.addSheet(lang === 'de' ? 'Abdeckung' : 'Coverage', columns, { contentLengths: contentLengthsOfRows(columns, report.items) });
      await sheet.addRows(report.items);
      sheet.addTotalsRow(SUM_LABEL[lang]);
      sheet.commit();
      await download.finish();
    });
  }

  /** GET /needs.xlsx: the needs list with its filters (newest first), with totals of quantities and money. */
  async needsXlsx(actor: Actor, query: NeedsExportQueryDto, res: Response): Promise<void> {
    const lang = query.lang ?? 'de';
    tenantOf(actor);
    await this.exporter.send(res, lang, async ({ db, download }) => {
      const authority = await authorityName(db, actor);
      const { lang: _lang, ...filter } = query;
      const queries = this.needs.exportQueries(actor, filter);
      const columns = needColumns(lang);
      const contentLengths = await measureColumns(db, columns, queries.requests);
      const byCategory = await db.query<NeedTotalsRow>(queries.byCategory.sql, queries.byCategory.params);
      const byStatus = await db.query<NeedTotalsRow>(queries.byStatus.sql, queries.byStatus.params);
      const needs = await db.cursor<NeedRow>(`/* export:needs */ ${queries.requests.sql}`, queries.requests.params);
      download.start(exportFileName([authority, lang === 'de' ? 'Bedarfe' : 'Needs']), printInfo(lang, lang === 'de' ? 'Bedarfsmeldungen' : 'Needs requests', authority));
      const sheet = download.book.addSheet(lang === 'de' ? 'Bedarfsmeldungen' : 'Needs requests', columns, { contentLengths });
      for await (const batch of needs) await sheet.addRows(batch);
      sheet.commit();
      const summary = download.book.addSheet(lang === 'de' ? 'Summen' : 'Totals', NEED_SUMMARY_COLUMNS, { header: false, landscape: false });
      writeNeedSummary(summary, byCategory, byStatus, lang);
      summary.commit();
      await download.finish();
    });
  }
}
