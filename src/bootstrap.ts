import { INestApplication, VersioningType } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { ErrorBodyDto } from './common/errors';
import { requestLogging, ROOT_LOGGER } from './common/logging';
import { loadOpenApiMetadata } from './common/openapi-metadata';
import { AppConfig } from './config/app-config';
import { serveWebApp } from './site/web-app';

export const API_PREFIX = 'api';

/** Everything main.ts and the e2e tests share: request log and id, prefix, versioning, security headers, OpenAPI. */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<OpenAPIObject> {
  // First: the request id and the access log (pino-http), before anything can answer.
  app.use(requestLogging(app.get(ROOT_LOGGER)));
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.use(
    helmet({
      // Swagger UI needs inline styles and scripts of its own; the web app's camera decoder is WebAssembly (wasm-unsafe-eval)
      // and shows the camera picture from a blob.
      contentSecurityPolicy: {
        directives: {
          'upgrade-insecure-requests': null,
          'script-src': ["'self'", "'unsafe-inline'", "'wasm-unsafe-eval'"],
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
        },
      },
    }),
  );
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  // API responses are paged and personal; nobody revalidates them, so hashing every body for an ETag is wasted CPU.
  app.set('etag', false);
  // Borrowers, guardians and tokens must not stay in a browser's or proxy's cache: no API answer is stored anywhere.
  app.use(`/${API_PREFIX}/v1`, (_req: unknown, res: { setHeader(name: string, value: string): void }, next: () => void) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, exposedHeaders: ['X-Request-Id', 'Content-Disposition'] });

  serveWebApp(app);
  const document = await createOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json`, swaggerOptions: { persistAuthorization: true } });
  return document;
}

export async function createOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  await loadOpenApiMetadata();
  const options = new DocumentBuilder()
    .setTitle('Schul-IT-Inventar API')
    .setDescription(
      'Device and digital-learning inventory for German school authorities (Schulträger): schools, devices, loans, grants, needs and coverage.\n\n' +
        'Log in at `POST /api/v1/auth/login`, then press **Authorize** and paste the token. ' +
        'Every error has the shape `{ statusCode, error, message, fieldErrors?, requestId }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .addGlobalResponse(
      { status: 400, description: 'Invalid input: `fieldErrors` names the fields', type: ErrorBodyDto },
      { status: 401, description: 'Missing, invalid or expired token', type: ErrorBodyDto },
      { status: 403, description: 'The role may not do this', type: ErrorBodyDto },
      { status: 404, description: 'Not found, or outside what the caller may see', type: ErrorBodyDto },
      { status: 409, description: 'Conflict: duplicate, stale version or illegal state change', type: ErrorBodyDto },
      { status: 429, description: 'Too many requests', type: ErrorBodyDto },
    )
    .build();
  return SwaggerModule.createDocument(app, options, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}
