// Blocked, full, corrupt and newer storage: the quiz keeps working, says so once, and loses nothing.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { blockStorage, fillStorage, fixture, refuseRemovals, seedStorage, storedEntries } from '../support/storage.mjs';
import { answerAllByKeys, HistoryPage, QuestionPage, ResultsPage } from '../pages/quiz-pages.mjs';

const app = useApp();

/** Every question answered in the page (each answer a write the storage must take or refuse), then the results. */
async function completeQuiz(page) {
  await page.evaluate(() => { window.location.hash = '#/q/1'; });
  await answerAllByKeys(page, '3');
  await page.getByRole('button', { name: 'See my results' }).click();
  const results = new ResultsPage(page);
  await results.heading.waitFor();
  assert.equal(await results.overallScore.textContent(), '50');
}

test('blocked storage: the quiz runs from memory and says results will not be kept', async () => {
  const context = await app.newContext({ prepare: blockStorage });
  const page = await app.openIn(context, '/');
  const notice = page.getByTestId('storage-notice');
  await notice.filter({ hasText: 'will be lost when you close this page' }).waitFor();
  assert.equal(await notice.count(), 1);
  await completeQuiz(page);
  const history = new HistoryPage(page);
  await history.open();
  assert.equal(await history.items.count(), 1, 'this visit keeps its result in memory');
  await page.getByText('nothing is stored and nothing will be kept').waitFor();
  await page.getByRole('button', { name: 'Dismiss' }).click();
  assert.equal(await notice.count(), 0);
  assert.deepEqual(page.errors, []);
});

/** Two saved results (the schema-1 fixture), then `fault` put on the context's storage. */
function savedResultsWith(fault) {
  return app.newContext({
    prepare: async (c) => {
      await seedStorage(c, { 'alliance-quiz:attempts': fixture('attempts.json') });
      await fault(c);
    },
  });
}

test('full storage: a failed write is reported and what was saved stays', async () => {
  const saved = fixture('attempts.json');
  const context = await savedResultsWith(fillStorage);
  const page = await app.openIn(context, '/');
  await completeQuiz(page);
  await page.getByTestId('storage-notice').filter({ hasText: 'storage is full' }).waitFor();
  assert.equal(await page.getByTestId('storage-notice').count(), 1, 'told once, not on every write');
  assert.equal((await storedEntries(page))['alliance-quiz:attempts'], saved, 'earlier results untouched');
  const history = new HistoryPage(page);
  await history.open();
  assert.equal(await history.items.count(), 3, 'two saved plus this visit’s');
  assert.deepEqual(page.errors, []);
});

test('storage that refuses every write says so before the first answer, and every sentence about it is true', async () => {
  const context = await app.newContext({ prepare: fillStorage });
  const page = await app.openIn(context, '/');
  const notice = page.getByTestId('storage-notice');
  await notice.filter({ hasText: 'refusing to save anything' }).waitFor();
  assert.equal(await notice.filter({ hasText: 'still there' }).count(), 0, 'nothing was saved before, so nothing is said to be kept');
  await notice.filter({ hasText: 'copy its share link or download it' }).waitFor();
  const history = new HistoryPage(page);
  await history.open();
  await page.getByText('nothing is stored and nothing will be kept').waitFor();
  assert.equal(await page.getByText('only in this browser').count(), 0, 'no claim that answers are kept in local storage');
  await page.reload();
  await notice.filter({ hasText: 'refusing to save anything' }).waitFor();
  assert.deepEqual(await storedEntries(page), {});
  assert.deepEqual(page.errors, []);
});

test('storage that refuses only removals keeps answers, and a refused removal is not called full', async () => {
  const context = await app.newContext({ prepare: refuseRemovals });
  const page = await app.openIn(context, '/#/q/1');
  const question = new QuestionPage(page);
  await question.choose(2);
  await question.next.click();
  await question.waitForNumber(2);
  await page.waitForFunction(() => localStorage.getItem('alliance-quiz:progress') !== null);
  const notice = page.getByTestId('storage-notice');
  assert.equal(await notice.count(), 0, 'answers are kept, so nothing is said');
  await page.evaluate(() => { window.location.hash = '#/'; });
  await page.getByRole('button', { name: 'Start over' }).click();
  await notice.filter({ hasText: 'refused to save the last change' }).waitFor();
  assert.equal(await notice.filter({ hasText: /full/ }).count(), 0);
  assert.deepEqual(page.errors, []);
});

