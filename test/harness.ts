import 'reflect-metadata';
import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { DestinationStream } from 'pino';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { AppModule } from '../src/app.module';
import { ensureFirstAdmin } from '../src/auth/first-admin';
import { configureApp } from '../src/bootstrap';
import { ROOT_LOGGER } from '../src/common/logging';
import { NestPinoLogger } from '../src/common/nest-logger';
import { AppConfig, validateConfig } from '../src/config/app-config';
import { createWorld, World } from './factories';
import { createTestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'admin@test.example', password: 'admin-password-123' };

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  dataSource: DataSource;
  document: OpenAPIObject;
  /** supertest on the app's HTTP server. */
  http: () => ReturnType<typeof request>;
  /** A bearer token for a user id, without the cost of a password login. */
  tokenFor(userId: string): string;
  close(): Promise<void>;
}

/** The whole application on a database of its own (cloned from the migrated template). */
export async function createTestApp(env: Record<string, string> = {}, options: { logDestination?: DestinationStream; databaseUrl?: string; imports?: DynamicModule['imports'] } = {}): Promise<TestApp> {
  // A migrated database of the test's own (another server), or a clone of the template.
  const database = options.databaseUrl ? { url: options.databaseUrl, drop: async () => undefined } : await createTestDatabase();
  const config = validateConfig({
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    DB_POOL_SIZE: '20',
    JWT_SECRET: 'test-secret-test-secret-test-secret-0123456789',
    LOG_LEVEL: 'silent',
    ADMIN_EMAIL: TEST_ADMIN.email,
    ADMIN_PASSWORD: TEST_ADMIN.password,
    LOGIN_RATE_LIMIT: '1000',
    LOGIN_ACCOUNT_RATE_LIMIT: '1000',
    // Tests change users directly in the database; the cache is tested on its own (test/auth.e2e-spec.ts).
    AUTH_CACHE_SECONDS: '0',
    ...env,
  });
  // What src/server.ts does before the app starts: the platform admin, here from ADMIN_EMAIL/ADMIN_PASSWORD.
  await ensureFirstAdmin(database.url, config);
  const app = await NestFactory.create<NestExpressApplication>(
    AppModule.forRoot(config, { logDestination: options.logDestination, imports: options.imports }),
    options.logDestination ? { bufferLogs: true } : { logger: false },
  );
  // With a log destination, Nest's own loggers (the exception filter's) write to it too, as in src/server.ts.
  if (options.logDestination) app.useLogger(new NestPinoLogger(app.get(ROOT_LOGGER)));
  const document = await configureApp(app, config);
  await app.init();
  const jwt = app.get(JwtService);
  const server = app.getHttpServer();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    document,
    http: () => request(server),
    tokenFor: (userId) => jwt.sign({ sub: userId }),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** The app plus the two-authority world of test/factories.ts, for access tests. */
export async function createTestWorld(env: Record<string, string> = {}, options: Parameters<typeof createTestApp>[1] = {}): Promise<{ t: TestApp; w: World }> {
  const t = await createTestApp(env, options);
  return { t, w: await createWorld(t) };
}
