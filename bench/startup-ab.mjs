// Start-up of two builds side by side (docs/benchmark.md, "Comparing two
// builds"): node bench/startup-ab.mjs DIST_A DIST_B [--runs N]
//
// Each round opens the deep link /#/q/1 of A and of B in turn (the order
// alternates), each in a fresh context, unthrottled and at make bench's
// throttled profile, so a slow spell of a shared machine hits both alike.
// Prints, per build and profile, the median of navigation start to the
// quiz:first-question-interactive mark, and of the main wasm's arrival
// (its responseEnd) to the mark: the part that is the app's own work.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { launchBrowser, freshPage, readStartup } from './support/measure.mjs';
import { startBenchServer } from './support/server.mjs';
import { median } from './support/stats.mjs';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '9' } } });
if (positionals.length !== 2) {
  console.error('usage: node bench/startup-ab.mjs DIST_A DIST_B [--runs N]');
  process.exit(2);
}
const builds = { A: resolve(positionals[0]), B: resolve(positionals[1]) };
const runs = Number(values.runs);
const server = await startBenchServer({ mounts: [{ prefix: '/A/', root: builds.A }, { prefix: '/B/', root: builds.B }] });
const browser = await launchBrowser();
const profiles = { unthrottled: null, throttled: 'cpu+network' };
const samples = {};
try {
  for (let round = 0; round < runs; round += 1) {
    for (const build of round % 2 ? ['A', 'B'] : ['B', 'A']) {
      for (const [profile, throttle] of Object.entries(profiles)) {
        const { context, page } = await freshPage(browser, { throttle });
        try {
          await page.goto(`${server.origin}/${build}/#/q/1`, { waitUntil: 'commit' });
          const { mark } = await readStartup(page, { mark: true, timeoutMs: 30_000 });
          if (mark === null) throw new Error(`${build} ${profile}: no mark (${page.errors.join('; ') || 'no console error'})`);
          const wasmEnd = await page.evaluate(() => performance.getEntriesByType('resource')
            .find((e) => /alliance-quiz-[0-9a-f]+_bg\.wasm$/.test(e.name))?.responseEnd ?? null);
          const key = `${build} ${profile}`;
          (samples[key] ??= { mark: [], own: [] }).mark.push(mark);
          if (wasmEnd !== null) samples[key].own.push(mark - wasmEnd);
        } finally {
          await context.close();
        }
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
const ms = (v) => `${v.toFixed(0)} ms`.padStart(8);
console.log(`A = ${builds.A}\nB = ${builds.B}\n${runs} contexts each; medians`);
console.log('build profile        start-up   wasm arrived to mark');
for (const [key, { mark, own }] of Object.entries(samples).sort()) {
  console.log(`${key.padEnd(20)} ${ms(median(mark))}   ${ms(median(own))}`);
}
