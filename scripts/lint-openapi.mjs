// `npm run lint:openapi` (part of `npm run lint`): the committed openapi.json is valid OpenAPI by the standard
// validators: Redocly's recommended rules (redocly.yaml) and swagger-parser's schema validation.
import SwaggerParser from '@apidevtools/swagger-parser';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = process.argv[2] ?? join(root, 'openapi.json'); // test/openapi.e2e-spec.ts passes the served document
const redocly = join(dirname(createRequire(import.meta.url).resolve('@redocly/cli/package.json')), 'bin', 'cli.js');
try {
  execFileSync(process.execPath, [redocly, 'lint', '--config', join(root, 'redocly.yaml'), '--format', 'stylish', spec], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
} catch {
  process.exit(1);
}
try {
  await SwaggerParser.validate(spec);
  console.log(`${spec}: valid for swagger-parser`);
} catch (error) {
  console.error(`${spec}: swagger-parser: ${error.message}`);
  process.exit(1);
}
