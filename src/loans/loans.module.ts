import { Module, OnModuleInit } from '@nestjs/common';
import { DevicesModule } from '../devices/devices.module';
import { DevicesService } from '../devices/devices.service';
import { LoanAgreementService } from './loan-agreement.service';
import { LoanPrivacyService } from './loan-privacy.service';
import { LoanSettingsService } from './loan-settings';
import { LoansBulkService } from './loans-bulk.service';
import { LoansController } from './loans.controller';
import { LoansService } from './loans.service';

@Module({
  imports: [DevicesModule],
  controllers: [LoansController],
  providers: [LoansService, LoansBulkService, LoanPrivacyService, LoanAgreementService, LoanSettingsService],
  exports: [LoansService, LoanSettingsService],
})
export class LoansModule implements OnModuleInit {
  constructor(
    private readonly devices: DevicesService,
    private readonly loans: LoansService,
  ) {}

  /** GET /devices/{id} shows the device's active loan (personal fields as the caller may see them). */
  onModuleInit(): void {
    this.devices.registerDetailExtension('currentLoan', (em, actor, deviceId) => this.loans.currentLoanOfDevice(actor, deviceId, em));
  }
}
