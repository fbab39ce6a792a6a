// The review screen lists unanswered questions with links to them, and a
// question opened from it leads back to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { QuestionPage, ResultsPage, ReviewPage } from '../pages/quiz-pages.mjs';

const app = useApp();

test('skipped questions are listed and reachable from the review', async () => {
  const page = await app.open('/#/q/1');
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  await question.choose(2);
  await question.next.click();
  await question.waitForNumber(2);
  await question.next.click(); // skipped
  await question.waitForNumber(3);
  await question.choose('not-sure');

  await page.evaluate(() => { window.location.hash = '#/review'; });
  const review = new ReviewPage(page);
  await review.heading.waitFor();
  assert.equal(await review.summary.textContent(), 'You answered 2 of 21 questions.');
  assert.equal(await review.openQuestions.count(), 19);
  const first = review.openQuestions.first();
  assert.equal(await first.textContent(), 'Go to question 2');
  await first.click();
  await question.waitForNumber(2);
  // Answered there, the visitor goes back to the review, not on to question 3.
  await question.choose(4);
  await page.getByRole('button', { name: 'Back to review' }).click();
  await review.heading.waitFor();
  assert.equal(await review.summary.textContent(), 'You answered 3 of 21 questions.');
  assert.equal(await first.textContent(), 'Go to question 4');
  assert.deepEqual(page.errors, []);
});

test('results with nothing answered say so instead of showing zeros', async () => {
  const page = await app.open('/#/results');
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  await page.getByTestId('nothing-answered').waitFor();
  assert.equal(await results.overallScore.count(), 0);
  assert.deepEqual(page.errors, []);
});

test('an unknown page or question number shows a friendly not-found page', async () => {
  for (const path of ['/#/q/99', '/#/q/0', '/#/nowhere']) {
    const page = await app.open(path);
    await page.getByRole('heading', { level: 1, name: 'Page not found' }).waitFor();
    await page.getByRole('link', { name: 'Back to the start' }).click();
    await page.getByRole('heading', { level: 1, name: 'How well does your organisation run its alliances?' }).waitFor();
    assert.deepEqual(page.errors, [], path);
  }
});
