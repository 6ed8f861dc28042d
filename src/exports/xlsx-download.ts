import { todayInBerlin } from '../common/dates';
import type { Response } from 'express';
import { pipeline } from 'node:stream';
import { germanDate } from '../i18n/format';
import { ByteBatches } from './byte-batches';
import { PacedWorkbook, type PrintInfo } from './paced-workbook';
import { ExportLang, XLSX_CONTENT_TYPE } from './xlsx-format';

const UMLAUTS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue', ß: 'ss' };

/** A file-name part in plain ASCII: umlauts spelled out, everything else but letters, digits and dashes as `_`. */
export function asciiFileNamePart(value: string): string {
  return value
    .replace(/[äöüÄÖÜß]/g, (c) => UMLAUTS[c])
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.-]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, 80);
}

/**
 * `Musterstadt_Inventar_2026-11-21.xlsx`: authority, subject, date. Spaces and characters file systems refuse
 * become `_`; umlauts stay (the header's `filename*` carries them, `filename` spells them out).
 */
export function exportFileName(parts: string[], date = todayInBerlin()): string {
  const clean = (p: string) => p.replace(/[\s\\/:*?"<>|\p{Cc}]+/gu, '_').replace(/^_+|_+$/g, '').slice(0, 80);
  return [...parts, date].map(clean).filter(Boolean).join('_') + '.xlsx';
}

/**
 * `attachment` with an ASCII `filename` for old clients and the exact UTF-8 name as RFC 5987 `filename*`.
 */
export function contentDisposition(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const base = dot > 0 ? fileName.slice(0, dot) : fileName;
  const ext = dot > 0 ? fileName.slice(dot) : '';
  const ascii = (base.split('_').map(asciiFileNamePart).filter(Boolean).join('_') || 'export') + ext;
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * One xlsx download: the workbook writes into a buffer that is connected to the response only by `start()`.
 * Everything that can fail with a proper JSON error (access, validation, the first query) happens before `start()`;
 * after it, a failure can only cut the download short.
 */
export class XlsxDownload {
  private readonly controller = new AbortController();
  /** What the workbook writes, on its way to the response in pieces of 64 KB (ByteBatches: a quarter of the system calls). */
  private readonly body = new ByteBatches();
  readonly book: PacedWorkbook;
  private started = false;
  private cutOff = false;

  /** `idleTimeoutMs`: a client that takes no bytes for this long while the file waits for it is cut off (0: never). */
  constructor(
    private readonly res: Response,
    lang: ExportLang,
    private readonly idleTimeoutMs = 0,
  ) {
    this.book = new PacedWorkbook(this.body, { lang, signal: this.controller.signal });
    // 'close' also follows a normal end; only a close before the end is the client going away.
    res.on('close', () => {
      if (!res.writableFinished) this.controller.abort(new Error('The client closed the connection'));
    });
  }

  /** Aborted when the client disconnects: the export's waits and its database cursor stop. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get lang(): ExportLang {
    return this.book.lang;
  }

  /** True when the download was cut off because its client stopped reading. */
  get idle(): boolean {
    return this.cutOff;
  }

  /**
   * Sends the headers and starts the bytes flowing; from here on the status is 200. `print` is what every printed
   * page of every sheet shows in its header and footer (`printInfo`).
   */
  start(fileName: string, print: PrintInfo): void {
    this.signal.throwIfAborted();
    this.book.print = print;
    this.started = true;
    this.res.status(200);
    this.res.setHeader('Content-Type', XLSX_CONTENT_TYPE);
    this.res.setHeader('Content-Disposition', contentDisposition(fileName));
    // A generated file: never from a cache, and no sniffing.
    this.res.setHeader('Cache-Control', 'no-store');
    this.res.flushHeaders();
    pipeline(this.body, this.res, (error) => {
      if (error) this.controller.abort(error);
    });
    if (this.idleTimeoutMs > 0) this.res.setTimeout(this.idleTimeoutMs, () => this.onIdle());
  }

  /**
   * The socket moved no byte for the idle timeout. With bytes waiting for it (the response wants draining) the client
   * stopped reading: cut it off, which aborts the export and frees its connection. Without (the export itself is
   * still working on a slow query), the socket stays; its next write starts the timeout again.
   */
  private onIdle(): void {
    if (this.res.writableFinished || !this.res.writableNeedDrain) return;
    this.cutOff = true;
    this.controller.abort(new Error('The client stopped reading'));
    this.res.destroy();
  }

  /** Writes the end of the zip and waits until the response has taken it. */
  async finish(): Promise<void> {
    if (!this.started) throw new Error('XlsxDownload.finish() before start()');
    await this.book.commit();
    if (!this.res.writableFinished) {
      await new Promise<void>((resolve, reject) => {
        this.res.once('finish', resolve);
        this.res.once('close', () => (this.res.writableFinished ? resolve() : reject(new Error('The client closed the connection'))));
      });
    }
  }

  /** Releases what the workbook holds after a failure. */
  fail(): void {
    this.book.abort();
    if (!this.body.destroyed) this.body.destroy();
  }
}

/** The print header and footer of an export: its title, the authority, and the reporting date (or the day it was made). */
export function printInfo(lang: ExportLang, title: string, authority: string, asOf?: string | null): PrintInfo {
  const date = germanDate(asOf ?? todayInBerlin());
  const dateLine = lang === 'de' ? `${asOf ? 'Stichtag' : 'Stand'} ${date}` : `${asOf ? 'As of' : 'Created'} ${date}`;
  return { title, authority, dateLine };
}
