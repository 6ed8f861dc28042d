import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../common/actor';
import type { LockedDevice, StatusChange } from './device-lifecycle.service';
import type { DeviceDetailDto, DeviceDto } from './devices.dto';

/**
 * The extension points of the devices feature. Another feature implements the interface in a provider of its own
 * module and marks the class with the decorator; the devices feature finds them through Nest's DiscoveryService when
 * the app starts (a multi-provider: any number of them, none registered at run time).
 */

/** The sections other features add to GET /devices/{id}; each is a declared field of DeviceDetailDto. */
export type DeviceDetailSectionKey = Exclude<keyof DeviceDetailDto, keyof DeviceDto | 'schoolName'>;

/** Adds one section to the device detail (e.g. the loans feature's `currentLoan`). Runs with the caller's scope already checked. */
export interface DeviceDetailExtension<K extends DeviceDetailSectionKey = DeviceDetailSectionKey> {
  readonly key: K;
  load(em: EntityManager, actor: Actor, deviceId: string): Promise<DeviceDetailDto[K]>;
}
/** Marks a provider as a DeviceDetailExtension. */
export const ExtendsDeviceDetail = DiscoveryService.createDecorator<void>();

/**
 * A check another feature runs before a device leaves service (retired or lost), in the same transaction.
 * Grants provide one that refuses to write off a funded device inside its earmarking period unless confirmed.
 * It throws to refuse; it may return audit meta to keep with the change.
 */
export interface LeaveServiceGuard {
  beforeLeavingService(em: EntityManager, device: LockedDevice, change: StatusChange): Promise<Record<string, unknown> | void>;
}
/** Marks a provider as a LeaveServiceGuard. */
export const GuardsLeavingService = DiscoveryService.createDecorator<void>();

/** The instances of the providers marked with `marker`, in module order. */
export function discover<T>(discovery: DiscoveryService, marker: { KEY: string }): T[] {
  return discovery
    .getProviders({ metadataKey: marker.KEY })
    .map((wrapper) => wrapper.instance as T | undefined)
    .filter((instance): instance is T => !!instance);
}
