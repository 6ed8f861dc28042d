import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

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

@Entity('devices')
export class Device {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @Column({ name: 'school_id', type: 'uuid' })
  schoolId: string;

  @Column({ name: 'inventory_number' })
  inventoryNumber: string;

  @Column({ name: 'serial_number', type: 'varchar', nullable: true })
  serialNumber: string | null;

  @Column({ type: 'enum', enum: DEVICE_TYPES, enumName: 'device_type' })
  type: DeviceType;

  @Column()
  manufacturer: string;

  @Column()
  model: string;

  @Column({ name: 'operating_system', type: 'varchar', nullable: true })
  operatingSystem: string | null;

  @Column({ name: 'purchase_date', type: 'date', nullable: true })
  purchaseDate: string | null;

  @Column({ name: 'purchase_price_cents', type: 'integer', nullable: true })
  purchasePriceCents: number | null;

  /** Inbetriebnahme: the earmarking period of a funded device counts from here. */
  @Column({ name: 'commissioned_on', type: 'date', nullable: true })
  commissionedOn: string | null;

  @Column({ name: 'warranty_until', type: 'date', nullable: true })
  warrantyUntil: string | null;

  @Column({ type: 'varchar', nullable: true })
  location: string | null;

  @Column({ type: 'text', nullable: true })
  notes: string | null;

  @Column({ type: 'enum', enum: DEVICE_STATUSES, enumName: 'device_status' })
  status: DeviceStatus;

  @Column({ name: 'retired_on', type: 'date', nullable: true })
  retiredOn: string | null;

  @Column({ name: 'retirement_reason', type: 'text', nullable: true })
  retirementReason: string | null;

  /** Optimistic locking: clients send back the version they read. */
  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
