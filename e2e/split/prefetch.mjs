// Code-splitting prototype: which part files a visit fetches, and when.
// node e2e/split/prefetch.mjs '#/' '#/q/1'   (each hash is visited in turn, 2 s apart)
import { launchChromium } from '../support/chromium.mjs';
import { startServer } from '../support/server.mjs';

const server = await startServer(process.env.DIST);
const browser = await launchChromium();
const page = await browser.newPage();
const started = Date.now();
page.on('requestfinished', (r) => {
  const path = new URL(r.url()).pathname;
  if (/\.(wasm|js)$/.test(path)) console.log(`${String(Date.now() - started).padStart(6)} ms  ${path}`);
});
for (const [i, hash] of process.argv.slice(2).entries()) {
  console.log(`${String(Date.now() - started).padStart(6)} ms  -> ${hash}`);
  if (i === 0) await page.goto(`${server.origin}/${hash}`);
  else await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForTimeout(2000);
}
await browser.close();
await server.close();
