// "Remind me to check again": a calendar file made in the browser, all day on
// the visitor's own date three or six months ahead, with the links back in its
// description, valid by RFC 5545's rules, in the visitor's language.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { ResultsPage } from '../pages/quiz-pages.mjs';
import { readEvent } from '../support/ics.mjs';
import { MIXED_V2, shareCode } from '../support/share-codes.mjs';

const app = useApp();
const CODE = shareCode({ version: 2, answers: MIXED_V2, day: 20787, label: 'Partner X, 2026' });

const SAVE = { en: ['Save to my history', 'Saved to your history.'], nl: ['Bewaren bij mijn uitslagen', 'Bewaard bij je uitslagen.'] };

/** A result of the visitor's own (a shared one saved), then its page. */
async function ownResult(context, language = 'en') {
  const page = await app.openIn(context, `/?lang=${language}#/r/${CODE}`);
  const [save, saved] = SAVE[language];
  await page.getByRole('button', { name: save }).click();
  await page.getByText(saved).waitFor();
  await page.goto(`${app.origin}/?lang=${language}#/results`);
  await page.getByTestId('reminder').waitFor();
  return page;
}

async function download(page, button) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('three or six months from the visitor’s own date, with both links, as a valid calendar file', async () => {
  // 00:30 on 1 December in Amsterdam, still 30 November in UTC: the visitor's day counts.
  const context = await app.newContext({ timezoneId: 'Europe/Amsterdam' });
  await context.clock.setFixedTime(new Date('2026-11-30T23:30:00Z'));
  const page = await ownResult(context);
  await new ResultsPage(page).heading.waitFor();
  const link = await page.getByTestId('share-link').inputValue();
  const status = page.getByTestId('reminder-status');
  assert.equal((await status.textContent()).trim(), '', 'nothing said before a file is saved');

  const three = await download(page, 'In 3 months');
  await status.filter({ hasText: 'Your calendar file for 3 months from now is being downloaded' }).waitFor();
  assert.equal(three.name, 'alliance-quiz-reminder-2027-03-01.ics');
  const event = readEvent(three.bytes);
  assert.equal(event.start, '2027-03-01');
  assert.equal(event.end, '2027-03-02');
  assert.equal(event.stamp, '2026-11-30T23:30:00Z');
  assert.equal(event.summary, 'Check your alliance readiness again · Partner X, 2026');
  assert.ok(event.description.includes(link), `the share link in: ${event.description}`);
  assert.ok(event.description.includes(`The assessment: ${app.origin}/`), 'the link back to the quiz');
  assert.equal(event.url, `${app.origin}/`);

  const six = readEvent((await download(page, 'In 6 months')).bytes);
  await status.filter({ hasText: 'Your calendar file for 6 months from now' }).waitFor();
  assert.equal(six.start, '2027-06-01');
  assert.notEqual(six.uid, event.uid, 'two reminders are two events');
  assert.deepEqual(page.errors, []);
  await context.close();
});

test('in Dutch for a Dutch visitor', async () => {
  const context = await app.newContext({ timezoneId: 'Europe/Amsterdam', locale: 'nl-NL' });
  await context.clock.setFixedTime(new Date('2026-11-30T10:00:00Z'));
  const page = await ownResult(context, 'nl');
  await page.getByRole('heading', { name: 'Herinner me aan een nieuwe scan' }).waitFor();
  const event = readEvent((await download(page, 'Over 6 maanden')).bytes);
  await page.getByTestId('reminder-status').filter({ hasText: 'Je agendabestand voor over 6 maanden wordt gedownload' }).waitFor();
  assert.equal(event.start, '2027-05-30');
  assert.equal(event.summary, 'Doe de alliantiescan opnieuw · Partner X, 2026');
  assert.ok(event.description.startsWith('Doe de alliantiescan opnieuw en vergelijk met je uitslag van 30 november 2026.'), event.description);
  assert.ok(event.description.includes(await page.getByTestId('share-link').inputValue()));
  assert.deepEqual(page.errors, []);
  await context.close();
});
