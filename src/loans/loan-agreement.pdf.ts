import PDFDocument from 'pdfkit';
import type { DeviceType } from '../devices/device.entity';
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
  device: { type: DeviceType; manufacturer: string; model: string; inventoryNumber: string; serialNumber: string | null };
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

/** 2026-07-31 → 31.07.2026 */
export const germanDate = (date: string) => `${date.slice(8, 10)}.${date.slice(5, 7)}.${date.slice(0, 4)}`;

const BLANK = '_______________________________';
const LEFT = 56;
const WIDTH = 595.28 - 2 * LEFT;

/** Renders the loan agreement (Leihvertrag) as an A4 PDF for the borrower (and the guardians) to sign. */
export function renderLoanAgreement(data: AgreementData): Promise<Buffer> {
  return renderLoanAgreements([data], `Leihvertrag ${data.agreementNumber}`);
}

/** Several agreements in one file (a class's loans), each starting on a new page. */
export function renderLoanAgreements(agreements: AgreementData[], title: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, bottom: 40, left: LEFT, right: LEFT },
    autoFirstPage: false,
    // Metadata carries no personal data: a PDF is forwarded and indexed more than one thinks.
    info: { Title: title, Author: agreements[0]?.authorityName ?? '', Subject: 'Leihvertrag über ein digitales Endgerät' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const data of agreements) {
    doc.addPage();
    drawAgreement(doc, data);
  }
  doc.end();
  return done;
}

function drawAgreement(doc: PDFKit.PDFDocument, data: AgreementData): void {
  const student = data.borrowerKind === 'student';
  const heading = (text: string) => doc.moveDown(0.6).font('Helvetica-Bold').fontSize(10.5).text(text, LEFT).moveDown(0.25).font('Helvetica').fontSize(10);
  const row = (label: string, value: string | null) => {
    const y = doc.y;
    doc.font('Helvetica').fontSize(10).text(label, LEFT, y, { width: 170 });
    const labelBottom = doc.y;
    doc.font(value ? 'Helvetica-Bold' : 'Helvetica').text(value ?? BLANK, LEFT + 175, y, { width: WIDTH - 175 });
    doc.y = Math.max(doc.y, labelBottom) + 1;
    doc.font('Helvetica');
  };

  doc.font('Helvetica').fontSize(9).fillColor('#444').text(data.authorityName, { align: 'right' }).fillColor('black');
  doc.moveDown(0.5).font('Helvetica-Bold').fontSize(16).text('Leihvertrag über ein digitales Endgerät', LEFT);
  doc.font('Helvetica').fontSize(9).fillColor('#444').text(`Vertragsnummer ${data.agreementNumber} · gedruckt am ${germanDate(data.printedOn)}`).fillColor('black');

  heading('1. Vertragsparteien');
  const address = [data.school.street, [data.school.postalCode, data.school.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  doc.text(`Verleiher: ${data.authorityName} als Schulträger, vertreten durch die Schulleitung der Schule`, { width: WIDTH }).moveDown(0.25);
  row('Schule', `${data.school.name}${address ? `, ${address}` : ''}`);
  row('Schulnummer', data.school.schoolNumber);
  doc.moveDown(0.3).text(`Entleiher/in (${student ? 'Schülerin / Schüler' : 'Lehrkraft'}):`, LEFT);
  row('Name', data.borrowerName);
  row(student ? 'Klasse / Kurs' : 'Fach / Bereich', data.borrowerClass);
  row(student ? 'Schülernummer' : 'Personalnummer / Kennung', data.borrowerReference);
  if (student) row('Erziehungsberechtigte/r', data.guardianName);

  heading('2. Leihgegenstand');
  row('Gerät', DEVICE_TYPE_LABELS[data.device.type] ?? data.device.type);
  row('Hersteller und Modell', `${data.device.manufacturer} ${data.device.model}`);
  row('Inventarnummer', data.device.inventoryNumber);
  row('Seriennummer', data.device.serialNumber ?? '–');
  row('Zubehör', data.accessories.length ? data.accessories.map(accessoryLabel).join(', ') : 'kein Zubehör');

  heading('3. Leihdauer');
  doc.text(
    `Das Gerät wird vom ${germanDate(data.startedOn)} bis zum ${germanDate(data.dueOn)} überlassen. ` +
      'Die Leihe endet vorzeitig mit dem Verlassen der Schule.',
    LEFT,
    doc.y,
    { width: WIDTH },
  );

  data.clauses.forEach((clause, i) => {
    heading(`${i + 4}. ${clause.title}`);
    doc.fontSize(9).text(clause.text.replaceAll('{retentionDays}', String(data.retentionDays)), LEFT, doc.y, { width: WIDTH, align: 'justify' }).fontSize(10);
  });

  const signers = student
    ? ['Für die Schule (Unterschrift, Stempel)', 'Schülerin / Schüler', 'Erziehungsberechtigte/r (bei Minderjährigen)']
    : ['Für die Schule (Unterschrift, Stempel)', 'Lehrkraft'];
  // Keep the signature block (about 120 pt) together on one page.
  if (doc.y > 841.89 - 40 - 120) doc.addPage();
  heading(`${data.clauses.length + 4}. Unterschriften`);
  doc.text('Mit der Unterschrift werden der Empfang des Geräts mit dem genannten Zubehör und die Regeln dieses Vertrags bestätigt.', LEFT, doc.y, { width: WIDTH });
  doc.moveDown(1.8);
  let y = doc.y;
  doc.moveTo(LEFT + 60, y).lineTo(LEFT + 250, y).stroke();
  doc.text('Ort, Datum', LEFT, y - 11, { width: 60 });
  // The signature lines side by side, each with its signer below.
  doc.moveDown(2.6);
  y = doc.y;
  const gap = 18;
  const columnWidth = (WIDTH - gap * (signers.length - 1)) / signers.length;
  signers.forEach((signer, i) => {
    const x = LEFT + i * (columnWidth + gap);
    doc.moveTo(x, y).lineTo(x + columnWidth, y).stroke();
    doc.fontSize(8).text(signer, x, y + 3, { width: columnWidth });
  });
  doc.fontSize(10);
}
