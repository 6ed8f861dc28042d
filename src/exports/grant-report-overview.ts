import type { LineGroupRow } from '../grants/grants.queries';
import type { GrantDto } from '../grants/grants.dto';
import type { GrantSummaryDto } from '../grants/summary.dto';
import { EXPENDITURE_CATEGORIES } from '../grants/expenditures.dto';
import { labelOf } from '../i18n/labels';
import { INVOICE_COLUMN, REPORT_SHEETS } from './grant-report-sheets';
import type { SheetWriter } from './paced-workbook';
import { ColumnDef, DATE_FORMAT, EURO_FORMAT, excelDate, ExportLang, INTEGER_FORMAT, StyledCell, sumFormula } from './xlsx-format';

export interface OverviewData {
  authorityName: string;
  grant: GrantDto;
  /** The summary's figures (its warnings go to the review notes). */
  summary: Omit<GrantSummaryDto, 'mobileDeviceCap' | 'warnings'>;
  /** The Belegliste's sums per school and cost type, from the same snapshot and the same lines. */
  groups: LineGroupRow[];
  /** Coordinators see their schools' share: the remaining money is measured against their allocations. */
  coordinator: boolean;
  createdOn: string;
}

/** Column widths of the overview (free-form sheet): labels, then the tables' money columns. */
export const OVERVIEW_COLUMNS: ColumnDef<never>[] = [44, 16, 17, 17, 17, 17, 20].map((width) => ({
  header: { de: '', en: '' },
  width,
  kind: 'text',
  value: () => null,
}));

/** The usual certification of a proof of use (Nr. 6 ANBest-K / ANBest-P). */
export const CERTIFICATION_TEXT =
  'Es wird bestätigt, dass die Ausgaben notwendig waren, dass wirtschaftlich und sparsam verfahren worden ist und die Angaben mit den Büchern und gegebenenfalls den Belegen übereinstimmen.';

const T = {
  title: { de: 'Verwendungsnachweis – zahlenmäßiger Nachweis', en: 'Proof of use – figures' },
  authority: { de: 'Schulträger', en: 'School authority' },
  program: { de: 'Förderprogramm', en: 'Grant programme' },
  grantTitle: { de: 'Bezeichnung', en: 'Title' },
  reference: { de: 'Aktenzeichen', en: 'Reference number' },
  decision: { de: 'Zuwendungsbescheid vom', en: 'Decision date' },
  from: { de: 'Förderfähiger Zeitraum von', en: 'Eligible period from' },
  until: { de: 'Förderfähiger Zeitraum bis', en: 'Eligible period until' },
  approved: { de: 'Bewilligter Betrag', en: 'Approved amount' },
  allocated: { de: 'Budget Ihrer Schulen (zugewiesen)', en: 'Allocated to your schools' },
  rate: { de: 'Förderquote', en: 'Funding rate' },
  asOf: { de: 'Stichtag', en: 'As of' },
  allSpending: { de: 'alle erfassten Bestellungen und Rechnungen', en: 'everything recorded' },
  created: { de: 'Erstellt am', en: 'Created on' },
  totals: { de: 'Mittel zum Stichtag (Summen der Belegliste)', en: 'Money as of the reporting date (sums of the invoice list)' },
  basis: { de: 'Stand', en: 'Basis' },
  gross: { de: 'Betrag (brutto)', en: 'Gross amount' },
  funded: { de: 'Förderanteil', en: 'Funded share' },
  own: { de: 'Eigenanteil', en: 'Own share' },
  lines: { de: 'Anzahl Belege', en: 'Lines' },
  committed: { de: 'Gebunden (bestellt)', en: 'Committed (ordered)' },
  invoiced: { de: 'In Rechnung gestellt', en: 'Invoiced' },
  paid: { de: 'Bezahlt (Mittelabfluss)', en: 'Paid (outflow)' },
  remainingApproved: { de: 'Verbleibend vom bewilligten Betrag (bewilligt − gebunden)', en: 'Remaining of the approved amount (approved − committed)' },
  remainingAllocated: { de: 'Verbleibend vom Budget Ihrer Schulen (zugewiesen − gebunden)', en: "Remaining of your schools' allocations (allocated − committed)" },
  byCategory: { de: 'Nach Fördergegenstand', en: 'By cost type' },
  category: { de: 'Fördergegenstand', en: 'Cost type' },
  paidFunded: { de: 'Förderanteil (bezahlt)', en: 'Funded share (paid)' },
  paidOwn: { de: 'Eigenanteil (bezahlt)', en: 'Own share (paid)' },
  bySchool: { de: 'Nach Schulen', en: 'By school' },
  school: { de: 'Schule', en: 'School' },
  schoolNumber: { de: 'Schulnummer', en: 'School number' },
  allocation: { de: 'Budget (zugewiesen)', en: 'Allocation' },
  remainingSchool: { de: 'Verbleibend vom Budget (zugewiesen − gebunden)', en: 'Remaining of the allocation (allocated − committed)' },
  sum: { de: 'Summe', en: 'Total' },
  certification: { de: 'Bestätigung', en: 'Certification' },
  place: { de: 'Ort', en: 'Place' },
  date: { de: 'Datum', en: 'Date' },
  name: { de: 'Name', en: 'Name' },
  signature: { de: 'Unterschrift', en: 'Signature' },
};

