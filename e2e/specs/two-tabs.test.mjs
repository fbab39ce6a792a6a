// Two tabs of one browser: both completed attempts are kept, and history follows along.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { answerAllByKeys, HistoryPage, ResultsPage } from '../pages/quiz-pages.mjs';

const app = useApp();

/** A visitor works in the tab in front; Chromium throttles timers in the others. */
async function finish(page, choice) {
  await page.bringToFront();
  await answerAllByKeys(page, String(choice + 1));
  await page.getByRole('button', { name: 'See my results' }).click();
  await new ResultsPage(page).heading.waitFor();
}

test('finishing the quiz in two tabs keeps both attempts; the other tab’s history updates', async () => {
  const context = await app.newContext();
  const first = await app.openIn(context, '/#/q/1');
  const second = await app.openIn(context, '/#/q/1');
  await finish(first, 1);

  const history = new HistoryPage(second);
  await second.bringToFront();
  await history.open();
  assert.equal(await history.items.count(), 1, 'the first tab’s attempt is visible in the second');

  await second.evaluate(() => { window.location.hash = '#/q/1'; });
  await finish(second, 3);

  const firstHistory = new HistoryPage(first);
  await first.bringToFront();
  await firstHistory.open();
  await firstHistory.items.nth(1).waitFor();
  assert.equal(await firstHistory.items.count(), 2);
  // The first tab, still open on history, sees a later change through the storage event.
  await second.bringToFront();
  await second.evaluate(() => { window.location.hash = '#/history'; });
  await history.heading.waitFor();
  await history.item(0).delete.click();
  await first.waitForFunction(() => document.querySelectorAll('[data-testid=history-item]').length === 1);
  assert.deepEqual([...first.errors, ...second.errors], []);
});
