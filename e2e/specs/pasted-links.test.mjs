// A result link opens however mail and chat tools changed it: pasted into
// "compare", and in the address bar.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();

/** One visitor finishes once (answers stored beforehand); every test reads that result's code. */
let shared;
async function sharedCode() {
  if (shared) return shared;
  const page = await app.openIn(await app.newContext({ prepare: (c) => seedAnswers(c, () => 2) }), '/#/review');
  await seeResults(page);
  const link = await page.getByTestId('share-link').inputValue();
  shared = { link, code: link.split('#/r/')[1] };
  await page.context().close();
  return shared;
}

test('a link changed by mail or chat tools, pasted into compare, opens the comparison', async () => {
  const { link, code } = await sharedCode();
  const encoded = encodeURIComponent(link);
  const pastes = {
    'a tracking query': `${link}?utm_source=mail`,
    'angle brackets': `<${link}>`,
    'a full stop': `${link}.`,
    'a comma': `${link},`,
    '# as %23': link.replace('#', '%23'),
    'a safe-links redirect': `https://eur01.safelinks.protection.outlook.com/?url=${encoded}&data=05%7C02&reserved=0`,
    'a redirect encoded twice': `https://scanner.example/?u=${encodeURIComponent(encoded)}&sig=1`,
    // fill() keeps the newline as the field turns it: a space (breaker F3).
    'wrapped over two lines': `${link.slice(0, -6)}\n${link.slice(-6)}`,
    'a zero-width space after /r/': link.replace('#/r/', '#/r/\u200B'),
    'a full-width #': link.replace('#', '\uFF03'),
  };
  const page = await app.open(`/#/r/${code}`);
  for (const [what, pasted] of Object.entries(pastes)) {
    await page.goto(`${app.origin}/#/r/${code}`);
    await page.getByLabel('Or paste another result link').fill(pasted);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.getByTestId('partner-compare').waitFor();
    assert.equal(await page.getByTestId('compare-link').inputValue(), `${app.origin}/#/compare/${code}/${code}`, what);
    // The address follows after the paint; the next paste starts from the result again.
    await page.waitForURL(/#\/compare\//);
  }
  assert.deepEqual(page.errors, []);
});

test('two results in one paste are refused, naming what was found', async () => {
  const { code } = await sharedCode();
  const page = await app.open(`/#/r/${code}`);
  await page.getByLabel('Or paste another result link').fill(`${app.origin}/#/compare/${code}/AQEAAAAAAAAAAAAAAAAAAPsoAQ`);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'That holds 2 different results' }).waitFor();
  await page.getByLabel('Or paste another result link').fill('no link here');
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await page.getByRole('alert').filter({ hasText: 'does not look like a result link' }).waitFor();
  assert.deepEqual(page.errors, []);
});

test('in the address bar: a full stop after the code, a query, and # written as %23', async () => {
  const { code } = await sharedCode();
  for (const address of [`/#/r/${code}.`, `/#/r/${code}?utm_source=mail`, `/#/r/${code})`]) {
    const page = await app.open(address);
    await page.getByTestId('shared-result').waitFor();
    await page.waitForURL(`${app.origin}/#/r/${code}`);
    assert.deepEqual(page.errors, [], address);
    await page.context().close();
  }
  // `#` as `%23` is a path the host does not have: its 404.html sends the
  // visitor on to the app with the route as the fragment.
  app.expectConsole(/status of 404/);
  const page = await app.open(`/%23/r/${code}`);
  await page.getByTestId('shared-result').waitFor();
  assert.equal(page.url(), `${app.origin}/#/r/${code}`);
  assert.deepEqual(app.unexpected(page.errors), []);
});
