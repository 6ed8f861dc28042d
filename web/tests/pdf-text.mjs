// The text of a PDF as a viewer extracts it (PDF.js, through the fonts' ToUnicode maps), all pages joined.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export async function pdfText(buffer) {
  const pdf = await getDocument({ data: new Uint8Array(buffer), useSystemFonts: false, isEvalSupported: false, verbosity: 0 }).promise;
  const pages = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const { items } = await (await pdf.getPage(n)).getTextContent();
    pages.push(items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  return { pages: pdf.numPages, text: pages.join('\n') };
}
