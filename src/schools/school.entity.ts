import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

export const SCHOOL_TYPES = [
  'grundschule',
  'hauptschule',
  'realschule',
  'sekundarschule',
  'gesamtschule',
  'gymnasium',
  'foerderschule',
  'berufskolleg',
  'other',
] as const;
export type SchoolType = (typeof SCHOOL_TYPES)[number];

@Entity('schools')
export class School {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'authority_id', type: 'uuid' })
  authorityId: string;

  @Column()
  name: string;

  @Column({ name: 'school_number' })
  schoolNumber: string;

  @Column({ name: 'school_type', type: 'enum', enum: SCHOOL_TYPES, enumName: 'school_type' })
  schoolType: SchoolType;

  @Column({ type: 'varchar', nullable: true })
  street: string | null;

  @Column({ name: 'postal_code', type: 'varchar', nullable: true })
  postalCode: string | null;

  @Column({ type: 'varchar', nullable: true })
  city: string | null;

  @Column({ name: 'student_count', type: 'integer' })
  studentCount: number;

  @Column({ name: 'teacher_count', type: 'integer' })
  teacherCount: number;

  @Column({ name: 'class_count', type: 'integer' })
  classCount: number;

  @Column({ name: 'broadband_mbps', type: 'integer', nullable: true })
  broadbandMbps: number | null;

  @Column({ name: 'has_fibre' })
  hasFibre: boolean;

  @Column({ name: 'wlan_coverage_percent', type: 'smallint', nullable: true })
  wlanCoveragePercent: number | null;

  @VersionColumn()
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
