import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../common/actor';
import { tenantOf } from '../common/access';
import { scopeKey, VersionedReads } from '../common/coalesce';
import { databaseVersion } from '../common/db';
import { CoverageService } from '../coverage/coverage.service';
import { todayInBerlin } from '../common/dates';
import type { InventoryCount } from '../coverage/coverage.queries';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus } from '../devices/device.entity';
import { GrantsService } from '../grants/grants.service';
import { CountersService } from '../counters/counters.service';
import { NeedsService } from '../needs/needs.service';
import type { DeviceStatsDto, OverviewDto } from './stats.dto';

const zeroStatuses = () => Object.fromEntries(DEVICE_STATUSES.map((s) => [s, 0])) as Record<DeviceStatus, number>;

/**
 * The authority at a glance. Each part is one set-based query, run side by side; devices and loans are read from
 * their counters (src/counters), one row per school and type, not device by device.
 */
@Injectable()
export class StatsService {
  /** Identical overviews share a run, and reuse it while nothing has been written since (see VersionedReads). */
  private readonly overviews = new VersionedReads<OverviewDto>(() => databaseVersion(this.dataSource.manager));

  constructor(
    private readonly coverage: CoverageService,
    private readonly needs: NeedsService,
    private readonly counters: CountersService,
    private readonly grants: GrantsService,
    private readonly dataSource: DataSource,
  ) {}

  overview(actor: Actor, asOf?: string): Promise<OverviewDto> {
    const day = asOf ?? todayInBerlin();
    return this.overviews.run(`${scopeKey(actor)}|${day}`, () => this.overviewNow(actor, day));
  }

  private async overviewNow(actor: Actor, day: string): Promise<OverviewDto> {
    const authorityId = tenantOf(actor);
    const [coverage, loans, needs, grants] = await Promise.all([
      this.coverage.overviewFigures(actor, day),
      this.counters.loanCounts(authorityId, day, this.dataSource.manager),
      this.needs.counts(authorityId),
      this.grants.budgetOverview(authorityId),
    ]);
    return {
      asOf: day,
      devices: deviceStats(coverage.inventory),
      loans,
      coverage: coverage.summary,
      needs: { ...needs, awaitingDecision: needs.byStatus.submitted },
      grants,
      stocktaking: coverage.stocktaking,
      licenceWarnings: coverage.summary.licences.warnings,
    };
  }
}

/** Devices by type and status, from the counters' inventory rows. */
function deviceStats(rows: InventoryCount[]): DeviceStatsDto {
  const byType = Object.fromEntries(DEVICE_TYPES.map((t) => [t, { total: 0, byStatus: zeroStatuses() }])) as DeviceStatsDto['byType'];
  const byStatus = zeroStatuses();
  let total = 0;
  for (const r of rows) {
    byType[r.type].byStatus[r.status] += r.count;
    byType[r.type].total += r.count;
    byStatus[r.status] += r.count;
    total += r.count;
  }
  return { total, inService: total - byStatus.retired, byStatus, byType };
}
