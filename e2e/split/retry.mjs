// Code-splitting prototype: a part's fetch fails once (aborted by a route
// interception). Does the lazy route recover, with "Try again" or by coming
// back to it, or does it stay broken? node e2e/split/retry.mjs
import assert from 'node:assert/strict';
import { launchChromium } from '../support/chromium.mjs';
import { startServer } from '../support/server.mjs';

const server = await startServer();
const browser = await launchChromium();

/** Opens the landing page with requests for files matching `pattern` aborted `times` times. */
async function open(pattern, times = 1) {
  const page = await browser.newPage();
  const log = [];
  page.on('console', (m) => log.push(`console.${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => log.push(`pageerror: ${e.message}`));
  const aborted = [];
  let left = times;
  await page.route(pattern, async (route) => {
    if (left > 0) {
      left -= 1;
      aborted.push(new URL(route.request().url()).pathname);
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  const fetched = [];
  page.on('requestfinished', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(`${server.origin}/#/`);
  await page.locator('main h1').first().waitFor();
  return { page, log, aborted, fetched };
}

const heading = (page) => page.locator('main h1').first();
const failed = (page) => page.locator('.lazy-failed');
const results = [];
async function scenario(name, body) {
  try {
    await body();
    results.push(`PASS ${name}`);
  } catch (error) {
    results.push(`FAIL ${name}: ${error.message.split('\n')[0]}`);
  }
}

try {
  await scenario('the part itself fails once; "Try again" loads it', async () => {
    const { page, log, aborted } = await open(/split_history-[0-9a-f]+\.wasm$/);
    await page.evaluate(() => { location.hash = '#/history'; });
    await failed(page).waitFor({ timeout: 10000 });
    assert.equal(aborted.length, 1);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor({ timeout: 10000 });
    console.log('  console during it:', JSON.stringify(log));
    await page.close();
  });

  await scenario('a shared chunk fails once; "Try again" loads it', async () => {
    const { page, aborted } = await open(/chunk_8-[0-9a-f]+\.wasm$/);
    await page.evaluate(() => { location.hash = '#/history'; });
    await failed(page).waitFor({ timeout: 10000 });
    assert.equal(aborted.length, 1);
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor({ timeout: 10000 });
    await page.close();
  });

  await scenario('the part fails once; leaving the route and coming back loads it', async () => {
    const { page } = await open(/split_embed-[0-9a-f]+\.wasm$/);
    await page.evaluate(() => { location.hash = '#/embed'; });
    await failed(page).waitFor({ timeout: 10000 });
    await page.evaluate(() => { location.hash = '#/'; });
    await page.getByRole('link', { name: 'Start the assessment' }).waitFor();
    await page.evaluate(() => { location.hash = '#/embed'; });
    await page.getByRole('heading', { name: 'Embed this quiz' }).waitFor({ timeout: 10000 });
    await page.close();
  });

  await scenario('the part fails three times; the third "Try again" loads it, the app keeps working', async () => {
    const { page, aborted } = await open(/split_history-[0-9a-f]+\.wasm$/, 3);
    await page.evaluate(() => { location.hash = '#/history'; });
    for (let i = 0; i < 2; i += 1) {
      await failed(page).waitFor({ timeout: 10000 });
      await page.getByRole('button', { name: 'Try again' }).click();
    }
    await failed(page).waitFor({ timeout: 10000 });
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.getByRole('heading', { name: 'Your results' }).waitFor({ timeout: 10000 });
    assert.equal(aborted.length, 3);
    // The main module still answers: a question page renders.
    await page.evaluate(() => { location.hash = '#/q/1'; });
    await page.locator('main h1, main legend').first().waitFor();
    await page.close();
  });

  await scenario('two parts sharing a chunk: results after history fetch only what is new', async () => {
    const { page, fetched } = await open(/never-matches/, 0);
    await page.evaluate(() => { location.hash = '#/history'; });
    await page.getByRole('heading', { name: 'Your results' }).waitFor({ timeout: 10000 });
    const before = fetched.length;
    await page.evaluate(() => { location.hash = '#/embed'; });
    await page.getByRole('heading', { name: 'Embed this quiz' }).waitFor({ timeout: 10000 });
    const extra = fetched.slice(before).filter((p) => p.endsWith('.wasm') && !/alliance-quiz/.test(p));
    console.log('  embed after history fetched:', extra.join(' '));
    await page.close();
  });
} finally {
  await browser.close();
  await server.close();
}
console.log(results.join('\n'));
const passed = results.filter((r) => r.startsWith('PASS')).length;
console.log(`${passed} passed, ${results.length - passed} failed`);
process.exit(results.length === passed ? 0 : 1);
