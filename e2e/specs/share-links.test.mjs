// Share links: copy, open elsewhere, damaged and hostile links, and the partner gap view.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { craftCode } from '../support/share-codes.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { storedEntries } from '../support/storage.mjs';
import { HistoryPage, ResultsPage, seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();

/**
 * Completes a quiz answered by `choose` (stored beforehand: these tests are
 * about what follows) in a new page of `context`; resolves to { page, link },
 * the share link shown on the result.
 */
async function finishAndGetLink(context, choose, label) {
  await seedAnswers(context, choose);
  const page = await app.openIn(context, '/#/review');
  const results = await seeResults(page);
  if (label) {
    await results.labelField.fill(label);
    await results.saveLabel.click();
    await page.getByText('Name saved.').waitFor();
  }
  return { page, link: await page.getByTestId('share-link').inputValue() };
}

test('a copied link opens the same result, read-only, in a fresh browser', async () => {
  const context = await app.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { page, link } = await finishAndGetLink(context, (dimension) => (dimension.startsWith('Trust') ? 'not-sure' : 3), 'Acme alliance');
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/#\/r\/[A-Za-z0-9_-]{20}\.[A-Za-z0-9_-]+$/);
  const code = link.split('#/r/')[1].split('.')[0];
  assert.ok(code.length < 40, 'short');
  await page.getByText('The link carries your answers, the date').waitFor();
  const ownScores = await new ResultsPage(page).scoresByDimension();

  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByTestId('share-status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);

  const recipient = await app.open('/');
  await recipient.goto(link);
  await recipient.getByText('Shared with you').waitFor();
  const shared = new ResultsPage(recipient);
  assert.deepEqual(await shared.scoresByDimension(), ownScores);
  assert.equal(await recipient.getByTestId('result-label').textContent(), 'Acme alliance');
  await recipient.getByText(/Completed on/).waitFor();
  await recipient.getByRole('link', { name: 'Take the quiz yourself' }).first().waitFor();
  assert.deepEqual(await storedEntries(recipient), {}, 'opening a link stores nothing');

  await recipient.getByRole('button', { name: 'Save to my history' }).click();
  await recipient.getByText('Saved to your history.').waitFor();
  const history = new HistoryPage(recipient);
  await history.open();
  assert.equal(await history.items.count(), 1);
  assert.equal(await history.item(0).title.textContent(), 'Acme alliance');
  assert.deepEqual([...page.errors, ...recipient.errors], []);
});

test('without a Clipboard API the link is selected for copying by hand', async () => {
  const context = await app.newContext({
    prepare: (c) => c.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    }),
  });
  const { page, link } = await finishAndGetLink(context, () => 2);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByTestId('share-status').filter({ hasText: 'press Ctrl+C' }).waitFor();
  const selection = await page.evaluate(() => {
    const input = document.activeElement;
    return input.id === 'share-link' ? input.value.slice(input.selectionStart, input.selectionEnd) : null;
  });
  assert.equal(selection, link);
  assert.deepEqual(page.errors, []);
});

