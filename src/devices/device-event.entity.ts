/** The kinds of a device's history entries (device_events.kind). */
export const DEVICE_EVENT_KINDS = ['created', 'status_changed', 'moved', 'loaned', 'returned', 'imported'] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];
