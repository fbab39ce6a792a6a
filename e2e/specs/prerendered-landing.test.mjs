// index.html prerenders the landing page (`make prerender`), so a first visit
// to `/` paints before the wasm has loaded: the markup must be exactly what
// the app renders there, the app must take its place without a flash or a
// shift, and no other page (deep links, a widget without its start screen,
// saved data) may show it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PHONE, useApp } from '../support/browser.mjs';
import { prerenderedNodesLeft, ROOT_ID, rootElements, waitForApp, watchPrerendered } from '../support/prerendered.mjs';
import { craftCode } from '../support/share-codes.mjs';
import { blockStorage, fixture, seedStorage } from '../support/storage.mjs';
import { HistoryPage, LandingPage, QuestionPage } from '../pages/quiz-pages.mjs';

const app = useApp();
const HEADING = 'How well does your organisation run its alliances?';

/** A context that watches the prerendered markup (support/prerendered.mjs); `prepare` as in useApp. */
function watchedContext({ prepare, ...options } = {}) {
  return app.newContext({
    ...options,
    prepare: async (context) => {
      await context.addInitScript(watchPrerendered, ROOT_ID);
      if (prepare) await prepare(context);
    },
  });
}

/** Holds back the wasm for pages of `context` until `release()`: the app cannot start before. */
async function holdWasm(context) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await context.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  return release;
}

/** Where every element in the root is drawn, in document order. */
function boxes(page) {
  return page.evaluate((id) => [...document.getElementById(id).querySelectorAll('*')].map((element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return `${element.tagName.toLowerCase()} ${x},${y} ${width}x${height}`;
  }), ROOT_ID);
}

/** The sum of the page's layout shifts so far (once two more frames are drawn), and where they were. */
function layoutShifts(page) {
  return page.evaluate(() => new Promise((resolve) => {
    const entries = [];
    const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    observer.observe({ type: 'layout-shift', buffered: true });
    requestAnimationFrame(() => requestAnimationFrame(() => {
      entries.push(...observer.takeRecords());
      observer.disconnect();
      resolve({
        sum: entries.reduce((sum, entry) => sum + entry.value, 0),
        sources: entries.flatMap((entry) => entry.sources.map((s) => s.node?.outerHTML?.slice(0, 80) ?? '(gone)')),
      });
    }));
  }));
}

test('index.html prerenders the landing page exactly as the app renders it on a first visit', async () => {
  const noScript = await app.open('/', { javaScriptEnabled: false });
  const prerendered = await rootElements(noScript);
  const page = await app.openIn(await watchedContext(), '/');
  await waitForApp(page);
  const rendered = await rootElements(page);

  assert.ok(prerendered?.length > 0, 'index.html has no prerendered landing page in <div id="app">: run `make prerender`');
  const at = rendered.findIndex((element, index) => element !== prerendered[index]);
  if (at >= 0 || prerendered.length !== rendered.length) {
    const index = at >= 0 ? at : Math.min(prerendered.length, rendered.length);
    const [ours, theirs] = [prerendered[index] ?? '', rendered[index] ?? ''];
    let char = 0;
    while (char < ours.length && ours[char] === theirs[char]) char += 1;
    const around = (text) => JSON.stringify(text.slice(Math.max(0, char - 40), char + 60));
    assert.fail([
      'the landing page prerendered in index.html is not what the app renders on `/` for a first visit:',
      'run `make prerender` and commit index.html.',
      `First difference: element ${index + 1} of <div id="app">, character ${char + 1}:`,
      `  index.html: ${around(ours)}`,
      `  the app:    ${around(theirs)}`,
    ].join('\n'));
  }
  assert.deepEqual(page.errors, []);
});

test('without JavaScript the landing page shows, after the message that the quiz needs it', async () => {
  const page = await app.open('/', { javaScriptEnabled: false, viewport: PHONE });
  const landing = new LandingPage(page);
  assert.equal(await landing.heading.textContent(), HEADING);
  assert.ok(await landing.heading.isVisible(), 'the heading is visible');
  assert.equal(await landing.start.getAttribute('href'), '#/q/1');
  // Chromium under Playwright parses <noscript> as if scripts ran even here,
  // so its message cannot be seen; its place in the document can.
  const before = await page.evaluate(() => {
    const message = document.querySelector('body > noscript');
    return Boolean(message?.textContent.includes('needs JavaScript')
      && message.compareDocumentPosition(document.getElementById('app')) & Node.DOCUMENT_POSITION_FOLLOWING);
  });
  assert.ok(before, 'the <noscript> message comes before the landing page');
});

