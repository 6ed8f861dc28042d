// Writes src/metadata.ts: what the @nestjs/swagger CLI plugin learns from the DTOs' types and comments.
// `nest build` applies the plugin itself, but the tests run through SWC, which cannot; loading this file
// makes both produce the same OpenAPI document. Run `npm run openapi` after changing a DTO or controller.
import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator.js';
import { ReadonlyVisitor } from '@nestjs/swagger/plugin';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SWAGGER_PLUGIN_OPTIONS = {
  classValidatorShim: true,
  introspectComments: true,
  dtoFileNameSuffix: ['.dto.ts', '.entity.ts'],
};

export function generateMetadata(outputDir, filename = 'metadata.ts') {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  new PluginMetadataGenerator().generate({
    visitors: [new ReadonlyVisitor({ ...SWAGGER_PLUGIN_OPTIONS, pathToSource: join(root, 'src') })],
    outputDir,
    filename,
    tsconfigPath: 'tsconfig.build.json', // relative to the working directory, which must be the project root
    printDiagnostics: false,
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..', 'src');
  generateMetadata(out);
  console.log(`Wrote ${join(out, 'metadata.ts')}`);
}
