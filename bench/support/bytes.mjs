// Bytes on disk: what a first visit to a page downloads, per file, raw,
// gzip -9 and brotli 11 (node:zlib), found by following the references from
// the page's HTML; and for dist/ the files a first visit does not load
// (embed.js and anything else) and whether each precompressed sibling is fresh.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { brotli, gzip, precompress } from './server.mjs';

export function sizes(buffer) {
  return { raw: buffer.length, gzip: gzip(buffer).length, brotli: brotli(buffer).length };
}

export function total(files) {
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of Object.keys(sum)) sum[key] += file[key];
  return sum;
}

const SKIP = /^(data:|blob:|https?:|\/\/|#|mailto:|javascript:)/i;

/** Relative URLs a file refers to: HTML attributes and inline-script strings, CSS url(), JS imports and new URL(…, import.meta.url). */
function references(text, path) {
  const found = [];
  const kind = /\.m?js$/.test(path) ? 'js' : 'page';
  const add = (value) => { if (value && !SKIP.test(value)) found.push({ value, kind }); };
  if (/\.html?$|\/$/.test(path)) {
    // Quoted or not: a minifier drops the quotes where HTML allows it.
    for (const m of text.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) add(m[1] ?? m[2] ?? m[3]);
    for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      for (const m of script[1].matchAll(/["'`](\.{1,2}\/[^"'`\s]+)["'`]/g)) add(m[1]);
    }
  } else if (/\.css$/.test(path)) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) add(m[1]);
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(m[1]);
  } else if (/\.m?js$/.test(path)) {
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)) add(m[1]);
    for (const m of text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g)) add(m[1]);
  }
  return found;
}

/**
 * Follows references from `entry` (a URL path such as '/' or '/bench/floor/')
 * through `lookup(path)` (the bench server's: { raw } or nothing). Resolves to
 * { files: [{ url, raw, gzip, brotli }], missing: [paths HTML or CSS refers to
 * but absent], unresolved: [paths only a script names, absent: wasm-bindgen's
 * default wasm path, which trunk's loader overrides, is one] }.
 */
export async function firstVisitFiles(entry, lookup) {
  const seen = new Set();
  const queue = [{ path: entry, kind: 'page' }];
  const files = [];
  const missing = [];
  const unresolved = [];
  while (queue.length) {
    const { path, kind } = queue.shift();
    if (seen.has(path)) continue;
    seen.add(path);
    const found = await lookup(path);
    if (!found?.raw) { (kind === 'js' ? unresolved : missing).push(path); continue; }
    files.push({ url: path, raw: found.raw });
    for (const reference of references(found.raw.toString('utf8'), path)) {
      const target = new URL(reference.value, `http://x${path}`).pathname;
      if (!seen.has(target)) queue.push({ path: target, kind: reference.kind });
    }
  }
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
