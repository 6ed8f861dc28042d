import { Module } from '@nestjs/common';
import { CoverageModule } from '../coverage/coverage.module';
import { GrantsModule } from '../grants/grants.module';
import { CountersModule } from '../counters/counters.module';
import { NeedsModule } from '../needs/needs.module';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';

@Module({
  imports: [CoverageModule, NeedsModule, CountersModule, GrantsModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
