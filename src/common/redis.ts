import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Redis from 'ioredis';
import { AppConfig } from '../config/app-config';

/**
 * The optional Redis connection (REDIS_URL) that several API processes and replicas share: rate limits and the
 * caller cache's invalidations. Without REDIS_URL `client` is null and each process keeps those in memory.
 */
@Injectable()
export class RedisService implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('Redis');
  /** Commands (rate-limit counters, publishing). Null without REDIS_URL. */
  readonly client: Redis | null;
  /** A connection in subscriber mode can run no other command, hence a second one. */
  private readonly subscriber: Redis | null;
  private readonly handlers = new Map<string, (message: string) => void>();
  readonly prefix: string;

  constructor(config: AppConfig) {
    this.prefix = config.REDIS_KEY_PREFIX;
    if (!config.REDIS_URL) {
      this.client = this.subscriber = null;
      return;
    }
    // No offline queue: while Redis is away a command fails at once (the callers fall back) instead of hanging a request.
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: true };
    this.client = new Redis(config.REDIS_URL, options);
    this.subscriber = new Redis(config.REDIS_URL, { ...options, enableOfflineQueue: true });
    for (const connection of [this.client, this.subscriber]) {
      // ioredis reconnects by itself; log the reason only (the URL may hold a password).
      connection.on('error', (error: Error) => this.logger.warn({ error: error.message }, 'Redis connection error'));
    }
    this.subscriber.on('message', (channel: string, message: string) => this.handlers.get(channel)?.(message));
  }

  async onModuleInit(): Promise<void> {
    if (!this.client || !this.subscriber) return;
    // Redis away at the start does not stop the API: ioredis keeps reconnecting (and resubscribing) by itself, and
    // meanwhile the limits count in memory and the caller cache stays off (see `subscribed`).
    const connected = await Promise.all([this.client.connect(), this.subscriber.connect()]).then(
      () => true,
      (error: Error) => (this.logger.warn({ error: error.message }, 'Redis is not reachable; retrying in the background'), false),
    );
    if (!this.handlers.size) return;
    const subscription = this.subscriber.subscribe(...this.handlers.keys()).then(() => (this.subscribedOnce = true));
    if (connected) await subscription;
    else subscription.catch(() => undefined);
  }

  private subscribedOnce = false;

  /** Whether the subscription is live, i.e. messages of other processes arrive. */
  get subscribed(): boolean {
    return this.subscribedOnce && this.subscriber?.status === 'ready';
  }

  /** Calls `handler` for each message on the channel (key prefix applied); register before the module starts. */
  onMessage(channel: string, handler: (message: string) => void): void {
    this.handlers.set(this.prefix + channel, handler);
  }

  async publish(channel: string, message: string): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.publish(this.prefix + channel, message);
    } catch (error) {
      this.logger.warn({ error: (error as Error).message }, 'Redis publish failed');
    }
  }

  async onApplicationShutdown(): Promise<void> {
    // quit() waits for a connection that may never come; disconnect() stops the reconnecting at once.
    await Promise.all([this.client, this.subscriber].map((c) => (c?.status === 'ready' ? c.quit().catch(() => c.disconnect()) : c?.disconnect())));
  }
}
