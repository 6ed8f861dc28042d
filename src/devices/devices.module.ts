import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AuditModule } from '../audit/audit.module';
import { DiscoveryModule } from '@nestjs/core';
import { DeviceActionsService } from './device-actions.service';
import { DeviceLifecycleService } from './device-lifecycle.service';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';
import { DeviceImportService } from './import/device-import.service';

@Module({
  imports: [CommonModule, AuditModule, DiscoveryModule],
  controllers: [DevicesController],
  providers: [DeviceLifecycleService, DevicesService, DeviceActionsService, DeviceImportService],
  exports: [DeviceLifecycleService, DevicesService, DeviceActionsService],
})
export class DevicesModule {}
