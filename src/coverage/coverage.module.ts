import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { LicencesModule } from '../licences/licences.module';
import { StocktakingsModule } from '../stocktakings/stocktakings.module';
import { CoverageController, SchoolCoverageController } from './coverage.controller';
import { CoverageService } from './coverage.service';

@Module({
  imports: [CommonModule, AuthoritiesModule, LicencesModule, StocktakingsModule],
  controllers: [CoverageController, SchoolCoverageController],
  providers: [CoverageService],
  exports: [CoverageService],
})
export class CoverageModule {}
