import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/passwords';
import { one, rows, transaction } from '../common/db';
import { DEMO_AUTHORITY_SLUG, DEMO_PASSWORD, seedBase } from './base.seed';
import type { DemoSeed } from './demo-context';
import { seedDevices } from './devices.seed';
import { seedGrants } from './grants.seed';
import { seedLicences } from './licences.seed';
import { seedLoans } from './loans.seed';
import { seedNeeds } from './needs.seed';
import { seedStocktakings } from './stocktakings.seed';

/**
 * The features' demo seeds, in order (devices before loans and grants, which use them).
 * A feature adds its seed here.
 */
export const FEATURE_SEEDS: { name: string; seed: DemoSeed }[] = [
  { name: 'devices', seed: seedDevices },
  // grants link invoices to the devices the devices seed created (keep it after devices)
  { name: 'grants', seed: seedGrants },
  // needs link to the first grant when the grants seed ran before them
  { name: 'needs', seed: seedNeeds },
  // licences link the office suite and device management to the grants seed's software invoices (keep it after grants)
  { name: 'licences', seed: seedLicences },
  // loans lend the available laptops and tablets of the devices seed (last, so the other seeds see the devices as delivered)
  { name: 'loans', seed: seedLoans },
  // stocktakings expect the devices in service, so loaned ones stay off their lists (after loans)
  { name: 'stocktakings', seed: seedStocktakings },
];

/** Loads the demo data once (all in one transaction); later runs find it and leave it alone. */
export async function loadDemo(dataSource: DataSource): Promise<{ created: boolean; logins: { role: string; email: string }[] }> {
  const exists = await one(dataSource.manager, `SELECT 1 FROM authorities WHERE slug = $1`, [DEMO_AUTHORITY_SLUG]);
  let created = false;
  if (!exists) {
    const hash = await hashPassword(DEMO_PASSWORD);
    await transaction(dataSource, async (em) => {
      const ctx = await seedBase(em, hash);
      for (const { seed } of FEATURE_SEEDS) await seed(ctx);
    });
    created = true;
  }
  const logins = await rows<{ role: string; email: string }>(
    dataSource.manager,
    `SELECT u.role::text AS role, u.email FROM users u JOIN authorities a ON a.id = u.authority_id
      WHERE a.slug IN ($1, 'beispielland') ORDER BY a.slug DESC, u.role, u.email`,
    [DEMO_AUTHORITY_SLUG],
  );
  return { created, logins };
}

export { DEMO_PASSWORD };
