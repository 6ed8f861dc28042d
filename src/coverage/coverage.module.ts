import { Module } from '@nestjs/common';
import { CoverageController, SchoolCoverageController } from './coverage.controller';
import { CoverageService } from './coverage.service';

@Module({
  controllers: [CoverageController, SchoolCoverageController],
  providers: [CoverageService],
  exports: [CoverageService],
})
export class CoverageModule {}
