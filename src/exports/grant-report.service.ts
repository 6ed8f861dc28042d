import { todayInBerlin } from '../common/dates';
import { tuneTransaction } from '../common/session-tuning';
import { Injectable } from '@nestjs/common';
import { IntersectionType } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import type { SqlQuery } from '../common/db';
import type { ExpenditureLineRow, InventoryLineRow, LineGroupRow } from '../grants/grants.queries';
import { grantWarningText } from '../i18n/grant-warnings';
import { SummaryQueryDto } from '../grants/grants.dto';
import { GrantsService } from '../grants/grants.service';
import { GrantSummaryService } from '../grants/summary.service';
import type { ExportConnection, RowCursor } from './export-db';
import { OVERVIEW_COLUMNS, writeOverview } from './grant-report-overview';
import {
  deviceNotes,
  INVOICE_COLUMN,
  inventoryLineColumns,
  InvoiceLine,
  invoiceColumns,
  lineNotes,
  REPORT_SHEETS,
  ReviewNote,
  reviewNoteColumns,
  warningTitle,
} from './grant-report-sheets';
import type { PacedWorkbook } from './paced-workbook';
import { authorityName, measuredCursor, XlsxExporter } from './xlsx-exporter';
import { exportFileName, printInfo } from './xlsx-download';
import { contentLengthsOfRows, ExportLang, ExportLangQueryDto } from './xlsx-format';

/** The summary's reporting date (`asOf`) and the language. */
export class GrantReportQueryDto extends IntersectionType(SummaryQueryDto, ExportLangQueryDto) {}

/** Line checks beyond this many are counted, not listed: the notes sheet stays readable (and small). */
export const MAX_LISTED_LINE_NOTES = 1000;

const SUM_LABEL = { de: 'Summe', en: 'Total' };

/** work_mem of the transaction that reads the inventory lines (see inventoryCursor). */
const INVENTORY_WORK_MEM = '64MB' as const;

@Injectable()
export class GrantReportService {
  constructor(
    private readonly exporter: XlsxExporter,
    private readonly grants: GrantsService,
    private readonly summaries: GrantSummaryService,
  ) {}

  /**
   * GET /grants/{id}/report.xlsx: the proof of use (Verwendungsnachweis) with Übersicht, Belegliste, Inventarliste
   * and Prüfhinweise, all read in one snapshot so that the overview's totals are exactly the lists' sums.
   */
  async send(actor: Actor, grantId: string, query: GrantReportQueryDto, res: Response): Promise<void> {
    const lang = query.lang ?? 'de';
    const asOf = query.asOf ?? null;
    await this.exporter.send(res, lang, async ({ db, download }) => {
      // Access first (404 for a grant the caller may not see, as a JSON error); then the download starts at once,
      // while the summary's figures are computed.
      const grant = await this.grants.getIn(db.manager, actor, grantId);
      const authority = await authorityName(db, actor);
      const subject = lang === 'de' ? 'Verwendungsnachweis' : 'ProofOfUse';
      download.start(
        exportFileName([authority, subject, grant.referenceNumber ?? grant.title]),
        printInfo(lang, `${lang === 'de' ? 'Verwendungsnachweis' : 'Proof of use'}: ${grant.title}${grant.referenceNumber ? ` (${grant.referenceNumber})` : ''}`, authority, asOf),
      );
      const book = download.book;
      // The Inventarliste needs a join over the grant's devices and a sort before its first row (its column widths come
      // with it, see inventoryCursor): about a second of PostgreSQL for a large grant (bench/RESULTS.md). A second
      // connection on the same snapshot has PostgreSQL do it while the overview and the Belegliste are written, after the
      // overview's sums (below). Without a free pooled connection, this one does it all, the Inventarliste after the Belegliste.
      const fork = await db.fork();
      const period = { from: grant.eligibleFrom, until: grant.eligibleUntil };
      const queries = this.grants.reportQueries(actor, grantId, asOf);
      const inventoryColumns = inventoryLineColumns(lang, period);
      // The overview's sums and the Belegliste's longest texts, in one pass over the lines: on the fork, side by side
      // with the summary's figures on this connection.
      const lineGroups = queries.lineGroups();
      const grouped = (fork ?? db).query<LineGroupRow>(lineGroups.sql, lineGroups.params);
      grouped.catch(() => undefined); // awaited below; should something fail first, this must not go unhandled
      const forked = fork ? this.inventoryCursor(fork, queries.inventoryLines({ ordered: false }), inventoryColumns) : null;
      forked?.catch(() => undefined);

      const summaryFigures = await this.summaries.figures(actor, grantId, asOf, db.manager);
      // PostgreSQL sorts the Belegliste's lines while the overview is written.
      const lines = queries.invoiceLines();
      const opened = db.cursor<ExpenditureLineRow>(`/* export:grant-report */ ${lines.sql}`, lines.params);
      opened.catch(() => undefined);
      const groups = await grouped;
      const overview = book.addSheet(REPORT_SHEETS.overview[lang], OVERVIEW_COLUMNS, { header: false, landscape: false });
      const summary = summaryFigures.figures;
      writeOverview(overview, { authorityName: authority, grant, summary, groups, coordinator: actor.role === 'coordinator', createdOn: todayInBerlin() }, lang);
      overview.commit();
      const invoices = await opened;

      const lineChecks: ReviewNote[] = [];
      const unlisted = await this.writeInvoices(book, invoices, groups, lang, lineChecks);
      // The warnings are only needed for the last sheet. Their checks look at the grant's devices (the mobile-device cap:
      // 0.2 s for 200,000 devices), so this connection, free again, runs them while the Inventarliste is written.
      const checked = this.summaries.withChecks(actor, summaryFigures, db.manager);
      checked.catch(() => undefined); // awaited below; should the Inventarliste fail first, this must not go unhandled
      const inventory = await (forked ?? this.inventoryCursor(db, queries.inventoryLines({ ordered: false }), inventoryColumns));
      const deviceChecks: ReviewNote[] = [];
      await this.writeInventory(book, inventory.lines, inventoryColumns, inventory.contentLengths, lang, period, deviceChecks);
      const { warnings } = await checked;
      const schoolName = (id: string | undefined) => (id ? (summary.bySchool.find((s) => s.schoolId === id)?.schoolName ?? null) : null);
      const notes: ReviewNote[] = warnings.map((w) => ({
        kind: warningTitle(w.code, lang),
        text: lang === 'de' ? grantWarningText(w.code, w.params) : w.message,
        school: schoolName(w.schoolId),
        amountCents: w.amountCents ?? null,
      }));
      this.writeNotes(book, [...notes, ...lineChecks, ...deviceChecks.slice(0, MAX_LISTED_LINE_NOTES)], unlisted + Math.max(0, deviceChecks.length - MAX_LISTED_LINE_NOTES), lang);
      await download.finish();
    });
  }

