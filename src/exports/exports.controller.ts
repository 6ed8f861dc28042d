import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { InventoryExportQueryDto, InventoryExportService } from './inventory-export.service';
import { LoansExportQueryDto, LoansExportService } from './loans-export.service';
import { ApiXlsxResponse } from './xlsx-response.decorator';

@ApiTags('exports')
@Authenticated()
@Controller({ path: 'exports', version: '1' })
export class ExportsController {
  constructor(
    private readonly inventory: InventoryExportService,
    private readonly loans: LoansExportService,
  ) {}

  /** The device inventory as an Excel file: the same filters, scope and order as `GET /devices`, every page at once. */
  @Get('inventory.xlsx')
  @Roles('office', 'coordinator', 'viewer')
  @ApiXlsxResponse('The inventory (one sheet).')
  inventoryXlsx(@CurrentActor() actor: Actor, @Query() query: InventoryExportQueryDto, @Res() res: Response): Promise<void> {
    return this.inventory.send(actor, query, res);
  }

  /**
   * The loans as an Excel file, with the filters of `GET /loans`. Borrowers' personal fields (name, reference,
   * guardian, notes) are columns only for the school's coordinators; the office's file has none.
   */
  @Get('loans.xlsx')
  @Roles('office', 'coordinator', 'viewer')
  @ApiXlsxResponse('The loans (one sheet).')
  loansXlsx(@CurrentActor() actor: Actor, @Query() query: LoansExportQueryDto, @Res() res: Response): Promise<void> {
    return this.loans.send(actor, query, res);
  }
}
