import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { PDF_FONTS } from '../common/fonts';
import type { DeviceType } from '../devices/device.entity';
import { germanDate, germanEuro } from '../i18n/format';
import { accessoryLabelOf, labels } from '../i18n/labels';
import type { BorrowerKind } from './loan-rules';
import type { AgreementClauseDto } from './loan-settings';

/** What the printed agreement shows. Personal fields are null when the caller may not see them (or they were erased): blank lines then. */
export interface AgreementData {
  authorityName: string;
  school: { name: string; schoolNumber: string; street: string | null; postalCode: string | null; city: string | null };
  agreementNumber: string;
  borrowerKind: BorrowerKind;
  borrowerName: string | null;
  borrowerReference: string | null;
  borrowerClass: string | null;
  guardianName: string | null;
  device: { type: DeviceType; manufacturer: string; model: string; inventoryNumber: string; serialNumber: string | null; purchasePriceCents: number | null };
  accessories: string[];
  startedOn: string;
  dueOn: string;
  clauses: AgreementClauseDto[];
  retentionDays: number;
  printedOn: string;
}

/** German names of the device types (from the one label table). */
export const DEVICE_TYPE_LABELS: Readonly<Record<DeviceType, string>> = labels.deviceType;

/** An accessory in German: the label of a known code, else as the school wrote it. */
export const accessoryLabel = (a: string) => accessoryLabelOf(a, 'de');

export { germanDate };

const BLANK = '______________________________________';
const LEFT = 56;
const PAGE_HEIGHT = 841.89;
const BOTTOM = 56;
const WIDTH = 595.28 - 2 * LEFT;
const LABEL_WIDTH = 165;
const GREY = '#444444';

// The Unicode font (DejaVu Sans, see src/common/fonts.ts), read once: names are printed as written (ş, ł, ễ, Ø …),
// which the PDF standard fonts (WinAnsi) cannot do. pdfkit embeds the subset of glyphs a document uses.
const FONT = { regular: readFileSync(PDF_FONTS.regular), bold: readFileSync(PDF_FONTS.bold) };

/** Renders the loan agreement (Leihvertrag) as an A4 PDF for the borrower (and the guardians) to sign. */
export function renderLoanAgreement(data: AgreementData): Promise<Buffer> {
  return renderLoanAgreements([data], `Leihvertrag ${data.agreementNumber}`);
}

