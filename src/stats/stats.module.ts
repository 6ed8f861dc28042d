import { Module } from '@nestjs/common';
import { CoverageModule } from '../coverage/coverage.module';
import { GrantsModule } from '../grants/grants.module';
import { CountersModule } from '../counters/counters.module';
import { NeedsModule } from '../needs/needs.module';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';
import { StocktakingsModule } from '../stocktakings/stocktakings.module';

@Module({
  imports: [CoverageModule, NeedsModule, CountersModule, GrantsModule, StocktakingsModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
