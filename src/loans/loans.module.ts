import { Module } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { CurrentLoanSection } from './current-loan.section';
import { LoanAgreementService } from './loan-agreement.service';
import { LoanPrivacyService } from './loan-privacy.service';
import { LoanSettingsService } from './loan-settings';
import { LoansBulkService } from './loans-bulk.service';
import { LoansController } from './loans.controller';
import { LoansService } from './loans.service';

@Module({
  imports: [DevicesModule],
  controllers: [LoansController],
  providers: [CurrentLoanSection, LoansService, LoansBulkService, LoanPrivacyService, LoanAgreementService, LoanSettingsService],
  exports: [LoansService, LoanSettingsService],
})
export class LoansModule {}
