// Writes web/src/api/schema.d.ts: the web app's types of every API path and schema, from the committed openapi.json
// (openapi-typescript; openapi-fetch uses them). `npm run openapi` runs it; test/openapi.e2e-spec.ts fails while it is stale.
import openapiTS, { astToString } from 'openapi-typescript';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const HEADER = '// Generated from openapi.json by scripts/generate-web-client.mjs (npm run openapi). Do not edit.\n\n';

export async function generateWebClient() {
  const spec = JSON.parse(readFileSync(join(ROOT, 'openapi.json'), 'utf8'));
  return HEADER + astToString(await openapiTS(spec, { alphabetize: true }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(ROOT, 'web', 'src', 'api', 'schema.d.ts');
  writeFileSync(out, await generateWebClient());
  console.log(`Wrote ${out}`);
}
