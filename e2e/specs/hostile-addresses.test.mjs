// Crafted addresses (docs/security.md): unknown routes, huge and malformed
// queries and fragments, percent-encoding errors, script in the address and
// in share links' labels. Each gets a page that says what it is, nothing in
// them runs (the sentinel `window.__pwned` stays unset), and what the visitor
// saved is still there afterwards. Runs against nginx too (make test-e2e-nginx).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { craftCode, shareCode } from '../support/share-codes.mjs';
import { fixture, storedEntries } from '../support/storage.mjs';

const app = useApp();
const PWN = 'window.__pwned=1';
const SAVED = {
  'alliance-quiz:attempts': fixture('attempts.json'),
  'alliance-quiz:settings': fixture('settings.json'),
};
const NOT_FOUND = 'Page not found';
const DAMAGED = 'This link is damaged or incomplete';
const LANDING = 'How well does your organisation run its alliances?';
const HISTORY = 'Your results';

/** A context whose storage holds SAVED, written once (not again in each new tab). */
async function savedContext() {
  const context = await app.newContext();
  const page = await app.openIn(context, '/404-for-seeding');
  await page.evaluate((entries) => {
    for (const [key, value] of Object.entries(entries)) localStorage.setItem(key, value);
  }, SAVED);
  await page.close();
  return context;
}

/**
 * Opens each [address, heading] in its own tab of `context` and checks it,
 * four tabs at a time (each is a fresh load of its address; most of a load is
 * waiting, so they overlap well).
 */
async function visitAll(context, cases) {
  const queue = [...cases];
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (queue.length > 0) await visit(context, ...queue.shift());
  }));
}

async function visit(context, address, heading) {
  const page = await app.openIn(context, address);
  const shown = page.getByRole('heading', { level: 1, name: heading, exact: true });
  // Ten seconds, not five: four loads share the machine.
  await shown.waitFor({ timeout: 10_000 }).catch(async () => {
    const h1 = await page.getByRole('heading', { level: 1 }).allTextContents();
    throw new Error(`${address.slice(0, 80)}: expected “${heading}”, shown ${JSON.stringify(h1)}`);
  });
  assert.equal(await page.evaluate(() => window.__pwned), undefined, address.slice(0, 80));
  await page.close();
}

test('unknown routes, huge and malformed queries and fragments: a page that says so, and nothing saved is lost', async () => {
  // The host's 404 page for paths it does not have (and, behind nginx, for
  // malformed ones), which the browser reports in the console.
  app.expectConsole(/status of 40[04]/);
  const context = await savedContext();
  await visitAll(context, [
    ['/#/nope', NOT_FOUND],
    ['/#/q/0', NOT_FOUND],
    ['/#/q/99999999999999999999999999', NOT_FOUND],
    ['/#/results/%00', NOT_FOUND],
    ['/#/compare/a', NOT_FOUND],
    [`/#/${'a/'.repeat(50_000)}`, NOT_FOUND],
    [`/#/r/${'A'.repeat(200_000)}`, DAMAGED],
    ['/#/r/%E0%A4%A', NOT_FOUND],
    ['/#/q/%ZZ', NOT_FOUND],
    ['/#%', LANDING],
    [`/#/<script>${PWN}</script>`, NOT_FOUND],
    // Not a route (no `/` after `#`, as a skip link's `#main`): the landing page.
    [`/#javascript:${PWN}`, LANDING],
    // Queries the app does not know, too long for any option, or malformed:
    // ignored; the landing page (with the saved results, in English).
    [`/?lang=${'x'.repeat(6000)}&theme=${'<b>'.repeat(500)}`, LANDING],
    ['/?lang=%E0%A4%A&theme=%ZZ&embed=%', LANDING],
    [`/?lang=<img src=x onerror=${PWN}>&lang=nl#/history`, HISTORY],
    // Paths: the host's page for addresses it does not have.
    ['/nope/deeper', NOT_FOUND],
    ['/%E0%A4%A', NOT_FOUND],
    ['/%23/r/%ZZ', NOT_FOUND],
    [`/%23/<script>${PWN}</script>`, NOT_FOUND],
  ]);
  const page = await app.openIn(context, '/#/history');
  await page.getByRole('heading', { level: 1, name: HISTORY }).waitFor();
  assert.deepEqual(await storedEntries(page), SAVED, 'nothing saved is touched');
});

test('a widget address with every option crafted: the start screen, no options taken, nothing runs', async () => {
  const query = new URLSearchParams({
    embed: '1',
    id: '<script>x</script>'.repeat(10),
    host: `javascript:${PWN}`,
    accent: 'red;background:url(javascript:x)',
    theme: '<b>dark</b>',
    compact: '"><svg onload=x>',
    start: 'x'.repeat(5000),
    share: `javascript:${PWN}`,
    lang: '../../etc/passwd',
  });
  const page = await app.open(`/?${query}#/`);
  await page.getByRole('heading', { level: 1, name: LANDING }).waitFor();
  const root = await page.evaluate(() => ({
    classes: [...document.documentElement.classList].sort(),
    accent: document.documentElement.style.getPropertyValue('--color-accent'),
    lang: document.documentElement.lang,
  }));
  // A widget (no header) in the light theme, not compact (only `1` is),
  // not sized by a host it could not name, in English, no accent.
  assert.deepEqual(root, { classes: ['embed', 'theme-light'], accent: '', lang: 'en' });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('script-looking labels in share and compare links are shown as text and never run', async () => {
  const labels = [
    `<script>${PWN}</script>`,
    `<img src=x onerror="${PWN}">`,
    `javascript:${PWN}`,
    '"><svg/onload=alert(1)>',
  ];
  for (const label of labels) {
    const page = await app.open(`/#/r/${craftCode({ label })}`);
    await page.getByText('Shared with you').waitFor();
    assert.equal(await page.getByTestId('result-label').textContent(), label);
    assert.equal(await page.locator('main img, main script, main svg[onload]').count(), 0);
    assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined, label);
    await page.context().close();
  }
  // Two of them side by side, and through the host's 404 page (# as %23).
  app.expectConsole(/status of 404/);
  const first = shareCode({ version: 2, answers: new Array(21).fill(4), label: labels[0] });
  const second = shareCode({ version: 2, answers: new Array(21).fill(2), label: labels[1] });
  const compare = await app.open(`/%23/compare/${first}/${second}`);
  await compare.getByText(labels[0], { exact: true }).first().waitFor();
  await compare.getByText(labels[1], { exact: true }).first().waitFor();
  assert.equal(await compare.evaluate(() => window.__pwned), undefined);
});
