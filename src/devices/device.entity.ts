/** The device's enums (the database's `device_type` and `device_status`). Devices are read and written with SQL: devices.queries.ts. */
export const DEVICE_TYPES = [
  'laptop',
  'tablet',
  'desktop',
  'interactive_display',
  'projector',
  'document_camera',
  'access_point',
  'printer',
  'other',
] as const;
export type DeviceType = (typeof DEVICE_TYPES)[number];

export const DEVICE_STATUSES = ['available', 'loaned', 'in_use', 'in_repair', 'retired', 'lost'] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** Mobile devices: what students take home, and what the DigitalPakt mobile-device cap counts. */
export const MOBILE_DEVICE_TYPES: readonly DeviceType[] = ['laptop', 'tablet'];
