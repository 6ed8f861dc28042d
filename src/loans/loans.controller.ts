import { Body, Controller, Get, HttpCode, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiConflictResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '../common/actor';
import { Authenticated, CurrentActor, Roles } from '../auth/decorators';
import { IdParam } from '../common/validation';
import { LoanAgreementService } from './loan-agreement.service';
import { LoanPrivacyService } from './loan-privacy.service';
import { LoanSettingsDto, LoanSettingsService, UpdateLoanSettingsDto } from './loan-settings';
import {
  AgreementsPdfDto,
  BulkLendDto,
  BulkResultDto,
  BulkReturnDto,
  CreateLoanDto,
  EraseBorrowerDto,
  ErasureResultDto,
  ExtendLoanDto,
  ListLoansQueryDto,
  LoanDto,
  LoanPageDto,
  MarkAgreementSignedDto,
  ReturnLoanDto,
} from './loans.dto';
import { LoansBulkService } from './loans-bulk.service';
import { IdempotencyKey, IdempotencyService, Idempotent } from '../common/idempotency';
import { LoansService } from './loans.service';

const pdfFile = ({ fileName, content }: { fileName: string; content: Buffer }) =>
  new StreamableFile(content, { type: 'application/pdf', disposition: `attachment; filename="${fileName}"`, length: content.length });

// The fixed paths (settings, bulk, erasures, agreements.pdf) come before `:id` so they are matched first.
// Every answer here may carry personal data: `Cache-Control: no-store` is set for the whole API (src/bootstrap.ts).
@ApiTags('loans')
@Authenticated()
@Controller({ path: 'loans', version: '1' })
export class LoansController {
  constructor(
    private readonly loans: LoansService,
    private readonly bulk: LoansBulkService,
    private readonly idempotency: IdempotencyService,
    private readonly privacy: LoanPrivacyService,
    private readonly agreementsService: LoanAgreementService,
    private readonly settings: LoanSettingsService,
  ) {}

  /** The authority's loan settings: default due date, retention period, agreement texts (defaults filled in). */
  @Get('settings')
  @Roles('office', 'coordinator', 'viewer')
  getSettings(@CurrentActor() actor: Actor): Promise<LoanSettingsDto> {
    return this.settings.get(actor);
  }

  /** Changes the loan settings (fields left out stay as they are). Office users only. */
  @Put('settings')
  @Roles('office')
  updateSettings(@CurrentActor() actor: Actor, @Body() dto: UpdateLoanSettingsDto): Promise<LoanSettingsDto> {
    return this.settings.update(actor, dto);
  }

  /** Lends a list of scanned devices to a list of borrowers; every item succeeds or fails on its own. */
  @Post('bulk')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @Idempotent()
  bulkLend(@CurrentActor() actor: Actor, @Body() dto: BulkLendDto, @IdempotencyKey() key?: string): Promise<BulkResultDto> {
    return this.bulk.lend(actor, dto, this.idempotency.scope(actor, key, ['POST /loans/bulk', dto]));
  }

  /** Takes a list of scanned devices back; every item succeeds or fails on its own. */
  @Post('bulk-return')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @Idempotent()
  bulkReturn(@CurrentActor() actor: Actor, @Body() dto: BulkReturnDto, @IdempotencyKey() key?: string): Promise<BulkResultDto> {
    return this.bulk.return(actor, dto, this.idempotency.scope(actor, key, ['POST /loans/bulk-return', dto]));
  }

  /**
   * Right to erasure: erases a borrower's personal data from all their returned loans of a school at once. Running
   * loans keep theirs until the return (then the retention period applies); the answer does not say whether there are any.
   */
  @Post('erasures')
  @HttpCode(200)
  @Roles('office')
  erase(@CurrentActor() actor: Actor, @Body() dto: EraseBorrowerDto): Promise<ErasureResultDto> {
    return this.privacy.eraseBorrower(actor, dto);
  }

  /**
   * The agreements (Leihverträge) of several loans in one PDF, one agreement after the other in the order given:
   * e.g. a whole class after a bulk lending. Borrower fields as for a single agreement. Any loan id the caller may not see: 404.
   */
  @Post('agreements.pdf')
  @HttpCode(200)
  @Roles('office', 'coordinator', 'viewer')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async agreements(@CurrentActor() actor: Actor, @Body() dto: AgreementsPdfDto): Promise<StreamableFile> {
    return pdfFile(await this.agreementsService.combinedPdf(actor, dto.loanIds));
  }

  /** Loans by due date; personal fields only for the school's coordinators. */
  @Get()
  @Roles('office', 'coordinator', 'viewer')
  list(@CurrentActor() actor: Actor, @Query() query: ListLoansQueryDto): Promise<LoanPageDto> {
    return this.loans.list(actor, query);
  }

  /** Lends an available device; it becomes `loaned`. */
  @Post()
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'The device is already on loan or not available' })
  @Idempotent()
  create(@CurrentActor() actor: Actor, @Body() dto: CreateLoanDto, @IdempotencyKey() key?: string): Promise<LoanDto> {
    return this.idempotency.scope(actor, key, ['POST /loans', dto]).transaction((em) => this.loans.lendIn(em, actor, dto));
  }

  /** One loan; personal fields only for the school's coordinators. */
  @Get(':id')
  @Roles('office', 'coordinator', 'viewer')
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LoanDto> {
    return this.loans.get(actor, id);
  }

  /** Takes the device back: `ok` makes it available, `damaged`/`defective` sends it to repair, `lost` books it as lost. */
  @Post(':id/return')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'The loan was already returned' })
  @Idempotent()
  return(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ReturnLoanDto, @IdempotencyKey() key?: string): Promise<LoanDto> {
    return this.idempotency.scope(actor, key, ['POST /loans/:id/return', id, dto]).transaction((em) => this.loans.returnIn(em, actor, id, dto));
  }

  /** Sets a new due date. */
  @Post(':id/extend')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'The loan was already returned' })
  extend(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: ExtendLoanDto): Promise<LoanDto> {
    return this.loans.extend(actor, id, dto);
  }

  /** The printable loan agreement (Leihvertrag, PDF). Borrower fields are printed for the school's coordinators, blank for others. */
  @Get(':id/agreement.pdf')
  @Roles('office', 'coordinator', 'viewer')
  @ApiProduces('application/pdf')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' } })
  async agreement(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    return pdfFile(await this.agreementsService.pdf(actor, id));
  }

  /** Records that the signed agreement is on file (after the loan was made). Send the loan's `version`; audited. */
  @Post(':id/agreement-signed')
  @HttpCode(200)
  @Roles('office', 'coordinator')
  @ApiConflictResponse({ description: 'Stale version, or the agreement is already marked as signed' })
  markAgreementSigned(@CurrentActor() actor: Actor, @IdParam() id: string, @Body() dto: MarkAgreementSignedDto): Promise<LoanDto> {
    return this.loans.markAgreementSigned(actor, id, dto);
  }
}
