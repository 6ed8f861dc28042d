import bwipjs from 'bwip-js';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import type { Writable } from 'node:stream';
import { PDF_FONTS } from '../common/fonts';
import { type LabelFormat, labelSlot, mmToPt } from './label-formats';

/** What one label shows. */
export interface LabelData {
  inventoryNumber: string;
  schoolName: string;
  /** e.g. "Laptop · Lenovo ThinkPad L13"; null when the request leaves type and model off. */
  detail: string | null;
}

/** "Eigentum der Stadt Münster", "Eigentum des Kreises Borken"; other names plainly after "Eigentum:". */
export function ownerLine(authorityName: string): string {
  const name = authorityName.trim();
  const genitive: [RegExp, string][] = [
    [/^(Stadt|Gemeinde|Städteregion|Region) /, 'der '],
    [/^Landkreis /, 'des Landkreises '],
    [/^Kreis /, 'des Kreises '],
  ];
  for (const [pattern, article] of genitive) {
    if (pattern.test(name)) return `Eigentum ${article}${article.endsWith('es ') ? name.replace(pattern, '') : name}`;
  }
  return `Eigentum: ${name}`;
}

/**
 * A PDF of labels on one stock, written to `out` page by page (memory stays flat however many labels):
 * per label a QR code and a Code 128 barcode of the inventory number, drawn as vector rectangles, and the
 * inventory number, owner, school and optionally type and model as text in DejaVu Sans.
 */
export class LabelSheetWriter {
  private readonly doc: PDFKit.PDFDocument;
  private count = 0;
  private page = 0;
  private readonly done: Promise<void>;

  constructor(
    out: Writable,
    private readonly format: LabelFormat,
    private readonly owner: string,
    private readonly startAt = 1,
    info: { title: string; author: string } = { title: 'Etiketten', author: '' },
  ) {
    this.doc = new PDFDocument({
      size: [mmToPt(format.pageWidth), mmToPt(format.pageHeight)],
      margin: 0,
      autoFirstPage: false,
      info: { Title: info.title, Author: info.author },
    });
    this.doc.registerFont('regular', PDF_FONTS.condensed);
    this.doc.registerFont('bold', PDF_FONTS.condensedBold);
    this.done = new Promise((resolve, reject) => {
      out.on('finish', resolve);
      out.on('error', reject);
      this.doc.on('error', reject);
    });
    this.doc.pipe(out);
  }

  /** Adds one label at the next free position. */
  add(label: LabelData): void {
    const slot = labelSlot(this.format, this.count++, this.startAt);
    while (this.page <= slot.page) {
      this.doc.addPage({ size: [mmToPt(this.format.pageWidth), mmToPt(this.format.pageHeight)], margin: 0 });
      this.page++;
    }
    this.drawLabel(slot.x, slot.y, label);
  }

  /** PDF bytes rendered but not yet taken by the output. */
  pendingBytes(): number {
    return this.doc.readableLength;
  }

  /** Ends the document; resolves when `out` has taken every byte. */
  async end(): Promise<void> {
    if (this.page === 0) this.doc.addPage({ size: [mmToPt(this.format.pageWidth), mmToPt(this.format.pageHeight)], margin: 0 });
    this.doc.end();
    await this.done;
  }

