// The whole quiz with the keyboard alone: Tab, Enter, and the digit keys.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { LandingPage, QuestionPage, ResultsPage, ReviewPage } from '../pages/quiz-pages.mjs';

const app = useApp();

// Key per dimension: 5 = strongest option, 3 = middle, 0 = Not sure.
const KEYS = { 'Strategic intent and fit': '5', 'Evolution and exit': '0' };

async function tabTo(page, name) {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (focused === name) return;
  }
  assert.fail(`Tab never reached "${name}"`);
}

test('a keyboard-only visitor completes the quiz and gets the expected level', async () => {
  const page = await app.open('/');
  await new LandingPage(page).heading.waitFor();
  await tabTo(page, 'Start the assessment');
  await page.keyboard.press('Enter');

  const question = new QuestionPage(page);
  const total = await question.total();
  for (let number = 1; number <= total; number += 1) {
    await question.waitForNumber(number);
    const focused = await page.evaluate(() => document.activeElement?.classList.contains('question-prompt'));
    assert.ok(focused, `focus is on question ${number}'s heading`);
    const dimension = (await question.dimension.textContent()).trim();
    await page.keyboard.press(KEYS[dimension] ?? '3');
    await page.keyboard.press('Enter');
  }

  const review = new ReviewPage(page);
  await review.heading.waitFor();
  await tabTo(page, 'See my results');
  await page.keyboard.press('Enter');

  const results = new ResultsPage(page);
  await results.heading.waitFor();
  // Strategy 100, seven dimensions at 50, evolution not assessed: 450 / 8 = 56.25.
  assert.equal(await results.overallScore.textContent(), '56');
  assert.equal(await results.level.textContent(), 'Developing');
  assert.equal((await results.scoresByDimension())['Evolution and exit'], 'Not assessed');
  assert.deepEqual(page.errors, []);
});

test('keys choose answers, Enter goes on, and the chosen radio shows it', async () => {
  const page = await app.open('/#/q/1');
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  await page.keyboard.press('4');
  assert.equal(await question.options.nth(3).isChecked(), true);
  await page.keyboard.press('0');
  assert.equal(await question.options.nth(5).isChecked(), true);
  await page.keyboard.press('Enter');
  await question.waitForNumber(2);
  // A radio moved to with the arrow keys is an answer too.
  await question.options.nth(0).focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await question.options.nth(1).isChecked(), true);
  assert.deepEqual(page.errors, []);
});
