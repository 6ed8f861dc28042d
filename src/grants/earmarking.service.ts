import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import { schoolScopeSql } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { one, rows } from '../common/db';
import { illegalState } from '../common/errors';
import type { LockedDevice, StatusChange } from '../devices/device-lifecycle.service';
import { GuardsLeavingService, type LeaveServiceGuard } from '../devices/device-extensions';
import { amountAtRisk, earmarkOf } from './earmarking';
import { type FundedDeviceRow, GRANT_SQL, type GrantRow } from './grants.queries';
import type { GrantWarning } from './program-rules';

const earmarkFor = (r: FundedDeviceRow) =>
  earmarkOf({
    earmarkingYears: r.earmarkingYears,
    earmarkingYearsByType: r.earmarkingYearsByType,
    deviceType: r.type,
    commissionedOn: r.commissionedOn,
    purchaseDate: r.purchaseDate,
    invoiceDate: r.invoiceDate,
    orderDate: r.orderDate,
    devicePriceCents: r.purchasePriceCents,
    expenditureGrossCents: r.grossCents,
    devicesOnExpenditure: r.devicesOnExpenditure,
    fundingRateBp: r.fundingRateBp,
  });

/**
 * Earmarking (Zweckbindungsfrist) of funded devices: a guard on the device life cycle that refuses to retire
 * or lose a device inside its period without an explicit confirmation, and the summary's warnings for those
 * that left service inside it.
 */
@Injectable()
@GuardsLeavingService()
export class EarmarkingService implements LeaveServiceGuard {
  /** Throws 409 (ILLEGAL_STATE) for an unconfirmed retirement/loss inside the earmarking period; returns audit meta when confirmed. */
  async beforeLeavingService(em: EntityManager, device: LockedDevice, change: StatusChange): Promise<Record<string, unknown> | void> {
    const row = await one<FundedDeviceRow>(em, GRANT_SQL.fundedDevice, [device.id]);
    if (!row) return;
    const leftOn = (change.to === 'retired' ? change.retiredOn : null) ?? todayInBerlin();
    const earmark = earmarkFor(row);
    if (leftOn >= earmark.end) return;
    const breach = {
      grantId: row.grantId,
      grantTitle: row.grantTitle,
      expenditureId: row.expenditureId,
      earmarkingStart: earmark.start,
      earmarkingEnd: earmark.end,
      amountAtRiskCents: amountAtRisk(earmark, row.fundingRateBp, leftOn),
    };
    if (!change.confirmations?.earmarkingBreach) {
      throw illegalState(
        'EARMARKING_BREACH_NEEDS_CONFIRMATION',
        `The device was bought with the grant "${row.grantTitle}" and is earmarked until ${earmark.end}; ` +
          `send confirmEarmarkingBreach: true to ${change.to === 'retired' ? 'retire' : 'mark it lost'} anyway`,
        { grantTitle: row.grantTitle, earmarkingEnd: earmark.end, amountAtRiskCents: breach.amountAtRiskCents, requestedStatus: change.to },
        { confirmation: 'earmarkingBreach', ...breach },
      );
    }
    return { earmarkingBreach: breach };
  }

  /** Devices of a grant that left service (retired or lost) inside their earmarking period, in the caller's school scope. */
  async breachWarnings(em: EntityManager, actor: Actor, grant: GrantRow, asOf: string | null): Promise<GrantWarning[]> {
    const params: unknown[] = [grant.id];
    const scope = schoolScopeSql(actor, { authority: 'e.authority_id', school: 'e.school_id' }, params);
    const left = await rows<FundedDeviceRow>(em, GRANT_SQL.fundedDevicesOutOfService(scope), params);
    const warnings: GrantWarning[] = [];
    for (const r of left) {
      const leftOn = (r.status === 'retired' ? r.retiredOn : r.lostOn) ?? r.retiredOn ?? r.lostOn;
      if (!leftOn || (asOf && leftOn > asOf)) continue;
      const earmark = earmarkFor(r);
      if (leftOn >= earmark.end) continue;
      warnings.push({
        code: 'earmarking_breach',
        message: `Device ${r.inventoryNumber} was ${r.status} on ${leftOn}, inside its earmarking period (until ${earmark.end})`,
        schoolId: r.schoolId,
        amountCents: amountAtRisk(earmark, r.fundingRateBp, leftOn),
        details: { deviceId: r.deviceId, inventoryNumber: r.inventoryNumber, expenditureId: r.expenditureId, leftOn, earmarkingStart: earmark.start, earmarkingEnd: earmark.end },
        params: {
          inventoryNumber: r.inventoryNumber,
          status: r.status,
          leftOn,
          earmarkingStart: earmark.start,
          earmarkingEnd: earmark.end,
          amountAtRiskCents: amountAtRisk(earmark, r.fundingRateBp, leftOn),
        },
      });
    }
    return warnings;
  }
}
