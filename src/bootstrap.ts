import { INestApplication, VersioningType } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { requestLogging, ROOT_LOGGER } from './common/logging';
import { applyPluginMetadata, documentGlobalErrors, documentSuccess, PluginMetadata, toValidOpenApi30 } from './common/openapi';
import { AppConfig } from './config/app-config';
import { serveWebApp } from './site/web-app';

export const API_PREFIX = 'api';

/** Everything main.ts and the e2e tests share: request log and id, prefix, versioning, security headers, OpenAPI. */
export async function configureApp(app: NestExpressApplication, config: AppConfig): Promise<OpenAPIObject> {
  // First: the request id and the access log (common/logging.ts), before anything can answer.
  app.use(requestLogging(app.get(ROOT_LOGGER)));
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.use(
    helmet({
      // Scripts only from the app's own files: no inline script runs, in the web app or in Swagger UI (whose page loads its
      // scripts from files too). Inline styles stay allowed (Swagger UI's page and React's style attributes); the web app's
      // camera decoder is WebAssembly (wasm-unsafe-eval) and shows the camera picture from a blob.
      contentSecurityPolicy: {
        directives: {
          'upgrade-insecure-requests': null,
          'script-src': ["'self'", "'wasm-unsafe-eval'"],
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

/** The generated src/metadata.ts, loaded when the document is built (`npm run openapi` rewrites it before the app starts). */
async function generatedMetadata(): Promise<PluginMetadata> {
  const generated = (await import('./metadata.js')) as unknown as { default: (() => Promise<PluginMetadata>) | { default: () => Promise<PluginMetadata> } };
  // Under jest (swc) `default` is the function; from the compiled CommonJS build, import() wraps module.exports once more.
  const load = typeof generated.default === 'function' ? generated.default : generated.default.default;
  return load();
}

/**
 * Each route documents its own errors through the decorators that cause them (@Authenticated() 401/403, @IdParam()
 * 400/404, @RateLimited() 429 …); documentGlobalErrors adds those of the global validation pipe and error filter.
 */
export async function createOpenApiDocument(app: INestApplication): Promise<OpenAPIObject> {
  const metadata = await generatedMetadata();
  await applyPluginMetadata(metadata);
  const options = new DocumentBuilder()
    .setTitle('Schul-IT-Inventar API')
    .setDescription(
      'Device and digital-learning inventory for German school authorities (Schulträger): schools, devices, loans, grants, needs and coverage.\n\n' +
        'Log in at `POST /api/v1/auth/login`, then press **Authorize** and paste the token. ' +
        'Every error has the shape `{ statusCode, error, message, fieldErrors?, requestId }`.',
    )
    .setVersion('1')
    .setLicense('AGPL-3.0-or-later', 'https://www.gnu.org/licenses/agpl-3.0.html')
    .addServer('/', 'This installation')
    .addBearerAuth()
    .build();
  const operationId = (controller: string, method: string) => `${controller.replace(/Controller$/, '')}_${method}`;
  const document = SwaggerModule.createDocument(app, options, { operationIdFactory: operationId });
  await documentSuccess(document, metadata, operationId);
  documentGlobalErrors(document);
  toValidOpenApi30(document);
  return document;
}
