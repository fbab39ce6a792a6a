#!/usr/bin/env node
// `make bench`, after run.mjs: the first visit in each language the build ships
// (issue 16). Only the default language is prerendered into index.html; a
// visitor reading another sees nothing until the app renders their language
// (never a frame of the wrong one). This measures what that costs: for `/` and
// `/?lang=<code>`, in fresh contexts at 4x CPU and slow 4G, the first
// contentful paint, when the landing page in that language is painted, and the
// bytes transferred until the app runs.
//
//   node bench/languages.mjs [--dist DIR] [--out FILE]   BENCH_RUNS as run.mjs
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPage, launchBrowser, watchTransfer } from './support/measure.mjs';
import { startBenchServer } from './support/server.mjs';
import { summary } from './support/stats.mjs';
import { kib, ms } from './support/report.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const option = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const DIST = resolve(option('--dist', join(BENCH, '..', 'dist')));
const OUT = resolve(option('--out', join(BENCH, 'results', 'languages.json')));
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 15));

/** The language codes index.html's head script knows (the source: dist's is minified), the default first. */
async function languages() {
  const html = await readFile(join(BENCH, '..', 'index.html'), 'utf8');
  const list = html.match(/const LANGUAGES = \[([^\]]*)\];/);
  if (!list) throw new Error('index.html has no language list');
  return [...list[1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
}

/** Installed before the page loads: when a visible landing heading in `language` is first painted. */
function watchLanding(language) {
  const seen = () => {
    const heading = document.querySelector('main h1');
    return heading && document.documentElement.lang === language && heading.checkVisibility?.()
      && !document.documentElement.classList.contains('no-prerender');
  };
  const painted = () => requestAnimationFrame(() => setTimeout(() => { window.landingPainted = performance.now(); }));
  const check = () => {
    if (window.landingSeen === undefined && seen()) { window.landingSeen = performance.now(); painted(); }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true });
  document.addEventListener('DOMContentLoaded', check);
}

async function once(browser, origin, language, first) {
  const { context, page, cdp } = await freshPage(browser, { throttle: 'cpu+network' });
  try {
    await context.addInitScript(watchLanding, language);
    const watcher = await watchTransfer(cdp);
    const path = language === first ? '/' : `/?lang=${language}`;
    await page.goto(origin + path, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.landingPainted !== undefined, null, { timeout: 45_000 });
    // Until the app runs (the prerendered page paints long before the wasm arrives).
    await page.waitForFunction(() => window.__benchWasm !== undefined, null, { timeout: 45_000 });
    const fcp = await page.evaluate(() => new Promise((done) => {
      new PerformanceObserver((list, observer) => {
        const entry = list.getEntries().find((e) => e.name === 'first-contentful-paint');
        if (entry) { observer.disconnect(); done(entry.startTime); }
      }).observe({ type: 'paint', buffered: true });
      setTimeout(() => done(null), 5000);
    }));
    const landing = await page.evaluate(() => window.landingPainted);
    const transferred = watcher.files().reduce((sum, f) => sum + (f.transferred ?? 0), 0);
    return { fcp, landing, transferred };
  } finally {
    await context.close();
  }
}

const codes = await languages();
const server = await startBenchServer({ mounts: [{ prefix: '/', root: DIST }] });
const browser = await launchBrowser();
const records = Object.fromEntries(codes.map((c) => [c, []]));
try {
  for (let round = 1; round <= RUNS; round += 1) {
    // Alternating, so a slower stretch of the machine hits both alike.
    for (const code of codes) records[code].push(await once(browser, server.origin, code, codes[0]));
  }
} finally {
  await browser.close();
  await server.close();
}
const result = {
  dist: DIST,
  runs: RUNS,
  throttling: '4x CPU + slow 4G, fresh context each',
  languages: Object.fromEntries(codes.map((code) => [code, {
    prerendered: code === codes[0],
    fcp: summary(records[code].map((r) => r.fcp)),
    landingPainted: summary(records[code].map((r) => r.landing)),
    transferred: summary(records[code].map((r) => r.transferred)),
  }])),
};
await mkdir(dirname(OUT), { recursive: true });
await writeFile(OUT, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nFirst visit per language (${RUNS} fresh contexts each, 4x CPU + slow 4G; median [min-max])`);
for (const [code, f] of Object.entries(result.languages)) {
  const range = (s) => `${ms(s.median)} [${ms(s.min)}-${ms(s.max)}]`;
  console.log(`  ${code}${f.prerendered ? ' (prerendered)' : ''}: first contentful paint ${range(f.fcp)}, landing in ${code} painted ${range(f.landingPainted)}, transferred ${kib(f.transferred.median)}`);
}
console.log(`written to ${OUT}`);
