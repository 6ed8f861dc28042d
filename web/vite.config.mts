import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { build, type Plugin, type Rollup } from 'vite';
import { EARLY_SCREEN_MODULES, SCREEN_CHUNKS_ID } from './src/app/early-screens';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The start script (src/boot.ts): a classic script of its own, built as one self-contained file and added first to
 * index.html with `async`, so it runs as soon as its few KB are read, while the app's modules still load and evaluate,
 * and sends the address's first requests (src/app/early-requests.ts). A module script would wait for its imports (one
 * more round trip) and, written into index.html, would join the page's one entry.
 */
function startScript(): Plugin {
  const entry = `${root}src/boot.ts`;
  let command: 'build' | 'serve' = 'serve';
  return {
    name: 'start-script',
    configResolved(config) {
      command = config.command;
    },
    async buildStart() {
      if (command !== 'build') return;
      const result = await build({
        configFile: false,
        root,
        logLevel: 'warn',
        publicDir: false,
        build: { write: false, minify: true, emptyOutDir: false, lib: { entry, formats: ['iife'], name: 'inventarStart' } },
      });
      const chunk = (Array.isArray(result) ? result : [result]).flatMap((r) => ('output' in r ? r.output : [])).find((o) => o.type === 'chunk');
      if (!chunk) throw new Error('the start script (src/boot.ts) did not build');
      this.emitFile({ type: 'asset', name: 'boot.js', source: chunk.code });
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        if (!ctx.bundle) return [{ tag: 'script', attrs: { type: 'module', src: '/src/boot.ts' }, injectTo: 'head-prepend' }];
        const asset = Object.values(ctx.bundle).find((c) => c.type === 'asset' && c.names.includes('boot.js'));
        if (!asset) throw new Error('the start script (src/boot.ts) is missing from the build');
        return [
          { tag: 'script', attrs: { type: 'application/json', id: SCREEN_CHUNKS_ID }, children: JSON.stringify(screenChunks(ctx.bundle)), injectTo: 'head-prepend' },
          { tag: 'script', attrs: { async: true, src: `/${asset.fileName}` }, injectTo: 'head-prepend' },
        ];
      },
    },
  };
}

/**
 * For each screen of EARLY_SCREEN_MODULES, the URLs of its chunk and of the chunks that one imports, without those the
 * app's entry loads anyway: what the start script preloads on that address.
 */
function screenChunks(bundle: Rollup.OutputBundle): Record<string, string[]> {
  const chunks = Object.values(bundle).filter((c): c is Rollup.OutputChunk => c.type === 'chunk');
  const byFile = new Map(chunks.map((c) => [c.fileName, c]));
  const closure = (start: Rollup.OutputChunk): Set<string> => {
    const seen = new Set<string>();
    const visit = (c: Rollup.OutputChunk) => {
      if (seen.has(c.fileName)) return;
      seen.add(c.fileName);
      for (const f of c.imports) visit(byFile.get(f)!);
    };
    visit(start);
    return seen;
  };
  const entry = chunks.find((c) => c.isEntry);
  if (!entry) throw new Error('the build has no entry chunk');
  const withEntry = closure(entry);
  return Object.fromEntries(
    Object.entries(EARLY_SCREEN_MODULES).map(([path, module]) => {
      const chunk = chunks.find((c) => c.facadeModuleId === `${root}${module}`);
      if (!chunk) throw new Error(`${module} (the screen of ${path}) is not a chunk of its own: see src/app/early-screens.ts`);
      return [path, [...closure(chunk)].filter((f) => !withEntry.has(f)).map((f) => `/${f}`)];
    }),
  );
}

// The web app: built into web/dist, which the Nest server serves at `/` (src/site/web-app.ts).
// `npx vite --config web/vite.config.ts` runs a dev server that sends /api to the API on PORT (default 3000).
export default defineConfig({
  root,
  // React Aria ships its built-in strings (date field, select, …) for 34 languages: keep German and English only.
  plugins: [react(), { ...optimizeLocales.vite({ locales: ['de-DE', 'en-GB'] }), enforce: 'pre' }, startScript()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
  test: {
    root,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
