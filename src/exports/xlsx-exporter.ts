import { Injectable, Logger } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { tenantOf } from '../common/access';
import { notFound } from '../common/errors';
import { AppConfig } from '../config/app-config';
import { ExportConnection, ExportDb, type RowCursor } from './export-db';
import { ExportSlots } from './export-slots';
import { XlsxDownload } from './xlsx-download';
import { CONTENT_LENGTHS_COLUMN, contentLengthsOf, type ExportLang, measuredQuery, measureSql } from './xlsx-format';

export interface ExportContext {
  db: ExportConnection;
  download: XlsxDownload;
  lang: ExportLang;
}

/**
 * Runs one streamed export: a connection and snapshot of its own, the download, and the clean-up whatever happens.
 * The export function checks access and opens its first cursor, then calls `download.start(fileName)`,
 * writes its sheets and `await download.finish()`.
 */
@Injectable()
export class XlsxExporter {
  private readonly logger = new Logger('Exports');

  constructor(
    private readonly exportDb: ExportDb,
    private readonly slots: ExportSlots,
    private readonly config: AppConfig,
  ) {}

  /**
   * The export runs in one of the process's export slots (EXPORT_MAX_CONCURRENT; beyond them it waits briefly, then
   * answers 503 EXPORTS_BUSY); a client that stops reading is cut off after EXPORT_IDLE_TIMEOUT_MS, freeing the slot.
   */
  async send(res: Response, lang: ExportLang, run: (ctx: ExportContext) => Promise<void>): Promise<void> {
    const download = new XlsxDownload(res, lang, this.config.EXPORT_IDLE_TIMEOUT_MS);
    const release = await this.slots.acquire(download.signal).catch((error: unknown) => {
      if (!download.signal.aborted) throw error;
      return null; // the client left while waiting
    });
    if (!release) return;
    try {
      await this.run(download, res, lang, run);
    } finally {
      release();
    }
  }

  private async run(download: XlsxDownload, res: Response, lang: ExportLang, run: (ctx: ExportContext) => Promise<void>): Promise<void> {
    let db: ExportConnection | undefined;
    let failed = false;
    try {
      db = await this.exportDb.open(download.signal);
      await run({ db, download, lang });
    } catch (error) {
      failed = true;
      download.fail();
      // The client went away: nothing to answer, and not an error of ours.
      if (download.signal.aborted) {
        if (download.idle) this.logger.warn(`Export cut off: its client took no bytes for ${this.config.EXPORT_IDLE_TIMEOUT_MS} ms`);
        else this.logger.debug('Export aborted by the client');
        if (!res.destroyed) res.destroy();
        return;
      }
      throw error;
    } finally {
      await db?.close(failed);
    }
  }
}

/** The caller's authority name, for the file name. */
export async function authorityName(db: ExportConnection, actor: Actor): Promise<string> {
  const rows = await db.query<{ name: string }>(`SELECT name FROM authorities WHERE id = $1`, [tenantOf(actor)]);
  if (!rows[0]) throw notFound('Authority');
  return rows[0].name;
}

/**
 * The longest value of every measured text column (`ColumnDef.measure`) in the export's own query, in the export's
 * snapshot, for the column widths: a streamed sheet's widths are written before its first row. One aggregate pass
 * over the unordered query (give it without ORDER BY).
 */
export async function measureColumns(db: ExportConnection, columns: readonly { measure?: string }[], query: { sql: string; params: unknown[] }): Promise<(number | null)[]> {
  const select = measureSql(columns);
  if (!select) return columns.map(() => null);
  const rows = await db.query<Record<string, number | null>>(`SELECT ${select} FROM (${query.sql}) q`, query.params);
  return contentLengthsOf(columns, rows[0]);
}

/**
 * A cursor over the export's query in the order `orderBy` (see `measuredQuery`), with the measured columns' longest
 * values read from its first row: for a query whose joins cost more than its rows (the grant report's Inventarliste).
 */
export async function measuredCursor<Row>(
  db: ExportConnection,
  columns: readonly { measure?: string }[],
  query: { sql: string; params: unknown[] },
  orderBy: string,
  label: string,
): Promise<{ contentLengths: (number | null)[]; rows: RowCursor<Row> }> {
  const { sql, params } = measuredQuery(columns, query, orderBy);
  const rows = await db.cursor<Row & { [CONTENT_LENGTHS_COLUMN]?: Record<string, number | null> | null }>(`/* ${label} */ ${sql}`, params);
  return { contentLengths: contentLengthsOf(columns, rows.firstRow?.[CONTENT_LENGTHS_COLUMN] ?? undefined), rows };
}
