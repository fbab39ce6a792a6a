// axe-core finds no violations on the landing page, a question, the review and the results.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { DESKTOP, PHONE, useApp } from '../support/browser.mjs';
import { answerAll, LandingPage, QuestionPage, ResultsPage, ReviewPage } from '../pages/quiz-pages.mjs';

const app = useApp();

for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`no axe violations on any page (${name})`, async () => {
    const page = await app.open('/', { viewport });
    await new LandingPage(page).heading.waitFor();
    assert.deepEqual(await axeViolations(page), [], 'landing');

    const question = await new LandingPage(page).startQuiz();
    await question.waitForNumber(1);
    await question.choose(2);
    assert.deepEqual(await axeViolations(page), [], 'question');

    const total = await question.total();
    for (let number = 1; number <= total; number += 1) {
      await question.waitForNumber(number);
      await question.choose(number % 6 === 0 ? 'not-sure' : number % 5);
      await question.next.click();
    }
    await new ReviewPage(page).heading.waitFor();
    assert.deepEqual(await axeViolations(page), [], 'review');

    await new ReviewPage(page).seeResults.click();
    const results = new ResultsPage(page);
    await results.heading.waitFor();
    await results.howComputed.getByText('How these scores were computed').click();
    assert.deepEqual(await axeViolations(page), [], 'results');
    assert.deepEqual(page.errors, []);
  });
}

test('the page does not scroll sideways at 320 px', async () => {
  const page = await app.open('/#/q/1', { viewport: { width: 320, height: 640 } });
  await new QuestionPage(page).waitForNumber(1);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0);
});

test('no axe violations on history, a shared result, a damaged link and the partner view', async () => {
  const page = await app.open('/');
  await new LandingPage(page).startQuiz();
  await answerAll(page, (dimension, number) => (number % 4 === 0 ? 'not-sure' : number % 5));
  await new ReviewPage(page).seeResults.click();
  await new ResultsPage(page).heading.waitFor();
  const link = await page.getByTestId('share-link').inputValue();
  assert.deepEqual(await axeViolations(page), [], 'results with share panel and label form');

  await page.getByRole('link', { name: 'Your results' }).first().click();
  await page.getByRole('heading', { level: 1, name: 'Your results' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'history');

  await page.goto(link);
  await page.getByText('Shared with you').waitFor();
  assert.deepEqual(await axeViolations(page), [], 'shared result');

  await page.getByRole('button', { name: 'Compare with my latest result' }).click();
  await page.getByRole('heading', { level: 1, name: 'Two views of one alliance' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'partner view');

  await page.goto(`${app.origin}/#/r/damaged`);
  await page.getByRole('heading', { level: 1, name: 'This link is damaged or incomplete' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'damaged link');
  assert.deepEqual(page.errors, []);
});
