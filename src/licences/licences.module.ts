import { Module } from '@nestjs/common';
import { LicenceFiguresService } from './licence-figures.service';
import { LicenceSeatsService } from './licence-seats.service';
import { LicenceWarningsService } from './licence-warnings.service';
import { LicencesController } from './licences.controller';
import { LicencesService } from './licences.service';

@Module({
  controllers: [LicencesController],
  providers: [LicencesService, LicenceSeatsService, LicenceWarningsService, LicenceFiguresService],
  exports: [LicencesService, LicenceWarningsService, LicenceFiguresService],
})
export class LicencesModule {}
