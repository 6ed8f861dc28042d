// `npm start` / `npm run demo`: build the server (nest build) and the web app (vite build) only when their sources
// changed since the last build, so a restart on an unchanged tree starts in seconds. The stamp is a hash of every
// source file's path and content (plus the lock file), written beside each build's output after it succeeded.
// `--force` rebuilds both.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SKIP = new Set(['node_modules', 'dist', 'data', 'coverage', 'out']);

function files(path) {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => !SKIP.has(e.name) && !e.name.startsWith('.'))
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => files(join(path, e.name)));
}

function hashOf(paths) {
  const hash = createHash('sha256');
  for (const file of paths.flatMap((p) => files(join(ROOT, p)))) hash.update(relative(ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}


const TARGETS = [
  {
    name: 'server',
    sources: ['src', 'scripts', 'migrations', 'tsconfig.json', 'tsconfig.build.json', 'nest-cli.json', 'package-lock.json'],
    stamp: join(ROOT, 'dist', '.build-stamp'),
    output: join(ROOT, 'dist', 'src', 'main.js'),
    build: () => execFileSync(process.execPath, [join(ROOT, 'node_modules', '@nestjs', 'cli', 'bin', 'nest.js'), 'build'], { cwd: ROOT, stdio: 'inherit' }),
  },
  {
    name: 'web app',
    sources: ['web/src', 'src/i18n', 'web/public', 'web/index.html', 'web/vite.config.mts', 'web/tsconfig.json', 'package-lock.json'],
    stamp: join(ROOT, 'web', 'dist', '.build-stamp'),
    output: join(ROOT, 'web', 'dist', 'index.html'),
    build: () => execFileSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.mts'], { cwd: ROOT, stdio: 'inherit' }),
  },
];

const force = process.argv.includes('--force');
for (const target of TARGETS) {
  const hash = hashOf(target.sources);
  const built = existsSync(target.output) && existsSync(target.stamp) && readFileSync(target.stamp, 'utf8').trim() === hash;
  if (built && !force) continue;
  console.log(`Building the ${target.name} (its sources changed since the last build) ...`);
  target.build();
  writeFileSync(target.stamp, `${hash}\n`);
}
