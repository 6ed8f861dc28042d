import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { type DeviceDetailExtension, ExtendsDeviceDetail } from '../devices/device-extensions';
import type { LoanDto } from './loans.dto';
import { LoansService } from './loans.service';

/** GET /devices/{id} shows the device's running loan (personal fields as the caller may see them). */
@Injectable()
@ExtendsDeviceDetail()
export class CurrentLoanSection implements DeviceDetailExtension<'currentLoan'> {
  readonly key = 'currentLoan';

  constructor(private readonly loans: LoansService) {}

  load(em: EntityManager, actor: Actor, deviceId: string): Promise<LoanDto | null> {
    return this.loans.currentLoanOfDevice(actor, deviceId, em);
  }
}
