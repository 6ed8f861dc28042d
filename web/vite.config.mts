import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The start script (src/boot.ts) as an entry of its own, first in index.html and `async`: it runs as soon as its few KB
 * are there, not after the app's modules, and sends the address's first requests (src/app/early-requests.ts). Each
 * `<script type="module">` written in index.html would join the one entry of the page, so this plugin adds the tag.
 */
function startScript(): Plugin {
  return {
    name: 'start-script',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = ctx.bundle && Object.values(ctx.bundle).find((c) => c.type === 'chunk' && c.isEntry && c.name === 'boot');
        if (ctx.bundle && !chunk) throw new Error('the start script (src/boot.ts) is missing from the build');
        const src = chunk ? `/${chunk.fileName}` : '/src/boot.ts';
        return [{ tag: 'script', attrs: { type: 'module', async: true, crossorigin: true, src }, injectTo: 'head-prepend' }];
      },
    },
  };
}

// The web app: built into web/dist, which the Nest server serves at `/` (src/site/web-app.ts).
// `npx vite --config web/vite.config.ts` runs a dev server that sends /api to the API on PORT (default 3000).
export default defineConfig({
  root,
  // React Aria ships its built-in strings (date field, select, …) for 34 languages: keep German and English only.
  plugins: [react(), { ...optimizeLocales.vite({ locales: ['de-DE', 'en-GB'] }), enforce: 'pre' }, startScript()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 700,
    rolldownOptions: { input: { index: `${root}index.html`, boot: `${root}src/boot.ts` } },
  },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
  test: {
    root,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
