import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { AccessService } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { rows } from '../common/db';
import type { JsonText } from '../common/pagination';
import { contractWarnings, LICENCE_WARNING_CODES, type LicenceWarning, productWarnings } from './licence-rules';
import type { LicenceWarningCountsDto, LicenceWarningsDto } from './licences.dto';
import { overUsedSeatsQuery } from './licences.queries';
import { LicencesService } from './licences.service';

/**
 * The warnings of the caller's licences: data protection per product, deadlines, seats and low use per contract, and
 * schools using more seats than assigned. Three set-based reads, whatever the number of contracts and schools; the
 * schools' warnings (the many) come rendered as JSON text by PostgreSQL.
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
    return { asOf, items: [...items, ...seats.map((s) => JSON.parse(s) as LicenceWarning)] };
  }

  /** The same warnings as JSON text, for the API: the schools' warnings are joined as PostgreSQL rendered them. */
  async warningsJson(actor: Actor, em: EntityManager, options: WarningOptions = {}): Promise<JsonText<LicenceWarningsDto>> {
    const { asOf, items, seats } = await this.read(actor, em, options);
    return `{"asOf":${JSON.stringify(asOf)},"items":[${[...items.map((w) => JSON.stringify(w)), ...seats].join(',')}]}`;
  }

  /** The caller's warnings counted by code (every code, 0 when none): for the overview and the coverage summary. */
  async counts(actor: Actor, em: EntityManager, today?: string): Promise<LicenceWarningCountsDto> {
    const { items } = await this.warnings(actor, em, { today });
    const byCode = Object.fromEntries(LICENCE_WARNING_CODES.map((c) => [c, 0])) as LicenceWarningCountsDto['byCode'];
    for (const w of items) byCode[w.code] += 1;
    return { total: items.length, byCode };
  }

  /** Products' and contracts' warnings as objects, then the schools' (`use_over_assigned`) as JSON texts, in that order. */
  private async read(actor: Actor, em: EntityManager, options: WarningOptions): Promise<{ asOf: string; items: LicenceWarning[]; seats: string[] }> {
    if (options.schoolId) await this.access.requireSchool(actor, options.schoolId, 'read', em);
    const today = options.today ?? todayInBerlin();
    const settings = await this.licences.settings(actor, em);
    if (options.withinDays !== undefined) settings.deadlineWarningDays = options.withinDays;
    const [products, contracts, overUsed] = await Promise.all([
      this.licences.listProducts(actor, em),
      this.licences.contractFacts(actor, { schoolId: options.schoolId }, em),
      (async () => {
        const { sql, params } = overUsedSeatsQuery(actor, options.schoolId);
        return rows<{ contractId: string; json: string }>(em, sql, params);
      })(),
    ]);
    // The office and viewers see the whole catalogue's data-protection warnings; a school those of the products it has.
    const wholeCatalogue = actor.role !== 'coordinator' && !options.schoolId;
    // A school's view measures seats and use against the school's assigned seats, not the whole contract's.
    const inView = wholeCatalogue ? contracts : contracts.map((c) => ({ ...c, seatsBought: c.seatsAssigned }));
    const names = new Set(inView.map((c) => c.productId));
    const items: LicenceWarning[] = [];
    for (const p of products) if (wholeCatalogue || names.has(p.id)) items.push(...productWarnings(p));
    for (const c of inView) items.push(...contractWarnings(c, c.productName, today, settings));
    const visibleContracts = new Set(contracts.map((c) => c.id));
    return { asOf: today, items, seats: overUsed.filter((s) => visibleContracts.has(s.contractId)).map((s) => s.json) };
  }
}

interface WarningOptions {
  schoolId?: string;
  withinDays?: number;
  today?: string;
}
