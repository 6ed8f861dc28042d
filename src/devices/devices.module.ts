import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeviceActionsService } from './device-actions.service';
import { DeviceEvent } from './device-event.entity';
import { DeviceLifecycleService } from './device-lifecycle.service';
import { Device } from './device.entity';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';
import { DeviceImportService } from './import/device-import.service';

@Module({
  imports: [TypeOrmModule.forFeature([Device, DeviceEvent])],
  controllers: [DevicesController],
  providers: [DeviceLifecycleService, DevicesService, DeviceActionsService, DeviceImportService],
  exports: [DeviceLifecycleService, DevicesService, DeviceActionsService],
})
export class DevicesModule {}
