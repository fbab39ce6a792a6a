// Progress survives a reload; completed attempts are kept, compared, labelled and deleted with undo.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { fixture, seedStorage } from '../support/storage.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { HistoryPage, LandingPage, QuestionPage, ResultsPage, seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();

test('answers survive a reload and the visitor resumes where they were', async () => {
  const page = await app.open('/');
  const question = await new LandingPage(page).startQuiz();
  for (let number = 1; number <= 5; number += 1) {
    await question.waitForNumber(number);
    await question.choose(number === 3 ? 'not-sure' : 2);
    await question.next.click();
  }
  await question.waitForNumber(6);
  // The address bar follows the page after its first paint (docs/architecture.md):
  // a reload before that would reopen question 5, as it would for a visitor.
  await page.waitForURL(/#\/q\/6$/);
  await page.reload();
  await page.goto(page.url().replace(/#.*$/, '#/'));

  const landing = new LandingPage(page);
  const resume = page.getByRole('link', { name: 'Resume (5 of 21 answered)' });
  await resume.click();
  await question.waitForNumber(6);
  await question.back.click();
  await question.waitForNumber(5);
  assert.equal(await question.options.nth(2).isChecked(), true, 'answer 5 was kept');

  // Finish (the rest by keys: choosing by mouse was the first five); the
  // attempt is in history after a reload, and progress is gone.
  await page.evaluate(() => { window.location.hash = '#/q/6'; });
  for (let number = 6; number <= 21; number += 1) {
    await question.waitForNumber(number);
    await page.keyboard.press('4');
    await page.keyboard.press('Enter');
  }
  await page.getByRole('button', { name: 'See my results' }).click();
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  const overall = await results.overallScore.textContent();
  // The address bar follows the page after its first paint (docs/architecture.md).
  await page.waitForURL(/#\/results\//);
  await page.reload();
  await results.heading.waitFor();
  assert.equal(await results.overallScore.textContent(), overall, 'the result page survives a reload');

  const history = new HistoryPage(page);
  await history.open();
  assert.equal(await history.items.count(), 1);
  assert.equal(await history.item(0).score.textContent(), overall);
  await page.getByRole('link', { name: 'Alliance Readiness Quiz' }).click();
  await landing.start.waitFor();
  assert.equal(await page.getByTestId('resume').count(), 0, 'no quiz in progress after completing');
  assert.deepEqual(page.errors, []);
});

test('start over clears the quiz in progress', async () => {
  const page = await app.open('/#/q/1');
  const question = new QuestionPage(page);
  await question.waitForNumber(1);
  await question.choose(4);
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await page.getByRole('button', { name: 'Start over' }).click();
  await question.waitForNumber(1);
  assert.equal(await question.options.nth(4).isChecked(), false);
  await page.reload();
  await page.goto(page.url().replace(/#.*$/, '#/'));
  await new LandingPage(page).start.waitFor();
  assert.deepEqual(page.errors, []);
});

test('a new result is compared with earlier ones, labelled, and deleted with undo', async () => {
  // Two earlier attempts as a released schema wrote them, and the new one's
  // answers (answering and resuming are the first test's).
  const context = await app.newContext({
    prepare: (c) => seedAnswers(c, () => 4, { 'alliance-quiz:attempts': fixture('attempts.json') }),
  });
  const page = await app.openIn(context, '/#/review');
  const results = await seeResults(page);
  assert.equal(await results.overallScore.textContent(), '100');

  // Compared with the most recent earlier attempt by default (overall 100, strategy 100).
  assert.match(await results.overallChange.textContent(), /Change since .*: ±0/);
  let changes = await results.changesByDimension();
  assert.equal(changes['Strategic intent and fit'], '±0');
  // The older one, made with version 1 of the questions: strategy 50 (a question
  // that stayed); governance was asked with a question no longer asked.
  const older = (await results.compareWith.locator('option').allTextContents()).find((t) => t.includes('Acme partnership'));
  await results.compareWith.selectOption({ label: older });
  changes = await results.changesByDimension();
  assert.equal(changes['Strategic intent and fit'], '+50');
  assert.equal(changes['Governance and joint decisions'], '–');
  assert.equal(await page.locator('.chart-earlier').count() > 0, true, 'the chart marks the earlier scores');

  await results.labelField.fill('  Beta <b>alliance</b>  ');
  await results.saveLabel.click();
  await page.getByText('Name saved.').waitFor();
  await page.reload();
  await results.heading.waitFor();
  assert.equal(await page.getByTestId('result-label').textContent(), 'Beta <b>alliance</b>', 'labels are text, never markup');

  const history = new HistoryPage(page);
  await history.open();
  assert.equal(await history.items.count(), 3);
  assert.equal(await history.item(0).title.textContent(), 'Beta <b>alliance</b>', 'newest first');
  assert.equal(await history.item(2).title.textContent(), 'Acme partnership');

  // By keyboard: focus goes from the deleted row's button to Undo, then to
  // the heading, never to the page itself.
  const focused = () => page.evaluate(() => document.activeElement?.textContent.trim() || document.activeElement?.tagName);
  await history.item(1).delete.focus();
  await page.keyboard.press('Enter');
  await history.undo.waitFor();
  assert.equal(await history.items.count(), 2);
  assert.equal(await focused(), 'Undo');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=history-list] li').length === 3);
  assert.equal(await focused(), 'Your results', 'undo brings it back, focus on the heading');
  await page.reload();
  await history.heading.waitFor();
  assert.equal(await history.items.count(), 3, 'and it stays after a reload');

  await history.item(0).delete.click();
  await page.reload();
  await history.heading.waitFor();
  assert.equal(await history.items.count(), 2, 'a delete without undo stands');

  await history.deleteAll.focus();
  await page.keyboard.press('Enter');
  await history.confirmDeleteAll.waitFor();
  assert.equal(await focused(), 'Cancel', 'the safe answer first');
  await page.keyboard.press('Enter');
  await history.deleteAll.waitFor();
  assert.equal(await focused(), await history.deleteAll.textContent());
  await history.deleteAll.click();
  await history.confirmDeleteAll.click();
  await history.empty.waitFor();
  await page.reload();
  await history.empty.waitFor();
  assert.deepEqual(page.errors, []);
});

test('an attempt opened from history shows its own result', async () => {
  const context = await app.newContext({
    prepare: (c) => seedStorage(c, { 'alliance-quiz:attempts': fixture('attempts.json') }),
  });
  const page = await app.openIn(context, '/#/history');
  const history = new HistoryPage(page);
  await history.heading.waitFor();
  await history.item(1).open.click();
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  assert.equal(await page.getByTestId('result-label').textContent(), 'Acme partnership');
  const scores = await results.scoresByDimension();
  assert.equal(scores['Strategic intent and fit'], '50');
  assert.equal(scores['Governance and joint decisions'], 'Not assessed');
  assert.equal(scores['Trust and cultural alignment'], 'Not assessed');
  await page.getByTestId('earlier-version').filter({ hasText: 'earlier version of the questions. One of its answers was' }).waitFor();
  assert.deepEqual(page.errors, []);
});
