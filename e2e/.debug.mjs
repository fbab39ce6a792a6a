import { launchChromium } from './support/chromium.mjs';
import { startServer } from './support/server.mjs';
import { craftCode } from './support/share-codes.mjs';
const server = await startServer();
const browser = await launchChromium();
const page = await browser.newPage();
page.on('console', (m) => console.log('console', m.type(), m.text().slice(0, 200)));
for (const n of [2000, 20000, 100000]) {
  const t = Date.now();
  try {
    await page.goto(`${server.origin}/#/${'a/'.repeat(n)}`, { timeout: 15000 });
    await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: 15000 });
    console.log(n, 'ok', Date.now() - t, (await page.getByRole('heading', { level: 1 }).first().textContent()).slice(0, 80));
  } catch (e) { console.log(n, 'FAIL', Date.now() - t, e.message.slice(0, 150)); }
}
const first = craftCode({ label: '<script>x</script>' });
const second = craftCode({ label: '<img src=x>', answers: new Array(12).fill(3) });
await page.goto(`${server.origin}/#/compare/${first}/${second}`);
await page.waitForTimeout(1500);
console.log((await page.locator('main').innerText()).slice(0, 600));
await browser.close(); await server.close();
