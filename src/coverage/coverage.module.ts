import { Module } from '@nestjs/common';
import { LicencesModule } from '../licences/licences.module';
import { StocktakingsModule } from '../stocktakings/stocktakings.module';
import { CoverageController, SchoolCoverageController } from './coverage.controller';
import { CoverageService } from './coverage.service';

@Module({
  imports: [LicencesModule, StocktakingsModule],
  controllers: [CoverageController, SchoolCoverageController],
  providers: [CoverageService],
  exports: [CoverageService],
})
export class CoverageModule {}
