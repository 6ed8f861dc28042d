import { Module } from '@nestjs/common';
import { CoverageModule } from '../coverage/coverage.module';
import { GrantsModule } from '../grants/grants.module';
import { LoansModule } from '../loans/loans.module';
import { NeedsModule } from '../needs/needs.module';
import { StatsController } from './stats.controller';
import { StatsService } from './stats.service';
import { StocktakingsModule } from '../stocktakings/stocktakings.module';

@Module({
  imports: [CoverageModule, NeedsModule, LoansModule, GrantsModule, StocktakingsModule],
  controllers: [StatsController],
  providers: [StatsService],
})
export class StatsModule {}
