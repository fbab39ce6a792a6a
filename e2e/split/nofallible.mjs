// Code-splitting prototype: the same aborted fetch against a build whose split
// points are not `fallible` (the default of #[wasm_split]). DIST=... node e2e/split/nofallible.mjs
import { launchChromium } from '../support/chromium.mjs';
import { startServer } from '../support/server.mjs';

const server = await startServer(process.env.DIST);
const browser = await launchChromium();
const page = await browser.newPage();
page.on('console', (m) => { if (!m.text().includes('integrity')) console.log(`console.${m.type()}: ${m.text().split('\n')[0].slice(0, 200)}`); });
page.on('pageerror', (e) => console.log(`pageerror: ${e.message.split('\n')[0]}`));
let left = 1;
await page.route(/split_history-[0-9a-f]+\.wasm$/, (route) => (left-- > 0 ? route.abort('internetdisconnected') : route.continue()));
await page.goto(`${server.origin}/#/`);
await page.locator('main h1').first().waitFor();
const show = async (label) => console.log(`${label}: ${(await page.locator('main').innerText()).slice(0, 90).replace(/\n+/g, ' | ')}`);
await page.evaluate(() => { location.hash = '#/history'; });
await page.waitForTimeout(2000);
await show('after the aborted fetch');
await page.evaluate(() => { location.hash = '#/q/1'; });
await page.waitForTimeout(1000);
await show('then #/q/1');
await page.evaluate(() => { location.hash = '#/history'; });
await page.waitForTimeout(2000);
await show('then #/history again');
await page.reload();
await page.waitForTimeout(2000);
await show('after a reload');
await browser.close();
await server.close();
