import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { schoolScopeSql } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { rows } from '../common/db';
import { MOBILE_DEVICE_TYPES } from '../devices/device.entity';
import { LicencesService } from '../licences/licences.service';
import { EarmarkingService } from './earmarking.service';
import { EXPENDITURE_CATEGORIES, type ExpenditureCategory } from './expenditures.dto';
import { findGrant, GrantRow } from './grant-access';
import { GRANT_SQL } from './grants.queries';
import { grantDeadlines, GrantsService } from './grants.service';
import { bpToPercent } from './money';
import { categoryShareWarnings, GrantWarning, MobileCapResult, mobileCapWarnings, mobileDeviceCap } from './program-rules';
import { GrantSummaryDto, MoneyFiguresDto, SchoolSummaryDto } from './summary.dto';

interface GroupRow extends MoneyFiguresDto {
  schoolId: string;
  category: ExpenditureCategory;
}

const zero = (): MoneyFiguresDto => ({ committedCents: 0, fundedCents: 0, ownCents: 0, paidCents: 0, paidFundedCents: 0, paidOwnCents: 0 });

function add(target: MoneyFiguresDto, row: MoneyFiguresDto): void {
  target.committedCents += row.committedCents;
  target.fundedCents += row.fundedCents;
  target.ownCents += row.ownCents;
  target.paidCents += row.paidCents;
  target.paidFundedCents += row.paidFundedCents;
  target.paidOwnCents += row.paidOwnCents;
}

/** A grant's summary before its checks: the figures (everything but `mobileDeviceCap` and `warnings`) and the grant. */
export interface SummaryFigures {
  grant: GrantRow;
  figures: Omit<GrantSummaryDto, 'mobileDeviceCap' | 'warnings'>;
}

/**
 * The figures of a grant: approved, allocated, committed (ordered), paid, funded and own share, remaining,
 * per school and per category, and the warnings of the program rules. Every figure is a sum of per-line
 * amounts computed by the rounding rule of `money.ts`, so schools, categories and totals add up to the cent.
 * Reusable for exports: `summary(actor, grantId, asOf)`, or in two steps, `figures` (a few grouped sums) and
 * `withChecks` (the warnings, which look at the grant's devices), for a caller that shows the figures first.
 */
