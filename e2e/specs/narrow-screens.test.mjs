// Nothing is wider than the screen at 320 px (a phone, or 200 % zoom of a
// 640 px window) and with doubled text, standalone and embedded, with the
// longest names and longest words the inputs allow.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { hostPage, startHostServer } from '../support/host-server.mjs';
import { fixture } from '../support/storage.mjs';
import { seedAnswers } from '../support/answers.mjs';
import { seeResults } from '../pages/quiz-pages.mjs';

const app = useApp();
const NARROW = { width: 320, height: 640 };
// A label of 80 characters without a space: the longest word the field keeps.
const LONG_WORD = 'Partnershipwithaverylongnamethatneverbreaksbyitselfanywhereatallinthelabelfield';
let host;
let state;

before(async () => {
  host = await startHostServer({
    '/narrow': () => hostPage(app.origin, '<div id="quiz" data-alliance-quiz style="width:320px"></div>'),
  });
});
after(async () => { await host?.close(); });

/**
 * One finished, labelled result after two earlier ones (one with the longest
 * name, so the results page's "compare with" choice holds it), shared by
 * every test (storage state).
 */
async function withResult() {
  if (state) return state;
  const earlier = JSON.parse(fixture('attempts.json'));
  earlier.data[0].label = LONG_WORD;
  // The answers stored with them, finished from the review: what is tested is the pages after.
  const context = await app.newContext({
    prepare: (c) => seedAnswers(c, (dimension, number) => (number % 7 === 0 ? 'not-sure' : number % 5), {
      'alliance-quiz:attempts': JSON.stringify(earlier),
    }),
  });
  const page = await app.openIn(context, '/#/review');
  const results = await seeResults(page);
  await results.labelField.fill(LONG_WORD);
  await results.saveLabel.click();
  await page.getByTestId('result-label').filter({ hasText: LONG_WORD.slice(0, 20) }).waitFor();
  const link = await page.getByTestId('share-link').inputValue();
  const code = link.split('#/r/')[1];
  state = { storage: await context.storageState(), code, id: page.url().split('#/results/')[1] };
  await context.close();
  return state;
}

/** Elements reaching past the viewport's right edge, and the document's own overflow. */
function overflow(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const box = e.getBoundingClientRect();
        const style = getComputedStyle(e);
        const hidden = style.position === 'absolute' && box.width <= 1;
        return !hidden && box.width > 0 && box.right > width + 0.5;
      })
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    // Text that overflows its own box (a long word in a flex row) widens the
    // page without any element being wider: name the box it spills from.
    const spilling = [...document.querySelectorAll('body *')]
      .filter((e) => e instanceof HTMLElement && !['INPUT', 'TEXTAREA', 'SELECT'].includes(e.tagName) && e.scrollWidth > e.clientWidth + 1
        && getComputedStyle(e).overflowX === 'visible' && e.getBoundingClientRect().width > 1)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return { scroll: document.documentElement.scrollWidth - width, wide: [...wide, ...spilling].slice(0, 5) };
  });
}

async function routes() {
  const { code, id } = await withResult();
  return ['/', '/#/q/1', '/#/q/21', '/#/review', `/#/results/${id}`, '/#/history', `/#/r/${code}`,
    `/#/compare/${code}/${code}`, '/#/embed', '/#/nowhere', '/#/r/damaged'];
}

for (const [name, options] of [
  ['at 320 px', { viewport: NARROW }],
  ['with doubled text at 640 px', { viewport: { width: 640, height: 800 }, bigText: true }],
]) {
  test(`no page scrolls sideways or clips ${name}`, async () => {
    const { storage } = await withResult();
    const context = await app.newContext({ viewport: options.viewport, storageState: storage });
    if (options.bigText) await context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => { document.documentElement.style.fontSize = '200%'; });
    });
    // One page goes from route to route (the first is loaded, the others are
    // navigations in the app), each shown once its heading is the new one.
    const [first, ...rest] = await routes();
    const page = await app.openIn(context, first);
    let shown = null;
    for (const path of [first, ...rest]) {
      if (path !== first) await page.goto(`${app.origin}${path}`);
      await page.waitForFunction((before) => {
        const heading = document.querySelector('main h1');
        return heading !== null && heading.textContent !== before;
      }, shown);
      shown = await page.locator('main h1').first().textContent();
      // The worked scores open too, where a page has them.
      const details = page.locator('details.how-computed summary');
      if (await details.count()) await details.first().click();
      assert.deepEqual(await overflow(page), { scroll: 0, wide: [] }, path);
      assert.deepEqual(page.errors, [], path);
    }
    await context.close();
  });
}

test('the widget in a 320 px frame shows its whole result', async () => {
  const { storage, id } = await withResult();
  const context = await app.newContext({ viewport: { width: 400, height: 800 }, storageState: storage });
  const page = await app.openIn(context, `${host.origin}/narrow`);
  const frame = await (await page.$('#quiz iframe')).contentFrame();
  await frame.goto(`${app.origin}/?embed=1&id=1&host=${encodeURIComponent(host.origin)}#/results/${id}`);
  await frame.locator('main h1').first().waitFor();
  assert.equal(await frame.evaluate(() => document.documentElement.clientWidth), 320);
  assert.deepEqual(await overflow(frame), { scroll: 0, wide: [] });
  assert.deepEqual(page.errors, []);
});