test('Delete everything refused by the browser says so and lists what is still stored', async () => {
  const saved = fixture('attempts.json');
  const context = await savedResultsWith(refuseRemovals);
  const page = await app.openIn(context, '/#/history');
  const history = new HistoryPage(page);
  await history.heading.waitFor();
  await history.deleteEverything.click();
  await page.getByText('This browser refused to delete what the quiz stored, so it is still here.').waitFor();
  assert.equal(await page.getByText('has been deleted').count(), 0);
  assert.equal(await page.getByTestId('storage-notice').count(), 0, 'writes work: nothing else to say');
  assert.equal(await history.items.count(), 2, 'still listed, as still stored');
  assert.equal((await storedEntries(page))['alliance-quiz:attempts'], saved);
  assert.deepEqual(page.errors, []);
});

test('corrupt data is set aside under a quarantine key and the app starts clean', async () => {
  const garbage = '{"schema":1,"data":[{"id":';
  const context = await app.newContext({
    prepare: (c) => seedStorage(c, {
      'alliance-quiz:attempts': garbage,
      'alliance-quiz:progress': 'definitely not json',
    }),
  });
  const page = await app.openIn(context, '/');
  await page.getByTestId('storage-notice').filter({ hasText: 'could not be read' }).waitFor();
  const entries = await storedEntries(page);
  const aside = Object.entries(entries).filter(([key]) => key.startsWith('alliance-quiz:quarantine:'));
  assert.deepEqual(aside.map(([, value]) => value).sort(), [garbage, 'definitely not json'].sort());
  assert.ok(aside.some(([key]) => key.startsWith('alliance-quiz:quarantine:attempts:')));
  await completeQuiz(page);
  const after = await storedEntries(page);
  for (const [key, value] of aside) assert.equal(after[key], value, `${key} is never overwritten`);
  await page.reload();
  assert.equal(await page.getByTestId('storage-notice').count(), 0, 'said once: the bad data is already aside');
  const history = new HistoryPage(page);
  await history.open();
  assert.equal(await history.items.count(), 1);
  assert.deepEqual(page.errors, []);
});

test('one saved result that breaks a rule is set aside; the others stay in "Your results"', async () => {
  // The fixture's two results, the first with a 5,000-character label and the second stored twice (breaker F2, F11).
  const [first, second] = JSON.parse(fixture('attempts.json')).data;
  const stored = JSON.stringify({ schema: 1, data: [{ ...first, label: 'x'.repeat(5000) }, second, second] });
  const context = await app.newContext({ prepare: (c) => seedStorage(c, { 'alliance-quiz:attempts': stored }) });
  const page = await app.openIn(context, '/#/history');
  const history = new HistoryPage(page);
  await history.heading.waitFor();
  await page.getByTestId('storage-notice').filter({ hasText: '1 saved result could not be read and was set aside' }).waitFor();
  assert.equal(await history.items.count(), 1, 'the readable result, listed once');
  const entries = await storedEntries(page);
  const aside = Object.entries(entries).filter(([key]) => key.startsWith('alliance-quiz:quarantine:attempts:'));
  assert.deepEqual(aside.map(([, value]) => value), [stored], 'the original, whole');
  assert.equal(JSON.parse(entries['alliance-quiz:attempts']).data.length, 1);
  assert.deepEqual(page.errors, []);
});

test('data from a newer version is left untouched and the visit still works', async () => {
  const newer = '{"schema":42,"data":{"something":"new"}}';
  const context = await app.newContext({
    prepare: (c) => seedStorage(c, { 'alliance-quiz:attempts': newer, 'alliance-quiz:settings': fixture('settings.json') }),
  });
  const page = await app.openIn(context, '/');
  await page.getByTestId('storage-notice').filter({ hasText: 'newer version of this quiz' }).waitFor();
  const before = await storedEntries(page);
  await completeQuiz(page);
  assert.deepEqual(await storedEntries(page), before, 'nothing written, nothing removed');
  assert.deepEqual(page.errors, []);
});
