// Code-splitting prototype: opens a lazy route of dist/ and prints what was
// fetched, what shows and every console message. node e2e/split/smoke.mjs '#/history'
import { launchChromium } from '../support/chromium.mjs';
import { startServer } from '../support/server.mjs';

const route = process.argv[2] ?? '#/history';
const server = await startServer();
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  page.on('console', (m) => console.log(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => console.log(`pageerror: ${e.message}`));
  await page.goto(`${server.origin}/${route}`);
  await page.locator('main h1').first().waitFor({ timeout: 15000 });
  console.log('h1:', await page.locator('main h1').first().textContent());
  console.log('fetched:', fetched.join(' '));
} finally {
  await browser.close();
  await server.close();
}
