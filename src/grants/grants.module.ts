import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AuditModule } from '../audit/audit.module';
import { AuthoritiesModule } from '../authorities/authorities.module';
import { DevicesModule } from '../devices/devices.module';
import { LicencesModule } from '../licences/licences.module';
import { AllocationsService } from './allocations.service';
import { EarmarkingService } from './earmarking.service';
import { ExpendituresController } from './expenditures.controller';
import { ExpendituresService } from './expenditures.service';
import { GrantsController } from './grants.controller';
import { GrantsService } from './grants.service';
import { GrantSummaryService } from './summary.service';

/**
 * Funding grants. Exports GrantsService (budgetOverview, settings) and GrantSummaryService (summary) for statistics and
 * exports; the SQL (also of the proof-of-use lists) is in `grants.queries.ts`, the rounding rule in `money.ts`.
 */
@Module({
  imports: [CommonModule, AuditModule, AuthoritiesModule, DevicesModule, LicencesModule],
  controllers: [GrantsController, ExpendituresController],
  providers: [GrantsService, AllocationsService, ExpendituresService, GrantSummaryService, EarmarkingService],
  exports: [GrantsService, GrantSummaryService],
})
export class GrantsModule {}
