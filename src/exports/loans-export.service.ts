import { Injectable } from '@nestjs/common';
import { IntersectionType, OmitType } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import type { LoanRow } from '../loans/loans.queries';
import { ListLoansQueryDto } from '../loans/loans.dto';
import { LoansService } from '../loans/loans.service';
import { accessoryLabelOf, labelOf, yesNo } from '../i18n/labels';
import { authorityName, measureColumns, XlsxExporter } from './xlsx-exporter';
import { exportFileName, printInfo } from './xlsx-download';
import { ColumnDef, excelDate, ExportLang, ExportLangQueryDto, labelWidth } from './xlsx-format';

/** The loans list's filters (no paging), plus the language of the file. */
export class LoansExportQueryDto extends IntersectionType(OmitType(ListLoansQueryDto, ['limit', 'cursor'] as const), ExportLangQueryDto) {}

/**
 * The loan columns. The personal ones (name, reference, guardian, notes) exist only for those allowed to see them
 * (the school's coordinators): for everyone else they are not blank columns but absent, and the query withholds them too.
 */
export function loanColumns(lang: ExportLang, personalFieldsVisible: boolean): ColumnDef<LoanRow>[] {
  const personal: ColumnDef<LoanRow>[] = [
    { header: { de: 'Name', en: 'Name' }, width: 24, kind: 'text', measure: `q."borrowerName"`, value: (r) => r.borrowerName },
    { header: { de: 'Kennung', en: 'Reference' }, width: 14, kind: 'text', measure: `q."borrowerReference"`, value: (r) => r.borrowerReference },
  ];
  const guardian: ColumnDef<LoanRow>[] = [{ header: { de: 'Erziehungsberechtigte/r', en: 'Guardian' }, width: 24, kind: 'text', measure: `q."guardianName"`, value: (r) => r.guardianName }];
  const notes: ColumnDef<LoanRow>[] = [
    { header: { de: 'Bemerkungen', en: 'Notes' }, width: 30, kind: 'text', measure: `q.notes`, value: (r) => r.notes },
    { header: { de: 'Bemerkungen zur Rückgabe', en: 'Return notes' }, width: 30, kind: 'text', measure: `q."returnNotes"`, value: (r) => r.returnNotes },
  ];
  return [
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', measure: `q."schoolName"`, value: (r) => r.schoolName },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', measure: `q."schoolNumber"`, value: (r) => r.schoolNumber },
    { header: { de: 'Inventarnummer', en: 'Inventory number' }, width: 18, kind: 'text', measure: `q."inventoryNumber"`, value: (r) => r.inventoryNumber },
    { header: { de: 'Seriennummer', en: 'Serial number' }, width: 20, kind: 'text', measure: `q."serialNumber"`, value: (r) => r.serialNumber },
    { header: { de: 'Gerätetyp', en: 'Type' }, width: labelWidth('deviceType', lang), kind: 'text', value: (r) => labelOf('deviceType', r.deviceType, lang) },
    { header: { de: 'Modell', en: 'Model' }, width: 22, kind: 'text', measure: `q.manufacturer || ' ' || q.model`, value: (r) => `${r.manufacturer} ${r.model}` },
    { header: { de: 'Ausleihende', en: 'Borrower' }, width: labelWidth('borrowerKind', lang), kind: 'text', value: (r) => labelOf('borrowerKind', r.borrowerKind, lang) },
    ...(personalFieldsVisible ? personal : []),
    { header: { de: 'Klasse', en: 'Class' }, width: 9, kind: 'text', measure: `q."borrowerClass"`, value: (r) => r.borrowerClass },
    ...(personalFieldsVisible ? guardian : []),
    { header: { de: 'Ausgegeben am', en: 'Lent on' }, width: 13, kind: 'date', value: (r) => excelDate(r.startedOn) },
    { header: { de: 'Rückgabe bis', en: 'Due on' }, width: 13, kind: 'date', value: (r) => excelDate(r.dueOn) },
    { header: { de: 'Zurückgegeben am', en: 'Returned on' }, width: 15, kind: 'date', value: (r) => excelDate(r.returnedOn) },
    { header: { de: 'Zustand bei Rückgabe', en: 'Condition at return' }, width: labelWidth('returnCondition', lang), kind: 'text', value: (r) => labelOf('returnCondition', r.returnCondition, lang) },
    { header: { de: 'Stand', en: 'State' }, width: labelWidth('loanState', lang), kind: 'text', value: (r) => labelOf('loanState', r.state, lang) },
    { header: { de: 'Leihvertrag unterschrieben', en: 'Agreement signed' }, width: 12, kind: 'text', value: (r) => yesNo(r.agreementSigned, lang) },
    { header: { de: 'Zubehör', en: 'Accessories' }, width: 22, kind: 'text', value: (r) => (r.accessories?.length ? r.accessories.map((a) => accessoryLabelOf(a, lang)).join(', ') : null) },
    ...(personalFieldsVisible ? notes : []),
  ];
}

@Injectable()
export class LoansExportService {
  constructor(
    private readonly exporter: XlsxExporter,
    private readonly loans: LoansService,
  ) {}

  /** GET /exports/loans.xlsx: the loans the list shows for these filters, by due date. */
  async send(actor: Actor, query: LoansExportQueryDto, res: Response): Promise<void> {
    const lang = query.lang ?? 'de';
    await this.exporter.send(res, lang, async ({ db, download }) => {
      const authority = await authorityName(db, actor);
      const { sql, params, personalFieldsVisible } = this.loans.exportQuery(actor, query);
      const columns = loanColumns(lang, personalFieldsVisible);
      const contentLengths = await measureColumns(db, columns, { sql, params });
      const loans = await db.cursor<LoanRow>(`/* export:loans */ ${sql}`, params);
      download.start(exportFileName([authority, lang === 'de' ? 'Ausleihen' : 'Loans']), printInfo(lang, lang === 'de' ? 'Ausleihen' : 'Loans', authority));
      const sheet = download.book.addSheet(lang === 'de' ? 'Ausleihen' : 'Loans', columns, { contentLengths });
      for await (const batch of loans) await sheet.addRows(batch);
      sheet.commit();
      await download.finish();
    });
  }
}
