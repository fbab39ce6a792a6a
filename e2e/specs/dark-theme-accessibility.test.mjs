// Both themes pass axe (WCAG 2.1 AA, contrast included) on every page: the
// light theme is checked page by page in accessibility.test.mjs; here the
// dark one on every page, the chart included, and the print preview of a
// result in both (paper is always light: styles/app.css).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { useApp } from '../support/browser.mjs';
import { answerAll, HistoryPage, LandingPage, QuestionPage, ResultsPage, ReviewPage } from '../pages/quiz-pages.mjs';

const app = useApp();

test('no axe violations in the dark theme on any page, nor in the print preview of either theme', async () => {
  const context = await app.newContext({ colorScheme: 'dark' });
  const page = await app.openIn(context, '/');
  const dark = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await new LandingPage(page).heading.waitFor();
  assert.equal(await dark(), 'rgb(17, 23, 30)', 'the dark palette is on');
  assert.deepEqual(await axeViolations(page), [], 'landing');

  await new LandingPage(page).startQuiz();
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  await question.choose(2);
  assert.deepEqual(await axeViolations(page), [], 'question');
  await answerAll(page, (dimension, number) => (number % 6 === 0 ? 'not-sure' : number % 5));
  assert.deepEqual(await axeViolations(page), [], 'review');

  await new ReviewPage(page).seeResults.click();
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  await results.howComputed.getByText('How these scores were computed').click();
  assert.ok(await page.locator('svg.score-chart').isVisible(), 'the chart is shown');
  assert.deepEqual(await axeViolations(page), [], 'results, chart and share panel');

  for (const colorScheme of ['dark', 'light']) {
    await page.emulateMedia({ media: 'print', colorScheme });
    assert.deepEqual(await axeViolations(page), [], `print preview (${colorScheme} system)`);
  }
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });

  const link = await page.getByTestId('share-link').inputValue();
  await new HistoryPage(page).open();
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

  await page.goto(`${app.origin}/#/embed`);
  await page.getByRole('heading', { level: 1, name: 'Embed this quiz' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'embed this quiz');
  assert.equal(await dark(), 'rgb(17, 23, 30)');
  assert.deepEqual(page.errors, []);
});
