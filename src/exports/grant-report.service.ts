import { todayInBerlin } from '../common/dates';
import { Injectable } from '@nestjs/common';
import { IntersectionType } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../auth/actor';
import { expenditureLinesQuery, type ExpenditureLineRow, inventoryLinesQuery, type InventoryLineRow } from '../grants/grant-export.sql';
import { SummaryQueryDto } from '../grants/grants.dto';
import { GrantsService } from '../grants/grants.service';
import { GrantSummaryService } from '../grants/summary.service';
import type { ExportConnection, RowCursor } from './export-db';
import { OVERVIEW_COLUMNS, SchoolSpending, writeOverview } from './grant-report-overview';
import {
  inventoryLineColumns,
  InvoiceLine,
  invoiceColumns,
  lineNotes,
  REPORT_SHEETS,
  ReviewNote,
  reviewNoteColumns,
  WARNING_TITLES,
} from './grant-report-sheets';
import type { PacedWorkbook } from './paced-workbook';
import { authorityName, XlsxExporter } from './xlsx-exporter';
import { exportFileName, printInfo } from './xlsx-download';
import { ExportLang, ExportLangQueryDto } from './xlsx-format';

/** The summary's reporting date (`asOf`) and the language. */
export class GrantReportQueryDto extends IntersectionType(SummaryQueryDto, ExportLangQueryDto) {}

/** Line checks beyond this many are counted, not listed: the notes sheet stays readable (and small). */
export const MAX_LISTED_LINE_NOTES = 1000;

const SUM_LABEL = { de: 'Summe', en: 'Total' };

/** work_mem of the transaction that reads the inventory lines (see inventoryCursor). */
const INVENTORY_WORK_MEM = '64MB';

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
      const grant = await this.grants.get(actor, grantId, db.manager);
      const authority = await authorityName(db, actor);
      const subject = lang === 'de' ? 'Verwendungsnachweis' : 'ProofOfUse';
      download.start(
        exportFileName([authority, subject, grant.referenceNumber ?? grant.title]),
        printInfo(lang, `${lang === 'de' ? 'Verwendungsnachweis' : 'Proof of use'}: ${grant.title}${grant.referenceNumber ? ` (${grant.referenceNumber})` : ''}`, authority, asOf),
      );
      const book = download.book;
      // The inventory lines need a join over the devices and a sort before their first row (0.6 s for 200,000 devices):
      // a second connection on the same snapshot has PostgreSQL do that while the overview and the Belegliste are written.
      // Without a free pooled connection, this one reads them after the Belegliste.
      const fork = await db.fork();
      const forked = fork ? this.inventoryCursor(fork, actor, grantId) : null;
      forked?.catch(() => undefined); // awaited below; should something fail first, this must not go unhandled

      const summaryFigures = await this.summaries.figures(actor, grantId, asOf, db.manager);
      const lines = expenditureLinesQuery(actor, grantId, asOf);
      const unordered = expenditureLinesQuery(actor, grantId, asOf, { ordered: false });
      const spending = await db.query<SchoolSpending>(
        `SELECT "schoolNumber", count(*)::int AS lines, coalesce(sum("grossCents"), 0)::bigint AS "grossCents",
                coalesce(sum("fundedCents"), 0)::bigint AS "fundedCents", coalesce(sum("ownCents"), 0)::bigint AS "ownCents"
           FROM (${unordered.sql}) l GROUP BY "schoolNumber"`,
        unordered.params,
      );
      const invoices = await db.cursor<ExpenditureLineRow>(`/* export:grant-report */ ${lines.sql}`, lines.params);

      const overview = book.addSheet(REPORT_SHEETS.overview[lang], OVERVIEW_COLUMNS, { header: false, landscape: false });
      const summary = summaryFigures.figures;
      writeOverview(overview, { authorityName: authority, grant, summary, spending, coordinator: actor.role === 'coordinator', createdOn: todayInBerlin() }, lang);
      overview.commit();

      const lineChecks: ReviewNote[] = [];
      const unlisted = await this.writeInvoices(book, invoices, lang, lineChecks);
      // The warnings are only needed for the last sheet. Their checks look at the grant's devices (the mobile-device cap:
      // 0.2 s for 200,000 devices), so this connection, free again, runs them while the Inventarliste is written.
      const checked = this.summaries.withChecks(actor, summaryFigures, db.manager);
      checked.catch(() => undefined); // awaited below; should the Inventarliste fail first, this must not go unhandled
      await this.writeInventory(book, await (forked ?? this.inventoryCursor(db, actor, grantId)), lang);
      const { warnings } = await checked;
      const notes: ReviewNote[] = warnings.map((w) => ({
        kind: WARNING_TITLES[w.code]?.[lang] ?? w.code,
        text: w.message,
        school: w.schoolId ? (summary.bySchool.find((s) => s.schoolId === w.schoolId)?.schoolName ?? null) : null,
        amountCents: w.amountCents ?? null,
      }));
      this.writeNotes(book, [...notes, ...lineChecks], unlisted, lang);
      await download.finish();
    });
  }

  /** Belegliste: every line with a running number, then the totals row; collects the line checks. Returns the checks not listed. */
  private async writeInvoices(book: PacedWorkbook, invoices: AsyncIterable<ExpenditureLineRow[]>, lang: ExportLang, notes: ReviewNote[]): Promise<number> {
    const sheet = book.addSheet(REPORT_SHEETS.invoices[lang], invoiceColumns(lang));
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

  /** The Inventarliste's query (on a fork, the memory setting stays with that transaction). */
  private async inventoryCursor(db: ExportConnection, actor: Actor, grantId: string): Promise<RowCursor<InventoryLineRow>> {
    const { sql, params } = inventoryLinesQuery(actor, grantId);
    // Its hash join and sort need about 15 and 55 MB for 200,000 devices; with the default 4 MB both spill to temporary
    // files, which took a third of the query's time. A larger grant still spills, within this bound.
    await db.query(`SET LOCAL work_mem = '${INVENTORY_WORK_MEM}'`);
    return db.cursor<InventoryLineRow>(`/* export:grant-report */ ${sql}`, params);
  }

  /** Inventarliste: the devices bought with the grant, with the sum of their prices. */
  private async writeInventory(book: PacedWorkbook, devices: RowCursor<InventoryLineRow>, lang: ExportLang): Promise<void> {
    const sheet = book.addSheet(REPORT_SHEETS.inventory[lang], inventoryLineColumns(lang));
    for await (const batch of devices) await sheet.addRows(batch);
    sheet.addTotalsRow(SUM_LABEL[lang]);
    sheet.commit();
  }

  /** Prüfhinweise: the summary's warnings and the line checks, or a line saying there are none. */
  private writeNotes(book: PacedWorkbook, notes: ReviewNote[], unlisted: number, lang: ExportLang): void {
    const sheet = book.addSheet(REPORT_SHEETS.notes[lang], reviewNoteColumns());
    notes.forEach((note, i) => sheet.addRow({ ...note, n: i + 1 }));
    if (unlisted > 0) {
      sheet.addCells([null, null, lang === 'de' ? `… und ${unlisted} weitere Hinweise zu einzelnen Belegen` : `… and ${unlisted} more notes on single lines`]);
    }
    if (notes.length === 0) sheet.addCells([null, null, lang === 'de' ? 'Keine Prüfhinweise.' : 'No review notes.']);
    sheet.commit();
  }
}
