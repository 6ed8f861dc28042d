import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { AuthoritiesService } from '../authorities/authorities.service';
import { AccessService, tenantOf } from '../common/access';
import { scopeKey, VersionedReads } from '../common/coalesce';
import { notFound } from '../common/errors';
import { databaseVersion, prepared, rows, transaction } from '../common/db';
import { LicenceFiguresService, type SchoolLicenceFigures } from '../licences/licence-figures.service';
import { LicenceWarningsService } from '../licences/licence-warnings.service';
import type { SchoolCountDto, StocktakingOverviewDto } from '../stocktakings/stocktakings.dto';
import { StocktakingsService } from '../stocktakings/stocktakings.service';
import { computeCoverage, type CoverageSummary, type SchoolCoverage, summarizeCoverage } from './coverage-math';
import { type CoverageSettings, effectiveCoverageSettings, mergeCoverageSettings } from './coverage-settings';
import { todayInBerlin } from '../common/dates';
import { type CoverageSort, pageCoverage, sortCoverage, type SortOrder, worstFirst } from './coverage-sort';
import type { CoverageLicencesSummaryDto, CoveragePageDto, CoverageQueryDto, ListCoverageQueryDto, SchoolCoverageResponseDto, UpdateCoverageSettingsDto } from './coverage.dto';
import { type CoverageFilter, coverageQuery, type InventoryCount, inventoryQuery, type RawRow, toCoverageRow, toInventory } from './coverage.queries';

export const COVERAGE_SETTINGS_SECTION = 'coverage';

/** A school's coverage with its licences and its counting state (Inventur). */
export type SchoolCoverageRow = SchoolCoverage & { licences: SchoolLicenceFigures; stocktaking: SchoolCountDto };

/** One run of the report: its schools, and the authority's counting interval and open stocktakings (for the overview). */
interface ComputedReport {
  asOf: string;
  settings: CoverageSettings;
  counting: { countIntervalYears: number; open: number };
  items: SchoolCoverageRow[];
}

/** A whole coverage report: every school the caller sees, sorted, with the day and the targets it was measured against. */
export interface CoverageReport {
  asOf: string;
  settings: CoverageSettings;
  sort: CoverageSort;
  order: SortOrder;
  items: SchoolCoverageRow[];
}

@Injectable()
export class CoverageService {
  /** Identical reports share a run, and reuse it while nothing has been written since (see VersionedReads). */
  private readonly reports = new VersionedReads<ComputedReport>(() => databaseVersion(this.dataSource.manager));

