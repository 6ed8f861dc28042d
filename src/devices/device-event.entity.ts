import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { DeviceStatus } from './device.entity';

export const DEVICE_EVENT_KINDS = ['created', 'status_changed', 'moved', 'loaned', 'returned', 'imported'] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];

/** One entry of a device's history: who did what, when, from which state to which, and why. */
@Entity('device_events')
export class DeviceEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'device_id', type: 'uuid' })
  deviceId: string;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @Column({ type: 'varchar' })
  kind: DeviceEventKind;

  @Column({ name: 'from_status', type: 'varchar', nullable: true })
  fromStatus: DeviceStatus | null;

  @Column({ name: 'to_status', type: 'varchar', nullable: true })
  toStatus: DeviceStatus | null;

  @Column({ name: 'from_school_id', type: 'uuid', nullable: true })
  fromSchoolId: string | null;

  @Column({ name: 'to_school_id', type: 'uuid', nullable: true })
  toSchoolId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'loan_id', type: 'uuid', nullable: true })
  loanId: string | null;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;
}
