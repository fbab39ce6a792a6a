// Bytes on disk: what a first visit to a page downloads, per file, raw,
// gzip -9 and brotli 11 (node:zlib), found by following the references from
// the page's HTML (scripts/first-visit.mjs); and for dist/ the files a first visit does not load
// (embed.js and anything else) and whether each precompressed sibling is fresh.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { firstVisitFiles as followReferences } from '../../scripts/first-visit.mjs';
import { brotli, gzip, precompress } from './server.mjs';

export function sizes(buffer) {
  return { raw: buffer.length, gzip: gzip(buffer).length, brotli: brotli(buffer).length };
}

export function total(files) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of Object.keys(sum)) sum[key] += file[key];
  return sum;
}

/**
 * The files a first visit to `entry` loads (scripts/first-visit.mjs, the same
 * definition as the size check in `make test`), with their sizes.
 */
export async function firstVisitFiles(entry, lookup) {
  const { files, missing, unresolved } = await followReferences(entry, lookup);
  await precompress(files.map((f) => f.raw));
  return { files: files.map(({ url, raw }) => ({ url, ...sizes(raw) })), missing, unresolved };
}

async function walk(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const paths = await Promise.all(entries.map((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  }));
  return paths.flat();
}

/**
 * Every file of dist/ that is not a .br/.gz sibling, with its sizes, whether a
 * first visit loads it (`firstVisitUrls`), and its siblings' sizes and
 * freshness (a sibling that does not decompress to the file is stale).
 */
export async function distInventory(dist, firstVisitUrls) {
  const all = await walk(dist);
  const present = new Set(all);
  const rows = [];
  const files = all.filter((f) => !/\.(br|gz)$/.test(f)).sort();
  const contents = await Promise.all(files.map((f) => readFile(f)));
  await precompress(contents);
  for (const [index, file] of files.entries()) {
    const raw = contents[index];
    const url = `/${relative(dist, file).split('\\').join('/')}`;
    const row = { url, firstVisit: firstVisitUrls.has(url) || (url === '/index.html' && firstVisitUrls.has('/')), ...sizes(raw), siblings: {} };
    for (const [ext, decompress] of [['.br', brotliDecompressSync], ['.gz', gunzipSync]]) {
      if (!present.has(file + ext)) { row.siblings[ext.slice(1)] = null; continue; }
      const sibling = await readFile(file + ext);
      let fresh = false;
      try { fresh = decompress(sibling).equals(raw); } catch { fresh = false; }
      row.siblings[ext.slice(1)] = { bytes: sibling.length, fresh };
    }
    rows.push(row);
  }
  return rows;
}
