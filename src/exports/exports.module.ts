import { Module } from '@nestjs/common';
import { CoverageModule } from '../coverage/coverage.module';
import { GrantsModule } from '../grants/grants.module';
import { LicencesModule } from '../licences/licences.module';
import { StocktakingsModule } from '../stocktakings/stocktakings.module';
import { ExportDb } from './export-db';
import { ExportsController } from './exports.controller';
import { GrantReportService } from './grant-report.service';
import { InventoryExportService } from './inventory-export.service';
import { LicencesExportController, LicencesExportService } from './licences-export.service';
import { LoansExportService } from './loans-export.service';
import { PlanningExportsService } from './planning-exports.service';
import { ReportExportsController } from './report-exports.controller';
import { StocktakingExportService } from './stocktaking-export.service';
import { XlsxExporter } from './xlsx-exporter';

/** Streamed Excel exports: rows go from a database cursor through ExcelJS's streaming writer to the response. */
@Module({
  imports: [GrantsModule, CoverageModule, LicencesModule, StocktakingsModule],
  controllers: [ExportsController, ReportExportsController, LicencesExportController],
  providers: [ExportDb, XlsxExporter, InventoryExportService, LoansExportService, PlanningExportsService, GrantReportService, LicencesExportService, StocktakingExportService],
})
export class ExportsModule {}
