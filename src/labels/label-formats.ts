/**
 * The label stock we print on, as data: one row per product. Sheets are A4 (210 × 297 mm) with a grid of labels;
 * a label printer's roll gets one label per page of exactly the label's size. All measures in millimetres,
 * from the manufacturers' templates: `left`/`top` is the first label's corner, `pitchX`/`pitchY` the step
 * to the next column/row (label size plus gap).
 */
export interface LabelFormat {
  /** German name as the stock is sold. */
  name: string;
  labelWidth: number;
  labelHeight: number;
  columns: number;
  rows: number;
  pageWidth: number;
  pageHeight: number;
  left: number;
  top: number;
  pitchX: number;
  pitchY: number;
  /** White space inside the label's edge (printers do not print to the edge; also the codes' quiet zone). */
  padding: number;
}

export const LABEL_FORMAT_IDS = ['avery-3475', 'avery-l4736', 'avery-l6011', 'roll-62x29', 'roll-57x32'] as const;
export type LabelFormatId = (typeof LABEL_FORMAT_IDS)[number];

const A4 = { pageWidth: 210, pageHeight: 297 };

export const LABEL_FORMATS: Readonly<Record<LabelFormatId, LabelFormat>> = {
  'avery-3475': { name: 'Avery Zweckform 3475 (70 × 36 mm, 24 je Bogen)', labelWidth: 70, labelHeight: 36, columns: 3, rows: 8, ...A4, left: 0, top: 4.5, pitchX: 70, pitchY: 36, padding: 3 },
  'avery-l4736': { name: 'Avery Zweckform L4736 (45,7 × 21,2 mm, 48 je Bogen)', labelWidth: 45.7, labelHeight: 21.2, columns: 4, rows: 12, ...A4, left: 9.75, top: 21.4, pitchX: 48.3, pitchY: 21.2, padding: 1.5 },
  'avery-l6011': { name: 'Avery Zweckform L6011 (63,5 × 29,6 mm, 27 je Bogen, Polyester)', labelWidth: 63.5, labelHeight: 29.6, columns: 3, rows: 9, ...A4, left: 7.25, top: 15.3, pitchX: 66, pitchY: 29.6, padding: 2 },
  'roll-62x29': { name: 'Etikettendrucker 62 × 29 mm (z. B. Brother DK-11209)', labelWidth: 62, labelHeight: 29, columns: 1, rows: 1, pageWidth: 62, pageHeight: 29, left: 0, top: 0, pitchX: 62, pitchY: 29, padding: 2 },
  'roll-57x32': { name: 'Etikettendrucker 57 × 32 mm (z. B. Dymo 11354)', labelWidth: 57, labelHeight: 32, columns: 1, rows: 1, pageWidth: 57, pageHeight: 32, left: 0, top: 0, pitchX: 57, pitchY: 32, padding: 2 },
};

export const labelsPerPage = (f: LabelFormat) => f.columns * f.rows;

/** Where the n-th label (0-based, counting from the first label printed) goes. */
export interface LabelSlot {
  /** 0-based page. */
  page: number;
  /** Top-left corner of the label, mm from the page's top-left corner. */
  x: number;
  y: number;
}

/**
 * The slot of the n-th printed label when printing starts at position `startAt` (1-based, row by row) of the first sheet:
 * the positions before it are already used on a partly used sheet (erstes freies Etikett).
 */
export function labelSlot(format: LabelFormat, n: number, startAt = 1): LabelSlot {
  const perPage = labelsPerPage(format);
  const position = n + startAt - 1;
  const page = Math.floor(position / perPage);
  const onPage = position % perPage;
  const column = onPage % format.columns;
  const row = Math.floor(onPage / format.columns);
  return { page, x: round(format.left + column * format.pitchX), y: round(format.top + row * format.pitchY) };
}

const round = (mm: number) => Math.round(mm * 1000) / 1000;

export const MM = 72 / 25.4;
export const mmToPt = (mm: number) => mm * MM;
