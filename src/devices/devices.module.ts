import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeviceActionsService } from './device-actions.service';
import { DeviceEvent } from './device-event.entity';
import { DeviceLifecycleService } from './device-lifecycle.service';
import { Device } from './device.entity';
import { DevicesController } from './devices.controller';
import { DevicesService } from './devices.service';

@Module({
  imports: [TypeOrmModule.forFeature([Device, DeviceEvent])],
  controllers: [DevicesController],
  providers: [DeviceLifecycleService, DevicesService, DeviceActionsService],
  exports: [DeviceLifecycleService, DevicesService],
})
export class DevicesModule {}
