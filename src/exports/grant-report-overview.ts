import type { GrantDto } from '../grants/grants.dto';
import type { GrantSummaryDto } from '../grants/summary.dto';
import { INVOICE_COLUMN, REPORT_SHEETS } from './grant-report-sheets';
import { labelOf } from '../i18n/labels';
import type { SheetWriter } from './paced-workbook';
import { ColumnDef, columnLetter, DATE_FORMAT, EURO_FORMAT, excelDate, ExportLang, sheetRef, StyledCell, sumFormula } from './xlsx-format';

/** Spending of one school as the Belegliste lists it (integer cents). */
export interface SchoolSpending {
  schoolNumber: string;
  lines: number;
  grossCents: number;
  fundedCents: number;
  ownCents: number;
}

export interface OverviewData {
  authorityName: string;
  grant: GrantDto;
  /** The summary's figures (its warnings go to the review notes). */
  summary: Omit<GrantSummaryDto, 'mobileDeviceCap' | 'warnings'>;
  /** Per school, from the same snapshot and the same lines as the Belegliste. */
  spending: SchoolSpending[];
  /** Coordinators see their schools' share: the remaining money is measured against their allocations. */
  coordinator: boolean;
  createdOn: string;
}

/** Column widths of the overview (free-form sheet): labels, then the per-school table's money columns. */
export const OVERVIEW_COLUMNS: ColumnDef<never>[] = [34, 22, 16, 16, 16, 16, 16].map((width) => ({
  header: { de: '', en: '' },
  width,
  kind: 'text',
  value: () => null,
}));

const T = {
  title: { de: 'Verwendungsnachweis – zahlenmäßiger Nachweis', en: 'Proof of use – figures' },
  authority: { de: 'Schulträger', en: 'School authority' },
  program: { de: 'Förderprogramm', en: 'Grant programme' },
  grantTitle: { de: 'Bezeichnung', en: 'Title' },
  reference: { de: 'Aktenzeichen', en: 'Reference number' },
  decision: { de: 'Bewilligungsbescheid vom', en: 'Decision date' },
  from: { de: 'Förderzeitraum von', en: 'Eligible period from' },
  until: { de: 'Förderzeitraum bis', en: 'Eligible period until' },
  approved: { de: 'Bewilligter Betrag', en: 'Approved amount' },
  allocated: { de: 'Zugewiesen (Ihre Schulen)', en: 'Allocated (your schools)' },
  rate: { de: 'Fördersatz', en: 'Funding rate' },
  asOf: { de: 'Stichtag', en: 'As of' },
  allSpending: { de: 'alle erfassten Ausgaben', en: 'all recorded spending' },
  created: { de: 'Erstellt am', en: 'Created on' },
  totals: { de: 'Summen (aus der Belegliste)', en: 'Totals (from the invoice list)' },
  spending: { de: 'Ausgaben gesamt', en: 'Total spending' },
  funded: { de: 'Förderanteil', en: 'Funded share' },
  own: { de: 'Eigenanteil', en: 'Own share' },
  remaining: { de: 'Verbleibend', en: 'Remaining' },
  lines: { de: 'Anzahl Belege', en: 'Number of invoices' },
  bySchool: { de: 'Nach Schulen', en: 'By school' },
  school: { de: 'Schule', en: 'School' },
  schoolNumber: { de: 'Schulnummer', en: 'School number' },
  allocation: { de: 'Zuweisung', en: 'Allocation' },
  sum: { de: 'Summe', en: 'Total' },
};

const euro = (cents: number): StyledCell => ({ value: cents / 100, numFmt: EURO_FORMAT });
const date = (iso: string | null): StyledCell => ({ value: excelDate(iso), numFmt: DATE_FORMAT });

/**
 * Übersicht: the grant's facts, the totals as formulas over the Belegliste (cached values: the exact cent sums),
 * and one row per school with SUMIFS over the Belegliste's school number column.
 */
