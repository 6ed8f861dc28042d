import { todayInBerlin } from '../common/dates';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { notFound } from '../common/errors';
import { renderLoanAgreement } from './loan-agreement.pdf';
import { LoanSettingsService } from './loan-settings';
import { LoansService } from './loans.service';

/** The printable loan agreement of one loan. */
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
    const loan = await this.loans.findRow(actor, loanId);
    if (!loan) throw notFound('Loan');
    const [school] = await this.dataSource.query(
      `SELECT s.name, s.school_number AS "schoolNumber", s.street, s.postal_code AS "postalCode", s.city, a.name AS "authorityName"
         FROM schools s JOIN authorities a ON a.id = s.authority_id WHERE s.id = $1`,
      [loan.schoolId],
    );
    const settings = await this.settings.forAuthority(loan.authorityId);
    const content = await renderLoanAgreement({
      authorityName: school.authorityName,
      school,
      loanId: loan.id,
      borrowerKind: loan.borrowerKind,
      borrowerName: loan.borrowerName,
      borrowerReference: loan.borrowerReference,
      borrowerClass: loan.borrowerClass,
      guardianName: loan.guardianName,
      device: { type: loan.deviceType, manufacturer: loan.manufacturer, model: loan.model, inventoryNumber: loan.inventoryNumber, serialNumber: loan.serialNumber },
      accessories: loan.accessories,
      startedOn: loan.startedOn,
      dueOn: loan.dueOn,
      clauses: settings.agreementClauses,
      retentionDays: settings.retentionDays,
      printedOn: todayInBerlin(),
    });
    // The file name carries the inventory number, never the borrower's name.
    const safeNumber = loan.inventoryNumber.replace(/[^\w.-]+/g, '_');
    return { fileName: `Leihvertrag-${safeNumber}.pdf`, content };
  }
}
