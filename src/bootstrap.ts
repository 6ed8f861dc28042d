import { INestApplication, VersioningType } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { AppConfig } from './config/app-config';

export const API_PREFIX = 'api';

/** Everything main.ts and the e2e tests share: prefix, versioning, security headers, OpenAPI. */
export function configureApp(app: NestExpressApplication, config: AppConfig): OpenAPIObject {
  app.setGlobalPrefix(API_PREFIX);
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.use(
    helmet({
      // Swagger UI needs inline styles and scripts of its own.
      contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null, 'script-src': ["'self'", "'unsafe-inline'"], 'style-src': ["'self'", "'unsafe-inline'"] } },
    }),
  );
  if (config.TRUST_PROXY) app.set('trust proxy', 1);
  const origins = config.CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean);
  if (origins.length) app.enableCors({ origin: origins, exposedHeaders: ['X-Request-Id', 'Content-Disposition'] });

  const document = createOpenApiDocument(app);
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json`, swaggerOptions: { persistAuthorization: true } });
  return document;
}

export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const options = new DocumentBuilder()
    .setTitle('Schul-IT-Inventar API')
    .setDescription(
      'Device and digital-learning inventory for German school authorities (Schulträger): schools, devices, loans, grants, needs and coverage.\n\n' +
        'Log in at `POST /api/v1/auth/login`, then press **Authorize** and paste the token. ' +
        'Every error has the shape `{ statusCode, error, message, fieldErrors?, requestId }`.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  return SwaggerModule.createDocument(app, options, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}