test('on a first visit the app takes the prerendered landing page’s place: one landing, no layout shift', async () => {
  const context = await watchedContext({ viewport: PHONE });
  const release = await holdWasm(context);
  // The wasm is preloaded, so the load event waits for it too.
  const page = await app.openIn(context, '/', { waitUntil: 'domcontentloaded' });
  // Here the app would often start before the first frame; a phone on a
  // slow network sees the prerendered page first, and so must this test.
  await page.waitForFunction(() => window.prerenderedFrames >= 2);
  const prerendered = await boxes(page);
  release();
  await waitForApp(page);
  assert.equal(await prerenderedNodesLeft(page), false, 'the prerendered markup is gone');
  // Chrome counts a layout shift only for a node that moves, and the app's
  // nodes are new ones: what it draws must also be where the prerendered
  // nodes were.
  assert.deepEqual(await boxes(page), prerendered, 'every element is drawn where its prerendered twin was');
  const landing = new LandingPage(page);
  assert.equal(await landing.heading.count(), 1, 'one h1');
  assert.equal(await landing.heading.textContent(), HEADING);
  assert.equal(await landing.start.count(), 1, 'one Start link');
  assert.equal(await landing.duration.count(), 1);
  const shifts = await layoutShifts(page);
  assert.equal(shifts.sum, 0, `layout shifts: ${shifts.sources.join(', ')}`);

  await landing.startQuiz();
  await new QuestionPage(page).waitForNumber(1);
  assert.deepEqual(page.errors, []);
});

test('before the app starts, the prerendered skip link and Start link already work', async () => {
  const context = await watchedContext();
  const release = await holdWasm(context);
  const page = await app.openIn(context, '/', { waitUntil: 'domcontentloaded' });
  const landing = new LandingPage(page);
  await landing.heading.waitFor();
  assert.equal(await page.evaluate(() => window.appMounted), false, 'the app has not started');
  assert.ok(await page.evaluate(() => window.prerenderedFrames > 0), 'the prerendered landing page was painted');

  // The app's skip link moves focus without routing; the prerendered one must too.
  await landing.skipLink.focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'main');
  assert.equal(await page.evaluate(() => location.hash), '');

  await landing.start.click();
  assert.equal(await page.evaluate(() => location.hash), '#/q/1');
  release();
  await waitForApp(page);
  await new QuestionPage(page).waitForNumber(1);
  assert.deepEqual(page.errors, []);
});

test('a language or theme chosen before the app starts is applied once it does, not dropped', async () => {
  const context = await watchedContext();
  const release = await holdWasm(context);
  const page = await app.openIn(context, '/', { waitUntil: 'domcontentloaded' });
  await new LandingPage(page).heading.waitFor();
  assert.equal(await page.evaluate(() => window.appMounted), false, 'the app has not started');
  await page.getByTestId('language-switch').selectOption('nl');
  await page.getByTestId('theme-switch').selectOption('dark');
  release();
  await waitForApp(page);
  await page.getByRole('heading', { level: 1, name: /alliantie/i }).waitFor();
  await page.waitForFunction(() => document.documentElement.classList.contains('theme-dark'));
  assert.equal(await page.getByTestId('language-switch').inputValue(), 'nl');
  assert.equal(await page.getByTestId('theme-switch').inputValue(), 'dark');
  const settings = await page.evaluate(() => JSON.parse(localStorage.getItem('alliance-quiz:settings')).data);
  assert.deepEqual([settings.language, settings.theme], ['nl', 'dark'], 'kept, as a choice in the app is');
  assert.deepEqual(page.errors, []);
});

const ELSEWHERE = [
  {
    name: 'a question',
    path: '/#/q/5',
    shows: async (page) => {
      await new QuestionPage(page).waitForNumber(5);
      // The app moves focus to the question as it mounts: its root must be displayed by then.
      assert.ok(await page.evaluate(() => document.activeElement.classList.contains('question-prompt')), 'focus is on the question');
    },
  },
  {
    name: 'the history',
    path: '/#/history',
    shows: (page) => new HistoryPage(page).heading.waitFor(),
  },
  {
    name: 'a shared result',
    path: `/#/r/${craftCode()}`,
    shows: (page) => page.getByText('Shared with you').waitFor(),
  },
  {
    // With its start screen a widget shows it (widget-first-frame.test.mjs).
    name: 'a widget without its start screen',
    path: '/?embed=1&id=quiz&start=off#/',
    shows: async (page) => {
      await new QuestionPage(page).waitForNumber(1);
      assert.equal(await page.getByRole('banner').count(), 0, 'no site header when embedded');
    },
  },
  {
    name: 'the landing page with an assessment in progress',
    path: '/',
    prepare: (context) => seedStorage(context, { 'alliance-quiz:progress': fixture('progress.json') }),
    shows: (page) => new LandingPage(page).resume.waitFor(),
  },
  {
    name: 'the landing page with storage blocked',
    path: '/',
    prepare: blockStorage,
    shows: (page) => page.getByTestId('storage-notice').waitFor(),
  },
];

for (const { name, path, prepare, shows } of ELSEWHERE) {
  test(`${name} (${path}) never shows the prerendered landing page`, async () => {
    const page = await app.openIn(await watchedContext({ prepare }), path);
    await waitForApp(page);
    await shows(page);
    assert.equal(await page.evaluate(() => window.prerenderedFrames), 0, 'frames painted with the prerendered landing page');
    assert.equal(await prerenderedNodesLeft(page), false);
    const headings = await page.getByRole('heading', { level: 1 }).allTextContents();
    assert.equal(headings.length, 1, `one h1: ${headings.join(' | ')}`);
    if (!name.startsWith('the landing page')) assert.notEqual(headings[0], HEADING);
    assert.deepEqual(page.errors, []);
  });
}
