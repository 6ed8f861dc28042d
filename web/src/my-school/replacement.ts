import type { Schemas } from '../api/client';

export type DeviceItem = Schemas['DevicePageDto']['items'][number];
export type CoverageSettings = Schemas['CoverageSettingsDto'];

/** 'YYYY-MM-DD' minus whole years (29 February falls back to the 28th, as the server's minusYears does). */
export function minusYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y - years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = m === 2 && d === 29 && !leap ? 28 : d;
  return `${year}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** When a device went into service: its commissioning date, else its purchase date (the coverage API's rule). */
export const inServiceSince = (d: Pick<DeviceItem, 'commissionedOn' | 'purchaseDate'>) => d.commissionedOn ?? d.purchaseDate ?? null;

/**
 * The devices in service (not lost, not retired) at or past their type's replacement age on `asOf`, oldest first:
 * the same rule as the coverage API's `replacement.pastAge` (src/coverage/coverage.queries.ts), so the list matches its count.
 */
export function pastReplacementAge(devices: DeviceItem[], ages: Record<string, number>, asOf: string): DeviceItem[] {
  return devices
    .filter((d) => {
      const since = inServiceSince(d);
      const age = ages[d.type];
      return d.status !== 'lost' && d.status !== 'retired' && since !== null && age !== undefined && since <= minusYears(asOf, age);
    })
    .sort((a, b) => inServiceSince(a)!.localeCompare(inServiceSince(b)!) || a.inventoryNumber.localeCompare(b.inventoryNumber));
}

/** Whole years between two dates (for "8 Jahre"). */
export function yearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}
