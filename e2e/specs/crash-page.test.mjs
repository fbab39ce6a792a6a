// Never a blank page: a panic (triggered on purpose in the crash-test build,
// target/crash-dist/, scripts/crash-build.mjs; the release dist/ cannot)
// shows the crash page in the visitor's language, with Reload and
// "Copy details", inside a host page's frame too, and nothing saved is touched.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { CRASH_DIST } from '../support/server.mjs';
import { hostPage, startHostServer } from '../support/host-server.mjs';
import { fixture, seedStorage, storedEntries } from '../support/storage.mjs';

const app = useApp({ root: CRASH_DIST });
// The wasm traps after the hook has run: the call that panicked ends in an
// uncaught RuntimeError, which is what a crash looks like in the console.
const TRAP = /unreachable/;

let host;
before(async () => {
  host = await startHostServer({
    '/crash': () => hostPage(app.origin, `<iframe id="quiz" title="Quiz" allow="clipboard-write"
      style="width:100%;height:640px;border:0" src="${app.origin}/?embed=1&id=1&host=${encodeURIComponent(host.origin)}&crash-test=render#/"></iframe>`, { loader: false }),
  });
});
after(async () => { await host?.close(); });

const SAVED = {
  'alliance-quiz:attempts': fixture('attempts.json'),
  'alliance-quiz:settings': fixture('settings.json'),
};

/** The crash page's parts, in a page or a frame. */
function crashPage(root) {
  return {
    heading: root.getByRole('heading', { level: 1 }),
    reload: root.getByRole('button', { name: /^(Reload|Opnieuw laden)$/ }),
    copy: root.getByRole('button', { name: /^(Copy details|Details kopiëren)$/ }),
    status: root.getByRole('status'),
    // In a closed <details> until "Copy details" fails: hidden, but there.
    details: root.getByRole('textbox', { includeHidden: true }),
  };
}

test('a panic while the quiz renders: the crash page, details to copy, Reload, and storage untouched', async () => {
  app.expectConsole(TRAP);
  const context = await app.newContext({ prepare: (c) => seedStorage(c, SAVED) });
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await app.openIn(context, '/?crash-test=render#/q/2');
  const crash = crashPage(page);
  await crash.heading.filter({ hasText: 'Something went wrong' }).waitFor();
  await page.getByText('The quiz stopped because of an error in it; what you saved in this browser is safe, so reload the page to carry on.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus is on what happened');
  assert.equal(await page.locator('.site-header, [data-testid=question]').count(), 0, 'nothing of the app is left');
  assert.equal(await page.getByRole('main').getAttribute('lang'), 'en');

  await crash.copy.click();
  await crash.status.filter({ hasText: 'Details copied.' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(copied, /crash test at render/, 'the panic message');
  assert.match(copied, /src\/crash\.rs:\d+:\d+/, 'where it happened');
  assert.match(copied, /Version 0\.1\.0 \(([0-9a-f]{12}|unknown)\)/, "the build's version");
  assert.equal(await crash.details.inputValue(), copied);

  // Timers and the page going away must not write anything either.
  await page.evaluate(() => { window.beforeReload = true; });
  await crash.reload.click();
  await page.waitForFunction(() => window.beforeReload === undefined && document.querySelector('h1'));
  await crash.heading.filter({ hasText: 'Something went wrong' }).waitFor();
  assert.deepEqual(await storedEntries(page), SAVED, 'nothing saved is touched');
  assert.ok(page.errors.some((e) => TRAP.test(e)), 'the panic did happen');
});

test('in Dutch, and without a clipboard the details are selected for copying by hand', async () => {
  app.expectConsole(TRAP);
  const context = await app.newContext({
    prepare: (c) => c.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { configurable: true, get: () => undefined });
    }),
  });
  const page = await app.openIn(context, '/?lang=nl&crash-test=render#/');
  const crash = crashPage(page);
  await crash.heading.filter({ hasText: 'Er ging iets mis' }).waitFor();
  assert.equal(await page.getByRole('main').getAttribute('lang'), 'nl');
  await crash.copy.click();
  await crash.status.filter({ hasText: 'druk op Ctrl+C' }).waitFor();
  const selected = await page.evaluate(() => {
    const area = document.activeElement;
    return area.value.slice(area.selectionStart, area.selectionEnd);
  });
  assert.match(selected, /^panicked at .*crash test at render.*Version /s);
});

test('a panic before the content is read: the same page in fixed English', async () => {
  app.expectConsole(TRAP);
  const page = await app.open('/?lang=nl&crash-test=start');
  const crash = crashPage(page);
  await crash.heading.filter({ hasText: 'Something went wrong' }).waitFor();
  // The built-in English says what en.toml says, the promise included.
  await page.getByText('what you saved in this browser is safe', { exact: false }).waitFor();
  await crash.reload.waitFor();
  await crash.copy.waitFor();
  assert.equal(await page.getByRole('main').getAttribute('lang'), 'en');
  assert.match(await crash.details.inputValue(), /crash test at start/);
});

test('in a host page’s frame the crash page shows inside the frame and the host page goes on', async () => {
  app.expectConsole(TRAP);
  const page = await app.open(`${host.origin}/crash`);
  const frame = page.frameLocator('#quiz');
  const crash = crashPage(frame);
  await crash.heading.filter({ hasText: 'Something went wrong' }).waitFor();
  await crash.reload.waitFor();
  const box = await page.locator('#quiz').boundingBox();
  const heading = await crash.heading.boundingBox();
  assert.ok(heading.y >= box.y && heading.y + heading.height <= box.y + box.height, 'visible in the frame');
  assert.equal(await page.locator('#below').textContent(), 'Below the quiz');
});
