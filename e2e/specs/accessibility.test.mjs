// axe-core finds no violations on the landing page, a question, the review and
// the results, on a desktop and a phone, and on the desktop also on history, a
// shared result, the partner view and a damaged link (support/page-walk.mjs,
// the walk the dark theme's spec takes too).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { DESKTOP, PHONE, useApp } from '../support/browser.mjs';
import { walkPages } from '../support/page-walk.mjs';
import { QuestionPage } from '../pages/quiz-pages.mjs';

const app = useApp();

for (const [name, viewport, last] of [['desktop', DESKTOP, 'damaged link'], ['phone', PHONE, 'results']]) {
  test(`no axe violations on any page (${name}: up to the ${last})`, async () => {
    await walkPages(app, {
      viewport,
      last,
      check: async (stop, page) => assert.deepEqual(await axeViolations(page), [], stop),
    });
  });
}

test('the page does not scroll sideways at 320 px', async () => {
  const page = await app.open('/#/q/1', { viewport: { width: 320, height: 640 } });
  await new QuestionPage(page).waitForNumber(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
});
