import { todayInBerlin } from '../common/dates';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { tenantOf } from '../common/access';
import { rows } from '../common/db';
import { notFound } from '../common/errors';
import { AgreementData, renderLoanAgreement, renderLoanAgreements } from './loan-agreement.pdf';
import { LOAN_SQL, type LoanRow } from './loans.queries';
import { LoanSettingsDto, LoanSettingsService } from './loan-settings';
import { LoansService } from './loans.service';

interface SchoolOfAgreement {
  id: string;
  name: string;
  schoolNumber: string;
  street: string | null;
  postalCode: string | null;
  city: string | null;
  authorityName: string;
}

/** File names carry agreement numbers or a class, never a borrower's name; ASCII only, for every mail client. */
const safeFilePart = (text: string) =>
  text
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/Ä/g, 'Ae')
    .replace(/Ö/g, 'Oe')
    .replace(/Ü/g, 'Ue')
    .replace(/ß/g, 'ss')
    .replace(/[^\w.-]+/g, '_');

/** The printable loan agreements (Leihverträge). */
@Injectable()
export class LoanAgreementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly loans: LoansService,
    private readonly settings: LoanSettingsService,
  ) {}

  /**
   * The agreement as PDF. The borrower's fields are printed only for the school's coordinators;
   * for everyone else (and after erasure) they are blank lines to fill in by hand.
   */
  async pdf(actor: Actor, loanId: string): Promise<{ fileName: string; content: Buffer }> {
    const loan = await this.loans.findRow(this.dataSource.manager, actor, loanId);
    if (!loan) throw notFound('Loan');
    const [data] = await this.agreementData(loan.authorityId, [loan]);
    return { fileName: `Leihvertrag-${safeFilePart(loan.agreementNumber)}.pdf`, content: await renderLoanAgreement(data) };
  }

  /**
   * The agreements of several loans in one file, in the order asked for (a class handed out at the counter prints
   * once). Any loan the caller may not see makes the whole request a 404, as for a single one.
   */
  async combinedPdf(actor: Actor, loanIds: string[]): Promise<{ fileName: string; content: Buffer }> {
    const authorityId = tenantOf(actor);
    const ids = [...new Set(loanIds.map((id) => id.toLowerCase()))];
    const found = new Map((await this.loans.findRows(this.dataSource.manager, actor, ids)).map((row) => [row.id, row]));
    const rows = ids.map((id) => found.get(id));
    if (rows.some((row) => !row)) throw notFound('Loan');
    const loans = rows as LoanRow[];
    const data = await this.agreementData(authorityId, loans);
    const classes = new Set(loans.map((l) => `${l.schoolId}/${l.borrowerClass ?? ''}`));
    const onlyClass = classes.size === 1 && loans[0].borrowerClass ? `-${safeFilePart(loans[0].borrowerClass)}` : '';
    const fileName = `Leihvertraege${onlyClass}-${todayInBerlin()}.pdf`;
    return { fileName, content: await renderLoanAgreements(data, `Leihverträge (${loans.length})`) };
  }

  /** What each agreement prints: its loan, its school and the authority's clauses (one query each for all loans). */
  private async agreementData(authorityId: string, loans: LoanRow[]): Promise<AgreementData[]> {
    const schoolIds = [...new Set(loans.map((l) => l.schoolId))];
    const em = this.dataSource.manager;
    const schools = await rows<SchoolOfAgreement>(em, LOAN_SQL.agreementSchools, [schoolIds, authorityId]);
    const bySchool = new Map(schools.map((s) => [s.id, s]));
    const prices = await rows<{ id: string; purchasePriceCents: number | null }>(em, LOAN_SQL.agreementPrices, [[...new Set(loans.map((l) => l.deviceId))], authorityId]);
    const priceOf = new Map(prices.map((p) => [p.id, p.purchasePriceCents]));
    const settings: LoanSettingsDto = await this.settings.forAuthority(em, authorityId);
    const printedOn = todayInBerlin();
    return loans.map((loan) => {
      const school = bySchool.get(loan.schoolId)!;
      return {
        authorityName: school.authorityName,
        school,
        agreementNumber: loan.agreementNumber,
        borrowerKind: loan.borrowerKind,
        borrowerName: loan.borrowerName,
        borrowerReference: loan.borrowerReference,
        borrowerClass: loan.borrowerClass,
        guardianName: loan.guardianName,
        device: {
          type: loan.deviceType,
          manufacturer: loan.manufacturer,
          model: loan.model,
          inventoryNumber: loan.inventoryNumber,
          serialNumber: loan.serialNumber,
          purchasePriceCents: priceOf.get(loan.deviceId) ?? null,
        },
        accessories: loan.accessories,
        startedOn: loan.startedOn,
        dueOn: loan.dueOn,
        clauses: settings.agreementClauses,
        retentionDays: settings.retentionDays,
        printedOn,
      };
    });
  }
}