/** Several agreements in one file (a class's loans), each starting on a new page, each with its own page count. */
export function renderLoanAgreements(agreements: AgreementData[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 48, bottom: BOTTOM, left: LEFT, right: LEFT },
    autoFirstPage: false,
    bufferPages: true,
    lang: 'de-DE',
    // Metadata carries no personal data: a PDF is forwarded and indexed more than one thinks.
    info: { Title: title, Author: agreements[0]?.authorityName ?? '', Subject: 'Leihvertrag über ein digitales Endgerät' },
  });
  doc.registerFont('Regular', FONT.regular);
  doc.registerFont('Bold', FONT.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const ranges: { first: number; count: number; agreementNumber: string }[] = [];
  for (const data of agreements) {
    doc.addPage();
    const first = doc.bufferedPageRange().start + doc.bufferedPageRange().count - 1;
    drawAgreement(doc, data);
    const end = doc.bufferedPageRange().start + doc.bufferedPageRange().count;
    ranges.push({ first, count: end - first, agreementNumber: data.agreementNumber });
  }
  // The footer of every page: agreement number and "Seite X von Y" of its agreement (a class file holds many).
  for (const { first, count, agreementNumber } of ranges) {
    for (let i = 0; i < count; i++) {
      doc.switchToPage(first + i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('Regular').fontSize(8).fillColor(GREY);
      doc.text(`Leihvertrag ${agreementNumber}`, LEFT, PAGE_HEIGHT - 34, { width: WIDTH / 2, lineBreak: false });
      doc.text(`Seite ${i + 1} von ${count}`, LEFT + WIDTH / 2, PAGE_HEIGHT - 34, { width: WIDTH / 2, align: 'right', lineBreak: false });
      doc.fillColor('black');
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  return done;
}

function drawAgreement(doc: PDFKit.PDFDocument, data: AgreementData): void {
  const student = data.borrowerKind === 'student';
  const ensureSpace = (points: number) => {
    if (doc.y + points > PAGE_HEIGHT - BOTTOM) doc.addPage();
  };
  const heading = (text: string) => {
    ensureSpace(60);
    doc.moveDown(0.7).font('Bold').fontSize(10.5).text(text, LEFT, doc.y, { width: WIDTH }).moveDown(0.3).font('Regular').fontSize(10);
  };
  const row = (label: string, value: string | null, options: { strong?: boolean } = {}) => {
    ensureSpace(16);
    const y = doc.y;
    doc.font('Regular').fontSize(10).fillColor(GREY).text(label, LEFT, y, { width: LABEL_WIDTH }).fillColor('black');
    const labelBottom = doc.y;
    doc.font(value && options.strong !== false ? 'Bold' : 'Regular').text(value ?? BLANK, LEFT + LABEL_WIDTH + 5, y, { width: WIDTH - LABEL_WIDTH - 5 });
    doc.y = Math.max(doc.y, labelBottom) + 2;
    doc.font('Regular');
  };
  const paragraph = (text: string, size = 10) => doc.font('Regular').fontSize(size).text(text, LEFT, doc.y, { width: WIDTH, align: 'justify' }).fontSize(10);

  // Head: the lender, the title, the number.
  doc.font('Regular').fontSize(9).fillColor(GREY).text(`${data.authorityName} · ${data.school.name}`, LEFT, doc.y, { width: WIDTH, align: 'right' }).fillColor('black');
  doc.moveDown(0.8).font('Bold').fontSize(16).text('Leihvertrag über ein digitales Endgerät', LEFT, doc.y, { width: WIDTH });
  doc.font('Regular').fontSize(9.5).fillColor(GREY).text('Unentgeltliche Überlassung (Leihe, §§ 598 ff. BGB)', LEFT, doc.y, { width: WIDTH }).fillColor('black');
  doc.moveDown(0.5);
  row('Vertragsnummer', data.agreementNumber);
  row('Ausgestellt am', germanDate(data.printedOn), { strong: false });

  heading('1. Vertragsparteien');
  const address = [data.school.street, [data.school.postalCode, data.school.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  row('Verleiher', `${data.authorityName} als Schulträger, vertreten durch die Schulleitung der Schule`, { strong: false });
  row('Schule', `${data.school.name}${address ? `, ${address}` : ''}`);
  row('Schulnummer', data.school.schoolNumber);
  doc.moveDown(0.4);
  row(`Entleiher/in (${student ? 'Schülerin/Schüler' : 'Lehrkraft'})`, data.borrowerName);
  row(student ? 'Klasse / Kurs' : 'Fach / Bereich', data.borrowerClass);
  row(student ? 'Schülernummer' : 'Personalnummer / Kennung', data.borrowerReference);
  if (student) row('Erziehungsberechtigte/r', data.guardianName);

  heading('2. Leihgegenstand');
  row('Gerätetyp', DEVICE_TYPE_LABELS[data.device.type] ?? data.device.type);
  row('Hersteller und Modell', `${data.device.manufacturer} ${data.device.model}`);
  row('Seriennummer', data.device.serialNumber ?? '–');
  row('Inventarnummer', data.device.inventoryNumber);
  row('Zubehör', data.accessories.length ? data.accessories.map(accessoryLabel).join(', ') : 'kein Zubehör');
  row('Wert (Kaufpreis brutto)', data.device.purchasePriceCents !== null ? germanEuro(data.device.purchasePriceCents) : null);
  row('Vorhandene Schäden bei Ausgabe', null);

  heading('3. Leihdauer');
  paragraph(
    `Das Gerät wird vom ${germanDate(data.startedOn)} bis zum ${germanDate(data.dueOn)} überlassen (Rückgabe bis ${germanDate(data.dueOn)}). ` +
      'Die Leihe endet vorzeitig, wenn die Entleiherin oder der Entleiher die Schule verlässt; das Gerät ist dann sofort zurückzugeben.',
  );

  data.clauses.forEach((clause, i) => {
    heading(`${i + 4}. ${clause.title}`);
    paragraph(clause.text.replaceAll('{retentionDays}', String(data.retentionDays)), 9.5);
  });

  const signers = student
    ? ['Für die Schule (Unterschrift, Stempel)', 'Schülerin / Schüler', 'Erziehungsberechtigte/r (bei Minderjährigen)']
    : ['Für die Schule (Unterschrift, Stempel)', 'Lehrkraft'];
  // Keep the signature block together on one page.
  ensureSpace(150);
  heading(`${data.clauses.length + 4}. Unterschriften`);
  paragraph('Mit der Unterschrift werden der Empfang des Geräts mit dem genannten Zubehör und die Regeln dieses Vertrags bestätigt.');
  doc.moveDown(2.2);
  let y = doc.y;
  doc.moveTo(LEFT + 62, y).lineTo(LEFT + 260, y).lineWidth(0.6).stroke();
  doc.fontSize(10).text('Ort, Datum', LEFT, y - 12, { width: 60 });
  // The signature lines side by side, each with its signer below.
  y += 48;
  const gap = 18;
  const columnWidth = (WIDTH - gap * (signers.length - 1)) / signers.length;
  signers.forEach((signer, i) => {
    const x = LEFT + i * (columnWidth + gap);
    doc.moveTo(x, y).lineTo(x + columnWidth, y).lineWidth(0.6).stroke();
    doc.fontSize(8).text(signer, x, y + 3, { width: columnWidth });
  });
  doc.fontSize(10);
}
