import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AuditModule } from '../audit/audit.module';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { LicenceFiguresService } from './licence-figures.service';
import { LicenceSeatsService } from './licence-seats.service';
import { LicenceWarningsService } from './licence-warnings.service';
import { LicencesController } from './licences.controller';
import { LicencesService } from './licences.service';

@Module({
  imports: [CommonModule, AuditModule, AuthoritiesModule],
  controllers: [LicencesController],
  providers: [LicencesService, LicenceSeatsService, LicenceWarningsService, LicenceFiguresService],
  exports: [LicencesService, LicenceWarningsService, LicenceFiguresService],
})
export class LicencesModule {}
