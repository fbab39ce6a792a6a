// postMessage from other windows and origins (docs/security.md): well-formed
// messages from the wrong origin, malformed ones, and floods of thousands a
// second. They change nothing, and the page keeps answering the keyboard
// (measured: the time from a key press to the app's answer while the flood
// runs). Runs against nginx too (make test-e2e-nginx).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { hostPage, startHostServer } from '../support/host-server.mjs';
import { EmbedQuizPage } from '../pages/quiz-pages.mjs';

const app = useApp();
// A key press answered later than this while a flood runs counts as frozen.
const ANSWER_WITHIN_MS = 2000;
// At least this many messages a second must reach the page under test.
const FLOOD_PER_SECOND = 2000;
let host;

/**
 * In the host page: posts batches of messages to `target` (a frame's window
 * or the page's own) as fast as the event loop allows, until stopped.
 */
function startFlood(target) {
  const window = globalThis;
  const win = target === 'self' ? window : document.querySelector(target).contentWindow;
  const big = 'x'.repeat(10_000);
  let nested = {};
  for (let i = 0; i < 200; i += 1) nested = { nested };
  const forged = [
    { type: 'alliance-quiz:height', version: 1, id: 'preview', height: 5 },
    { type: 'alliance-quiz:height', version: 1, id: '1', height: 5 },
    { type: 'alliance-quiz:completed', version: 1, id: '1', overall: 100, share_link: `javascript:window.__pwned=1` },
    { type: 'alliance-quiz:height', version: 1, id: 'preview', height: big },
    nested, big, null, 42, ['alliance-quiz:height'], '<img src=x onerror=window.__pwned=1>',
  ];
  window.floodRunning = true;
  const tick = () => {
    if (!window.floodRunning) return;
    for (let i = 0; i < 100; i += 1) win.postMessage(forged[i % forged.length], '*');
    setTimeout(tick, 0);
  };
  tick();
}

/** In a page or frame: counts the messages it receives from now on. */
function countMessages() {
  window.messagesSeen = 0;
  addEventListener('message', () => { window.messagesSeen += 1; });
}

before(async () => {
  host = await startHostServer({
    '/configurator': () => hostPage(app.origin, `<iframe id="cfg" title="Quiz configurator"
      style="width:100%;height:1400px;border:0" src="${app.origin}/#/embed"></iframe>`, { loader: false }),
    '/widget': () => hostPage(app.origin, '<div id="quiz" data-alliance-quiz></div>'),
  });
});
after(async () => { await host?.close(); });

async function messagesPerSecond(frame) {
  const first = await frame.evaluate(() => window.messagesSeen);
  const started = Date.now();
  await frame.evaluate(() => new Promise((done) => { setTimeout(done, 1000); }));
  const second = await frame.evaluate(() => window.messagesSeen);
  return ((second - first) * 1000) / (Date.now() - started);
}

test('a flood of forged and malformed messages from another origin: ignored, and the configurator still answers keys', async () => {
  const page = await app.open(`${host.origin}/configurator`);
  const cfg = page.frameLocator('#cfg');
  const embed = new EmbedQuizPage(cfg);
  await embed.heading.waitFor();
  await embed.preview.waitFor();
  const height = await embed.preview.getAttribute('height');
  const frame = await (await page.locator('#cfg').elementHandle()).contentFrame();
  await frame.evaluate(countMessages);
  await page.evaluate(startFlood, '#cfg');
  const rate = await messagesPerSecond(frame);
  assert.ok(rate >= FLOOD_PER_SECOND, `the flood reaches the app: ${Math.round(rate)} messages a second`);

  await embed.frameTitle.fill('Flooded');
  const pressed = Date.now();
  await embed.frameTitle.press('Tab');
  // The app applies the field when it is left: the snippet then names it.
  await frame.waitForFunction(() => document.querySelector('[data-testid=embed-code]').value.includes('Flooded'), null,
    { timeout: ANSWER_WITHIN_MS, polling: 10 });
  const answered = Date.now() - pressed;
  await page.evaluate(() => { window.floodRunning = false; });
  assert.ok(answered < ANSWER_WITHIN_MS, `answered in ${answered} ms`);
  assert.equal(await embed.preview.getAttribute('height'), height, 'no forged height applied');
  assert.equal(await frame.evaluate(() => window.__pwned), undefined);
  console.log(`# configurator: ${Math.round(rate)} messages/s, key answered in ${answered} ms`);
});

test('a flood at a host page with a widget: the loader ignores it and the quiz in the frame still answers keys', async () => {
  const page = await app.open(`${host.origin}/widget`);
  const quiz = page.frameLocator('#quiz iframe');
  await quiz.getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => window.quizEvents.some((e) => e.type === 'alliance-quiz:ready'));
  const frameHeight = () => page.evaluate(() => document.querySelector('#quiz iframe').getBoundingClientRect().height);
  const height = await frameHeight();
  const events = (await page.evaluate(() => window.quizEvents)).length;
  await page.evaluate(countMessages);
  await page.evaluate(startFlood, 'self');
  const rate = await messagesPerSecond(page.mainFrame());
  assert.ok(rate >= FLOOD_PER_SECOND, `the flood reaches the loader: ${Math.round(rate)} messages a second`);

  const start = quiz.getByRole('link', { name: 'Start the assessment' });
  await start.focus();
  const pressed = Date.now();
  await start.press('Enter');
  await quiz.getByRole('heading', { level: 1 }).filter({ hasNotText: 'How well' }).waitFor({ timeout: ANSWER_WITHIN_MS });
  const answered = Date.now() - pressed;
  await page.evaluate(() => { window.floodRunning = false; });
  assert.ok(answered < ANSWER_WITHIN_MS, `answered in ${answered} ms`);
  const seen = (await page.evaluate(() => window.quizEvents)).slice(events).map((e) => e.type);
  assert.ok(!seen.includes('alliance-quiz:completed'), 'no forged event passed on');
  assert.ok((await frameHeight()) >= Math.min(height, 100), 'no forged height applied');
  assert.notEqual(await frameHeight(), 5);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  console.log(`# widget host: ${Math.round(rate)} messages/s, key answered in ${answered} ms`);
});
