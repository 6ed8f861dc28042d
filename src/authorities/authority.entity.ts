import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const AUTHORITY_KINDS = ['city', 'district', 'other'] as const;
export type AuthorityKind = (typeof AUTHORITY_KINDS)[number];

/** A school authority (Schulträger): the tenant. Owns schools, users and everything below them. */
@Entity('authorities')
export class Authority {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column()
  name: string;

  @Column()
  slug: string;

  @Column({ type: 'varchar' })
  kind: AuthorityKind;

  /** Two-letter state code (NW, BY, …): some grant rules depend on it. */
  @Column({ type: 'varchar', nullable: true })
  state: string | null;

  /** Per-authority settings of the features (loan agreement texts, replacement ages, …). */
  @Column({ type: 'jsonb' })
  settings: Record<string, unknown>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
