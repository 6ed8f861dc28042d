import { Logger as NestLogger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import pino, { type Logger as PinoLogger } from 'pino';
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from './app.module';
import { ensureFirstAdmin, OneTimeLogin } from './auth/first-admin';
import { configureApp } from './bootstrap';
import { ROOT_LOGGER } from './common/logging';
import { NestPinoLogger } from './common/nest-logger';
import { AppConfig, validateConfig, withStartValues } from './config/app-config';
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { oneTimeLoginBlock } from './i18n/first-start';

export interface RunningServer {
  app: NestExpressApplication;
  config: AppConfig;
  /** The first admin's generated password, when this start set one (printed by `startServer` once it listens). */
  firstLogin?: OneTimeLogin;
  close(): Promise<void>;
}

/** Reads `.env` when present (real environment variables win) and validates everything once. */
export function loadConfig(): AppConfig {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return validateConfig(process.env);
}

/** In development a missing JWT_SECRET is generated once and kept beside the embedded database, so logins survive restarts. */
function developmentJwtSecret(config: AppConfig): string {
  const file = resolve(dirname(resolve(config.EMBEDDED_PG_DIR)), 'jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The database the service runs on: the embedded server (started here) when DATABASE_URL is unset, migrated. */
export interface PreparedDatabase {
  /** The config to start with: the validated one with DATABASE_URL and JWT_SECRET filled in (withStartValues). */
  config: AppConfig;
  /** Set when this process started the embedded server; stop it last. */
  embedded?: EmbeddedPostgresHandle;
  /** The first admin's generated password, when this start set one: print it with `printFirstLogin` once the server listens. */
  firstLogin?: OneTimeLogin;
}

/**
 * Starts the embedded PostgreSQL when DATABASE_URL is unset (and sets DATABASE_URL to it), runs the migrations, creates
 * the first admin (or gives a first admin who never logged in a new password, src/auth/first-admin.ts) and fills in the
 * development JWT secret. The cluster's primary runs this once and hands DATABASE_URL and JWT_SECRET to its workers.
 */
export async function prepareDatabase(validated: AppConfig): Promise<PreparedDatabase> {
  const log = new NestLogger('Bootstrap');
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!validated.DATABASE_URL) {
    log.log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${validated.EMBEDDED_PG_DIR}, port ${validated.EMBEDDED_PG_PORT})`);
    embedded = await startEmbeddedPostgres({ dataDir: validated.EMBEDDED_PG_DIR, port: validated.EMBEDDED_PG_PORT, persistent: true });
  }
  try {
    const databaseUrl = validated.DATABASE_URL ?? embedded!.url;
    const applied = await runMigrations(databaseUrl);
    if (applied.length) log.log(`Applied migrations: ${applied.join(', ')}`);
    const config = withStartValues(validated, { DATABASE_URL: databaseUrl, JWT_SECRET: validated.JWT_SECRET ?? developmentJwtSecret(validated) });
    // A cluster's worker finds everything prepared by its primary (which prints the login).
    const firstLogin = cluster.isWorker ? undefined : await ensureFirstAdmin(databaseUrl, config);
    return { config, embedded, firstLogin };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/**
 * Starts everything `npm start` needs: the embedded PostgreSQL when DATABASE_URL is unset,
 * the migrations, then the HTTP server. `close()` stops them in reverse order.
 */
export async function startServer(validated: AppConfig, options: { listen?: boolean } = {}): Promise<RunningServer> {
  const started = Date.now();
  const { config, embedded, firstLogin } = await prepareDatabase(validated);
  try {
    const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true });
    app.useLogger(new NestPinoLogger(app.get(ROOT_LOGGER)));
    app.flushLogs();
    await configureApp(app, config);
    if (options.listen !== false) {
      await app.listen(config.PORT);
      app.get<PinoLogger>(ROOT_LOGGER).info(`API on http://localhost:${config.PORT}/api, Swagger UI on http://localhost:${config.PORT}/api/docs (started in ${Date.now() - started} ms)`);
      writeOutLogs(app);
      // A cluster's primary prints the login once a worker serves and has written its start-up lines.
      if (cluster.isWorker) process.send?.(SERVING_MESSAGE);
      printFirstLogin(config, firstLogin);
    }
    let closed = false;
    return {
      app,
      config,
      firstLogin,
      close: async () => {
        if (closed) return;
        closed = true;
        await app.close();
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** What a cluster's worker tells its primary once it listens and its start-up lines are written. */
export const SERVING_MESSAGE = 'schul-it:serving';

/**
 * Writes out the log lines so far: the logger writes asynchronously, so a block printed now would land among them.
 * (Synchronously: the stream's flush callback fires after its first pending write already.)
 */
export function writeOutLogs(app: NestExpressApplication): void {
  const logger = app.get<PinoLogger>(ROOT_LOGGER) as PinoLogger & Record<symbol, { flushSync?: () => void } | undefined>;
  const stream = logger[pino.symbols.streamSym];
  stream?.flushSync?.();
}

/**
 * The first admin's login in a framed block on stdout, once the server is up (last, not among the start-up lines).
 * Never through the logger: log lines may be shipped elsewhere, a password must not be.
 */
export function printFirstLogin(config: AppConfig, login: OneTimeLogin | undefined): void {
  if (login) process.stdout.write(oneTimeLoginBlock('first_start', login, `http://localhost:${config.PORT}/`));
}

/** SIGINT/SIGTERM: finish in-flight requests, close the pool, stop the embedded server, exit. */
export function closeOnSignals(server: RunningServer): void {
  const shutdown = (signal: string) => {
    new NestLogger('Bootstrap').log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    server.close().then(
      () => {
        clearTimeout(force);
        process.exit(0);
      },
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
}
