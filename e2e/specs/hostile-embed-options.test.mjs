// Every option of the embed loader (embed/embed.js) set to nonsense by a host
// page: huge values, HTML, javascript: URLs, sizes that are not sizes; and
// height reports that are not heights. docs/security.md lists the cases.
// Runs against nginx too (make test-e2e-nginx).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { hostPage, startHostServer } from '../support/host-server.mjs';

const app = useApp();
const PWN = 'window.__pwned=1';
const RESERVED = 640;
const LANDING = 'How well does your organisation run its alliances?';
let host;

// Attribute values are written with &quot; so each lands whole in data-*.
const attr = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
const HUGE = 'x'.repeat(100_000);
const HTML = `"><img src=x onerror="${PWN}"><script>${PWN}</script>`;
const OPTIONS = {
  title: [HUGE, HTML, `javascript:${PWN}`],
  language: [HUGE, HTML, `javascript:${PWN}`],
  theme: [HUGE, HTML, 'dark;background:url(javascript:x)'],
  accent: [HUGE, `#fff" onload="${PWN}`, 'url(javascript:x)'],
  compact: [HUGE, HTML, 'NaN'],
  'start-screen': [HUGE, HTML, '-1'],
  'share-base': [`javascript:${PWN}`, `data:text/html,<script>${PWN}</script>`, `https://ex.example/${HUGE}`],
  // Not options of the loader: sizes a site owner might try.
  height: ['-500', 'NaN', '1e9'],
  width: ['-1', 'Infinity', HUGE],
};

before(async () => {
  const boxes = [0, 1, 2].map((n) => {
    const attrs = Object.entries(OPTIONS).map(([name, values]) => `data-${name}="${attr(values[n])}"`).join(' ');
    return `<div id="w${n}" data-alliance-quiz ${attrs}></div>`;
  }).join('\n');
  host = await startHostServer({ '/nonsense': () => hostPage(app.origin, boxes) });
});
after(async () => { await host?.close(); });

test('nonsense in every data-* option: three working widgets with the defaults, and nothing runs', async () => {
  const page = await app.open(`${host.origin}/nonsense`);
  for (const n of [0, 1, 2]) {
    const frame = page.frameLocator(`#w${n} iframe`);
    await frame.getByRole('heading', { level: 1, name: LANDING }).waitFor();
    const iframe = page.locator(`#w${n} iframe`);
    const src = new URL(await iframe.getAttribute('src'));
    // Only what the loader accepts reaches the app: no theme, accent or share base.
    for (const name of ['theme', 'accent', 'share']) assert.equal(src.searchParams.get(name), null, `${name} of #w${n}`);
    // The title is the attribute's text, never markup.
    assert.equal(await iframe.getAttribute('title'), OPTIONS.title[n]);
    const inFrame = await iframe.evaluate((f) => f.contentWindow.document.documentElement.lang).catch(() => null);
    assert.ok(inFrame === null || inFrame === 'en');
  }
  // Heights: the reserved one until the app reports its own, never a
  // negative, NaN or huge size from the page's attributes.
  const heights = await page.evaluate(() => [...document.querySelectorAll('[data-alliance-quiz] iframe')]
    .map((f) => f.getBoundingClientRect().height));
  for (const height of heights) assert.ok(height > 100 && height <= RESERVED * 3, `height ${height}`);
  assert.equal(await page.locator('body > img, [data-alliance-quiz] img').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'nothing ran on the host page');
  for (const frame of page.frames()) {
    assert.equal(await frame.evaluate(() => window.__pwned), undefined, `nothing ran in ${frame.url().slice(0, 60)}`);
  }
});

test('height reports that are not heights (negative, NaN, huge, text) leave the frame as it was', async () => {
  const page = await app.open(`${host.origin}/nonsense`);
  const iframe = page.locator('#w0 iframe');
  await page.frameLocator('#w0 iframe').getByRole('heading', { level: 1, name: LANDING }).waitFor();
  const frame = await (await iframe.elementHandle()).contentFrame();
  // The app's own height report settles first.
  let before;
  for (let at = 0; ; at += 1) {
    const now = await iframe.evaluate((f) => f.getBoundingClientRect().height);
    if (now === before) break;
    before = now;
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    assert.ok(at < 100, 'the frame never settled');
  }
  // The loader re-dispatches other types as events on the container: a
  // marker sent after the bad heights arrives after they were handled.
  await page.evaluate(() => {
    window.doneSending = new Promise((done) => { document.addEventListener('alliance-quiz:done-sending', done, { once: true }); });
  });
  // Sent from inside the app's frame (the right origin and window): only the height is wrong.
  await frame.evaluate(() => {
    for (const height of [-5, 0, NaN, Infinity, 1e9, '640px', null, [700], '700']) {
      parent.postMessage({ type: 'alliance-quiz:height', version: 1, id: '1', height }, '*');
    }
    parent.postMessage({ type: 'alliance-quiz:done-sending', version: 1, id: '1' }, '*');
  });
  await page.evaluate(() => window.doneSending);
  assert.equal(await iframe.evaluate((f) => f.getBoundingClientRect().height), before);
});
