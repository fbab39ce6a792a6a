#!/usr/bin/env node
// The embedded widget's first contentful paint (issue 17), throttled as the
// benchmark's start-up figures are (4x CPU, slow 4G: support/measure.mjs): a
// site owner's page on a second loopback server (another origin) with the
// snippet of docs/embedding.md, the app on the benchmark's server (brotli,
// as a host serves it). Measured in the frame (its own paint timeline) and
// counted from the host page's navigation start, in a fresh context each run.
// `make bench` runs it (bench/run.mjs); alone:
//   node bench/widget-paint.mjs [--dist DIR] [--runs N]
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freshPage, launchBrowser } from './support/measure.mjs';
import { startBenchServer } from './support/server.mjs';
import { summary } from './support/stats.mjs';

const TIMEOUT_MS = 45_000;

function hostPage(appOrigin) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A training provider</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"></head>
<body><h1>Partnership training</h1><div data-alliance-quiz></div>
<script src="${appOrigin}/embed.js" async></script></body></html>`;
}

/** The widget's first contentful paint after the host page's navigation start, in ms (null when none in time). */
async function oneRun(browser, hostOrigin) {
  const { context, page } = await freshPage(browser, { throttle: 'cpu+network' });
  try {
    await page.goto(`${hostOrigin}/`, { waitUntil: 'commit', timeout: TIMEOUT_MS });
    const frame = await (await page.waitForSelector('iframe', { timeout: TIMEOUT_MS })).contentFrame();
    const inFrame = await frame.waitForFunction(() => {
      const [fcp] = performance.getEntriesByName('first-contentful-paint');
      return fcp ? { fcp: fcp.startTime, origin: performance.timeOrigin } : null;
    }, null, { timeout: TIMEOUT_MS, polling: 50 }).then((handle) => handle.jsonValue());
    const hostOriginTime = await page.evaluate(() => performance.timeOrigin);
    return { fromHost: inFrame.fcp + inFrame.origin - hostOriginTime, inFrame: inFrame.fcp, errors: page.errors };
  } catch (error) {
    return { fromHost: null, inFrame: null, errors: [error.message.split('\n')[0]] };
  } finally {
    await context.close();
  }
}

/**
 * Runs `runs` fresh contexts against `dist` (an `origin` serving it may be
 * given instead); resolves to { runs, fromHostMs, inFrameMs, errors }, each
 * figure a summary (median, min, max, n).
 */
export async function widgetFirstPaint({ browser, dist, origin = null, runs = 15, log = () => {} }) {
  const app = origin ? null : await startBenchServer({ mounts: [{ prefix: '/', root: dist }] });
  const appOrigin = origin ?? app.origin;
  const host = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(hostPage(appOrigin));
  });
  await new Promise((done) => host.listen(0, '127.0.0.1', done));
  const hostOrigin = `http://127.0.0.1:${host.address().port}`;
  const samples = [];
  try {
    for (let run = 1; run <= runs; run += 1) {
      samples.push(await oneRun(browser, hostOrigin));
      log(`widget first paint ${run}/${runs}: ${samples.at(-1).fromHost?.toFixed(0) ?? 'none'} ms`);
    }
  } finally {
    await new Promise((done) => { host.closeAllConnections(); host.close(done); });
    await app?.close();
  }
  return {
    runs,
    throttled: '4x CPU + slow 4G (support/measure.mjs)',
    fromHostMs: summary(samples.map((s) => s.fromHost)),
    inFrameMs: summary(samples.map((s) => s.inFrame)),
    errors: [...new Set(samples.flatMap((s) => s.errors))],
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, fallback) => {
    const at = process.argv.indexOf(name);
    return at > 0 ? process.argv[at + 1] : fallback;
  };
  const dist = resolve(arg('--dist', join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')));
  const browser = await launchBrowser();
  try {
    const result = await widgetFirstPaint({ browser, dist, runs: Number(arg('--runs', 15)), log: (t) => process.stderr.write(`${t}\n`) });
    process.stdout.write(`${JSON.stringify({ dist, ...result }, null, 2)}\n`);
  } finally {
    await browser.close();
  }
}
