import { join } from 'node:path';

/**
 * The Unicode fonts of generated PDFs (DejaVu Sans, from the `dejavu-fonts-ttf` package): names are written in many
 * alphabets (ş, ğ, ı, ł, ő, ễ), which the PDF standard fonts cannot print. Embedded as subsets by pdfkit.
 */
const FONT_DIR = join(require.resolve('dejavu-fonts-ttf/package.json'), '..', 'ttf');

export const PDF_FONTS = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  condensed: join(FONT_DIR, 'DejaVuSansCondensed.ttf'),
  condensedBold: join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf'),
} as const;
