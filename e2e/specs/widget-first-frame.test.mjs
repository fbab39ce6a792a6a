// A widget's first frame (docs/embedding.md#the-first-frame): the
// prerendered landing page in the widget's layout and the host's theme and
// accent before the wasm has loaded, the frame already at its height, and
// the app taking its place without a shift or a change of height.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { PHONE, useApp } from '../support/browser.mjs';
import { hostPage, startHostServer } from '../support/host-server.mjs';
import { prerenderedNodesLeft, ROOT_ID, rootElements, waitForApp, watchPrerendered } from '../support/prerendered.mjs';
import { LandingPage, QuestionPage } from '../pages/quiz-pages.mjs';

const app = useApp();
let host;

before(async () => {
  host = await startHostServer({
    '/widget': () => hostPage(app.origin, '<div id="quiz" data-alliance-quiz data-theme="dark" data-accent="#F5A25D"></div>', {
      extra: `<script>window.heights = [];
        addEventListener('message', (e) => { if (e.data && e.data.type === 'alliance-quiz:height') heights.push(e.data.height); });</script>`,
    }),
  });
});
after(async () => { await host?.close(); });

/** Where every element in the frame's root is drawn, in document order. */
function boxes(frame) {
  return frame.evaluate((id) => [...document.getElementById(id).querySelectorAll('*')].map((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return `${element.tagName.toLowerCase()} ${x},${y} ${width}x${height}`;
  }), ROOT_ID);
}

test('a widget paints the landing page in its own layout, theme and height before the app starts, which takes its place without a shift', async () => {
  const context = await app.newContext({ viewport: PHONE, prepare: (c) => c.addInitScript(watchPrerendered, ROOT_ID) });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  const page = await app.openIn(context, `${host.origin}/widget`, { waitUntil: 'domcontentloaded' });
  const frame = await (await page.waitForSelector('#quiz iframe')).contentFrame();
  await frame.waitForFunction(() => window.prerenderedFrames >= 2);
  assert.equal(await frame.evaluate(() => window.appMounted), false, 'the app has not started');

  const landing = new LandingPage(frame);
  assert.ok(await landing.heading.isVisible(), 'the landing page is shown');
  assert.equal(await frame.getByRole('banner').count(), 0, 'no site header');
  assert.equal(await frame.getByRole('contentinfo').count(), 0, 'no site footer');
  const colours = () => frame.evaluate(() => {
    const start = getComputedStyle(document.querySelector('.button-primary'));
    return { page: getComputedStyle(document.body).backgroundColor, button: start.backgroundColor, text: start.color };
  });
  const early = await colours();
  assert.deepEqual(early, { page: 'rgb(17, 23, 30)', button: 'rgb(245, 162, 93)', text: 'rgb(17, 17, 17)' }, 'dark, with the host\'s accent');

  // Sized from the prerendered page: the loader has the height already.
  await page.waitForFunction(() => window.heights.length > 0);
  const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  assert.deepEqual(await page.evaluate(() => window.heights), [content], 'one height, the content\'s');
  assert.equal(await page.evaluate(() => document.querySelector('#quiz iframe').getBoundingClientRect().height), content);
  const markup = await rootElements(frame);
  const drawn = await boxes(frame);

  release();
  await waitForApp(frame);
  assert.equal(await prerenderedNodesLeft(frame), false, 'the prerendered markup is gone');
  assert.deepEqual(await rootElements(frame), markup, 'the app renders what the first frame showed');
  assert.deepEqual(await boxes(frame), drawn, 'every element is drawn where its prerendered twin was');
  assert.deepEqual(await colours(), early);
  const shifts = await frame.evaluate(() => new Promise((resolve) => {
    new PerformanceObserver((list) => resolve(list.getEntries().reduce((sum, e) => sum + e.value, 0)))
      .observe({ type: 'layout-shift', buffered: true });
    setTimeout(() => resolve(0), 300);
  }));
  assert.equal(shifts, 0, 'no layout shift in the frame');
  // The app reports its height as it starts: the same one.
  await page.waitForFunction(() => window.heights.length > 1);
  assert.deepEqual(await page.evaluate(() => window.heights), [content, content]);

  await landing.startQuiz();
  await new QuestionPage(frame).waitForNumber(1);
  assert.deepEqual(page.errors, []);
});
