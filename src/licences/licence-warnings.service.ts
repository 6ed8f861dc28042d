import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AccessService } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { one } from '../common/db';
import type { JsonText } from '../common/pagination';
import { type ContractFacts, contractWarnings, LICENCE_WARNING_CODES, type LicenceWarning, type ProductFacts, productWarnings } from './licence-rules';
import type { LicenceWarningCountsDto, LicenceWarningsDto } from './licences.dto';
import { warningFactsQuery, type WarningFactsRow } from './licences.queries';
import { LicencesService } from './licences.service';

/**
 * The warnings of the caller's licences: data protection per product, deadlines, seats and low use per contract, and
 * schools using more seats than assigned. One statement besides the settings, whatever the number of contracts and
 * schools; the schools' warnings (the many) come rendered as JSON text by PostgreSQL.
 */
@Injectable()
export class LicenceWarningsService {
  constructor(
    private readonly access: AccessService,
    private readonly licences: LicencesService,
  ) {}

  /** The warnings as objects (the overview's and the coverage's counts). */
  async warnings(actor: Actor, em: EntityManager, options: WarningOptions = {}): Promise<LicenceWarningsDto> {
    const { asOf, items, seats } = await this.read(actor, em, options);
    return { asOf, items: seats ? [...items, ...(JSON.parse(`[${seats}]`) as LicenceWarning[])] : items };
  }

  /** The same warnings as JSON text, for the API: the schools' warnings are joined as PostgreSQL rendered them. */
  async warningsJson(actor: Actor, em: EntityManager, options: WarningOptions = {}): Promise<JsonText<LicenceWarningsDto>> {
    const { asOf, items, seats } = await this.read(actor, em, options);
    const own = items.map((w) => JSON.stringify(w)).join(',');
    return `{"asOf":${JSON.stringify(asOf)},"items":[${own}${own && seats ? ',' : ''}${seats}]}`;
  }

  /** The caller's warnings counted by code (every code, 0 when none): for the overview and the coverage summary. */
  async counts(actor: Actor, em: EntityManager, today?: string): Promise<LicenceWarningCountsDto> {
    const { items } = await this.warnings(actor, em, { today });
    const byCode = Object.fromEntries(LICENCE_WARNING_CODES.map((c) => [c, 0])) as LicenceWarningCountsDto['byCode'];
    for (const w of items) byCode[w.code] += 1;
    return { total: items.length, byCode };
  }

  /**
   * Products' and contracts' warnings as objects, then the schools' (`use_over_assigned`) as PostgreSQL's JSON text
   * (comma-separated objects, '' when none), in that order. The facts come in one statement (`warningFactsQuery`).
   */
  private async read(actor: Actor, em: EntityManager, options: WarningOptions): Promise<{ asOf: string; items: LicenceWarning[]; seats: string }> {
    if (options.schoolId) await this.access.requireSchool(actor, options.schoolId, 'read', em);
    const today = options.today ?? todayInBerlin();
    const { sql, params } = warningFactsQuery(actor, options.schoolId);
    const [settings, facts] = await Promise.all([this.licences.settings(actor, em), one<WarningFactsRow>(em, sql, params)]);
    if (options.withinDays !== undefined) settings.deadlineWarningDays = options.withinDays;
    const products = JSON.parse(facts!.products) as ProductFacts[];
    const contracts = JSON.parse(facts!.contracts) as (ContractFacts & { productName: string })[];
    // The office and viewers see the whole catalogue's data-protection warnings; a school those of the products it has.
    const wholeCatalogue = actor.role !== 'coordinator' && !options.schoolId;
    // A school's view measures seats and use against the school's assigned seats, not the whole contract's.
    const inView = wholeCatalogue ? contracts : contracts.map((c) => ({ ...c, seatsBought: c.seatsAssigned }));
    const names = new Set(inView.map((c) => c.productId));
    const items: LicenceWarning[] = [];
    for (const p of products) if (wholeCatalogue || names.has(p.id)) items.push(...productWarnings(p));
    for (const c of inView) items.push(...contractWarnings(c, c.productName, today, settings));
    return { asOf: today, items, seats: facts!.seats };
  }
}

interface WarningOptions {
  schoolId?: string;
  withinDays?: number;
  today?: string;
}
