import type { ExpenditureLineRow, InventoryLineRow } from '../grants/grant-export.sql';
import { deviceIdentityColumns } from './inventory-export.service';
import { labelOf } from '../i18n/labels';
import { ColumnDef, euros, excelDate, ExportLang, Localized } from './xlsx-format';

/** Sheet names of the proof of use (Verwendungsnachweis). */
export const REPORT_SHEETS: Record<'overview' | 'invoices' | 'inventory' | 'notes', Localized> = {
  overview: { de: 'Übersicht', en: 'Overview' },
  invoices: { de: 'Belegliste', en: 'Invoices' },
  inventory: { de: 'Inventarliste', en: 'Inventory' },
  notes: { de: 'Prüfhinweise', en: 'Review notes' },
};

/** A Belegliste row: the invoice line plus its running number. */
export type InvoiceLine = ExpenditureLineRow & { runningNumber: number };

/**
 * Belegliste columns. H, I, J (gross, funded, own) carry totals; K (school number) is what the overview's
 * per-school SUMIFS match on. Keep these positions in step with INVOICE_COLUMN below.
 */
export function invoiceColumns(lang: ExportLang): ColumnDef<InvoiceLine>[] {
  return [
    { header: { de: 'Lfd. Nr.', en: 'No.' }, width: 8, kind: 'integer', value: (r) => r.runningNumber },
    { header: { de: 'Rechnungsdatum', en: 'Invoice date' }, width: 14, kind: 'date', value: (r) => excelDate(r.invoiceDate) },
    { header: { de: 'Rechnungsnummer', en: 'Invoice number' }, width: 18, kind: 'text', value: (r) => r.invoiceNumber },
    { header: { de: 'Lieferant', en: 'Vendor' }, width: 24, kind: 'text', value: (r) => r.vendor },
    { header: { de: 'Gegenstand', en: 'Description' }, width: 40, kind: 'text', value: (r) => r.description },
    { header: { de: 'Kostenart', en: 'Cost category' }, width: 18, kind: 'text', value: (r) => labelOf('expenditureCategory', r.category, lang) },
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.schoolName },
    { header: { de: 'Bruttobetrag', en: 'Gross amount' }, width: 15, kind: 'euro', value: (r) => euros(r.grossCents), total: (r) => r.grossCents },
    { header: { de: 'Förderanteil', en: 'Funded share' }, width: 15, kind: 'euro', value: (r) => euros(r.fundedCents), total: (r) => r.fundedCents },
    { header: { de: 'Eigenanteil', en: 'Own share' }, width: 15, kind: 'euro', value: (r) => euros(r.ownCents), total: (r) => r.ownCents },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', value: (r) => r.schoolNumber },
    { header: { de: 'Bestelldatum', en: 'Order date' }, width: 13, kind: 'date', value: (r) => excelDate(r.orderDate) },
    { header: { de: 'Bezahlt am', en: 'Paid on' }, width: 13, kind: 'date', value: (r) => (r.paid ? excelDate(r.paidOn) : null) },
  ];
}

/** 1-based positions of the Belegliste columns the overview's formulas refer to. */
export const INVOICE_COLUMN = { gross: 8, funded: 9, own: 10, schoolNumber: 11 } as const;

export function inventoryLineColumns(lang: ExportLang): ColumnDef<InventoryLineRow>[] {
  return [
    ...deviceIdentityColumns<InventoryLineRow>(lang),
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.schoolName },
    { header: { de: 'Standort', en: 'Location' }, width: 16, kind: 'text', value: (r) => r.location },
    { header: { de: 'Kaufdatum', en: 'Purchase date' }, width: 12, kind: 'date', value: (r) => excelDate(r.purchaseDate) },
    { header: { de: 'Kaufpreis', en: 'Price' }, width: 13, kind: 'euro', value: (r) => euros(r.purchasePriceCents), total: (r) => r.purchasePriceCents },
    { header: { de: 'Rechnungsnummer', en: 'Invoice number' }, width: 18, kind: 'text', value: (r) => r.invoiceNumber },
    { header: { de: 'Inbetriebnahme', en: 'Commissioned on' }, width: 14, kind: 'date', value: (r) => excelDate(r.commissionedOn) },
    { header: { de: 'Status', en: 'Status' }, width: 13, kind: 'text', value: (r) => labelOf('deviceStatus', r.status, lang) },
  ];
}

