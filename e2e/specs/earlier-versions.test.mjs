// Results made with version 1 of the questions keep opening after the
// upgrade: a real version 1 link and version 1 storage, written by the
// released version 1 app (core/tests/fixtures/v1/).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { seedStorage } from '../support/storage.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { HistoryPage, LandingPage, ResultsPage, seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();
const V1 = new URL('../../core/tests/fixtures/v1/', import.meta.url);
const v1 = (name) => readFileSync(new URL(name, V1), 'utf8').trim();
const CODE = v1('share-link.txt').split('#/r/')[1];

test('a version 1 link opens, scores under version 2 and says it was made with earlier questions', async () => {
  const page = await app.open(`/#/r/${CODE}`);
  await page.getByTestId('shared-result').waitFor();
  assert.equal(await page.getByTestId('result-label').textContent(), 'Acme & Partners');
  await page.getByTestId('earlier-version').filter({ hasText: '16 of its answers were to questions no longer asked' }).waitFor();
  const results = new ResultsPage(page);
  assert.match(await results.overallScore.textContent(), /^\d+$/);
  assert.equal((await results.scoresByDimension())['Internal alignment, mandate and skills'], 'Not assessed');
  assert.equal(await page.getByTestId('link-problem').count(), 0, 'never a “damaged link” page');
  assert.deepEqual(page.errors, []);
});

test('a version 1 link compared with a version 2 result', async () => {
  // The version 2 result finished from answers stored beforehand.
  const context = await app.newContext({ prepare: (c) => seedAnswers(c, () => 2) });
  const page = await app.openIn(context, '/#/review');
  await seeResults(page);
  await page.goto(`${app.origin}/#/r/${CODE}`);
  await page.getByRole('button', { name: 'Compare with my latest result' }).click();
  await page.getByRole('heading', { level: 1, name: 'Two views of one alliance' }).waitFor();
  assert.equal(await page.getByTestId('gap-table').locator('tbody tr').count(), 9);
  assert.deepEqual(page.errors, []);
});

test('version 1 storage: results and an assessment in progress open after the upgrade, nothing lost', async () => {
  const attempts = v1('attempts.json');
  const context = await app.newContext({
    prepare: (c) => seedStorage(c, { 'alliance-quiz:attempts': attempts, 'alliance-quiz:progress': v1('progress.json') }),
  });
  const page = await app.openIn(context, '/');
  await page.getByTestId('storage-notice').filter({ hasText: 'Your answers to the 3 questions that stayed are kept' }).waitFor();
  await page.getByRole('link', { name: 'Resume (3 of 21 answered)' }).waitFor();
  const history = new HistoryPage(page);
  await history.open();
  assert.equal(await history.item(0).title.textContent(), 'Acme & Partners');
  await history.item(0).open.click();
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  await page.getByTestId('earlier-version').waitFor();
  // Its share link carries every version 1 answer: the same code as the link the old app made.
  assert.equal((await page.getByTestId('share-link').inputValue()).split('#/r/')[1], CODE);
  assert.equal(await page.evaluate(() => localStorage.getItem('alliance-quiz:attempts')), attempts, 'stored results untouched');
  await new LandingPage(page).heading.count();
  assert.deepEqual(page.errors, []);
});
