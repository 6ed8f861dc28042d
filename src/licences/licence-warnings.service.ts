import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { AccessService } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { rows } from '../common/db';
import { contractWarnings, LICENCE_WARNING_CODES, type LicenceSettings, type LicenceWarning, productWarnings, seatWarnings, type SeatFacts } from './licence-rules';
import type { ContractDto, LicenceWarningCountsDto, LicenceWarningsDto, ProductDto } from './licences.dto';
import { overUsedSeatsQuery } from './licences.queries';
import { LicencesService } from './licences.service';

/**
 * The warnings of the caller's licences: data protection per product, deadlines, seats and low use per contract, and
 * schools using more seats than assigned. Three set-based reads, whatever the number of contracts and schools.
 */
@Injectable()
export class LicenceWarningsService {
  constructor(
    private readonly access: AccessService,
    private readonly licences: LicencesService,
  ) {}

  async warnings(actor: Actor, em: EntityManager, options: { schoolId?: string; withinDays?: number; today?: string } = {}): Promise<LicenceWarningsDto> {
    if (options.schoolId) await this.access.requireSchool(actor, options.schoolId, 'read', em);
    const today = options.today ?? todayInBerlin();
    const settings = await this.licences.settings(actor, em);
    if (options.withinDays !== undefined) settings.deadlineWarningDays = options.withinDays;
    const [products, contracts, overUsed] = await Promise.all([
      this.licences.listProducts(actor, em),
      this.licences.allContracts(actor, { schoolId: options.schoolId }, em),
      (async () => {
        const { sql, params } = overUsedSeatsQuery(actor, options.schoolId);
        return rows<SeatFacts>(em, sql, params);
      })(),
    ]);
    // The office and viewers see the whole catalogue's data-protection warnings; a school those of the products it has.
    const wholeCatalogue = actor.role !== 'coordinator' && !options.schoolId;
    // A school's view measures seats and use against the school's assigned seats, not the whole contract's.
    const inView = wholeCatalogue ? contracts : contracts.map((c) => ({ ...c, seatsBought: c.seatsAssigned }));
    return { asOf: today, items: collect(products, inView, overUsed, today, settings, wholeCatalogue) };
  }

  /** The caller's warnings counted by code (every code, 0 when none): for the overview and the coverage summary. */
  async counts(actor: Actor, em: EntityManager, today?: string): Promise<LicenceWarningCountsDto> {
    const { items } = await this.warnings(actor, em, { today });
    const byCode = Object.fromEntries(LICENCE_WARNING_CODES.map((c) => [c, 0])) as LicenceWarningCountsDto['byCode'];
    for (const w of items) byCode[w.code] += 1;
    return { total: items.length, byCode };
  }
}

function collect(products: ProductDto[], contracts: ContractDto[], overUsed: SeatFacts[], today: string, settings: LicenceSettings, wholeCatalogue: boolean): LicenceWarning[] {
  const names = new Map(products.map((p) => [p.id, p.name]));
  const inView = new Set(contracts.map((c) => c.productId));
  const items: LicenceWarning[] = [];
  for (const p of products) if (wholeCatalogue || inView.has(p.id)) items.push(...productWarnings(p));
  for (const c of contracts) items.push(...contractWarnings(c, c.productName, today, settings));
  const visibleContracts = new Set(contracts.map((c) => c.id));
  for (const s of overUsed) if (visibleContracts.has(s.contractId)) items.push(...seatWarnings(s, names.get(s.productId) ?? ''));
  return items;
}
