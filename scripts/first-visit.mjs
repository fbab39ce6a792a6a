// What a first visit to a page loads: the page, then every relative URL its
// HTML names (attributes, quoted or not; strings in inline scripts), its CSS
// names (url(), @import) and its scripts import, followed to the end (not the
// web app manifest, which the browser fetches after the load). One
// definition for the size check in `make test` (scripts/check-size.mjs) and
// the benchmark's byte counts (bench/support/bytes.mjs), so both count the
// same files.

const SKIP = /^(data:|blob:|https?:|\/\/|#|mailto:|javascript:)/i;

/** Relative URLs a file refers to, each with the kind of file that named it. */
function references(text, path) {
  const found = [];
  const kind = /\.m?js$/.test(path) ? 'js' : 'page';
  const add = (value) => { if (value && !SKIP.test(value)) found.push({ value, kind }); };
  if (/\.html?$|\/$/.test(path)) {
    // The web app manifest is fetched by the browser after the page has
    // loaded (to offer installing it), never before the page can be used.
    const page = text.replace(/<link\b[^>]*\brel=["']?manifest\b[^>]*>/gi, '');
    // Quoted or not: a minifier drops the quotes where HTML allows it.
    for (const m of page.matchAll(/\s(?:src|href)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))/gi)) add(m[1] ?? m[2] ?? m[3]);
    for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
      for (const m of script[1].matchAll(/["'`](\.{1,2}\/[^"'`\s]+)["'`]/g)) add(m[1]);
    }
  } else if (/\.css$/.test(path)) {
    for (const m of text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)) add(m[1]);
    for (const m of text.matchAll(/@import\s+["']([^"']+)["']/g)) add(m[1]);
  } else if (/\.m?js$/.test(path)) {
    for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)["'](\.{1,2}\/[^"']+)["']/g)) add(m[1]);
    // The code-splitting loader (scripts/split-build.mjs) names every part
    // this way, but fetches one only when the app first shows it.
    const onDemand = /(^|\/)__wasm_split[^/]*\.js$/.test(path);
    for (const m of text.matchAll(/new URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g)) {
      if (onDemand) { if (!SKIP.test(m[1])) found.push({ value: m[1], kind: 'part' }); } else add(m[1]);
    }
  }
  return found;
}

/**
 * Follows references from `entry` (a URL path such as '/' or '/bench/floor/')
 * through `lookup(path)` ({ raw: Buffer } or nothing). Resolves to
 * { files: [{ url, raw }], missing: [paths HTML or CSS refers to but absent],
 * unresolved: [paths only a script names, absent: wasm-bindgen's default wasm
 * path, which trunk's loader overrides, is one], parts: [paths the
 * code-splitting loader fetches only when a part is first shown] }.
 */
export async function firstVisitFiles(entry, lookup) {
  const seen = new Set();
  const queue = [{ path: entry, kind: 'page' }];
  const files = [];
  const missing = [];
  const unresolved = [];
  const parts = new Set();
  while (queue.length) {
    const { path, kind } = queue.shift();
    if (kind === 'part') { parts.add(path); continue; }
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
  // Loaded on demand (code splitting), and not on the way there.
  for (const path of seen) parts.delete(path);
  return { files, missing, unresolved, parts: [...parts] };
}
