import type { ExpenditureLineRow, InventoryLineRow } from '../grants/grants.queries';
import { germanDate, germanEuro } from '../i18n/format';
import { labelOf, labels, labelsEn } from '../i18n/labels';
import { deviceIdentityColumns } from './inventory-export.service';
import { ColumnDef, euros, excelDate, ExportLang, labelWidth, Localized } from './xlsx-format';

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
 * Belegliste columns: each line once, its amount in the columns of the bases it has reached by the reporting date
 * (committed = ordered, invoiced, paid), so that each basis is the sum of its column. The overview's formulas refer
 * to these positions: keep them in step with INVOICE_COLUMN below.
 */
export function invoiceColumns(lang: ExportLang): ColumnDef<InvoiceLine>[] {
  return [
    { header: { de: 'Lfd. Nr.', en: 'No.' }, width: 8, kind: 'integer', value: (r) => r.runningNumber },
    { header: { de: 'Bestelldatum', en: 'Order date' }, width: 12, kind: 'date', value: (r) => excelDate(r.orderDate) },
    { header: { de: 'Rechnungsdatum', en: 'Invoice date' }, width: 12, kind: 'date', value: (r) => excelDate(r.invoiceDate) },
    { header: { de: 'Rechnungsnummer', en: 'Invoice number' }, width: 18, kind: 'text', value: (r) => r.invoiceNumber },
    { header: { de: 'Lieferant', en: 'Vendor' }, width: 24, kind: 'text', value: (r) => r.vendor },
    { header: { de: 'Gegenstand', en: 'Description' }, width: 40, kind: 'text', value: (r) => lineDescription(r, lang) },
    {
      header: { de: 'Fördergegenstand', en: 'Cost type' },
      width: labelWidth('expenditureCategory', lang),
      kind: 'text',
      value: (r) => labelOf('expenditureCategory', r.category, lang),
    },
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.schoolName },
    { header: { de: 'Schulnummer', en: 'School number' }, width: 12, kind: 'text', value: (r) => r.schoolNumber },
    { header: { de: 'Gebunden (bestellt)', en: 'Committed (ordered)' }, width: 15, kind: 'euro', value: (r) => euros(r.grossCents), total: (r) => r.grossCents },
    {
      header: { de: 'In Rechnung gestellt', en: 'Invoiced' },
      width: 15,
      kind: 'euro',
      value: (r) => (r.invoiced ? euros(r.grossCents) : null),
      total: (r) => (r.invoiced ? r.grossCents : 0),
    },
    { header: { de: 'Bezahlt', en: 'Paid' }, width: 15, kind: 'euro', value: (r) => (r.paid ? euros(r.grossCents) : null), total: (r) => (r.paid ? r.grossCents : 0) },
    { header: { de: 'Bezahlt am', en: 'Paid on' }, width: 12, kind: 'date', value: (r) => (r.paid ? excelDate(r.paidOn) : null) },
    { header: { de: 'Förderanteil', en: 'Funded share' }, width: 15, kind: 'euro', value: (r) => euros(r.fundedCents), total: (r) => r.fundedCents },
    { header: { de: 'Eigenanteil', en: 'Own share' }, width: 15, kind: 'euro', value: (r) => euros(r.ownCents), total: (r) => r.ownCents },
  ];
}

/** A line's description, followed by the licence contracts it paid for. */
export function lineDescription(r: ExpenditureLineRow, lang: ExportLang): string {
  if (!r.licences) return r.description;
  return `${r.description} – ${lang === 'de' ? 'Lizenzvertrag' : 'Licence contract'}: ${r.licences}`;
}

/** 1-based positions of the Belegliste columns the overview's formulas refer to. */
export const INVOICE_COLUMN = { invoiceNumber: 4, vendor: 5, description: 6, schoolName: 8, schoolNumber: 9, committed: 10, invoiced: 11, paid: 12, funded: 14, own: 15 } as const;

/** A device's flags as the Inventarliste and the Prüfhinweise say them. */
export function deviceFlags(r: InventoryLineRow, lang: ExportLang, period: { from: string; until: string }): string[] {
  const flags: string[] = [];
  const de = lang === 'de';
  const date = (iso: string) => (de ? germanDate(iso) : iso);
  if (r.boughtOutsidePeriod === 'before') {
    flags.push(de ? `Kaufdatum ${date(r.purchaseDate!)} vor dem förderfähigen Zeitraum (ab ${date(period.from)})` : `Bought ${r.purchaseDate}, before the eligible period (from ${period.from})`);
  }
  if (r.boughtOutsidePeriod === 'after') {
    flags.push(de ? `Kaufdatum ${date(r.purchaseDate!)} nach dem förderfähigen Zeitraum (bis ${date(period.until)})` : `Bought ${r.purchaseDate}, after the eligible period (until ${period.until})`);
  }
  if (r.boughtAfterInvoice) {
    flags.push(de ? `Kaufdatum ${date(r.purchaseDate!)} nach dem Rechnungsdatum ${date(r.invoiceDate!)}` : `Bought ${r.purchaseDate}, after the invoice date ${r.invoiceDate}`);
  }
  return flags;
}

