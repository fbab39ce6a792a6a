// Service workers in end-to-end tests (docs/offline.md): waiting for a
// worker to be in charge, and a second release of dist/ to deploy.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST } from './server.mjs';
import { WORKER, workerSource } from '../../scripts/service-worker.mjs';

/** Waits until the page's service worker is active and has every file cached; returns its cache's name. */
export async function workerReady(page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    while (registration.active.state !== 'activated') {
      await new Promise((done) => registration.active.addEventListener('statechange', done, { once: true }));
    }
    const names = (await caches.keys()).filter((name) => name.startsWith('alliance-quiz-'));
    return names.length === 1 ? names[0] : names;
  });
}

/** The marker a second release's stylesheet sets, read in the page ('' in the first release). */
export const releaseOf = (page) => page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--release').trim());

/**
 * A copy of dist/ as the next release would be: its stylesheet changed
 * (so renamed: a new content hash, and index.html's link and integrity
 * follow), the first release's stylesheet gone from the host, and the
 * service worker generated again for it. Resolves to { dir, remove() }.
 */
export async function nextRelease() {
  const dir = await mkdtemp(join(tmpdir(), 'quiz-release-2-'));
  await cp(DIST, dir, { recursive: true });
  const names = await readdir(dir);
  for (const name of names) if (/\.(br|gz)$/.test(name)) await rm(join(dir, name));
  const css = names.find((name) => /^app-[0-9a-f]+\.css$/.test(name));
  const bytes = Buffer.concat([await readFile(join(dir, css)), Buffer.from(':root{--release:2}\n')]);
  const renamed = `app-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.css`;
  await writeFile(join(dir, renamed), bytes);
  await rm(join(dir, css));
  // index.html carries no integrity attributes (docs/deployment.md): the name is all.
  let index = await readFile(join(dir, 'index.html'), 'utf8');
  index = index.replace(new RegExp(`(href=["']?\\./)${css.replace('.', '\\.')}`), `$1${renamed}`);
  if (!index.includes(renamed)) throw new Error('nextRelease: index.html did not name the stylesheet as expected');
  await writeFile(join(dir, 'index.html'), index);
  const { source } = await workerSource(dir);
  await writeFile(join(dir, WORKER), source);
  return { dir, css: { before: css, after: renamed }, remove: () => rm(dir, { recursive: true, force: true }) };
}
