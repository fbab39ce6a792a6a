// Both themes pass axe (WCAG 2.1 AA, contrast included) on every page: the
// light theme in accessibility.test.mjs; here the dark one on every page of
// the same walk (support/page-walk.mjs), the chart included, and the print
// preview of a result in both (paper is always light: styles/app.css).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { useApp } from '../support/browser.mjs';
import { walkPages } from '../support/page-walk.mjs';

const app = useApp();
const DARK = 'rgb(17, 23, 30)';
const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test('no axe violations in the dark theme on any page, nor in the print preview of either theme', async () => {
  const seen = [];
  await walkPages(app, {
    colorScheme: 'dark',
    check: async (name, page) => {
      seen.push(name);
      if (name === 'landing' || name === 'embed this quiz') assert.equal(await background(page), DARK, `the dark palette is on (${name})`);
      if (name === 'results') assert.ok(await page.locator('svg.score-chart').isVisible(), 'the chart is shown');
      assert.deepEqual(await axeViolations(page), [], name);
      if (name !== 'results') return;
      for (const colorScheme of ['dark', 'light']) {
        await page.emulateMedia({ media: 'print', colorScheme });
        assert.deepEqual(await axeViolations(page), [], `print preview (${colorScheme} system)`);
      }
      await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
    },
  });
  assert.equal(seen.length, 9, `every page: ${seen}`);
});
