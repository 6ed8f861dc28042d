import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuditService } from '../audit/audit.service';
import { AuthoritiesService } from '../authorities/authorities.service';
import { AccessService, tenantOf } from '../common/access';
import { registerConstraintMessages } from '../common/constraint-messages';
import { todayInBerlin } from '../common/dates';
import { exec, one, rows, transaction } from '../common/db';
import { invalidField, notFound, staleVersion } from '../common/errors';
import { JsonText, Page, toJsonPage } from '../common/pagination';
import { sentFields } from '../common/validation';
import { currentTerm, DEFAULT_LICENCE_SETTINGS, type ContractFacts, type LicenceSettings, type TermFacts } from './licence-rules';
import type { ContractDto, CreateContractDto, GrantLicenceDto, CreateProductDto, ListContractsQueryDto, ProductDto, UpdateContractDto, UpdateLicenceSettingsDto, UpdateProductDto } from './licences.dto';
import { type ContractListFilter, contractsQuery, EXPENDITURE_SQL, grantLicencesQuery, productsQuery } from './licences.queries';

registerConstraintMessages({
  uq_licence_products_name: { field: 'name', reason: 'LICENCE_PRODUCT_NAME_TAKEN', message: 'The catalogue already has a product of this name from this vendor' },
  ck_licence_products_name: { field: 'name', code: 'isNotEmpty', message: 'name must not be blank' },
  ck_licence_products_vendor: { field: 'vendor', code: 'isNotEmpty', message: 'vendor must not be blank' },
  ck_licence_products_dpa: { field: 'dpaReference', code: 'dpaNeedsSignedOn', message: 'A document reference needs the day the AV-Vertrag was signed (dpaSignedOn)' },
  fk_licence_contracts_product: { referenced: { reason: 'PRODUCT_HAS_CONTRACTS', message: 'The product has licence contracts and cannot be deleted' } },
  fk_licence_contracts_expenditure: { field: 'expenditureId', reason: 'EXPENDITURE_NOT_IN_AUTHORITY', message: 'No such grant expenditure in this authority' },
  ck_licence_contracts_term: { field: 'termEnd', code: 'notBeforeStart', message: 'termEnd may not be before termStart' },
  ck_licence_contracts_notice: { field: 'noticeUnit', code: 'noticePair', message: 'noticePeriod and noticeUnit go together' },
  ck_licence_contracts_notice_needed: { field: 'noticePeriod', code: 'noticeNeeded', message: 'A contract that renews itself needs a notice period (noticePeriod and noticeUnit)' },
  fk_licence_seats_school: { field: 'schoolId', reason: 'SCHOOL_NOT_IN_AUTHORITY', message: 'No such school in this authority' },
});

export const LICENCE_SETTINGS_SECTION = 'licences';


type ContractRow = Omit<ContractDto, 'currentTermEnd' | 'lastDayToCancel'>;
/** A contract as JSON text (without the computed term) with its term facts and keyset columns. */
type ContractJsonRow = TermFacts & { json: string; id: string; productName: string };

/** The contract with its term in force and last day to cancel on `today`. */
export function toContractDto(row: ContractRow, today: string): ContractDto {
  const term = currentTerm(row, today);
  return { ...row, currentTermEnd: term.termEnd, lastDayToCancel: term.lastDayToCancel };
}

/**
 * The authority's licence catalogue and contracts. The office manages them; coordinators and viewers read (coordinators
 * the contracts of their schools). Seats live in LicenceSeatsService, warnings in LicenceWarningsService.
 */