  private drawLabel(xMm: number, yMm: number, label: LabelData): void {
    const f = this.format;
    const pad = f.padding;
    const innerW = f.labelWidth - 2 * pad;
    const innerH = f.labelHeight - 2 * pad;
    const gap = Math.min(1.2, innerH * 0.05);
    const barH = Math.max(4, Math.min(9, innerH * 0.3));
    const upperH = innerH - barH - gap;
    const qrSize = upperH;
    const x = xMm + pad;
    const y = yMm + pad;

    const qrModules = this.drawQr(x, y, qrSize, label.inventoryNumber);
    // Code 128 encodes printable ASCII only; a number with other letters keeps its QR code (UTF-8) alone.
    if (/^[\x20-\x7e]+$/.test(label.inventoryNumber)) this.drawCode128(x, y + upperH + gap, innerW, barH, label.inventoryNumber);

    // Three modules of white between the QR code and the text: its quiet zone on that side.
    const textGap = Math.max(gap * 1.5, (3 * qrSize) / qrModules);
    const textX = x + qrSize + textGap;
    const textW = innerW - qrSize - textGap;
    const lines: { text: string; font: 'regular' | 'bold'; weight: number; whole?: true }[] = [
      // The number a person reads off the label is never cut: it shrinks as far as it must.
      { text: label.inventoryNumber, font: 'bold', weight: 1.5, whole: true },
      { text: this.owner, font: 'regular', weight: 1 },
      { text: label.schoolName, font: 'regular', weight: 1 },
      ...(label.detail ? [{ text: label.detail, font: 'regular' as const, weight: 0.95 }] : []),
    ];
    const totalWeight = lines.reduce((s, l) => s + l.weight, 0);
    const unit = Math.min(7.5, mmToPt(upperH) / (totalWeight * 1.2));
    let lineY = mmToPt(y);
    for (const line of lines) {
      const size = this.fit(line.text, line.font, unit * line.weight, mmToPt(textW), line.whole);
      this.doc.font(line.font).fontSize(size.size).fillColor('black');
      this.doc.text(size.text, mmToPt(textX), lineY, { lineBreak: false, width: mmToPt(textW) + 1, height: size.size * 1.3 });
      lineY += unit * line.weight * 1.2;
    }
  }

  /**
   * Shrinks the text to the width down to 70 % of its size; beyond that it is cut with an ellipsis. A `whole` text (the
   * inventory number) shrinks to the width however small that makes it, and is never cut.
   */
  private fit(text: string, font: 'regular' | 'bold', size: number, width: number, whole = false): { text: string; size: number } {
    this.doc.font(font).fontSize(size);
    const natural = this.doc.widthOfString(text);
    if (natural <= width) return { text, size };
    if (whole) return { text, size: (size * width) / natural };
    const shrunk = Math.max(size * 0.7, (size * width) / natural);
    this.doc.fontSize(shrunk);
    if (this.doc.widthOfString(text) <= width) return { text, size: shrunk };
    let cut = text;
    while (cut.length > 1 && this.doc.widthOfString(`${cut}…`) > width) cut = cut.slice(0, -1);
    return { text: `${cut.trimEnd()}…`, size: shrunk };
  }

  /** The QR code (error correction M) as one filled path of its dark modules, a run per row. */
  private drawQr(xMm: number, yMm: number, sizeMm: number, text: string): number {
    const { size, data } = QRCode.create(text, { errorCorrectionLevel: 'M' }).modules;
    const cell = mmToPt(sizeMm) / size;
    const x0 = mmToPt(xMm);
    const y0 = mmToPt(yMm);
    for (let row = 0; row < size; row++) {
      let col = 0;
      while (col < size) {
        if (!data[row * size + col]) {
          col++;
          continue;
        }
        const start = col;
        while (col < size && data[row * size + col]) col++;
        // A hair wider than the cell, so neighbouring runs do not leave anti-aliased seams.
        this.doc.rect(x0 + start * cell, y0 + row * cell, (col - start) * cell + 0.01, cell + 0.01);
      }
    }
    this.doc.fill('black');
    return size;
  }

  /** The Code 128 barcode across the label's width, five modules of extra quiet zone each side. */
  private drawCode128(xMm: number, yMm: number, widthMm: number, heightMm: number, text: string): void {
    const [{ sbs }] = bwipjs.raw({ bcid: 'code128', text }) as unknown as { sbs: number[] }[];
    const modules = sbs.reduce((s, w) => s + w, 0);
    const quiet = 5;
    const unit = mmToPt(widthMm) / (modules + 2 * quiet);
    let cursor = mmToPt(xMm) + quiet * unit;
    const top = mmToPt(yMm);
    const height = mmToPt(heightMm);
    sbs.forEach((w, i) => {
      if (i % 2 === 0) this.doc.rect(cursor, top, w * unit, height);
      cursor += w * unit;
    });
    this.doc.fill('black');
  }
}
