// Code-splitting prototype: how long until question 1 can be answered, and
// until a lazy route shows, for two builds. Fresh context per run, medians.
// node e2e/split/timing.mjs BASE_DIST SPLIT_DIST [runs] [cpuSlowdown]
import { launchChromium } from '../support/chromium.mjs';
import { startServer } from '../support/server.mjs';

const [baseDist, splitDist, runsArg = '9', slowArg = '1'] = process.argv.slice(2);
const runs = Number(runsArg);
const slowdown = Number(slowArg);
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function measure(dist, path, ready) {
  const server = await startServer(dist);
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext();
    const page = await context.newPage();
    if (slowdown > 1) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: slowdown });
    }
    await page.goto(`${server.origin}${path}`, { waitUntil: 'commit' });
    await page.locator(ready).first().waitFor({ timeout: 30000 });
    times.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  await server.close();
  return median(times);
}

const rows = [];
for (const [name, path, ready] of [
  ['question 1 answerable (#/q/1)', '/#/q/1', 'main input[type=radio]'],
  ['"Your results" shown (#/history)', '/#/history', 'main h1'],
]) {
  const base = await measure(baseDist, path, ready);
  const split = await measure(splitDist, path, ready);
  rows.push(`${name.padEnd(36)} base ${base.toFixed(0).padStart(5)} ms   split ${split.toFixed(0).padStart(5)} ms`);
}
await browser.close();
console.log(`medians of ${runs} fresh contexts, CPU slowdown ${slowdown}x`);
console.log(rows.join('\n'));
