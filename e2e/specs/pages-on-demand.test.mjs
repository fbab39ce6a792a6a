// The pages a first visit does not need (results, "Your results", a shared
// result, the comparison, the embed configurator) are parts of the wasm loaded
// on demand (src/lazy.rs, docs/architecture.md): a deep link loads its part at
// once, a slow load keeps the layout and says so after 300 ms, and a failed
// load recovers with "Try again" or a reload, never leaving a route broken.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { DIST } from '../support/server.mjs';
import { shareCode } from '../support/share-codes.mjs';
import { fixture, seedStorage } from '../support/storage.mjs';
import { HistoryPage } from '../pages/quiz-pages.mjs';

const app = useApp();
const { parts } = JSON.parse(readFileSync(join(DIST, 'split-manifest.json'), 'utf8'));
/** A part's own module (not the chunks it shares with others), as a request pattern. */
const partFile = (name) => new RegExp(`/split_${name}-[0-9a-f]+\\.wasm$`);
const ATTEMPT = '1780000000000-00ff00ff';
const first = shareCode({ version: 2, answers: new Array(21).fill(4), label: 'Acme' });
const second = shareCode({ version: 2, answers: new Array(21).fill(2), label: 'Beta' });

const DEEP_LINKS = [
  { part: 'history', hash: '#/history', heading: 'Your results' },
  { part: 'results', hash: `#/results/${ATTEMPT}`, heading: 'Your alliance readiness' },
  { part: 'shared', hash: `#/r/${first}`, heading: 'A shared alliance readiness result' },
  { part: 'compare', hash: `#/compare/${first}/${second}`, heading: 'Two views of one alliance' },
  { part: 'embed', hash: '#/embed', heading: 'Embed this quiz' },
];

/** A context with two stored results, whose pages sum their layout shifts in `window.layoutShift`. */
async function context() {
  return app.newContext({
    prepare: async (c) => {
      await seedStorage(c, { 'alliance-quiz:attempts': fixture('attempts.json') });
      await c.addInitScript(() => {
        window.layoutShift = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            if (entry.hadRecentInput) continue;
            window.layoutShift += entry.value;
            // Where it happened, for the failure message.
            (window.shiftSources ??= []).push(...entry.sources.map((s) => `${s.node?.nodeName}.${s.node?.className} ${JSON.stringify(s.previousRect)} -> ${JSON.stringify(s.currentRect)}`));
          }
        }).observe({ type: 'layout-shift', buffered: true });
      });
    },
  });
}

/** The layout shift so far, once two more frames have been drawn. */
function layoutShift(page) {
  return page.evaluate(() => new Promise((resolve) => {
    requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.layoutShift)));
  }));
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name });

test('a deep link to each page loaded on demand opens it at once, with every file its part needs, without a layout shift', async () => {
  const c = await context();
  for (const { part, hash, heading: name } of DEEP_LINKS) {
    const page = await c.newPage();
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname.slice(1)));
    await page.goto(`${app.origin}/${hash}`);
    await heading(page, name).waitFor();
    const missing = parts[part].filter((file) => !requested.includes(file));
    assert.deepEqual(missing, [], `${hash} fetched every file of the ${part} part`);
    const shifted = await layoutShift(page);
    assert.equal(shifted, 0, `${hash} opens without a layout shift: ${JSON.stringify(await page.evaluate(() => window.shiftSources))}`);
    await page.close();
  }
  await c.close();
});

test('a page slow to load keeps its place, says it is loading after 300 ms, then shows without a shift', async () => {
  const page = await app.openIn(await context(), '/');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(partFile('history'), async (route) => { await held; await route.continue(); });
  await page.getByRole('link', { name: 'Your results' }).click();
  const fallback = page.locator('[aria-busy=true][data-part=HISTORY]');
  await fallback.waitFor();
  // Hidden at first by CSS, so a quick load flashes nothing; shown after 300 ms.
  const timing = await fallback.locator('p').evaluate((p) => getComputedStyle(p).animationDelay);
  assert.equal(timing, '0.3s');
  await fallback.getByText('Loading…').waitFor({ state: 'visible' });
  const footer = page.locator('.site-footer');
  assert.equal(await footer.isVisible(), false, 'nothing is drawn below the fallback, so nothing can jump');
  release();
  await new HistoryPage(page).heading.waitFor();
  await footer.waitFor();
  assert.equal(await layoutShift(page), 0);
  assert.deepEqual(page.errors, []);
});

/** Refuses the first `times` requests matching `pattern` (a network drop), then lets them through. */
async function failFirst(page, pattern, times = 1) {
  const refused = { count: 0 };
  await page.route(pattern, async (route) => {
    if (refused.count < times) {
      refused.count += 1;
      await route.abort('internetdisconnected');
    } else {
      await route.continue();
    }
  });
  return refused;
}

const failure = (page) => page.getByRole('alert').filter({ hasText: 'This page could not be loaded' });
/** The browser's own report of a refused request: the only console error these tests expect. */
const onlyRefusals = (page) => page.errors.filter((e) => !/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/.test(e));

test('a file of a part fails to download once: "Try again" loads the page, and the app keeps working', async () => {
  app.expectConsole(/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/);
  const page = await app.openIn(await context(), '/');
  // A chunk "Your results" shares with other parts, not its own module.
  const chunk = parts.history.find((file) => file.startsWith('chunk_'));
  const refused = await failFirst(page, new RegExp(`/${chunk.replace(/[.]/g, '\\.')}$`));
  await page.getByRole('link', { name: 'Your results' }).click();
  await failure(page).getByText('Your answers and results are kept').waitFor();
  await failure(page).getByRole('button', { name: 'Try again' }).click();
  await new HistoryPage(page).heading.waitFor();
  assert.equal(refused.count, 1);
  await page.getByRole('link', { name: 'Alliance Readiness Quiz' }).click();
  await page.getByRole('link', { name: 'Start the assessment' }).waitFor();
  assert.deepEqual(onlyRefusals(page), []);
});

test('a failure never breaks a route for good: coming back to it loads it, and so does "Reload the quiz"', async () => {
  app.expectConsole(/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/);
  const page = await app.openIn(await context(), '/');
  const embed = await failFirst(page, partFile('embed'));
  await page.evaluate(() => { window.location.hash = '#/embed'; });
  await failure(page).waitFor();
  await page.evaluate(() => { window.location.hash = '#/'; });
  await page.getByRole('link', { name: 'Start the assessment' }).waitFor();
  await page.evaluate(() => { window.location.hash = '#/embed'; });
  await heading(page, 'Embed this quiz').waitFor();
  assert.equal(embed.count, 1);

  // After a new release the old part's file is gone: reloading names the new one.
  const history = await failFirst(page, partFile('history'));
  await page.evaluate(() => { window.location.hash = '#/history'; });
  await failure(page).getByRole('button', { name: 'Reload the quiz' }).click();
  await new HistoryPage(page).heading.waitFor();
  assert.equal(history.count, 1);
  assert.match(page.url(), /#\/history$/);
  assert.deepEqual(onlyRefusals(page), []);
});
