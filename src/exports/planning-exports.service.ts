import { todayInBerlin } from '../common/dates';
import { Injectable } from '@nestjs/common';
import { IntersectionType, OmitType } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { tenantOf } from '../common/access';
import type { SchoolCoverage } from '../coverage/coverage-math';
import { CoverageQueryDto } from '../coverage/coverage.dto';
import { CoverageService } from '../coverage/coverage.service';
import { ListNeedsQueryDto } from '../needs/needs.dto';
import { needsListQuery, type NeedRow } from '../needs/needs.queries';
import { labelOf, yesNo } from '../i18n/labels';
import { authorityName, XlsxExporter } from './xlsx-exporter';
import { exportFileName } from './xlsx-download';
import { ColumnDef, euros, excelDate, ExportLang, ExportLangQueryDto } from './xlsx-format';

export class CoverageExportQueryDto extends IntersectionType(CoverageQueryDto, ExportLangQueryDto) {}
export class NeedsExportQueryDto extends IntersectionType(OmitType(ListNeedsQueryDto, ['limit', 'cursor'] as const), ExportLangQueryDto) {}

const count = (value: (r: SchoolCoverage) => number) => ({ kind: 'integer' as const, value, total: value });

export function coverageColumns(lang: ExportLang): ColumnDef<SchoolCoverage>[] {
  return [
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.name },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', value: (r) => r.schoolNumber },
    { header: { de: 'Schulform', en: 'School type' }, width: 14, kind: 'text', value: (r) => labelOf('schoolType', r.schoolType, lang) },
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
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.schoolName },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', value: (r) => r.schoolNumber },
    { header: { de: 'Bereich', en: 'Category' }, width: 16, kind: 'text', value: (r) => NEED_LABELS[r.category]?.[lang] ?? r.category },
    { header: { de: 'Titel', en: 'Title' }, width: 34, kind: 'text', value: (r) => r.title },
    { header: { de: 'Menge', en: 'Quantity' }, width: 9, kind: 'integer', value: (r) => r.quantity, total: (r) => r.quantity },
    { header: { de: 'Geschätzte Kosten', en: 'Estimated cost' }, width: 15, kind: 'euro', value: (r) => euros(r.estimatedCostCents), total: (r) => r.estimatedCostCents },
    { header: { de: 'Priorität', en: 'Priority' }, width: 10, kind: 'text', value: (r) => NEED_LABELS[r.priority]?.[lang] ?? r.priority },
    { header: { de: 'Status', en: 'Status' }, width: 16, kind: 'text', value: (r) => NEED_LABELS[r.status]?.[lang] ?? r.status },
    { header: { de: 'Bewilligte Menge', en: 'Approved quantity' }, width: 11, kind: 'integer', value: (r) => r.approvedQuantity, total: (r) => r.approvedQuantity },
    { header: { de: 'Bewilligter Betrag', en: 'Approved amount' }, width: 15, kind: 'euro', value: (r) => euros(r.approvedCents), total: (r) => r.approvedCents },
    { header: { de: 'Begründung', en: 'Justification' }, width: 40, kind: 'text', value: (r) => r.justification },
    { header: { de: 'Entscheidungsgrund', en: 'Decision reason' }, width: 30, kind: 'text', value: (r) => r.decisionReason },
    { header: { de: 'Eingereicht am', en: 'Submitted on' }, width: 13, kind: 'date', value: (r) => berlinDay(r.submittedAt) },
    { header: { de: 'Entschieden am', en: 'Decided on' }, width: 13, kind: 'date', value: (r) => berlinDay(r.decidedAt) },
  ];
}

const NEED_LABELS: Record<string, Record<ExportLang, string>> = {
  student_devices: { de: 'Schülergeräte', en: 'Student devices' },
  teacher_devices: { de: 'Lehrergeräte', en: 'Teacher devices' },
  displays: { de: 'Displays', en: 'Displays' },
  wlan: { de: 'WLAN', en: 'Wi-Fi' },
  broadband: { de: 'Breitband', en: 'Broadband' },
  software: { de: 'Software', en: 'Software' },
  training: { de: 'Fortbildung', en: 'Training' },
  other: { de: 'Sonstiges', en: 'Other' },
  low: { de: 'niedrig', en: 'low' },
  medium: { de: 'mittel', en: 'medium' },
  high: { de: 'hoch', en: 'high' },
  draft: { de: 'Entwurf', en: 'draft' },
  submitted: { de: 'eingereicht', en: 'submitted' },
  approved: { de: 'bewilligt', en: 'approved' },
  partially_approved: { de: 'teilweise bewilligt', en: 'partially approved' },
  rejected: { de: 'abgelehnt', en: 'rejected' },
};

const SUM_LABEL = { de: 'Summe', en: 'Total' };

@Injectable()
export class PlanningExportsService {
  constructor(
    private readonly exporter: XlsxExporter,
    private readonly coverage: CoverageService,
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
      download.start(exportFileName([authority, lang === 'de' ? 'Abdeckung' : 'Coverage', report.asOf === todayInBerlin() ? '' : `Stand_${report.asOf}`]));
      const sheet = download.book.addSheet(lang === 'de' ? 'Abdeckung' : 'Coverage', coverageColumns(lang));
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
      const { sql, params } = needsListQuery(actor, filter);
      const needs = await db.cursor<NeedRow>(`/* export:needs */ ${sql}`, params);
      download.start(exportFileName([authority, lang === 'de' ? 'Bedarfe' : 'Needs']));
      const sheet = download.book.addSheet(lang === 'de' ? 'Bedarfe' : 'Needs', needColumns(lang));
      for await (const batch of needs) await sheet.addRows(batch);
      sheet.addTotalsRow(SUM_LABEL[lang]);
      sheet.commit();
      await download.finish();
    });
  }
}
