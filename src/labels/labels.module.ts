import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { DevicesModule } from '../devices/devices.module';
import { LabelsController } from './labels.controller';
import { LabelsService } from './labels.service';

/** Asset labels (Etiketten) for the devices, on A4 label sheets or a label printer's roll. */
@Module({
  imports: [AuditModule, DevicesModule],
  controllers: [LabelsController],
  providers: [LabelsService],
})
export class LabelsModule {}