/** One line of the Prüfhinweise sheet. */
export interface ReviewNote {
  kind: string;
  text: string;
  school: string | null;
  amountCents: number | null;
}

export function reviewNoteColumns(): ColumnDef<ReviewNote & { n: number }>[] {
  return [
    { header: { de: 'Nr.', en: 'No.' }, width: 6, kind: 'integer', value: (r) => r.n },
    { header: { de: 'Art', en: 'Kind' }, width: 30, kind: 'text', value: (r) => r.kind },
    { header: { de: 'Hinweis', en: 'Note' }, width: 80, kind: 'text', value: (r) => r.text },
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.school },
    { header: { de: 'Betrag', en: 'Amount' }, width: 15, kind: 'euro', value: (r) => euros(r.amountCents) },
  ];
}

/** Titles of the grant summary's warning codes (the summary's own message follows as the detail). */
export const WARNING_TITLES: Record<string, Localized> = {
  mobile_device_cap: { de: 'Obergrenze mobile Endgeräte', en: 'Mobile-device cap' },
  category_share: { de: 'Anteil einer Kostenart', en: 'Category share' },
  over_allocation: { de: 'Zuweisung der Schule überschritten', en: "School's allocation exceeded" },
  over_approved: { de: 'Bewilligter Betrag überschritten', en: 'Approved amount exceeded' },
  budget_override: { de: 'Budgetüberschreitung genehmigt', en: 'Budget override' },
  earmarking_breach: { de: 'Zweckbindungsfrist verletzt', en: 'Earmarking period breached' },
  proof_of_use_due: { de: 'Verwendungsnachweis fällig', en: 'Proof of use due' },
  eligible_period_ending: { de: 'Förderzeitraum endet', en: 'Eligible period ending' },
  missing_invoice: { de: 'Rechnung fehlt', en: 'Invoice missing' },
  missing_devices: { de: 'Keine Geräte verknüpft', en: 'No devices linked' },
};

/** Categories whose invoices buy inventory: a line of them without linked devices leaves the inventory list incomplete. */
const DEVICE_CATEGORIES = new Set(['devices', 'displays']);

/** Checks of one Belegliste line that the proof of use needs: an invoice, and for device purchases the devices. */
export function lineNotes(line: InvoiceLine, lang: ExportLang): ReviewNote[] {
  const missingInvoice = !line.invoiceNumber || !line.invoiceDate;
  const missingDevices = DEVICE_CATEGORIES.has(line.category) && !line.hasDevices;
  // Most lines pass: no texts are built for them (a report has up to 50,000 lines and more).
  if (!missingInvoice && !missingDevices) return [];
  const notes: ReviewNote[] = [];
  const which = lang === 'de' ? `Beleg Nr. ${line.runningNumber} (${line.vendor}, ${line.description})` : `Line ${line.runningNumber} (${line.vendor}, ${line.description})`;
  if (missingInvoice) {
    notes.push({
      kind: WARNING_TITLES.missing_invoice[lang],
      text: lang === 'de' ? `${which}: keine Rechnung erfasst (Bestellung vom ${germanDate(line.orderDate)})` : `${which}: no invoice recorded (ordered on ${line.orderDate})`,
      school: line.schoolName,
      amountCents: line.grossCents,
    });
  }
  if (missingDevices) {
    notes.push({
      kind: WARNING_TITLES.missing_devices[lang],
      text: lang === 'de' ? `${which}: keine Inventargeräte mit der Rechnung verknüpft` : `${which}: no inventory devices linked to the invoice`,
      school: line.schoolName,
      amountCents: line.grossCents,
    });
  }
  return notes;
}

function germanDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}
