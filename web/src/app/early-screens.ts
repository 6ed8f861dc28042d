/**
 * The screens whose first request the start script sends (early-requests.ts), by their page module. The build
 * (web/vite.config.mts) writes each one's chunks into index.html (the JSON script SCREEN_CHUNKS_ID), and the start script
 * preloads those of the address: the screen's code loads beside the app's instead of after it. No imports here: the
 * build's config reads this file too.
 */
export const EARLY_SCREEN_MODULES: Readonly<Record<string, string>> = {
  '/geraete': 'src/devices/DevicesPage.tsx',
  '/uebersicht': 'src/office/OverviewPage.tsx',
  '/medienentwicklungsplan': 'src/coverage/CoveragePage.tsx',
};

/** The id of index.html's JSON script: screen path → the URLs of its chunks (not loaded with the app's entry). */
export const SCREEN_CHUNKS_ID = 'inventar-screen-chunks';
