import type { EntityManager } from 'typeorm';
import type { SchoolType } from '../schools/school.entity';

export interface DemoSchool {
  id: string;
  name: string;
  schoolNumber: string;
  schoolType: SchoolType;
  studentCount: number;
  teacherCount: number;
  classCount: number;
}

/** What the base seed created, handed to every feature's demo seed. */
export interface DemoContext {
  em: EntityManager;
  authorityId: string;
  schools: DemoSchool[];
  officeUserId: string;
  viewerUserId: string;
  /** coordinator user id -> their school ids */
  coordinators: { userId: string; email: string; schoolIds: string[] }[];
  /** Deterministic random numbers in [0, 1): the demo looks the same on every machine. */
  random: () => number;
  /** A fixed "today" for the demo data, so ages and overdue loans are realistic. */
  today: Date;
}

/** mulberry32: a tiny seeded PRNG, enough for demo data. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

export const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function addDays(d: Date, days: number): Date {
  const copy = new Date(d);
  copy.setUTCDate(copy.getUTCDate() + days);
  return copy;
}

/** A feature's contribution to the demo; runs after the base seed, in the same transaction. */
export type DemoSeed = (ctx: DemoContext) => Promise<void>;