  /** Belegliste: every line with a running number, then the totals row; collects the line checks. Returns the checks not listed. */
  private async writeInvoices(book: PacedWorkbook, invoices: AsyncIterable<ExpenditureLineRow[]>, groups: LineGroupRow[], lang: ExportLang, notes: ReviewNote[]): Promise<number> {
    const longest = (pick: (g: LineGroupRow) => number | null) => groups.reduce<number | null>((max, g) => Math.max(max ?? 0, pick(g) ?? 0) || max, null);
    const contentLengths: (number | null)[] = [];
    contentLengths[INVOICE_COLUMN.invoiceNumber - 1] = longest((g) => g.maxInvoiceNumber);
    contentLengths[INVOICE_COLUMN.vendor - 1] = longest((g) => g.maxVendor);
    contentLengths[INVOICE_COLUMN.description - 1] = longest((g) => g.maxDescription);
    contentLengths[INVOICE_COLUMN.schoolName - 1] = longest((g) => g.maxSchoolName);
    const sheet = book.addSheet(REPORT_SHEETS.invoices[lang], invoiceColumns(lang), { contentLengths });
    let runningNumber = 0;
    let listed = 0;
    let unlisted = 0;
    for await (const batch of invoices) {
      // The cursor's rows are fresh objects: numbered in place, without a copy per line.
      const numbered = batch as InvoiceLine[];
      for (const line of numbered) line.runningNumber = ++runningNumber;
      for (const line of numbered) {
        for (const note of lineNotes(line, lang)) {
          if (listed < MAX_LISTED_LINE_NOTES) {
            notes.push(note);
            listed++;
          } else {
            unlisted++;
          }
        }
      }
      await sheet.addRows(numbered);
    }
    sheet.addTotalsRow(SUM_LABEL[lang]);
    sheet.commit();
    return unlisted;
  }

  /**
   * The Inventarliste's cursor, by inventory number (unique in the authority, so a complete order), its column widths
   * measured in the same pass (`measuredCursor`); on a fork, the memory setting stays with that transaction.
   */
  private async inventoryCursor(
    db: ExportConnection,
    unordered: SqlQuery,
    columns: ReturnType<typeof inventoryLineColumns>,
  ): Promise<{ contentLengths: (number | null)[]; lines: RowCursor<InventoryLineRow> }> {
    // Its hash join, sort and the window of the widths spill to temporary files with the default 4 MB for a large grant
    // (bench/RESULTS.md, grant report); a larger grant still spills, within this bound.
    await tuneTransaction(db, { workMem: INVENTORY_WORK_MEM });
    const { contentLengths, rows } = await measuredCursor<InventoryLineRow>(db, columns, unordered, 'q."inventoryNumber"', 'export:grant-report');
    return { contentLengths, lines: rows };
  }

  /** Inventarliste: the devices bought with the grant, with the sum of their prices; collects the devices' checks. */
  private async writeInventory(
    book: PacedWorkbook,
    devices: RowCursor<InventoryLineRow>,
    columns: ReturnType<typeof inventoryLineColumns>,
    contentLengths: (number | null)[],
    lang: ExportLang,
    period: { from: string; until: string },
    notes: ReviewNote[],
  ): Promise<void> {
    const sheet = book.addSheet(REPORT_SHEETS.inventory[lang], columns, { contentLengths });
    for await (const batch of devices) {
      for (const device of batch) if (device.boughtOutsidePeriod || device.boughtAfterInvoice) notes.push(...deviceNotes(device, lang, period));
      await sheet.addRows(batch);
    }
    sheet.addTotalsRow(SUM_LABEL[lang]);
    sheet.commit();
  }

  /** Prüfhinweise: the summary's warnings and the line checks, or a line saying there are none. */
  private writeNotes(book: PacedWorkbook, notes: ReviewNote[], unlisted: number, lang: ExportLang): void {
    const columns = reviewNoteColumns();
    const sheet = book.addSheet(REPORT_SHEETS.notes[lang], columns, { contentLengths: contentLengthsOfRows(columns, notes.map((n, i) => ({ ...n, n: i + 1 }))) });
    notes.forEach((note, i) => sheet.addRow({ ...note, n: i + 1 }));
    if (unlisted > 0) {
      sheet.addCells([null, null, lang === 'de' ? `… und ${unlisted} weitere Hinweise zu einzelnen Belegen und Geräten` : `… and ${unlisted} more notes on single lines and devices`]);
    }
    if (notes.length === 0) sheet.addCells([null, null, lang === 'de' ? 'Keine Prüfhinweise.' : 'No review notes.']);
    sheet.commit();
  }
}
