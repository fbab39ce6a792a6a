// The quiz in Dutch: chosen by the browser, the address or the switch; the
// whole visit by keyboard on an AZERTY layout; dates on the visitor's own
// calendar day; no English frame on a Dutch first visit; axe clean.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { axeViolations } from '../support/axe.mjs';
import { PHONE, useApp } from '../support/browser.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { QuestionPage, ResultsPage, seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();
const NL_HEADING = 'Hoe goed pakt jouw organisatie allianties aan?';
const EN_HEADING = 'How well does your organisation run its alliances?';
/** A Dutch browser: navigator.languages is ['nl-NL', 'nl']. */
const DUTCH = { locale: 'nl-NL' };

/** Dutch page objects: the English ones find elements by test id where they can. */
function progressIs(page, n) {
  return page.getByTestId('progress-label').filter({ hasText: new RegExp(`^\\s*Vraag ${n} van 21\\s*$`) }).waitFor();
}

test('a Dutch browser gets the quiz in Dutch, and never a frame of English first', async () => {
  const context = await app.newContext({ ...DUTCH });
  // Every frame's text, from the first paint on.
  await context.addInitScript(() => {
    window.frames = [];
    const sample = () => { if (document.body) window.frames.push(document.body.innerText); requestAnimationFrame(sample); };
    requestAnimationFrame(sample);
  });
  const page = await app.openIn(context, '/');
  await page.getByRole('heading', { level: 1, name: NL_HEADING }).waitFor();
  const frames = await page.evaluate(() => window.frames);
  assert.ok(frames.length > 0);
  assert.ok(frames.every((text) => !text.includes(EN_HEADING)), 'no frame shows the English landing page');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'nl');
  await page.getByTestId('duration').filter({ hasText: /Ongeveer \d+ minuten · 21 vragen in 9 dimensies/ }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'landing in Dutch');
  assert.deepEqual(page.errors, []);
});

