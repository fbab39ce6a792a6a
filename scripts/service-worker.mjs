// Writes service-worker.js into a build folder: the worker's source
// (scripts/service-worker.template.js) with the list of files to cache and a
// version derived from them. Run by trunk's post_build hook (Trunk.toml)
// after scripts/split-build.mjs (which names the parts) and before
// scripts/precompress.mjs. docs/offline.md says what the worker does.
//
// The files: index.html (as `./`, the address hosts serve it at) and
// everything a first visit loads (scripts/first-visit.mjs: CSS, glue, split
// loader, main wasm, the manifest), every part and chunk of the code split
// (split-manifest.json), every language file (content-*.bin) and the icons
// the manifest names. Not the site owners' loader (embed.js), 404.html or
// the split manifest, which the app never fetches.
// Usage: node scripts/service-worker.mjs BUILD_DIR [release|debug]
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { firstVisitFiles } from './first-visit.mjs';

export const WORKER = 'service-worker.js';
const root = resolve(new URL('..', import.meta.url).pathname);

/** Every file the worker caches, relative to the build folder (`./` for index.html). */
export async function filesToCache(dir) {
  const lookup = async (path) => {
    const file = join(dir, path.endsWith('/') ? `${path}index.html` : path);
    try { return { raw: readFileSync(file) }; } catch { return null; }
  };
  const { files, missing, parts } = await firstVisitFiles('/', lookup);
  if (files.length === 0) throw new Error(`no index.html in ${dir}`);
  if (missing.length) throw new Error(`index.html refers to files the build does not hold: ${missing.join(', ')}`);
  const names = new Set(files.map(({ url }) => (url === '/' ? './' : url.slice(1))));
  for (const part of parts) names.add(part.slice(1));
  const split = JSON.parse(readFileSync(join(dir, 'split-manifest.json'), 'utf8'));
  for (const file of Object.values(split.parts).flat()) names.add(file);
  for (const name of readdirSync(dir)) if (/^content-[a-z]+-[0-9a-f]+\.bin$/.test(name)) names.add(name);
  if (existsSync(join(dir, 'manifest.webmanifest'))) {
    names.add('manifest.webmanifest');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.webmanifest'), 'utf8'));
    for (const icon of manifest.icons ?? []) names.add(new URL(icon.src, 'http://x/').pathname.slice(1));
  }
  for (const name of names) readFileSync(join(dir, name === './' ? 'index.html' : name)); // each must exist
  return [...names].sort();
}

/** The worker's source for the files in `dir`. */
export async function workerSource(dir, { minify = true } = {}) {
  const files = await filesToCache(dir);
  const hash = createHash('sha256');
  for (const name of files) hash.update(`${name}\0`).update(readFileSync(join(dir, name === './' ? 'index.html' : name)));
  const version = hash.digest('hex').slice(0, 16);
  const template = readFileSync(join(root, 'scripts', 'service-worker.template.js'), 'utf8');
  const source = template
    .replace('self.FILES', JSON.stringify(files))
    .replace('self.VERSION', JSON.stringify(version));
  if (!minify) return { source, files, version };
  const terser = createRequire(join(root, 'e2e', 'package.json'))('terser');
  const { code } = await terser.minify(source, { compress: true, mangle: true });
  return { source: `${code}\n`, files, version };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = resolve(process.argv[2] ?? '');
  const release = (process.argv[3] ?? process.env.TRUNK_PROFILE ?? 'release') === 'release';
  const { source, files, version } = await workerSource(dir, { minify: release });
  writeFileSync(join(dir, WORKER), source);
  console.error(`service-worker: ${files.length} files, cache ${version}, ${source.length} bytes`);
}