@Injectable()
export class LicencesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly audit: AuditService,
    private readonly authorities: AuthoritiesService,
  ) {}

  async settings(actor: Actor, em: EntityManager): Promise<LicenceSettings> {
    const stored = await this.authorities.settingsSection<LicenceSettings>(tenantOf(actor), LICENCE_SETTINGS_SECTION, em);
    return { ...DEFAULT_LICENCE_SETTINGS, ...stored };
  }

  async updateSettings(actor: Actor, dto: UpdateLicenceSettingsDto): Promise<LicenceSettings> {
    return transaction(this.dataSource, async (em) => {
      const next = { ...(await this.settings(actor, em)), ...sentFields(dto) };
      await this.authorities.updateSettingsSection(em, actor, LICENCE_SETTINGS_SECTION, next as unknown as Record<string, unknown>);
      return next;
    });
  }

  // ---- products

  async listProducts(actor: Actor, em: EntityManager): Promise<ProductDto[]> {
    const { sql, params } = productsQuery(actor);
    return rows<ProductDto>(em, sql, params);
  }

  async getProduct(actor: Actor, id: string, em: EntityManager, lock = false): Promise<ProductDto> {
    const { sql, params } = productsQuery(actor, id);
    const product = await one<ProductDto>(em, lock ? `${sql} FOR UPDATE OF p` : sql, params);
    if (!product) throw notFound('Licence product');
    return product;
  }

  async createProduct(actor: Actor, dto: CreateProductDto): Promise<ProductDto> {
    const authorityId = tenantOf(actor);
    return transaction(this.dataSource, async (em) => {
      const created = await one<{ id: string }>(
        em,
        `INSERT INTO licence_products (authority_id, name, vendor, kind, platforms, for_students, processes_student_data, dpa_signed_on, dpa_reference,
                                       dpia_done, hosting, approved, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id`,
        [authorityId, dto.name.trim(), dto.vendor.trim(), dto.kind, dto.platforms ?? [], dto.forStudents ?? true, dto.processesStudentData,
          dto.dpaSignedOn ?? null, dto.dpaReference ?? null, dto.dpiaDone ?? false, dto.hosting ?? null, dto.approved ?? false, dto.notes ?? null],
      );
      const product = await this.getProduct(actor, created!.id, em);
      await this.audit.record(em, actor, { action: 'licence.product_created', entityType: 'licence_product', entityId: product.id, before: null, after: productSnapshot(product) });
      return product;
    });
  }

  async updateProduct(actor: Actor, id: string, dto: UpdateProductDto): Promise<ProductDto> {
    return transaction(this.dataSource, async (em) => {
      const before = await this.getProduct(actor, id, em, true);
      if (dto.version !== undefined && dto.version !== before.version) throw staleVersion('licenceProduct', before.version, `The product was changed by someone else (now version ${before.version}); reload and retry`);
      const v = <K extends keyof ProductDto>(key: K & keyof UpdateProductDto): unknown => (dto[key] === undefined ? before[key] : dto[key]);
      await exec(
        em,
        `UPDATE licence_products SET name = $2, vendor = $3, kind = $4, platforms = $5, for_students = $6, processes_student_data = $7, dpa_signed_on = $8,
                dpa_reference = $9, dpia_done = $10, hosting = $11, approved = $12, notes = $13, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, dto.name?.trim() ?? before.name, dto.vendor?.trim() ?? before.vendor, v('kind'), v('platforms'), v('forStudents'), v('processesStudentData'),
          v('dpaSignedOn'), v('dpaReference'), v('dpiaDone'), v('hosting'), v('approved'), v('notes')],
      );
      const after = await this.getProduct(actor, id, em);
      await this.audit.record(em, actor, { action: 'licence.product_updated', entityType: 'licence_product', entityId: id, before: productSnapshot(before), after: productSnapshot(after) });
      return after;
    });
  }

  /** Deletes a product without contracts (a product with contracts answers 409). */
  async removeProduct(actor: Actor, id: string): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      const before = await this.getProduct(actor, id, em, true);
      await exec(em, `DELETE FROM licence_products WHERE id = $1`, [id]);
      await this.audit.record(em, actor, { action: 'licence.product_deleted', entityType: 'licence_product', entityId: id, before: productSnapshot(before), after: null });
    });
  }

  // ---- contracts

  /**
   * Contracts in the caller's view, by product name; with `schoolId` that school's contracts and seats. As JSON text:
   * PostgreSQL renders each contract, the term in force and the last day to cancel are added here (`toContractDto`'s rule).
   */
  async listContracts(actor: Actor, query: ListContractsQueryDto, em: EntityManager): Promise<JsonText<Page<ContractDto>>> {
    if (query.schoolId) await this.access.requireSchool(actor, query.schoolId, 'read', em);
    const limit = query.limit ?? 50;
    const { sql, params } = contractsQuery(actor, { productId: query.productId, schoolId: query.schoolId }, { cursor: query.cursor, limit }, false, 'json');
    const today = todayInBerlin();
    const found = (await rows<ContractJsonRow>(em, sql, params)).map((r) => {
      const term = currentTerm(r, today);
      return { ...r, json: `${r.json.slice(0, -1)},"currentTermEnd":${JSON.stringify(term.termEnd)},"lastDayToCancel":${JSON.stringify(term.lastDayToCancel)}}` };
    });
    return toJsonPage(found, limit, (r) => [r.productName, r.id]);
  }

  /** What the warnings read of every contract in the caller's view (or of one school), unpaged. */
  async contractFacts(actor: Actor, filter: ContractListFilter, em: EntityManager): Promise<(ContractFacts & { productName: string })[]> {
    const { sql, params } = contractsQuery(actor, filter, undefined, false, 'facts');
    return rows(em, sql, params);
  }

  /** Every contract in the caller's view (or of one school), unpaged: for the export and the coverage. */
  async allContracts(actor: Actor, filter: ContractListFilter, em: EntityManager): Promise<ContractDto[]> {
    const { sql, params } = contractsQuery(actor, filter);
    const today = todayInBerlin();
    return (await rows<ContractRow>(em, sql, params)).map((r) => toContractDto(r, today));
  }

  /**
   * The licence contracts a grant paid for, as of `asOf` (expenditures ordered by then), in the caller's school scope.
   * The caller has checked that the grant is visible.
   */
  async grantLicences(actor: Actor, grantId: string, asOf: string | null, em: EntityManager): Promise<GrantLicenceDto[]> {
    const { sql, params } = grantLicencesQuery(actor, grantId, asOf);
    return rows<GrantLicenceDto>(em, sql, params);
  }

  async getContract(actor: Actor, id: string, em: EntityManager, lock = false): Promise<ContractDto> {
    const { sql, params } = contractsQuery(actor, { ids: [id] }, undefined, lock);
    const row = await one<ContractRow>(em, sql, params);
    if (!row) throw notFound('Licence contract');
    return toContractDto(row, todayInBerlin());
  }

  async createContract(actor: Actor, dto: CreateContractDto): Promise<ContractDto> {
    const authorityId = tenantOf(actor);
    if (dto.allSchools && dto.schoolIds) throw invalidField('schoolIds', 'contractSchools', 'An authority-wide contract has no school list (leave schoolIds out)');
    if (!dto.allSchools && !dto.schoolIds) throw invalidField('schoolIds', 'contractSchools', 'A contract for given schools needs schoolIds');
    return transaction(this.dataSource, async (em) => {
      await this.getProduct(actor, dto.productId, em);
      if (dto.schoolIds) {
        const visible = await this.access.visibleSchoolIds(actor, dto.schoolIds, em);
        if (visible.length !== dto.schoolIds.length) throw notFound('School');
      }
      if (dto.expenditureId) await this.requireExpenditure(em, authorityId, dto.expenditureId);
      const created = await one<{ id: string }>(
        em,
        `INSERT INTO licence_contracts (authority_id, product_id, all_schools, licence_model, seats_bought, term_start, term_end, auto_renewal, renewal_months,
                                        notice_period, notice_unit, one_off_cents, yearly_cents, order_reference, invoice_reference, expenditure_id, notes)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
        [authorityId, dto.productId, dto.allSchools, dto.licenceModel, dto.seatsBought, dto.termStart, dto.termEnd, dto.autoRenewal ?? false, dto.renewalMonths ?? 12,
          dto.noticePeriod ?? null, dto.noticeUnit ?? null, dto.oneOffCents ?? 0, dto.yearlyCents ?? 0, dto.orderReference ?? null, dto.invoiceReference ?? null,
          dto.expenditureId ?? null, dto.notes ?? null],
      );
      const id = created!.id;
      if (dto.schoolIds) {
        await exec(em, `INSERT INTO licence_seats (contract_id, school_id, authority_id) SELECT $1, unnest($2::uuid[]), $3`, [id, dto.schoolIds, authorityId]);
      }
      const contract = await this.getContract(actor, id, em);
      await this.audit.record(em, actor, {
        action: 'licence.contract_created', entityType: 'licence_contract', entityId: id, before: null,
        after: { ...contractSnapshot(contract), schoolIds: dto.schoolIds ?? null },
      });
      return contract;
    });
  }

  /**
   * Changes a contract. Lowering the seats bought below the seats assigned is allowed (a renegotiated contract) and
   * shows as the warning `seats_over_bought` until the assignments follow.
   */
  async updateContract(actor: Actor, id: string, dto: UpdateContractDto): Promise<ContractDto> {
    const authorityId = tenantOf(actor);
    return transaction(this.dataSource, async (em) => {
      const before = await this.getContract(actor, id, em, true);
      if (dto.version !== undefined && dto.version !== before.version) throw staleVersion('licenceContract', before.version, `The contract was changed by someone else (now version ${before.version}); reload and retry`);
      if (dto.expenditureId) await this.requireExpenditure(em, authorityId, dto.expenditureId);
      const v = <K extends keyof ContractDto>(key: K & keyof UpdateContractDto): unknown => (dto[key] === undefined ? before[key] : dto[key]);
      await exec(
        em,
        `UPDATE licence_contracts SET licence_model = $2, seats_bought = $3, term_start = $4, term_end = $5, auto_renewal = $6, renewal_months = $7,
                notice_period = $8, notice_unit = $9, one_off_cents = $10, yearly_cents = $11, order_reference = $12, invoice_reference = $13,
                expenditure_id = $14, notes = $15, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [id, v('licenceModel'), v('seatsBought'), v('termStart'), v('termEnd'), v('autoRenewal'), v('renewalMonths'), v('noticePeriod'), v('noticeUnit'),
          v('oneOffCents'), v('yearlyCents'), v('orderReference'), v('invoiceReference'), v('expenditureId'), v('notes')],
      );
      const after = await this.getContract(actor, id, em);
      await this.audit.record(em, actor, { action: 'licence.contract_updated', entityType: 'licence_contract', entityId: id, before: contractSnapshot(before), after: contractSnapshot(after) });
      return after;
    });
  }

  async removeContract(actor: Actor, id: string): Promise<void> {
    await transaction(this.dataSource, async (em) => {
      const before = await this.getContract(actor, id, em, true);
      await exec(em, `DELETE FROM licence_contracts WHERE id = $1`, [id]);
      await this.audit.record(em, actor, { action: 'licence.contract_deleted', entityType: 'licence_contract', entityId: id, before: contractSnapshot(before), after: null });
    });
  }

  /** 404 unless the expenditure is one of the authority's (the composite foreign key makes it true under concurrency). */
  private async requireExpenditure(em: EntityManager, authorityId: string, expenditureId: string): Promise<void> {
    if (!(await one(em, EXPENDITURE_SQL, [expenditureId, authorityId]))) throw notFound('Expenditure');
  }
}

function productSnapshot(p: ProductDto): Record<string, unknown> {
  const { contracts: _c, createdAt: _ca, updatedAt: _u, ...rest } = p;
  return rest;
}

/** The contract's own fields (sums and computed dates are not the record). */
function contractSnapshot(c: ContractDto): Record<string, unknown> {
  const { productName: _n, vendor: _v, productKind: _k, seatsAssigned: _a, seatsInUse: _i, schools: _s, currentTermEnd: _t, lastDayToCancel: _l, grantId: _g, grantTitle: _gt, expenditureInvoiceNumber: _ei, createdAt: _c, updatedAt: _u, ...rest } = c;
  return rest;
}
