import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { tenantOf } from '../common/access';
import { CoverageService } from '../coverage/coverage.service';
import { todayInGermany } from '../coverage/coverage-settings';
import { DEVICE_STATUSES, DEVICE_TYPES, type DeviceStatus, type DeviceType } from '../devices/device.entity';
import { GrantsService } from '../grants/grants.service';
import { LoansService } from '../loans/loans.service';
import { NeedsService } from '../needs/needs.service';
import type { DeviceStatsDto, OverviewDto } from './stats.dto';
import { DEVICE_STATS_SQL } from './stats.queries';

const zeroStatuses = () => Object.fromEntries(DEVICE_STATUSES.map((s) => [s, 0])) as Record<DeviceStatus, number>;

/**
 * The authority at a glance. Each part is one set-based query (grouped counts), run side by side;
 * nothing loops over schools or devices.
 */
@Injectable()
export class StatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly coverage: CoverageService,
    private readonly needs: NeedsService,
    private readonly loans: LoansService,
    private readonly grants: GrantsService,
  ) {}

  async overview(actor: Actor, asOf?: string): Promise<OverviewDto> {
    const authorityId = tenantOf(actor);
    const day = asOf ?? todayInGermany();
    const [devices, loans, coverage, needs, grants] = await Promise.all([
      this.deviceStats(authorityId),
      this.loans.loanCounts(authorityId, day),
      this.coverage.summary(actor, day),
      this.needs.counts(authorityId),
      this.grants.budgetOverview(authorityId),
    ]);
    const { asOf: _asOf, ...coverageSummary } = coverage;
    return {
      asOf: day,
      devices,
      loans,
      coverage: coverageSummary,
      needs: { ...needs, awaitingDecision: needs.byStatus.submitted },
      grants,
    };
  }

  /** Devices by type and status: one grouped query over the authority's devices (an index-only scan of ix_devices_coverage). */
  private async deviceStats(authorityId: string): Promise<DeviceStatsDto> {
    const rows: { type: DeviceType; status: DeviceStatus; count: number }[] = await this.dataSource.query(DEVICE_STATS_SQL, [authorityId]);
    const byType = Object.fromEntries(DEVICE_TYPES.map((t) => [t, { total: 0, byStatus: zeroStatuses() }])) as DeviceStatsDto['byType'];
    const byStatus = zeroStatuses();
    let total = 0;
    for (const r of rows) {
      byType[r.type].byStatus[r.status] = r.count;
      byType[r.type].total += r.count;
      byStatus[r.status] += r.count;
      total += r.count;
    }
    return { total, inService: total - byStatus.retired, byStatus, byType };
  }
}
