import type { Schemas } from '../api/client';
import { parseEuroToCents } from '../ui/format';
import type { DeviceDetail } from './devices-api';

export type UpdateDevice = Schemas['UpdateDeviceDto'];

/** What the edit form holds: the device's fields as the person sees them (price in euros, text as typed). */
export interface DeviceDraft {
  inventoryNumber: string;
  serialNumber: string;
  type: DeviceDetail['type'];
  manufacturer: string;
  model: string;
  operatingSystem: string;
  location: string;
  purchaseDate: string | null;
  price: string;
  commissionedOn: string | null;
  warrantyUntil: string | null;
  notes: string;
}

const euroText = (cents: number | null) => (cents == null ? '' : (cents / 100).toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

export function draftOf(d: Omit<DeviceDetail, 'schoolName'>): DeviceDraft {
  return {
    inventoryNumber: d.inventoryNumber,
    serialNumber: d.serialNumber ?? '',
    type: d.type,
    manufacturer: d.manufacturer,
    model: d.model,
    operatingSystem: d.operatingSystem ?? '',
    location: d.location ?? '',
    purchaseDate: d.purchaseDate,
    price: euroText(d.purchasePriceCents),
    commissionedOn: d.commissionedOn,
    warrantyUntil: d.warrantyUntil,
    notes: d.notes ?? '',
  };
}

/**
 * The PATCH body: only the fields that changed, with the version read (so a change by someone else in between is
 * refused, not overwritten). Emptied optional fields become null; the price travels in cents.
 * Returns `{ priceInvalid: true }` when the price is no amount.
 */
export function changesOf(d: DeviceDetail, draft: DeviceDraft): { body: UpdateDevice; changed: number } | { priceInvalid: true } {
  const body: UpdateDevice = { version: d.version };
  const set = <K extends keyof UpdateDevice>(key: K, value: UpdateDevice[K], before: unknown) => {
    if (value !== before) body[key] = value;
  };
  const optional = (v: string) => (v.trim() === '' ? null : v.trim());
  set('inventoryNumber', draft.inventoryNumber.trim(), d.inventoryNumber);
  set('serialNumber', optional(draft.serialNumber), d.serialNumber);
  set('type', draft.type, d.type);
  set('manufacturer', draft.manufacturer.trim(), d.manufacturer);
  set('model', draft.model.trim(), d.model);
  set('operatingSystem', optional(draft.operatingSystem), d.operatingSystem);
  set('location', optional(draft.location), d.location);
  set('notes', optional(draft.notes), d.notes);
  set('purchaseDate', draft.purchaseDate, d.purchaseDate);
  set('commissionedOn', draft.commissionedOn, d.commissionedOn);
  set('warrantyUntil', draft.warrantyUntil, d.warrantyUntil);
  let cents: number | null = null;
  if (draft.price.trim() !== '') {
    cents = parseEuroToCents(draft.price);
    if (cents === null || cents < 0) return { priceInvalid: true };
  }
  set('purchasePriceCents', cents, d.purchasePriceCents);
  return { body, changed: Object.keys(body).length - 1 };
}