export function inventoryLineColumns(lang: ExportLang, period: { from: string; until: string } = { from: '0000-01-01', until: '9999-12-31' }): ColumnDef<InventoryLineRow>[] {
  return [
    ...deviceIdentityColumns<InventoryLineRow>(lang),
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', measure: 'q."schoolName"', value: (r) => r.schoolName },
    { header: { de: 'Standort', en: 'Location' }, width: 16, kind: 'text', measure: 'q.location', value: (r) => r.location },
    { header: { de: 'Kaufdatum', en: 'Purchase date' }, width: 12, kind: 'date', value: (r) => excelDate(r.purchaseDate) },
    { header: { de: 'Kaufpreis', en: 'Price' }, width: 13, kind: 'euro', value: (r) => euros(r.purchasePriceCents), total: (r) => r.purchasePriceCents },
    { header: { de: 'Rechnungsnummer', en: 'Invoice number' }, width: 18, kind: 'text', measure: 'q."invoiceNumber"', value: (r) => r.invoiceNumber },
    { header: { de: 'Rechnungsdatum', en: 'Invoice date' }, width: 12, kind: 'date', value: (r) => excelDate(r.invoiceDate) },
    { header: { de: 'Inbetriebnahme', en: 'Commissioned on' }, width: 12, kind: 'date', value: (r) => excelDate(r.commissionedOn) },
    { header: { de: 'Status am Stichtag', en: 'Status as of' }, width: labelWidth('deviceStatus', lang), kind: 'text', value: (r) => labelOf('deviceStatus', r.status, lang) },
    {
      header: { de: 'Prüfhinweis', en: 'Review note' },
      width: 24,
      maxWidth: 40,
      kind: 'text',
      value: (r) => (r.boughtOutsidePeriod || r.boughtAfterInvoice ? deviceFlags(r, lang, period).join('; ') : null),
    },
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
    { header: { de: 'Hinweis', en: 'Note' }, width: 70, maxWidth: 70, kind: 'text', value: (r) => r.text },
    { header: { de: 'Schule', en: 'School' }, width: 30, kind: 'text', value: (r) => r.school },
    { header: { de: 'Betrag', en: 'Amount' }, width: 15, kind: 'euro', value: (r) => euros(r.amountCents) },
  ];
}

/** Titles of the report's own line checks (the summary's warnings take theirs from the label table). */
const CHECK_TITLES: Record<'not_invoiced' | 'not_paid' | 'missing_devices' | 'device_outside_period' | 'device_after_invoice', Localized> = {
  not_invoiced: { de: 'Keine Rechnung zum Stichtag', en: 'Not invoiced by the reporting date' },
  not_paid: { de: 'Nicht bezahlt zum Stichtag', en: 'Not paid by the reporting date' },
  missing_devices: { de: 'Keine Geräte verknüpft', en: 'No devices linked' },
  device_outside_period: { de: 'Kauf außerhalb des Förderzeitraums', en: 'Bought outside the eligible period' },
  device_after_invoice: { de: 'Kauf nach dem Rechnungsdatum', en: 'Bought after the invoice' },
};

/** The title of a summary warning in the report's language. */
export function warningTitle(code: string, lang: ExportLang): string {
  const table: Readonly<Record<string, string>> = lang === 'de' ? labels.grantWarning : labelsEn.grantWarning;
  return table[code] ?? code;
}

/** Categories whose invoices buy inventory: a line of them without linked devices leaves the inventory list incomplete. */
const DEVICE_CATEGORIES = new Set(['devices', 'displays']);

/** Checks of one Belegliste line that the proof of use needs: an invoice, its payment, and for device purchases the devices. */
export function lineNotes(line: InvoiceLine, lang: ExportLang): ReviewNote[] {
  const notInvoiced = !line.invoiced;
  const notPaid = line.invoiced && !line.paid;
  const missingDevices = DEVICE_CATEGORIES.has(line.category) && !line.hasDevices;
  // Most lines pass: no texts are built for them (a report has up to 50,000 lines and more).
  if (!notInvoiced && !notPaid && !missingDevices) return [];
  const de = lang === 'de';
  const notes: ReviewNote[] = [];
  const which = de ? `Beleg Nr. ${line.runningNumber} (${line.vendor}, ${line.description})` : `Line ${line.runningNumber} (${line.vendor}, ${line.description})`;
  const note = (kind: keyof typeof CHECK_TITLES, text: string) => notes.push({ kind: CHECK_TITLES[kind][lang], text, school: line.schoolName, amountCents: line.grossCents });
  if (notInvoiced) {
    note('not_invoiced', de ? `${which}: bestellt am ${germanDate(line.orderDate)} über ${germanEuro(line.grossCents)}, bis zum Stichtag keine Rechnung` : `${which}: ordered on ${line.orderDate}, not invoiced`);
  }
  if (notPaid) {
    note('not_paid', de ? `${which}: Rechnung ${line.invoiceNumber ?? ''} vom ${germanDate(line.invoiceDate!)} über ${germanEuro(line.grossCents)} bis zum Stichtag nicht bezahlt` : `${which}: invoice of ${line.invoiceDate} not paid`);
  }
  if (missingDevices) {
    note('missing_devices', de ? `${which}: keine Inventargeräte mit der Rechnung verknüpft` : `${which}: no inventory devices linked to the invoice`);
  }
  return notes;
}

/** The Prüfhinweise of one device of the Inventarliste. */
export function deviceNotes(r: InventoryLineRow, lang: ExportLang, period: { from: string; until: string }): ReviewNote[] {
  if (!r.boughtOutsidePeriod && !r.boughtAfterInvoice) return [];
  const de = lang === 'de';
  const which = de ? `Gerät ${r.inventoryNumber}` : `Device ${r.inventoryNumber}`;
  const flags = deviceFlags(r, lang, period);
  const notes: ReviewNote[] = [];
  let i = 0;
  if (r.boughtOutsidePeriod) notes.push({ kind: CHECK_TITLES.device_outside_period[lang], text: `${which}: ${flags[i++]}`, school: r.schoolName, amountCents: r.purchasePriceCents });
  if (r.boughtAfterInvoice) notes.push({ kind: CHECK_TITLES.device_after_invoice[lang], text: `${which}: ${flags[i++]}`, school: r.schoolName, amountCents: r.purchasePriceCents });
  return notes;
}