@Injectable()
export class GrantSummaryService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly grants: GrantsService,
    private readonly earmarking: EarmarkingService,
    private readonly licences: LicencesService,
  ) {}

  async summary(actor: Actor, grantId: string, asOf?: string | null): Promise<GrantSummaryDto> {
    const em = this.dataSource.manager;
    return this.withChecks(actor, await this.figures(actor, grantId, asOf, em), em);
  }

  /** The summary's figures, without the checks. */
  async figures(actor: Actor, grantId: string, asOf: string | null | undefined, em: EntityManager): Promise<SummaryFigures> {
    const grant = await findGrant(em, actor, grantId);
    const asOfDate = asOf ?? null;
    const groups = await this.groups(em, actor, grant.id, asOfDate);
    const licences = await this.licences.grantLicences(actor, grant.id, asOfDate, em);
    const params: unknown[] = [grant.id];
    const allocScope = schoolScopeSql(actor, { authority: 'a.authority_id', school: 'a.school_id' }, params);
    const allocations = await rows<{ schoolId: string; amountCents: number }>(em, GRANT_SQL.summaryAllocations(allocScope), params);

    const schoolIds = [...new Set([...allocations.map((a) => a.schoolId), ...groups.map((g) => g.schoolId)])];
    const schools = await rows<{ id: string; name: string; schoolNumber: string; schoolType: string }>(em, GRANT_SQL.summarySchools, [schoolIds]);
    const bySchool = new Map<string, SchoolSummaryDto>(
      schools.map((s) => [s.id, { schoolId: s.id, schoolName: s.name, schoolNumber: s.schoolNumber, schoolType: s.schoolType, allocatedCents: 0, remainingCents: 0, ...zero() }]),
    );
    for (const a of allocations) bySchool.get(a.schoolId)!.allocatedCents = a.amountCents;
    const byCategory = new Map(EXPENDITURE_CATEGORIES.map((c) => [c, { category: c, ...zero() }]));
    const totalsMoney = zero();
    for (const g of groups) {
      add(bySchool.get(g.schoolId)!, g);
      add(byCategory.get(g.category)!, g);
      add(totalsMoney, g);
    }
    for (const s of bySchool.values()) s.remainingCents = s.allocatedCents - s.committedCents;
    const allocatedCents = allocations.reduce((sum, a) => sum + a.amountCents, 0);
    const coordinator = actor.role === 'coordinator';
    return {
      grant,
      figures: {
        grantId: grant.id,
        status: grant.status,
        fundingRatePercent: bpToPercent(grant.fundingRateBp),
        asOf: asOfDate,
        totals: {
          approvedCents: grant.approvedCents,
          allocatedCents,
          ...totalsMoney,
          remainingCents: (coordinator ? allocatedCents : grant.approvedCents) - totalsMoney.committedCents,
        },
        bySchool: [...bySchool.values()],
        byCategory: [...byCategory.values()],
        licences,
      },
    };
  }

  /** The whole summary: the figures and the warnings (budget, program rules, earmarking, deadlines, in this order). */
  async withChecks(actor: Actor, { grant, figures }: SummaryFigures, em: EntityManager): Promise<GrantSummaryDto> {
    const program = await this.programWarnings(em, actor, grant, figures.asOf);
    const warnings = [
      ...this.budgetWarnings(grant, figures.bySchool, figures.totals.committedCents, actor.role === 'coordinator'),
      ...program.warnings,
      ...(await this.earmarking.breachWarnings(em, actor, grant, figures.asOf)),
      ...(await this.deadlineWarnings(actor, grant, em)),
    ];
    return { ...figures, mobileDeviceCap: program.mobileDeviceCap, warnings };
  }

  /** Money per school and category, in the caller's scope; funded shares summed line by line in SQL. */
  private groups(em: EntityManager, actor: Actor, grantId: string, asOf: string | null): Promise<GroupRow[]> {
    const params: unknown[] = [grantId, asOf];
    const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
    return rows<GroupRow>(em, GRANT_SQL.summaryGroups(scope), params);
  }

  private budgetWarnings(grant: GrantRow, schools: SchoolSummaryDto[], committedCents: number, coordinator: boolean): GrantWarning[] {
    const warnings: GrantWarning[] = [];
    for (const s of schools) {
      if (s.committedCents > s.allocatedCents) {
        warnings.push({
          code: 'over_allocation',
          message: `Committed spending exceeds the school's allocation (accepted by an office override)`,
          schoolId: s.schoolId,
          amountCents: s.committedCents - s.allocatedCents,
          details: { allocatedCents: s.allocatedCents, committedCents: s.committedCents },
          params: { allocatedCents: s.allocatedCents, committedCents: s.committedCents, excessCents: s.committedCents - s.allocatedCents },
        });
      }
    }
    if (!coordinator && committedCents > grant.approvedCents) {
      warnings.push({
        code: 'over_approved',
        message: `Committed spending exceeds the approved amount (accepted by an office override)`,
        amountCents: committedCents - grant.approvedCents,
        details: { approvedCents: grant.approvedCents, committedCents },
        params: { approvedCents: grant.approvedCents, committedCents, excessCents: committedCents - grant.approvedCents },
      });
    }
    return warnings;
  }

  /**
   * DigitalPakt mobile-device cap and the authority's category-share rules. Both look at the whole grant
   * (a cap is the authority's, not one school's), then a coordinator sees only the warnings of their schools.
   *
   * Mobile part of an expenditure: for category `devices`, its gross amount × (linked laptops and tablets /
   * linked devices), half up; expenditures without linked devices count as non-mobile. Investment of a school:
   * all its committed spending in the grant. Vocational schools (Berufskolleg) are left out.
   */
  private async programWarnings(em: EntityManager, actor: Actor, grant: GrantRow, asOf: string | null): Promise<{ warnings: GrantWarning[]; mobileDeviceCap: MobileCapResult | null }> {
    const spending = await rows<{ schoolId: string; category: string; committedCents: number }>(em, GRANT_SQL.spendingByCategory, [grant.id, asOf]);
    const settings = await this.grants.settingsIn(em, actor);
    const warnings: GrantWarning[] = categoryShareWarnings(grant.program, settings.categoryShareRules, spending);
    let cap: MobileCapResult | null = null;
    if (grant.program === 'digitalpakt_basis') {
      const schools = await rows<{ schoolId: string; investmentCents: number; mobileCents: number }>(em, GRANT_SQL.mobileCap, [grant.id, asOf, MOBILE_DEVICE_TYPES]);
      cap = mobileDeviceCap(schools);
      warnings.push(...mobileCapWarnings(cap));
    }
    if (actor.role === 'coordinator') {
      // A coordinator sees their schools' money only: the cap's figures are summed over their schools, and the warnings
      // about the whole grant (the authority's mobile share, a grant-wide category share) carry other schools' sums.
      const mine = new Set(actor.schoolIds);
      if (cap) cap = { ...mobileDeviceCap(cap.schools.filter((s) => mine.has(s.schoolId))), variant: cap.variant };
      return { warnings: warnings.filter((w) => w.schoolId !== undefined && mine.has(w.schoolId)), mobileDeviceCap: cap };
    }
    return { warnings, mobileDeviceCap: cap };
  }

  private async deadlineWarnings(actor: Actor, grant: GrantRow, em: EntityManager): Promise<GrantWarning[]> {
    const settings = await this.grants.settingsIn(em, actor);
    return grantDeadlines(grant, todayInBerlin(), settings.deadlineWarningDays).map((d) => ({
      code: d.kind === 'proof_of_use' ? ('proof_of_use_due' as const) : ('eligible_period_ending' as const),
      message: d.kind === 'proof_of_use' ? `The proof of use is due on ${d.date}` : `The eligible spending period ends on ${d.date}`,
      details: { date: d.date, daysLeft: d.daysLeft },
      params: { date: d.date, daysLeft: d.daysLeft },
    }));
  }
}
