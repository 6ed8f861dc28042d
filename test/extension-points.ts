import { Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Actor } from '../src/common/actor';
import type { LockedDevice, StatusChange } from '../src/devices/device-lifecycle.service';
import { type DeviceDetailExtension, type DeviceDetailSectionKey, ExtendsDeviceDetail, GuardsLeavingService, type LeaveServiceGuard } from '../src/devices/device-extensions';

/**
 * Providers at the devices feature's extension points for tests, added with `createTestWorld({}, { imports: [TestExtensionsModule] })`.
 * They do nothing until a test sets `use`; the test sets it back in `finally`, so no other test meets them.
 */
@Injectable()
@GuardsLeavingService()
export class TestLeaveServiceGuard implements LeaveServiceGuard {
  use?: LeaveServiceGuard['beforeLeavingService'];
  async beforeLeavingService(em: EntityManager, device: LockedDevice, change: StatusChange): Promise<Record<string, unknown> | void> {
    return this.use?.(em, device, change);
  }
}

/** A detail section `testExtra` (not a declared field: it proves the devices feature shows whatever a section loads). */
@Injectable()
@ExtendsDeviceDetail()
export class TestDetailExtension implements DeviceDetailExtension {
  readonly key = 'testExtra' as DeviceDetailSectionKey;
  use?: (em: EntityManager, actor: Actor, deviceId: string) => Promise<unknown>;
  async load(em: EntityManager, actor: Actor, deviceId: string): Promise<never> {
    return (await this.use?.(em, actor, deviceId)) as never;
  }
}

@Module({ providers: [TestLeaveServiceGuard, TestDetailExtension] })
export class TestExtensionsModule {}
