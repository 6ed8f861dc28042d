import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A PDF read back with poppler-utils (pdftotext, pdfinfo, pdftoppm) and zbar-tools (zbarimg), as a person's tools would. */
export class PdfFile {
  private readonly dir = mkdtempSync(join(tmpdir(), 'pdf-test-'));
  private readonly path = join(this.dir, 'file.pdf');

  constructor(content: Buffer) {
    writeFileSync(this.path, content);
  }

  text(): string {
    return execFileSync('pdftotext', ['-layout', this.path, '-'], { encoding: 'utf8' });
  }

  /** Page count and the first page's size in points. */
  info(): { pages: number; width: number; height: number } {
    const out = execFileSync('pdfinfo', [this.path], { encoding: 'utf8' });
    const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out)!;
    return { pages: Number(/Pages:\s+(\d+)/.exec(out)![1]), width: Number(size[1]), height: Number(size[2]) };
  }

  /**
   * The codes zbarimg decodes in one rectangle of a page (mm from the top-left corner), rendered at `dpi`:
   * `['QR-Code:MS-0001', 'CODE-128:MS-0001']`. Only QR and Code 128 are enabled.
   */
  codesIn(page: number, rect: { x: number; y: number; width: number; height: number }, dpi = 300): string[] {
    const px = (mm: number) => Math.round((mm / 25.4) * dpi);
    const prefix = join(this.dir, `p${page}-${px(rect.x)}-${px(rect.y)}`);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-x', String(px(rect.x)), '-y', String(px(rect.y)),
      '-W', String(px(rect.width)), '-H', String(px(rect.height)), '-singlefile', this.path, prefix]);
    try {
      const out = execFileSync('zbarimg', ['-q', '--nodbus', '-Sdisable', '-Sqrcode.enable', '-Scode128.enable', `${prefix}.png`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return out.split('\n').filter(Boolean).sort();
    } catch (error) {
      // zbarimg exits with 4 when it finds nothing.
      if ((error as { status?: number }).status === 4) return [];
      throw error;
    }
  }

  /** A whole page as PNG (for looking at it). */
  png(page: number, dpi = 100): Buffer {
    const prefix = join(this.dir, `full${page}`);
    execFileSync('pdftoppm', ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', this.path, prefix]);
    return readFileSync(`${prefix}.png`);
  }

  close(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}
