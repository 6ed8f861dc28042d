import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AuditModule } from '../audit/audit.module';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { DevicesModule } from '../devices/devices.module';
import { StocktakingsController } from './stocktakings.controller';
import { StocktakingsService } from './stocktakings.service';

/** Stocktaking (Inventur): counting a school's devices room by room. */
@Module({
  imports: [CommonModule, AuditModule, DevicesModule, AuthoritiesModule],
  controllers: [StocktakingsController],
  providers: [StocktakingsService],
  exports: [StocktakingsService],
})
export class StocktakingsModule {}
