import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AuditModule } from '../audit/audit.module';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { DevicesModule } from '../devices/devices.module';
import { CurrentLoanSection } from './current-loan.section';
import { LoanAgreementService } from './loan-agreement.service';
import { LoanPrivacyService } from './loan-privacy.service';
import { LoanSettingsService } from './loan-settings';
import { LoansBulkService } from './loans-bulk.service';
import { LoansController } from './loans.controller';
import { LoansService } from './loans.service';

@Module({
  imports: [CommonModule, AuditModule, AuthoritiesModule, DevicesModule],
  controllers: [LoansController],
  providers: [CurrentLoanSection, LoansService, LoansBulkService, LoanPrivacyService, LoanAgreementService, LoanSettingsService],
  exports: [LoansService, LoanSettingsService],
})
export class LoansModule {}