test('?lang=nl wins over an English browser, and a saved choice wins over the browser', async () => {
  const page = await app.open('/?lang=nl#/');
  await page.getByRole('heading', { level: 1, name: NL_HEADING }).waitFor();
  assert.equal(await page.title(), 'Alliantiescan: hoe klaar is jouw organisatie?', 'the tab’s title too');
  // The switch: back to English, kept for the next visit.
  await page.getByTestId('language-switch').selectOption('en');
  await page.getByRole('heading', { level: 1, name: EN_HEADING }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  assert.equal(await page.title(), 'Alliance Readiness Quiz');
  const dutchBrowser = await app.newContext({ ...DUTCH, storageState: await page.context().storageState() });
  const again = await app.openIn(dutchBrowser, '/');
  await again.getByRole('heading', { level: 1, name: EN_HEADING }).waitFor();
  assert.deepEqual([...page.errors, ...again.errors], []);
});

test('the whole visit in Dutch with an AZERTY keyboard, the switch mid-quiz keeping the answers', async () => {
  const page = await app.open('/#/q/1', { ...DUTCH, viewport: PHONE });
  await progressIs(page, 1);
  // AZERTY without Shift: & é " ' ( on the top row, à for 0.
  const keys = [['&', 'Digit1'], ['é', 'Digit2'], ['"', 'Digit3'], ["'", 'Digit4'], ['(', 'Digit5'], ['à', 'Digit0']];
  const press = (key, code) => page.evaluate(([k, c]) => {
    document.activeElement.dispatchEvent(new KeyboardEvent('keydown', { key: k, code: c, bubbles: true, cancelable: true }));
  }, [key, code]);
  for (let n = 1; n <= 21; n += 1) {
    await progressIs(page, n);
    if (n === 8) {
      // Switch to English and back mid-quiz: the answers stay.
      await page.getByTestId('language-switch').selectOption('en');
      await page.getByTestId('progress-label').filter({ hasText: 'Question 8 of 21' }).waitFor();
      assert.equal(await page.getByRole('radio', { checked: true }).count(), 0);
      await page.getByTestId('language-switch').selectOption('nl');
      await progressIs(page, 8);
    }
    const [key, code] = keys[n % 5 === 0 ? 5 : 3];
    await press(key, code);
    await page.waitForFunction(() => document.querySelectorAll('input[type=radio]:checked').length === 1);
    await press('Enter', 'Enter');
  }
  await page.getByRole('heading', { level: 1, name: 'Kijk je antwoorden na' }).waitFor();
  await page.getByRole('button', { name: 'Bekijk mijn uitslag' }).click();
  await page.getByRole('heading', { level: 1, name: 'Zo staat jouw organisatie ervoor' }).waitFor();
  await page.getByText(/Ingevuld op \d+ [a-z]+ \d{4}/).first().waitFor();
  assert.deepEqual(await axeViolations(page), [], 'results in Dutch');
  assert.deepEqual(page.errors, []);
});

test('an English visitor’s link opens in Dutch for a Dutch visitor, and compares', async () => {
  // Answered beforehand (answering in Dutch is the AZERTY test's).
  const english = await app.openIn(await app.newContext({ prepare: (c) => seedAnswers(c, () => 3) }), '/#/review');
  await seeResults(english);
  const link = await english.getByTestId('share-link').inputValue();

  const dutch = await app.open('/', { ...DUTCH });
  await dutch.getByRole('heading', { level: 1, name: NL_HEADING }).waitFor();
  await dutch.goto(link);
  await dutch.getByRole('heading', { level: 1, name: 'Een gedeelde uitslag van de alliantiescan' }).waitFor();
  assert.deepEqual(await new ResultsPage(dutch).scoresByDimension().then((s) => Object.values(s)), await new ResultsPage(english).scoresByDimension().then((s) => Object.values(s)));
  await dutch.getByLabel(/Of plak de link van een andere uitslag/).fill(link);
  await dutch.getByRole('button', { name: 'Vergelijken', exact: true }).click();
  await dutch.getByRole('heading', { level: 1, name: 'Twee blikken op één alliantie' }).waitFor();
  assert.deepEqual([...english.errors, ...dutch.errors], []);
});

test('a result completed at 23:30 in New York is dated that day in New York and in Amsterdam', async () => {
  const newYork = await app.newContext({ timezoneId: 'America/New_York', locale: 'en-US', prepare: (c) => seedAnswers(c, () => 2) });
  const page = await app.openIn(newYork, '/#/review');
  // 23:30 on 30 November 2026 in New York is 04:30 on 1 December in UTC.
  await page.clock.setFixedTime(new Date('2026-12-01T04:30:00Z'));
  await seeResults(page);
  await page.getByText('Completed on November 30, 2026').waitFor();
  const link = await page.getByTestId('share-link').inputValue();

  for (const [timezoneId, locale, text] of [['America/New_York', 'en-US', 'Completed on November 30, 2026'], ['Europe/Amsterdam', 'nl-NL', 'Ingevuld op 30 november 2026']]) {
    const viewer = await app.newContext({ timezoneId, locale });
    const shared = await app.openIn(viewer, '/');
    await shared.goto(link);
    await shared.getByText(text).waitFor();
    assert.deepEqual(shared.errors, [], timezoneId);
    await viewer.close();
  }
  // The export file's name carries the visitor's own day too.
  await page.getByRole('link', { name: 'Your results' }).first().click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my data (JSON)' }).click();
  assert.equal((await download).suggestedFilename(), 'alliance-quiz-results-2026-11-30.json');
  assert.deepEqual(page.errors, []);
});

test('the embed’s data-language shows the widget in Dutch', async () => {
  const page = await app.open('/?embed=1&id=1&lang=nl#/');
  await page.getByRole('heading', { level: 1, name: NL_HEADING }).waitFor();
  const question = new QuestionPage(page);
  await page.getByRole('link', { name: 'Start de scan' }).click();
  await progressIs(page, 1);
  assert.ok(question);
  assert.deepEqual(page.errors, []);
});

test('a language that cannot be downloaded leaves the switch on the language the page is in', async () => {
  app.expectConsole(/^Failed to load resource: net::ERR_INTERNET_DISCONNECTED$/);
  const page = await app.open('/#/q/1');
  await page.getByTestId('progress-label').filter({ hasText: 'Question 1 of 21' }).waitFor();
  // Offline on a first visit (breaker F7): the Dutch file does not arrive.
  await page.route(/content-nl-[^/]*\.bin$/, (route) => route.abort('internetdisconnected'));
  await page.getByTestId('language-switch').selectOption('nl');
  await page.getByText('could not be downloaded').waitFor();
  assert.equal(await page.getByTestId('language-switch').inputValue(), 'en', 'the switch shows English, as the page');
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
  // Once the file can be had, the same switch works and follows.
  await page.unroute(/content-nl-[^/]*\.bin$/);
  await page.getByTestId('language-switch').selectOption('nl');
  await progressIs(page, 1);
  assert.equal(await page.getByTestId('language-switch').inputValue(), 'nl');
  assert.deepEqual(app.unexpected(page.errors), []);
});
