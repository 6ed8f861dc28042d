import type { NestExpressApplication } from '@nestjs/platform-express';
import { static as serveStatic, type NextFunction, type Request, type Response } from 'express';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (the folder with package.json), from src/site or dist/src/site alike. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const WEB_DIST_DIR = join(projectRoot(), 'web', 'dist');

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Schul-IT-Inventar</title></head>
<body><main><h1>Schul-IT-Inventar</h1><p>Die Web-Oberfläche ist noch nicht gebaut: <code>npm run build:web</code> (oder <code>npm start</code>).</p>
<p>Die API und ihre Beschreibung: <a href="/api/docs">/api/docs</a>.</p></main></body></html>`;

/**
 * The built web app (web/dist) at `/`: its files, and index.html for every other GET outside /api (the app's own routes,
 * so a reload of /geraete/123 works). Hashed assets are cached for a year; index.html is revalidated on every load.
 * Without a build, `/` says how to make one and points to /api/docs.
 */
export function serveWebApp(app: NestExpressApplication, dir = WEB_DIST_DIR): void {
  const index = join(dir, 'index.html');
  const assets = serveStatic(dir, {
    index: false,
    setHeaders: (res, path) => res.setHeader('Cache-Control', path.includes(`${join(dir, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
  });
  // The API never looks for a file: every request there would otherwise cost a file-system lookup (and a thrown
  // not-found inside `send`), about an eighth of the CPU of a simple GET (profiled, bench/RESULTS.md #16).
  const isApi = (req: Request) => req.path === '/api' || req.path.startsWith('/api/');
  app.use((req: Request, res: Response, next: NextFunction) => ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApi(req)) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    if (existsSync(index)) return res.sendFile(index);
    res.type('html').send(NOT_BUILT_PAGE);
  });
}