const euro = (cents: number): StyledCell => ({ value: cents / 100, numFmt: EURO_FORMAT });
const date = (iso: string | null): StyledCell => ({ value: excelDate(iso), numFmt: DATE_FORMAT });
const count = (n: number): StyledCell => ({ value: n, numFmt: INTEGER_FORMAT });
const LINE = '_______________________________';

interface Basis {
  lines: number;
  cents: number;
  fundedCents: number;
}

/**
 * Übersicht: the grant's facts; committed (ordered), invoiced and paid money apart, each the SUM of its Belegliste
 * column (cached value: the exact cent sum); one "remaining" (of the approved amount, or for a coordinator of their
 * schools' allocations); the sums per cost type and per school; the certification with lines for place, date, name
 * and signature.
 */
export function writeOverview(sheet: SheetWriter<never>, data: OverviewData, lang: ExportLang): void {
  const { grant, summary, groups } = data;
  const t = (key: keyof typeof T) => T[key][lang];
  // A fact's text runs on over the empty columns to its right: wrapped in the narrow value column it would need a row
  // height LibreOffice does not compute, and overlap the next fact.
  const fact = (key: keyof typeof T, value: StyledCell | string | null) =>
    sheet.addCells([{ value: t(key), bold: true }, typeof value === 'string' ? { value, wrap: false } : value]);

  sheet.addCells([{ value: t('title'), bold: true }]);
  sheet.addCells([]);
  fact('authority', data.authorityName);
  fact('program', labelOf('grantProgram', grant.program, lang));
  fact('grantTitle', grant.title);
  fact('reference', grant.referenceNumber);
  fact('decision', date(grant.decisionDate));
  fact('from', date(grant.eligibleFrom));
  fact('until', date(grant.eligibleUntil));
  const approvedRow = fact('approved', euro(grant.approvedCents));
  const allocatedRow = data.coordinator ? fact('allocated', euro(summary.totals.allocatedCents)) : null;
  fact('rate', { value: grant.fundingRatePercent / 100, numFmt: '0.00 %' });
  fact('asOf', summary.asOf ? date(summary.asOf) : t('allSpending'));
  fact('created', date(data.createdOn));
  sheet.addCells([]);

  // The three bases, each a sum of its own Belegliste column.
  const basis = (pick: (g: LineGroupRow) => Basis) =>
    groups.reduce<Basis>((sum, g) => {
      const b = pick(g);
      return { lines: sum.lines + b.lines, cents: sum.cents + b.cents, fundedCents: sum.fundedCents + b.fundedCents };
    }, { lines: 0, cents: 0, fundedCents: 0 });
  const committed = basis((g) => ({ lines: g.lines, cents: g.committedCents, fundedCents: g.committedFundedCents }));
  const invoiced = basis((g) => ({ lines: g.invoicedLines, cents: g.invoicedCents, fundedCents: g.invoicedFundedCents }));
  const paid = basis((g) => ({ lines: g.paidLines, cents: g.paidCents, fundedCents: g.paidFundedCents }));
  const lastLine = 1 + committed.lines;
  const invoices = REPORT_SHEETS.invoices[lang];
  const overLines = (column: number, cents: number): StyledCell => ({ value: sumFormula(column, 2, lastLine, cents / 100, invoices), numFmt: EURO_FORMAT });

  sheet.addCells([{ value: t('totals'), bold: true }]);
  sheet.addHeader([t('basis'), t('gross'), t('funded'), t('own'), t('lines')], [false, true, true, true, true]);
  const committedRow = sheet.addCells([t('committed'), overLines(INVOICE_COLUMN.committed, committed.cents), euro(committed.fundedCents), euro(committed.cents - committed.fundedCents), count(committed.lines)]);
  sheet.addCells([t('invoiced'), overLines(INVOICE_COLUMN.invoiced, invoiced.cents), euro(invoiced.fundedCents), euro(invoiced.cents - invoiced.fundedCents), count(invoiced.lines)]);
  sheet.addCells([t('paid'), overLines(INVOICE_COLUMN.paid, paid.cents), euro(paid.fundedCents), euro(paid.cents - paid.fundedCents), count(paid.lines)]);
  sheet.addCells([]);
  const budgetRow = allocatedRow ?? approvedRow;
  const budgetCents = data.coordinator ? summary.totals.allocatedCents : grant.approvedCents;
  sheet.addCells([
    { value: t(data.coordinator ? 'remainingAllocated' : 'remainingApproved'), bold: true },
    { value: { formula: `B${budgetRow}-B${committedRow}`, result: (budgetCents - committed.cents) / 100 }, numFmt: EURO_FORMAT, bold: true },
  ]);
  sheet.addCells([]);

  // By cost type (Fördergegenstand): the three bases and the shares of what was paid.
  sheet.addCells([{ value: t('byCategory'), bold: true }]);
  sheet.addHeader([t('category'), t('committed'), t('invoiced'), t('paid'), t('paidFunded'), t('paidOwn')], [false, true, true, true, true, true]);
  const byCategory = new Map<string, { committed: number; invoiced: number; paid: number; paidFunded: number }>();
  for (const g of groups) {
    const c = byCategory.get(g.category) ?? { committed: 0, invoiced: 0, paid: 0, paidFunded: 0 };
    c.committed += g.committedCents;
    c.invoiced += g.invoicedCents;
    c.paid += g.paidCents;
    c.paidFunded += g.paidFundedCents;
    byCategory.set(g.category, c);
  }
  for (const category of EXPENDITURE_CATEGORIES) {
    const c = byCategory.get(category);
    if (c) sheet.addCells([labelOf('expenditureCategory', category, lang), euro(c.committed), euro(c.invoiced), euro(c.paid), euro(c.paidFunded), euro(c.paid - c.paidFunded)]);
  }
  sheet.addCells([t('sum'), euro(committed.cents), euro(invoiced.cents), euro(paid.cents), euro(paid.fundedCents), euro(paid.cents - paid.fundedCents)], { bold: true });
  sheet.addCells([]);

  // By school: the allocation from the grant, the bases from the Belegliste by school number.
  sheet.addCells([{ value: t('bySchool'), bold: true }]);
  sheet.addHeader([t('school'), t('schoolNumber'), t('allocation'), t('committed'), t('invoiced'), t('paid'), t('remainingSchool')], [false, false, true, true, true, true, true]);
  const bySchoolNumber = new Map<string, { committed: number; invoiced: number; paid: number }>();
  for (const g of groups) {
    const s = bySchoolNumber.get(g.schoolNumber) ?? { committed: 0, invoiced: 0, paid: 0 };
    s.committed += g.committedCents;
    s.invoiced += g.invoicedCents;
    s.paid += g.paidCents;
    bySchoolNumber.set(g.schoolNumber, s);
  }
  let firstSchoolRow: number | null = null;
  let lastSchoolRow = 0;
  const shown = { allocated: 0, committed: 0, invoiced: 0, paid: 0 };
  for (const school of summary.bySchool) {
    const s = bySchoolNumber.get(school.schoolNumber) ?? { committed: 0, invoiced: 0, paid: 0 };
    const row = sheet.nextRow;
    shown.allocated += school.allocatedCents;
    shown.committed += s.committed;
    shown.invoiced += s.invoiced;
    shown.paid += s.paid;
    sheet.addCells([
      school.schoolName,
      school.schoolNumber,
      euro(school.allocatedCents),
      euro(s.committed),
      euro(s.invoiced),
      euro(s.paid),
      { value: { formula: `C${row}-D${row}`, result: (school.allocatedCents - s.committed) / 100 }, numFmt: EURO_FORMAT },
    ]);
    firstSchoolRow ??= row;
    lastSchoolRow = row;
  }
  const first = firstSchoolRow ?? sheet.nextRow;
  const total = (column: number, cents: number): StyledCell => ({ value: sumFormula(column, first, lastSchoolRow, cents / 100), numFmt: EURO_FORMAT });
  sheet.addCells(
    [t('sum'), null, total(3, shown.allocated), total(4, shown.committed), total(5, shown.invoiced), total(6, shown.paid), total(7, shown.allocated - shown.committed)],
    { bold: true },
  );
  sheet.addCells([]);

  // The certification and the signature lines.
  sheet.addCells([{ value: t('certification'), bold: true }]);
  sheet.addParagraph(lang === 'de' ? CERTIFICATION_TEXT : `${CERTIFICATION_TEXT} (German wording of the certification, as the grant authority expects it.)`);
  sheet.addCells([]);
  for (const key of ['place', 'date', 'name', 'signature'] as const) {
    sheet.addCells([]);
    sheet.addCells([{ value: t(key), bold: true }, { value: LINE, wrap: false }]);
  }
}