test('damaged, hostile and newer links get a friendly page and never an error', async () => {
  const { page, link } = await finishAndGetLink(await app.newContext(), () => 1);
  const code = link.split('#/r/')[1];
  const flip = (text, at) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);
  const damaged = {
    truncated: code.slice(0, 12),
    'wrong checksum': flip(code, 5),
    'wrong base64': `${code.slice(0, 10)}!!${code.slice(12)}`,
    'unknown version': craftCode({ version: 0 }),
    'absurdly long': 'A'.repeat(100_000),
    empty: '',
  };
  // One visitor opens them one after the other (each replaces the last page).
  const visitor = await app.open('/');
  for (const [kind, bad] of Object.entries(damaged)) {
    await visitor.goto(`${app.origin}/#/r/${bad}`);
    const heading = kind === 'empty' ? 'Page not found' : 'This link is damaged or incomplete';
    await visitor.getByRole('heading', { level: 1, name: heading }).waitFor();
    if (kind !== 'empty') await visitor.getByRole('link', { name: 'Take the quiz yourself' }).waitFor();
    assert.deepEqual(visitor.errors, [], kind);
  }
  await visitor.context().close();

  const newer = await app.open(`/#/r/${craftCode({ version: 99 })}`);
  await newer.getByRole('heading', { level: 1, name: 'This link needs a newer version of the quiz' }).waitFor();

  const markup = '<img src=x onerror="window.hacked=1">';
  const hostile = await app.open(`/#/r/${craftCode({ label: markup })}`);
  await hostile.getByText('Shared with you').waitFor();
  assert.equal(await hostile.getByTestId('result-label').textContent(), markup, 'shown as text');
  assert.equal(await hostile.locator('img').count(), 0);
  assert.equal(await hostile.evaluate(() => window.hacked), undefined);
  // A label no encoder writes (a control or bidi control character): the
  // answers are intact, so the result opens without it and says so.
  const dropped = [];
  for (const label of ['Acme\u0007', '\u202Eevil.exe \u05E9\u05DC\u05D5\u05DD']) {
    const spoof = await app.open(`/#/r/${craftCode({ label })}`);
    await spoof.getByTestId('label-dropped').filter({ hasText: 'was left out' }).waitFor();
    assert.equal(await spoof.getByTestId('result-label').count(), 0, JSON.stringify(label));
    assert.doesNotMatch(await spoof.locator('.results-meta').textContent(), /·|evil/);
    dropped.push(spoof);
  }
  // A right-to-left name is fine, and shown isolated from the sentence around it.
  const rtl = await app.open(`/#/r/${craftCode({ label: '\u05E9\u05DC\u05D5\u05DD Acme' })}`);
  assert.equal(await rtl.getByTestId('result-label').locator('bdi').textContent(), '\u05E9\u05DC\u05D5\u05DD Acme');
  assert.deepEqual([...newer.errors, ...hostile.errors, ...page.errors, ...rtl.errors, ...dropped.flatMap((p) => p.errors)], []);
});

test('two partners’ links compare on one chart, biggest gaps first, as a shareable link', async () => {
  const { page: ours, link: ourLink } = await finishAndGetLink(await app.newContext(), (dimension) => (dimension.startsWith('Governance') ? 4 : 2), 'Us');
  const { page: theirs } = await finishAndGetLink(await app.newContext(), (dimension) => (dimension.startsWith('Governance') ? 0 : 2), 'Them');

  // The partner opens our link and compares it with their own latest result.
  await theirs.goto(ourLink);
  await theirs.getByRole('button', { name: 'Compare with my latest result' }).click();
  await theirs.getByRole('heading', { level: 1, name: 'Two views of one alliance' }).waitFor();
  const rows = theirs.getByTestId('gap-table').locator('tbody tr');
  assert.equal(await rows.count(), 9);
  assert.equal((await rows.first().locator('th').textContent()).trim(), 'Governance and joint decisions');
  assert.equal((await rows.first().getByTestId('gap').textContent()).trim(), '100');
  assert.equal((await rows.nth(1).getByTestId('gap').textContent()).trim(), '0');
  assert.deepEqual((await theirs.getByTestId('gap-table').locator('thead th').allTextContents()).slice(1, 3), ['Us', 'Them']);
  assert.equal(await theirs.getByTestId('gap-chart').locator('.chart-bar-second').count(), 9);
  await theirs.getByTestId('gap-advice').getByText('You see this quite differently').first().waitFor();

  const compareLink = await theirs.getByTestId('compare-link').inputValue();
  // The address bar shows the same link once the page is painted (src/after_paint.rs).
  await theirs.waitForURL(compareLink, { timeout: 2_000 });
  await theirs.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await theirs.getByRole('button', { name: 'Copy link' }).click();
  await theirs.getByTestId('compare-status').filter({ hasText: 'Link copied.' }).waitFor();
  assert.equal(await theirs.evaluate(() => navigator.clipboard.readText()), compareLink);
  const third = await app.open('/');
  await third.goto(compareLink);
  await third.getByRole('heading', { level: 1, name: 'Two views of one alliance' }).waitFor();
  assert.equal((await third.getByTestId('gap-table').locator('tbody tr').first().getByTestId('gap').textContent()).trim(), '100');

  // Pasting something that is not a link says so.
  await third.goto(ourLink);
  await third.getByLabel('Or paste another result link').fill('hello there');
  await third.getByRole('button', { name: 'Compare' }).click();
  await third.getByText('That does not look like a result link.').waitFor();
  assert.deepEqual([...ours.errors, ...theirs.errors, ...third.errors], []);
});