  /** Per report (its items), its sorted orders. */
  private readonly sorted = new WeakMap<SchoolCoverageRow[], Map<string, SchoolCoverageRow[]>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly authorities: AuthoritiesService,
    private readonly access: AccessService,
    private readonly licenceFigures: LicenceFiguresService,
    private readonly licenceWarnings: LicenceWarningsService,
    private readonly stocktakings: StocktakingsService,
  ) {}

  /** The targets in force for the caller's authority. */
  async settings(actor: Actor): Promise<CoverageSettings> {
    return this.settingsOf(tenantOf(actor));
  }

  async settingsOf(authorityId: string): Promise<CoverageSettings> {
    return effectiveCoverageSettings(await this.authorities.settingsSection(authorityId, COVERAGE_SETTINGS_SECTION, this.dataSource.manager));
  }

  /** Stores changed targets (maps merge key by key); the audit log keeps before and after. */
  async updateSettings(actor: Actor, dto: UpdateCoverageSettingsDto): Promise<CoverageSettings> {
    const authorityId = tenantOf(actor);
    return transaction(this.dataSource, async (em) => {
      const stored = await this.authorities.settingsSection<CoverageSettings>(authorityId, COVERAGE_SETTINGS_SECTION, em);
      const next = mergeCoverageSettings(stored, dto);
      const saved = await this.authorities.updateSettingsSection(em, actor, COVERAGE_SETTINGS_SECTION, next as Record<string, unknown>);
      return effectiveCoverageSettings(saved);
    });
  }

  /**
   * Every school the caller sees, with its indicators, sorted (worst first by default). One statement, whatever the
   * number of schools. Exported for the Excel export.
   */
  async listForActor(actor: Actor, query: CoverageQueryDto): Promise<CoverageReport> {
    const sort = query.sort ?? 'studentsPerDevice';
    const order = query.order ?? worstFirst(sort);
    const { asOf, settings, items } = await this.compute(actor, { schoolType: query.schoolType }, query.asOf);
    return { asOf, settings, sort, order, items: this.sortedOnce(items, sort, order, query.countDue) };
  }

  async list(actor: Actor, query: ListCoverageQueryDto): Promise<CoveragePageDto> {
    const report = await this.listForActor(actor, query);
    const page = pageCoverage(report.items, report.sort, report.order, query.limit ?? 50, query.cursor);
    return { asOf: report.asOf, ...page };
  }

  async forSchool(actor: Actor, schoolId: string, asOf?: string): Promise<SchoolCoverageResponseDto> {
    await this.access.requireSchool(actor, schoolId, 'read', this.dataSource.manager);
    const { items, asOf: day } = await this.compute(actor, { schoolId }, asOf);
    if (items.length === 0) throw notFound('School');
    return { asOf: day, ...items[0] };
  }

  /**
   * The figures of the overview for all schools the caller sees: the coverage summary and the devices by type and
   * status, both from the counters.
   */
  async overviewFigures(
    actor: Actor,
    asOf?: string,
  ): Promise<{ asOf: string; summary: CoverageSummary & { licences: CoverageLicencesSummaryDto }; inventory: InventoryCount[]; stocktaking: StocktakingOverviewDto }> {
    const day = asOf ?? todayInBerlin();
    // The same report as the coverage screen's (one stored run serves both).
    const [report, inventoryRows, warnings] = await Promise.all([
      this.compute(actor, {}, day),
      this.readInventory(actor),
      this.licenceWarnings.counts(actor, this.dataSource.manager, day),
    ]);
    const summary = summarizeCoverage(report.items);
    const licences = licenceSummary(report.items.map((i) => i.licences), summary.students, warnings);
    const stocktaking = {
      countIntervalYears: report.counting.countIntervalYears,
      schoolsDue: report.items.filter((i) => i.stocktaking.countDue).length,
      openStocktakings: report.counting.open,
    };
    return { asOf: day, summary: { ...summary, licences }, inventory: toInventory(inventoryRows), stocktaking };
  }

  private async readInventory(actor: Actor): Promise<RawRow[]> {
    const { sql, params } = inventoryQuery(actor);
    return rows<RawRow>(this.dataSource.manager, prepared(sql), params);
  }

  /** The report's schools chosen and sorted, once per report and order (a stored report serves many requests). */
  private sortedOnce(items: SchoolCoverageRow[], sort: CoverageSort, order: SortOrder, countDue?: boolean): SchoolCoverageRow[] {
    let orders = this.sorted.get(items);
    if (!orders) this.sorted.set(items, (orders = new Map()));
    const key = `${sort}|${order}|${countDue ?? ''}`;
    let result = orders.get(key);
    if (!result) {
      const chosen = countDue === undefined ? items : items.filter((i) => i.stocktaking.countDue === countDue);
      orders.set(key, (result = sortCoverage(chosen, sort, order)));
    }
    return result;
  }

  private compute(actor: Actor, filter: CoverageFilter, asOf?: string): Promise<ComputedReport> {
    const day = asOf ?? todayInBerlin();
    const key = `${scopeKey(actor)}|${filter.schoolId ?? ''}|${filter.schoolType ?? ''}|${day}`;
    return this.reports.run(key, () => this.computeNow(actor, filter, day));
  }

  private async computeNow(actor: Actor, filter: CoverageFilter, day: string): Promise<ComputedReport> {
    const [{ settings, rows }, licences, counts] = await Promise.all([
      this.read(actor, (settings) => coverageQuery(actor, filter, settings, day)),
      this.licenceFigures.bySchool(actor, this.dataSource.manager, day),
      this.stocktakings.dueIn(this.dataSource.manager, actor, day),
    ]);
    const countOf = new Map(counts.schools.map((s) => [s.schoolId, { lastCompleteCountOn: s.lastCompleteCountOn, countDue: s.countDue }]));
    const items = rows.map((raw) => toCoverageRow(raw)).map((row) => computeCoverage(row, row, settings));
    return {
      asOf: day,
      settings,
      counting: { countIntervalYears: counts.countIntervalYears, open: counts.open },
      // Added to the fresh objects, not copied into new ones: 500 copies of a wide object were a tenth of a run.
      items: items.map((c) =>
        Object.assign(c, {
          licences: licences.get(c.schoolId) ?? noLicences(c.students.count),
          stocktaking: countOf.get(c.schoolId) ?? { lastCompleteCountOn: null, countDue: true },
        }),
      ),
    };
  }

  /** Reads the settings in force, then runs the query built from them. */
  private async read(actor: Actor, build: (settings: CoverageSettings) => { sql: string; params: unknown[] }): Promise<{ settings: CoverageSettings; rows: RawRow[] }> {
    const settings = await this.settingsOf(tenantOf(actor));
    const { sql, params } = build(settings);
    // Prepared: the text has one form per scope and filter (values are parameters), and planning the statement cost a
    // quarter of its time (bench/RESULTS.md, issue 18).
    return { settings, rows: await rows<RawRow>(this.dataSource.manager, prepared(sql), params) };
  }
}

/** The figures of a school without running contracts. */
function noLicences(students: number): SchoolLicenceFigures {
  const perStudent = students > 0 ? 0 : null;
  return { studentProducts: 0, studentSeats: 0, seatsPerStudent: perStudent, yearlyCostCents: 0, yearlyCostPerStudentCents: perStudent };
}

/** The schools' licence figures summed, per student over all the summary's students. */
function licenceSummary(schools: SchoolLicenceFigures[], students: number, warnings: CoverageLicencesSummaryDto['warnings']): CoverageLicencesSummaryDto {
  const studentSeats = schools.reduce((sum, s) => sum + s.studentSeats, 0);
  const yearlyCostCents = schools.reduce((sum, s) => sum + s.yearlyCostCents, 0);
  return {
    studentSeats,
    seatsPerStudent: students > 0 ? Math.round((studentSeats * 100) / students) / 100 : null,
    yearlyCostCents,
    yearlyCostPerStudentCents: students > 0 ? Math.round(yearlyCostCents / students) : null,
    warnings,
  };
}
