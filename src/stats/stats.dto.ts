import type { DeviceStatus, DeviceType } from '../devices/device.entity';
import type { NeedStatus } from '../needs/needs-workflow';
import { CoverageSummaryDto } from '../coverage/coverage.dto';
import { LicenceWarningCountsDto } from '../licences/licences.dto';
import { StocktakingOverviewDto } from '../stocktakings/stocktakings.dto';

export class DeviceStatsDto {
  /** Every device on record, retired ones included. */
  total: number;
  /** Devices not retired. */
  inService: number;
  byStatus: Record<DeviceStatus, number>;
  /** Per device type: its total and its statuses. */
  byType: Record<DeviceType, { total: number; byStatus: Record<DeviceStatus, number> }>;
}

export class LoanStatsDto {
  /** Loans not yet returned (overdue ones included). */
  active: number;
  /** Active loans past their due date. */
  overdue: number;
  returned: number;
}

export class NeedStatusCountDto {
  count: number;
  estimatedCostCents: number;
  approvedCents: number;
}

export class NeedStatsDto {
  byStatus: Record<NeedStatus, NeedStatusCountDto>;
  /** Submitted requests waiting for the office's decision. */
  awaitingDecision: NeedStatusCountDto;
  /** Approved or partially approved requests no grant funds yet. */
  approvedWithoutGrant: { count: number; approvedCents: number };
}

export class GrantBudgetDto {
  grants: number;
  approvedCents: number;
  /** Committed by orders (expenditures) against the grants. */
  spentCents: number;
  remainingCents: number;
}

export class OverviewDto {
  /** The day ages and overdue loans were measured on. */
  asOf: string;
  devices: DeviceStatsDto;
  loans: LoanStatsDto;
  coverage: CoverageSummaryDto;
  needs: NeedStatsDto;
  grants: GrantBudgetDto;
  /** Schools due for a stocktaking (Inventur) and the open ones. */
  stocktaking: StocktakingOverviewDto;
  /** The licence warnings by code (the same as the coverage summary's). */
  licenceWarnings: LicenceWarningCountsDto;
}
