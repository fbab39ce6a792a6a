// Export all data as a JSON file and import it into a fresh browser: merged, no duplicates.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { fixture, seedStorage } from '../support/storage.mjs';
import { HistoryPage } from '../pages/quiz-pages.mjs';

const app = useApp();

test('export, then import into a fresh browser, then import again without duplicates', async () => {
  const context = await app.newContext({
    prepare: (c) => seedStorage(c, { 'alliance-quiz:attempts': fixture('attempts.json') }),
  });
  const page = await app.openIn(context, '/#/history');
  const history = new HistoryPage(page);
  await history.heading.waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), history.exportButton.click()]);
  assert.match(download.suggestedFilename(), /^alliance-quiz-results-\d{4}-\d{2}-\d{2}\.json$/);
  const file = join(tmpdir(), `export-${process.pid}.json`);
  await download.saveAs(file);
  const exported = JSON.parse(await readFile(file, 'utf8'));
  assert.equal(exported.attempts.length, 2);

  const fresh = await app.open('/#/history');
  const freshHistory = new HistoryPage(fresh);
  await freshHistory.empty.waitFor();
  await freshHistory.importFile.setInputFiles(file);
  await freshHistory.status.filter({ hasText: 'Imported 2 results.' }).waitFor();
  assert.equal(await freshHistory.items.count(), 2);
  await freshHistory.importFile.setInputFiles(file);
  await freshHistory.status.filter({ hasText: 'Imported 0 results. 2 were already here.' }).waitFor();
  await fresh.reload();
  await freshHistory.heading.waitFor();
  assert.equal(await freshHistory.items.count(), 2);
  assert.deepEqual([...page.errors, ...fresh.errors], []);
});

test('a file that is not an export is rejected with the reason', async () => {
  const page = await app.open('/#/history');
  const history = new HistoryPage(page);
  await history.heading.waitFor();
  const cases = [
    ['hello.json', 'hello', 'it is not a JSON file'],
    ['other.json', '{"attempts": []}', 'it is not an export of this quiz'],
    ['newer.json', fixture('export.json').replace('"schema": 1', '"schema": 9'), 'it was exported by a newer version of this quiz'],
  ];
  for (const [name, contents, reason] of cases) {
    const file = join(tmpdir(), `${process.pid}-${name}`);
    await writeFile(file, contents);
    await history.importFile.setInputFiles(file);
    await history.status.filter({ hasText: `This file could not be imported: ${reason}.` }).waitFor();
  }
  assert.equal(await history.empty.count(), 1, 'nothing was imported');
  assert.deepEqual(page.errors, []);
});

test('delete everything removes every key the quiz stored', async () => {
  const context = await app.newContext({
    prepare: (c) => seedStorage(c, {
      'alliance-quiz:attempts': fixture('attempts.json'),
      'alliance-quiz:quarantine:progress:1': 'old junk',
      'unrelated-key': 'keep me',
    }),
  });
  const page = await app.openIn(context, '/#/history');
  const history = new HistoryPage(page);
  await history.heading.waitFor();
  await history.deleteEverything.click();
  await history.empty.waitFor();
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['unrelated-key']);
  assert.deepEqual(page.errors, []);
});
