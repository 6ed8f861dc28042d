import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Actor } from '../auth/actor';
import { schoolScopeSql } from '../common/access';
import { todayInBerlin } from '../common/dates';
import { illegalState } from '../common/errors';
import type { LockedDevice, StatusChange } from '../devices/device-lifecycle.service';
import { GuardsLeavingService, type LeaveServiceGuard } from '../devices/device-extensions';
import { amountAtRisk, earmarkOf } from './earmarking';
import type { GrantRow } from './grant-access';
import type { GrantWarning } from './program-rules';

interface FundedDeviceRow {
  deviceId: string;
  inventoryNumber: string;
  type: string;
  status: string;
  commissionedOn: string | null;
  purchaseDate: string | null;
  purchasePriceCents: number | null;
  retiredOn: string | null;
  lostOn: string | null;
  expenditureId: string;
  schoolId: string;
  grossCents: number;
  invoiceDate: string | null;
  orderDate: string;
  devicesOnExpenditure: number;
  grantId: string;
  grantTitle: string;
  fundingRateBp: number;
  earmarkingYears: number;
  earmarkingYearsByType: Record<string, number>;
}

// The joins repeat the authority (the composite foreign keys make it equal anyway): knowing `d.authority_id`, the planner
// finds a grant's retired and lost devices through ix_devices_authority_status instead of scanning every device.
const FUNDED_DEVICE_SELECT = `
  SELECT d.id AS "deviceId", d.inventory_number AS "inventoryNumber", d.type::text AS type, d.status::text AS status,
         d.commissioned_on AS "commissionedOn", d.purchase_date AS "purchaseDate", d.purchase_price_cents AS "purchasePriceCents",
         d.retired_on AS "retiredOn",
         (SELECT max(ev.occurred_at)::date FROM device_events ev WHERE ev.device_id = d.id AND ev.to_status = 'lost') AS "lostOn",
         e.id AS "expenditureId", e.school_id AS "schoolId", e.gross_cents AS "grossCents", e.invoice_date AS "invoiceDate", e.order_date AS "orderDate",
         (SELECT count(*)::int FROM expenditure_devices y WHERE y.expenditure_id = e.id) AS "devicesOnExpenditure",
         g.id AS "grantId", g.title AS "grantTitle", g.funding_rate_bp AS "fundingRateBp", g.earmarking_years AS "earmarkingYears",
         g.earmarking_years_by_type AS "earmarkingYearsByType"
    FROM expenditure_devices x
    JOIN expenditures e ON e.id = x.expenditure_id AND e.authority_id = x.authority_id
    JOIN grants g ON g.id = e.grant_id
    JOIN devices d ON d.id = x.device_id AND d.authority_id = x.authority_id`;

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
    const rows: FundedDeviceRow[] = await em.query(`${FUNDED_DEVICE_SELECT} WHERE x.device_id = $1`, [device.id]);
    const row = rows[0];
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
    const rows: FundedDeviceRow[] = await em.query(
      `${FUNDED_DEVICE_SELECT} WHERE e.grant_id = $1 AND d.status IN ('retired', 'lost') AND ${scope} ORDER BY d.inventory_number`,
      params,
    );
    const warnings: GrantWarning[] = [];
    for (const r of rows) {
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
