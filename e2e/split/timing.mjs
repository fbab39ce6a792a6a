// Code-splitting prototype: how long until question 1 can be answered, and
// until a lazy route shows, for two builds served as the benchmark serves
// them (brotli siblings, bench/support/server.mjs). Runs alternate between the
// builds, a fresh context each; medians.
// node e2e/split/timing.mjs BASE_DIST SPLIT_DIST [runs] [cpuSlowdown] [slow4g]
import { launchChromium } from '../support/chromium.mjs';
import { startBenchServer } from '../../bench/support/server.mjs';
// As bench/support/measure.mjs defines it (not imported: that needs bench/node_modules).
const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

const [baseDist, splitDist, runsArg = '9', slowArg = '1', network = ''] = process.argv.slice(2);
const runs = Number(runsArg);
const slowdown = Number(slowArg);
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const servers = {
  base: await startBenchServer({ mounts: [{ prefix: '/', root: baseDist }] }),
  split: await startBenchServer({ mounts: [{ prefix: '/', root: splitDist }] }),
};

async function once(origin, path, ready) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (slowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
  if (network === 'slow4g') {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  await page.goto(`${origin}${path}`, { waitUntil: 'commit' });
  await page.locator(ready).first().waitFor({ timeout: 60000 });
  const ms = await page.evaluate(() => performance.now());
  await context.close();
  return ms;
}

const rows = [];
for (const [name, path, ready] of [
  ['question 1 answerable (#/q/1)', '/#/q/1', 'main input[type=radio]'],
  ['"Your results" shown (#/history)', '/#/history', 'main h1'],
]) {
  const times = { base: [], split: [] };
  for (let i = 0; i < runs; i += 1) {
    for (const build of i % 2 ? ['split', 'base'] : ['base', 'split']) {
      times[build].push(await once(servers[build].origin, path, ready));
    }
  }
  rows.push(`${name.padEnd(36)} base ${median(times.base).toFixed(0).padStart(5)} ms   split ${median(times.split).toFixed(0).padStart(5)} ms`);
}
await browser.close();
for (const server of Object.values(servers)) await server.close();
console.log(`medians of ${runs} fresh contexts each, alternating, CPU ${slowdown}x${network ? `, ${network}` : ''}`);
console.log(rows.join('\n'));
