import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { CoverageModule } from '../coverage/coverage.module';
import { DevicesModule } from '../devices/devices.module';
import { GrantsModule } from '../grants/grants.module';
import { LicencesModule } from '../licences/licences.module';
import { LoansModule } from '../loans/loans.module';
import { NeedsModule } from '../needs/needs.module';
import { StocktakingsModule } from '../stocktakings/stocktakings.module';
import { ExportDb } from './export-db';
import { ExportSlots } from './export-slots';
import { ExportsController } from './exports.controller';
import { GrantReportService } from './grant-report.service';
import { InventoryExportService } from './inventory-export.service';
import { LicencesExportController, LicencesExportService } from './licences-export.service';
import { LoansExportService } from './loans-export.service';
import { PlanningExportsService } from './planning-exports.service';
import { ReportExportsController } from './report-exports.controller';
import { StocktakingExportService } from './stocktaking-export.service';
import { XlsxExporter } from './xlsx-exporter';

/**
 * Streamed Excel exports: rows go from a database cursor through ExcelJS's streaming writer to the response.
 * The statements come from the features' services (`DevicesService.exportQuery`, `GrantsService.reportQueries` …):
 * this folder holds the streaming and workbook machinery and the sheets' layout, no feature's SQL.
 */
@Module({
  imports: [DevicesModule, LoansModule, NeedsModule, GrantsModule, CoverageModule, LicencesModule, StocktakingsModule],
  controllers: [ExportsController, ReportExportsController, LicencesExportController],
  providers: [
    ExportDb,
    // A connection of the pool always stays for the other requests.
    { provide: ExportSlots, inject: [AppConfig], useFactory: (c: AppConfig) => new ExportSlots(Math.max(1, Math.min(c.EXPORT_MAX_CONCURRENT, c.DB_POOL_SIZE - 1)), c.EXPORT_QUEUE_WAIT_MS) },
    XlsxExporter, InventoryExportService, LoansExportService, PlanningExportsService, GrantReportService, LicencesExportService, StocktakingExportService],
})
export class ExportsModule {}
