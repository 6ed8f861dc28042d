import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import { GrantReportQueryDto, GrantReportService } from './grant-report.service';
import { CoverageExportQueryDto, NeedsExportQueryDto, PlanningExportsService } from './planning-exports.service';
import { StocktakingExportService } from './stocktaking-export.service';
import { ApiXlsxResponse } from './xlsx-response.decorator';

/**
 * Excel files that sit beside the lists they mirror (`/coverage.xlsx` next to `/coverage`, the report under its grant).
 * Full paths here, so the feature controllers stay untouched.
 */
@ApiTags('exports')
@Authenticated()
@Controller({ version: '1' })
export class ReportExportsController {
  constructor(
    private readonly grantReport: GrantReportService,
    private readonly planning: PlanningExportsService,
    private readonly stocktaking: StocktakingExportService,
  ) {}

  /**
   * The stocktaking list (Inventurliste, German): per room expected, found, found elsewhere, missing, unknown;
   * who counted when; lines for the counting persons' signatures; and every device with its result.
   */
  @Get('stocktakings/:id/export.xlsx')
  @Roles('office', 'coordinator', 'viewer')
  @ApiXlsxResponse('The stocktaking list (Übersicht and Geräte).')
  stocktakingXlsx(@CurrentActor() actor: Actor, @IdParam() id: string, @Res() res: Response): Promise<void> {
    return this.stocktaking.send(actor, id, res);
  }

  /**
   * The proof of use (Verwendungsnachweis) of a grant: Übersicht (facts, totals as formulas, one row per school),
   * Belegliste (every invoice with funded and own share), Inventarliste (devices bought with the grant) and
   * Prüfhinweise (the summary's warnings and missing invoices or device links). `asOf`: the reporting date.
   */
  @Get('grants/:id/report.xlsx')
  @Roles('office', 'coordinator', 'viewer')
  @ApiXlsxResponse('The proof of use (four sheets).')
  grantReportXlsx(@CurrentActor() actor: Actor, @IdParam() id: string, @Query() query: GrantReportQueryDto, @Res() res: Response): Promise<void> {
    return this.grantReport.send(actor, id, query, res);
  }

  /** The coverage of every school the caller sees, sorted like `GET /coverage`, with totals. */
  @Get('coverage.xlsx')
  @Roles('office', 'coordinator', 'viewer')
  @ApiXlsxResponse('The coverage list (one sheet).')
  coverageXlsx(@CurrentActor() actor: Actor, @Query() query: CoverageExportQueryDto, @Res() res: Response): Promise<void> {
    return this.planning.coverageXlsx(actor, query, res);
  }

  /** The needs (requests of the schools) with the filters of `GET /needs`, newest first, with totals. */
  @Get('needs.xlsx')
  @Roles('office', 'coordinator', 'viewer')
  @ApiXlsxResponse('The needs list (one sheet).')
  needsXlsx(@CurrentActor() actor: Actor, @Query() query: NeedsExportQueryDto, @Res() res: Response): Promise<void> {
    return this.planning.needsXlsx(actor, query, res);
  }
}
