import { describe, expect, it } from 'vitest';
import { changesOf, draftOf } from './device-edit';
import type { DeviceDetail } from './devices-api';

const device: DeviceDetail = {
  id: 'd1',
  authorityId: 'a1',
  schoolId: 's1',
  schoolName: 'Goethe-Gymnasium',
  inventoryNumber: 'GYM-0042',
  serialNumber: 'PF3XK9ZQ',
  type: 'laptop',
  manufacturer: 'Lenovo',
  model: 'ThinkPad L13',
  operatingSystem: null,
  purchaseDate: '2024-08-01',
  purchasePriceCents: 64900,
  commissionedOn: null,
  warrantyUntil: '2027-07-31',
  location: 'Raum 204',
  notes: null,
  status: 'available',
  retiredOn: null,
  retirementReason: null,
  lastCountedOn: null,
  labelledAt: null,
  version: 7,
  createdAt: '2024-08-01T08:00:00Z',
  updatedAt: '2024-08-01T08:00:00Z',
};

describe('the device edit form', () => {
  it('shows the price in German euros', () => {
    expect(draftOf(device).price).toBe('649,00');
    expect(draftOf({ ...device, purchasePriceCents: 123456 }).price).toBe('1.234,56');
    expect(draftOf({ ...device, purchasePriceCents: null }).price).toBe('');
  });

  it('sends only what changed, with the version read', () => {
    expect(changesOf(device, draftOf(device))).toEqual({ body: { version: 7 }, changed: 0 });
    const draft = { ...draftOf(device), location: '  Raum 101 ', price: '1.299,5', serialNumber: '', warrantyUntil: null };
    expect(changesOf(device, draft)).toEqual({ body: { version: 7, location: 'Raum 101', purchasePriceCents: 129950, serialNumber: null, warrantyUntil: null }, changed: 4 });
  });

  it('refuses a price that is no amount, and an emptied price clears it', () => {
    expect(changesOf(device, { ...draftOf(device), price: '12,345' })).toEqual({ priceInvalid: true });
    expect(changesOf(device, { ...draftOf(device), price: '-5' })).toEqual({ priceInvalid: true });
    expect(changesOf(device, { ...draftOf(device), price: ' ' })).toEqual({ body: { version: 7, purchasePriceCents: null }, changed: 1 });
  });
});
