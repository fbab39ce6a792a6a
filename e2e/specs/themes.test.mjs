// Light and dark themes (docs/architecture.md#themes): the system's by
// default, a switch whose choice is kept, the first frame already in the
// chosen theme, and inside a widget the host's theme whatever the visitor chose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { seedStorage, storedEntries } from '../support/storage.mjs';
import { LandingPage, QuestionPage } from '../pages/quiz-pages.mjs';

const app = useApp();
const LIGHT = 'rgb(246, 247, 249)';
const DARK = 'rgb(17, 23, 30)';

const background = (page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

/** An init script: the body's background in the first frame the page draws, in `window.firstFrame`. */
function recordFirstFrame() {
  requestAnimationFrame(() => { window.firstFrame = getComputedStyle(document.body).backgroundColor; });
}

test('the theme follows the system until the visitor chooses one, which is kept and painted from the first frame', async () => {
  const context = await app.newContext({ colorScheme: 'dark', prepare: (c) => c.addInitScript(recordFirstFrame) });
  const page = await app.openIn(context, '/');
  await new LandingPage(page).heading.waitFor();
  const themes = page.getByTestId('theme-switch');
  assert.equal(await themes.inputValue(), 'system');
  assert.equal(await page.evaluate(() => window.firstFrame), DARK, 'the prerendered landing page is dark at once');
  assert.equal(await background(page), DARK);

  await themes.selectOption({ label: 'Light theme' });
  assert.equal(await background(page), LIGHT);
  assert.equal(JSON.parse((await storedEntries(page))['alliance-quiz:settings']).data.theme, 'light');

  assert.deepEqual(page.errors, []);
  await page.close();

  // A later visit, on a question: light before the app has started.
  const later = await app.openIn(context, '/#/q/2');
  await new QuestionPage(later).waitForNumber(2);
  assert.equal(await later.evaluate(() => window.firstFrame), LIGHT, 'no dark frame first');
  assert.equal(await later.getByTestId('theme-switch').inputValue(), 'light');

  await later.emulateMedia({ colorScheme: 'light' });
  await later.getByTestId('theme-switch').selectOption('dark');
  assert.equal(await background(later), DARK, 'dark on a light system');
  await later.getByTestId('theme-switch').selectOption('system');
  assert.equal(await background(later), LIGHT, 'back to the system');
  assert.deepEqual(later.errors, []);
});

test('a theme chosen in another tab is taken up in this one', async () => {
  const context = await app.newContext({ colorScheme: 'light' });
  const one = await app.openIn(context, '/#/q/1');
  const other = await app.openIn(context, '/#/history');
  await new QuestionPage(one).waitForNumber(1);
  await other.getByTestId('theme-switch').selectOption('dark');
  await one.waitForFunction((dark) => getComputedStyle(document.body).backgroundColor === dark, DARK);
  assert.equal(await one.getByTestId('theme-switch').inputValue(), 'dark');
  assert.deepEqual([...one.errors, ...other.errors], []);
});

test('unreadable settings do not keep the page from showing, in the system theme', async () => {
  const context = await app.newContext({
    colorScheme: 'dark',
    prepare: (c) => seedStorage(c, { 'alliance-quiz:settings': '{"schema":1,"data":{"theme":' }),
  });
  const page = await app.openIn(context, '/');
  await new LandingPage(page).heading.waitFor();
  assert.equal(await background(page), DARK);
  assert.equal(await page.getByTestId('theme-switch').inputValue(), 'system');
  assert.deepEqual(page.errors, []);
});

for (const { name, query, system, saved, expected } of [
  { name: 'light by default, over a visitor who chose dark', query: '', system: 'dark', saved: 'dark', expected: LIGHT },
  { name: 'dark when the host asks, on a light system', query: '&theme=dark', system: 'light', saved: 'light', expected: DARK },
  { name: 'the system when the host asks for auto', query: '&theme=auto', system: 'dark', saved: 'light', expected: DARK },
]) {
  test(`a widget shows its host's theme: ${name}`, async () => {
    const settings = JSON.stringify({ schema: 1, data: { theme: saved } });
    const context = await app.newContext({
      colorScheme: system,
      prepare: async (c) => { await c.addInitScript(recordFirstFrame); await seedStorage(c, { 'alliance-quiz:settings': settings }); },
    });
    const page = await app.openIn(context, `/?embed=1&id=quiz${query}#/q/1`);
    await new QuestionPage(page).waitForNumber(1);
    assert.equal(await page.evaluate(() => window.firstFrame), expected, 'from the first frame');
    assert.equal(await background(page), expected);
    assert.equal(await page.getByTestId('theme-switch').count(), 0, 'no switch inside a widget');
    assert.deepEqual(page.errors, []);
  });
}
