import { Injectable } from '@nestjs/common';
import { RedisService } from '../common/redis';
import { AppConfig } from '../config/app-config';
import type { Actor } from '../common/actor';

/** What a token is checked against: the caller (null: unknown or inactive) and their current token version. */
export interface Caller {
  actor: Actor;
  tokenVersion: number;
}

const FORGET_CHANNEL = 'auth:forget';

/**
 * The caller's role, schools and token version for AUTH_CACHE_SECONDS: saves a query per request on hot paths.
 * `forget` drops a user's entry in this process at once and, with REDIS_URL, in every other process through a
 * Redis channel; while that channel is down the cache is not used at all, so no process serves a stale session.
 */
@Injectable()
export class CallerCache {
  private readonly entries = new Map<string, { caller: Caller | null; until: number }>();
  // Raised by every forget: a load that started before a forget must not store what it read.
  private generation = 0;
  private readonly ttl: number;

  constructor(
    config: AppConfig,
    private readonly redis: RedisService,
  ) {
    this.ttl = config.AUTH_CACHE_SECONDS * 1000;
    redis.onMessage(FORGET_CHANNEL, (userId) => this.drop(userId));
  }

  async get(userId: string, load: (userId: string) => Promise<Caller | null>): Promise<Caller | null> {
    if (this.ttl === 0 || (this.redis.client && !this.redis.subscribed)) return load(userId);
    const now = Date.now();
    const hit = this.entries.get(userId);
    if (hit && hit.until > now) return hit.caller;
    const generation = this.generation;
    const caller = await load(userId);
    if (generation === this.generation) {
      if (this.entries.size >= 10_000) this.entries.clear(); // bounded: at most one entry per recently active user
      this.entries.set(userId, { caller, until: now + this.ttl });
    }
    return caller;
  }

  /** After a change to a user has committed: every process reads the user again on their next request. */
  async forget(userId: string): Promise<void> {
    this.drop(userId);
    await this.redis.publish(FORGET_CHANNEL, userId);
  }

  private drop(userId: string): void {
    this.generation++;
    this.entries.delete(userId);
  }
}
