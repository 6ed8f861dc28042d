import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeviceEvent } from './device-event.entity';
import { DeviceLifecycleService } from './device-lifecycle.service';
import { Device } from './device.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Device, DeviceEvent])],
  providers: [DeviceLifecycleService],
  exports: [DeviceLifecycleService],
})
export class DevicesModule {}
