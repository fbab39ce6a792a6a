// "Your results" says how long ago the last assessment was, counted in the
// visitor's calendar days and words: today, yesterday, months, in Dutch too.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { fixture, seedStorage } from '../support/storage.mjs';

const app = useApp();

// The fixture's newest result: 20:26 UTC on 28 May 2026, 22:26 in Amsterdam.
const CASES = [
  ['2026-05-28T21:00:00Z', '/', 'Last assessment: today'],
  // Two hours later, but past midnight in Amsterdam: a calendar day.
  ['2026-05-28T22:30:00Z', '/', 'Last assessment: yesterday'],
  ['2026-08-27T20:00:00Z', '/', 'Last assessment: 2 months ago'],
  ['2026-08-28T08:00:00Z', '/', 'Last assessment: 3 months ago'],
  ['2026-08-28T08:00:00Z', '/?lang=nl', 'Laatste scan: 3 maanden geleden'],
];

test('how long ago the last assessment was, at its boundaries and in Dutch', async () => {
  const context = await app.newContext({ timezoneId: 'Europe/Amsterdam' });
  await seedStorage(context, { 'alliance-quiz:attempts': fixture('attempts.json') });
  for (const [now, path, said] of CASES) {
    await context.clock.setFixedTime(new Date(now));
    const page = await app.openIn(context, `${path}#/history`);
    const last = page.getByTestId('last-assessment');
    await last.waitFor();
    assert.equal((await last.textContent()).trim(), said, now);
    assert.deepEqual(page.errors, [], now);
    await page.close();
  }
  await context.close();
});

test('no line without a result', async () => {
  const page = await app.open('/#/history');
  await page.getByTestId('history-empty').waitFor();
  assert.equal(await page.getByTestId('last-assessment').count(), 0);
  assert.deepEqual(page.errors, []);
});
