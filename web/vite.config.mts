import optimizeLocales from '@react-aria/optimize-locales-plugin';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

// The web app: built into web/dist, which the Nest server serves at `/` (src/site/web-app.ts).
// `npx vite --config web/vite.config.ts` runs a dev server that sends /api to the API on PORT (default 3000).
export default defineConfig({
  root,
  // React Aria ships its built-in strings (date field, select, …) for 34 languages: keep German and English only.
  plugins: [react(), { ...optimizeLocales.vite({ locales: ['de-DE', 'en-GB'] }), enforce: 'pre' }],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 700 },
  server: { proxy: { '/api': `http://localhost:${process.env.PORT ?? 3000}` } },
  test: {
    root,
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test-setup.ts'],
  },
});
