// Offline use and repeat visits (docs/offline.md): after one visit the quiz
// opens and works with the network off, and a new release deployed at the
// same origin is offered as a reload and switched to cleanly, with no file
// of the old release left in use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { nextRelease, releaseOf, workerReady } from '../support/releases.mjs';
import { DIST } from '../support/server.mjs';
import { answerAllByKeys, LandingPage, ResultsPage } from '../pages/quiz-pages.mjs';

const app = useApp();

test('after one visit the quiz opens offline and is taken to the results, in another language too', async () => {
  const context = await app.newContext();
  const page = await app.openIn(context, '/');
  await new LandingPage(page).heading.waitFor();
  const cache = await workerReady(page);
  assert.match(String(cache), /^alliance-quiz-[0-9a-f]{16}$/, 'one cache, named after the release');

  await context.setOffline(true);
  await page.reload();
  const landing = new LandingPage(page);
  await landing.heading.waitFor();
  await landing.startQuiz();
  // Every answer, so the results part and its chunks come from the cache too.
  await answerAllByKeys(page, '3');
  await page.getByRole('button', { name: 'See my results' }).click();
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  assert.match(await results.overallScore.textContent(), /\d/);

  // The other language is a file of its own: cached as well.
  await page.getByTestId('language-switch').selectOption('nl');
  await page.waitForFunction(() => document.documentElement.lang === 'nl');
  assert.equal(await results.heading.count(), 0, 'the results are shown in Dutch');
  assert.equal(await page.getByText('could not be downloaded').count(), 0, 'no "language unavailable" notice');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('a new release is offered as a reload and switched to cleanly, in every open tab', async () => {
  const release = await nextRelease();
  try {
    const context = await app.newContext();
    const first = await app.openIn(context, '/#/q/1');
    const before = await workerReady(first);
    // Controlled from now on: the page and its files come from the cache.
    await first.reload();
    await first.getByTestId('question').waitFor();
    await first.getByRole('radio').nth(2).check();
    const second = await app.openIn(context, '/#/history');
    await second.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();

    app.serve(release.dir);
    // The visitor comes back: the page is still the first release, from the
    // cache (whose files the host no longer has), and the browser fetches the
    // worker again, finds it changed and caches the new release.
    await first.reload();
    const offer = first.getByText('A new version of the quiz is ready');
    await offer.waitFor();
    assert.equal(await releaseOf(first), '', 'still the first release until the visitor reloads');
    assert.ok(await first.getByRole('radio').nth(2).isChecked(), 'the answer was kept');
    await second.getByText('A new version of the quiz is ready').waitFor();

    const reloaded = first.waitForEvent('load');
    const reloadedToo = second.waitForEvent('load');
    await first.getByRole('button', { name: 'Reload' }).click();
    await Promise.all([reloaded, reloadedToo]);
    for (const page of [first, second]) {
      await page.waitForFunction(() => getComputedStyle(document.documentElement).getPropertyValue('--release').trim() === '2');
      const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname));
      assert.ok(!loaded.some((path) => path.endsWith(release.css.before)), `no file of the first release in use: ${loaded.join(', ')}`);
    }
    await first.getByTestId('question').waitFor();
    assert.ok(await first.getByRole('radio').nth(2).isChecked(), 'the answer survived the switch');
    assert.equal(await first.getByText('A new version of the quiz is ready').count(), 0, 'no offer on the new release');
    const after = await workerReady(first);
    assert.notEqual(after, before, 'a cache of its own');
    assert.equal(typeof after, 'string', `only the new release's cache is left: ${after}`);
    assert.deepEqual(first.errors, []);
    assert.deepEqual(second.errors, []);
    await context.close();
  } finally {
    app.serve(DIST);
    await release.remove();
  }
});

test('a widget registers no service worker', async () => {
  const page = await app.open('/?embed=1&id=quiz#/');
  await new LandingPage(page).start.waitFor();
  // The app registers when idle: give it the same chance it has standalone.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => setTimeout(done, 300))));
  assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
  assert.deepEqual(page.errors, []);
});