export function writeOverview(sheet: SheetWriter<never>, data: OverviewData, lang: ExportLang): void {
  const { grant, summary } = data;
  const t = (key: keyof typeof T) => T[key][lang];
  const fact = (key: keyof typeof T, value: StyledCell | string | null) => sheet.addCells([{ value: t(key), bold: true }, value]);

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

  // Totals: integer sums of the per-school figures, which are sums of the very lines the Belegliste lists.
  const lines = data.spending.reduce((n, s) => n + s.lines, 0);
  const sumOf = (f: (s: SchoolSpending) => number) => data.spending.reduce((sum, s) => sum + f(s), 0);
  const gross = sumOf((s) => s.grossCents);
  const funded = sumOf((s) => s.fundedCents);
  const own = sumOf((s) => s.ownCents);
  const invoices = sheetRef(REPORT_SHEETS.invoices[lang]);
  const lastLine = 1 + lines;
  const overLines = (column: number, cents: number): StyledCell => ({ value: sumFormula(column, 2, lastLine, cents / 100, REPORT_SHEETS.invoices[lang]), numFmt: EURO_FORMAT });

  sheet.addCells([{ value: t('totals'), bold: true }]);
  const spendingRow = fact('spending', overLines(INVOICE_COLUMN.gross, gross));
  fact('funded', overLines(INVOICE_COLUMN.funded, funded));
  fact('own', overLines(INVOICE_COLUMN.own, own));
  const budgetRow = allocatedRow ?? approvedRow;
  const budgetCents = data.coordinator ? summary.totals.allocatedCents : grant.approvedCents;
  fact('remaining', { value: { formula: `B${budgetRow}-B${spendingRow}`, result: (budgetCents - gross) / 100 }, numFmt: EURO_FORMAT });
  fact('lines', { value: lines, numFmt: '#,##0' });
  sheet.addCells([]);

  // By school: allocation from the grant, spending matched in the Belegliste by school number.
  sheet.addCells([{ value: t('bySchool'), bold: true }]);
  sheet.addHeader([t('school'), t('schoolNumber'), t('allocation'), t('spending'), t('funded'), t('own'), t('remaining')]);
  const bySchoolNumber = new Map(data.spending.map((s) => [s.schoolNumber, s]));
  const range = (column: number) => `${invoices}$${columnLetter(column)}$2:$${columnLetter(column)}$${lastLine}`;
  const sumIfs = (column: number, keyCell: string, cents: number): StyledCell => ({
    value: lines > 0 ? { formula: `SUMIFS(${range(column)},${range(INVOICE_COLUMN.schoolNumber)},${keyCell})`, result: cents / 100 } : { formula: '0', result: 0 },
    numFmt: EURO_FORMAT,
  });
  let firstSchoolRow: number | null = null;
  let lastSchoolRow = 0;
  const shown = { allocated: 0, gross: 0, funded: 0, own: 0 };
  for (const school of summary.bySchool) {
    const s = bySchoolNumber.get(school.schoolNumber) ?? { grossCents: 0, fundedCents: 0, ownCents: 0 };
    const row = sheet.nextRow;
    shown.allocated += school.allocatedCents;
    shown.gross += s.grossCents;
    shown.funded += s.fundedCents;
    shown.own += s.ownCents;
    sheet.addCells([
      school.schoolName,
      school.schoolNumber,
      euro(school.allocatedCents),
      sumIfs(INVOICE_COLUMN.gross, `B${row}`, s.grossCents),
      sumIfs(INVOICE_COLUMN.funded, `B${row}`, s.fundedCents),
      sumIfs(INVOICE_COLUMN.own, `B${row}`, s.ownCents),
      { value: { formula: `C${row}-D${row}`, result: (school.allocatedCents - s.grossCents) / 100 }, numFmt: EURO_FORMAT },
    ]);
    firstSchoolRow ??= row;
    lastSchoolRow = row;
  }
  const first = firstSchoolRow ?? sheet.nextRow;
  const total = (column: number, cents: number): StyledCell => ({ value: sumFormula(column, first, lastSchoolRow, cents / 100), numFmt: EURO_FORMAT });
  sheet.addCells(
    [
      t('sum'),
      null,
      total(3, shown.allocated),
      total(4, shown.gross),
      total(5, shown.funded),
      total(6, shown.own),
      total(7, shown.allocated - shown.gross),
    ],
    { bold: true },
  );
}
