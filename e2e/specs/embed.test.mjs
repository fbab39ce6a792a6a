// Embedding on a site owner's page (another origin): the loader, sizing,
// events, independence of widgets, forged messages, sandbox and blocked storage.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { useApp } from '../support/browser.mjs';
import { axeViolations } from '../support/axe.mjs';
import { hostPage, startHostServer } from '../support/host-server.mjs';
import { blockStorage } from '../support/storage.mjs';
import { answerAllByKeys, EmbedQuizPage, QuestionPage, ResultsPage } from '../pages/quiz-pages.mjs';

const app = useApp();
const RESERVED = 640;
let host;
const pages = {};

before(async () => {
  // Built on request: the app's server (useApp) has its origin only once it is up.
  pages['/one'] = () => hostPage(app.origin, '<div id="quiz" data-alliance-quiz data-title="Alliance quiz"></div>');
  pages['/options'] = () => hostPage(app.origin, `<div id="quiz" data-alliance-quiz data-theme="dark" data-accent="#F5A25D"
    data-compact data-start-screen="off" data-share-base="https://training.example/quiz"></div>`);
  pages['/dutch'] = () => hostPage(app.origin, '<div id="quiz" data-alliance-quiz data-language="nl"></div>');
  pages['/hostile-options'] = () => hostPage(app.origin, '<div id="quiz" data-alliance-quiz data-accent="red;--x:url(y)" data-theme="purple"></div>');
  pages['/two'] = () => hostPage(app.origin, `<div id="first" data-alliance-quiz data-start-screen="off"></div>
    <div id="second" data-alliance-quiz></div>`);
  // A frame that claims another host origin than the page it is on.
  const frame = (id, declared) => `<iframe id="f${id}" title="Quiz ${id}" style="width:100%;height:640px;border:0"
    src="${app.origin}/?embed=1&id=${id}&host=${encodeURIComponent(declared)}#/"></iframe>`;
  host = await startHostServer(pages);
  pages['/liar'] = () => hostPage(app.origin, frame(8, host.origin) + frame(9, 'http://127.0.0.1:9'), {
    loader: false,
    extra: '<script>window.allMessages = []; addEventListener("message", (e) => allMessages.push(e.data));</script>',
  });
});
after(async () => { await host?.close(); });

/** A host page in a fresh context; console errors of every frame land in `page.errors`. */
async function openHost(path, options) {
  return app.openIn(await app.newContext(options), `${host.origin}${path}`);
}

const quizEvents = (page) => page.evaluate(() => window.quizEvents);

async function waitForEvent(page, type, on = 'quiz') {
  await page.waitForFunction(([t, o]) => window.quizEvents.some((e) => e.type === `alliance-quiz:${t}` && e.on === o), [type, on]);
}

/** The app's frame inside container `#boxId`. */
async function appFrame(page, boxId) {
  return (await page.$(`#${boxId} iframe`)).contentFrame();
}

/**
 * Waits until the iframe is exactly as tall as its content, then checks that
 * nothing scrolls inside it and that the host lays out around it: the
 * container is the reserved height or the frame's, and what follows it on
 * the page sits right under it. Returns the frame's height.
 */
async function settledHeight(page, boxId = 'quiz') {
  const frame = await appFrame(page, boxId);
  let last;
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const shown = await page.evaluate((id) => document.querySelector(`#${id} iframe`).getBoundingClientRect().height, boxId);
    if (content === shown && content === last) {
      const inner = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
      assert.ok(inner.scroll <= inner.client, `no inner scrollbar: ${JSON.stringify(inner)}`);
      const layout = await page.evaluate((id) => {
        const box = document.getElementById(id).getBoundingClientRect();
        const next = document.getElementById(id).nextElementSibling.getBoundingClientRect();
        return { box: box.height, below: next.top - box.bottom };
      }, boxId);
      assert.equal(layout.box, Math.max(RESERVED, shown), 'the container is the reserved height or the frame’s');
      assert.ok(layout.below >= 0 && layout.below < 20, 'what comes next follows the container');
      return shown;
    }
    last = content;
    // The next two frames of the host page: a resize and its report land in between.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  throw new Error(`#${boxId}: the iframe never matched its content's height`);
}

/** Answers every question in the widget with option `choice` (0-4), by its key, then its results. */
async function finishInFrame(page, quiz, choice = 3) {
  await answerAllByKeys(quiz, String(choice + 1), page.keyboard);
  await quiz.getByRole('button', { name: 'See my results' }).click();
  const results = new ResultsPage(quiz);
  await results.heading.waitFor();
  return results;
}

test('the loader makes an accessible, sandboxed frame that grows and shrinks with its content', async () => {
  const page = await openHost('/one');
  await waitForEvent(page, 'ready');
  const iframe = page.locator('#quiz iframe');
  assert.equal(await iframe.getAttribute('title'), 'Alliance quiz');
  assert.equal(await iframe.getAttribute('loading'), 'lazy');
  // Share too where the browser knows the feature (not Chromium on Linux, which would warn).
  const share = await page.evaluate(() => document.featurePolicy.features().includes('web-share'));
  assert.equal(await iframe.getAttribute('allow'), share ? 'clipboard-write; web-share' : 'clipboard-write', 'copy and share work inside the widget');
  assert.equal(await iframe.getAttribute('sandbox'), 'allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-downloads');
  const src = new URL(await iframe.getAttribute('src'));
  assert.equal(src.origin, app.origin);
  assert.equal(src.searchParams.get('embed'), '1');
  assert.equal(src.searchParams.get('host'), host.origin);

  const quiz = page.frameLocator('#quiz iframe');
  await quiz.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await quiz.locator('.site-header, .site-footer').count(), 0, 'no page header or footer');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'BODY', 'loading takes no focus from the host');
  const landing = await settledHeight(page);
  // Nothing on the host jumped when the first height arrived: the container
  // had the reserved height and only grew if the content is taller.
  const first = await page.evaluate(() => window.firstHeight);
  assert.equal(first.boxBefore, RESERVED);

  await quiz.getByRole('link', { name: 'Start the assessment' }).click();
  await new QuestionPage(quiz).waitForNumber(1);
  await settledHeight(page);
  await finishInFrame(page, quiz);
  const results = await settledHeight(page);
  assert.ok(results > landing && results > RESERVED, `grows: ${landing} → ${results}`);

  await quiz.getByRole('button', { name: 'Start again' }).click();
  await quiz.getByRole('link', { name: 'Start the assessment' }).waitFor();
  const again = await settledHeight(page);
  assert.equal(again, landing, 'shrinks back');
  assert.deepEqual(page.errors, []);
});

test('the host page hears ready, started, each question, completed with the result, and restarted', async () => {
  const page = await openHost('/one');
  const quiz = page.frameLocator('#quiz iframe');
  await waitForEvent(page, 'language');
  await quiz.getByRole('link', { name: 'Start the assessment' }).click();
  const results = await finishInFrame(page, quiz, 3);
  await waitForEvent(page, 'completed');
  const link = await quiz.getByTestId('share-link').inputValue();
  const shown = { overall: (await results.overallScore.textContent()).trim(), level: await results.level.textContent() };
  await results.startAgain.click();
  await waitForEvent(page, 'restarted');

  const events = await quizEvents(page);
  const names = events.map((e) => (e.type === 'alliance-quiz:question' ? `question ${e.detail.index}` : e.type.replace('alliance-quiz:', '')));
  assert.deepEqual(names, ['ready', 'language', 'started', ...Array.from({ length: 21 }, (_, i) => `question ${i}`), 'completed', 'restarted']);
  for (const event of events) {
    assert.equal(event.on, 'quiz');
    assert.equal(event.detail.type, event.type);
    assert.equal(event.detail.version, 1);
    assert.equal(event.detail.id, '1');
  }
  assert.equal(events[3].detail.total, 21);
  assert.deepEqual([events[1].detail.language, events[1].detail.title], ['en', 'Alliance readiness quiz']);
  const completed = events.find((e) => e.type === 'alliance-quiz:completed').detail;
  assert.equal(completed.overall, 75);
  assert.equal(String(completed.overall), shown.overall);
  assert.ok(shown.level.includes(completed.level.name), completed.level.name);
  assert.equal(completed.dimensions.length, 9);
  for (const dimension of completed.dimensions) {
    assert.equal(dimension.score, 75);
    assert.ok(dimension.id && dimension.name && dimension.level.name);
  }
  assert.equal(completed.share_link, link);
  assert.match(completed.share_link, new RegExp(`^${app.origin}/#/r/[A-Za-z0-9_.-]+$`));
  assert.deepEqual(page.errors, []);
});

test('the frame’s title is the quiz’s name in the language it shows, unless the site owner chose one', async () => {
  const page = await openHost('/dutch');
  const iframe = page.locator('#quiz iframe');
  await page.waitForFunction(() => document.querySelector('#quiz iframe').title === 'Alliantiescan');
  assert.equal(await iframe.getAttribute('lang'), 'nl');
  // Switched inside the frame: the title follows.
  const frame = await appFrame(page, 'quiz');
  await frame.getByRole('combobox', { name: 'Taal' }).selectOption('en');
  await page.waitForFunction(() => document.querySelector('#quiz iframe').title === 'Alliance readiness quiz');
  assert.equal(await iframe.getAttribute('lang'), 'en');
  // The site owner's own title stays.
  const own = await openHost('/one');
  await waitForEvent(own, 'language');
  assert.equal(await own.locator('#quiz iframe').getAttribute('title'), 'Alliance quiz');
  assert.deepEqual([...page.errors, ...own.errors], []);
});

test('options: dark theme, accent, compact, no start screen, and share links to the host’s page', async () => {
  const page = await openHost('/options');
  const quiz = page.frameLocator('#quiz iframe');
  const question = new QuestionPage(quiz);
  await question.waitForNumber(1);
  const frame = await appFrame(page, 'quiz');
  const root = await frame.evaluate(() => ({
    classes: [...document.documentElement.classList].sort(),
    accent: document.documentElement.style.getPropertyValue('--color-accent'),
    background: getComputedStyle(document.body).backgroundColor,
  }));
  assert.deepEqual(root.classes, ['compact', 'embed', 'embed-sized', 'host-accent', 'theme-dark']);
  assert.equal(root.accent, '#f5a25d');
  // The hover follows the host's accent (lighter, away from its dark text), not the app's own blue.
  const next = question.next;
  await next.hover();
  await frame.waitForFunction(() => {
    const [r, g, b] = getComputedStyle(document.querySelector('button[type=submit]')).backgroundColor.match(/[\d.]+/g).slice(0, 3).map(Number);
    return r > 0.95 && g > 0.65 && g < 0.75 && b > 0.45 && b < 0.5;
  });
  await page.mouse.move(0, 0);
  assert.equal(root.background, 'rgb(17, 23, 30)', 'the dark palette');
  assert.deepEqual(await axeViolations(frame), [], 'the dark palette, with an accent chosen for it, keeps its contrast');
  await settledHeight(page);

  await waitForEvent(page, 'question');
  await finishInFrame(page, quiz, 1);
  await waitForEvent(page, 'completed');
  const events = await quizEvents(page);
  assert.deepEqual(events.slice(0, 5).map((e) => [e.type, e.detail.index]), [
    ['alliance-quiz:ready', undefined], ['alliance-quiz:language', undefined], ['alliance-quiz:question', 0], ['alliance-quiz:started', undefined], ['alliance-quiz:question', 1],
  ], 'without a start screen the first answer starts the quiz');
  const completed = events.find((e) => e.type === 'alliance-quiz:completed').detail;
  assert.match(completed.share_link, /^https:\/\/training\.example\/quiz#\/r\/[A-Za-z0-9_.-]+$/);
  assert.equal(await quiz.getByTestId('share-link').inputValue(), completed.share_link, 'the link shown in the frame points there too');

  // Such a link, to a page with the widget that names itself as the share base, opens the result in the widget.
  const own = `${host.origin}/own-page`;
  pages['/own-page'] = hostPage(app.origin, `<div id="quiz" data-alliance-quiz data-share-base="${own}"></div>`);
  const opened = await app.openIn(page.context(), own + new URL(completed.share_link).hash);
  await opened.frameLocator('#quiz iframe').getByText('Shared with you').waitFor();
  assert.deepEqual(opened.errors, []);

  const hostile = await openHost('/hostile-options');
  await waitForEvent(hostile, 'ready');
  const src = new URL(await hostile.locator('#quiz iframe').getAttribute('src'));
  assert.equal(src.searchParams.get('accent'), null, 'the loader drops an invalid accent');
  assert.equal(src.searchParams.get('theme'), null);
  const hostileFrame = await appFrame(hostile, 'quiz');
  assert.deepEqual(await hostileFrame.evaluate(() => [[...document.documentElement.classList].sort().join(' '), document.documentElement.getAttribute('style')]), ['embed embed-sized theme-light', null]);
  assert.deepEqual([...page.errors, ...hostile.errors], []);
});

test('two widgets on one page stay independent', async () => {
  const page = await openHost('/two');
  await waitForEvent(page, 'ready', 'first');
  await waitForEvent(page, 'ready', 'second');
  const first = page.frameLocator('#first iframe');
  const second = page.frameLocator('#second iframe');
  const question = new QuestionPage(first);
  await question.waitForNumber(1);
  await question.choose(2);
  await question.next.click();
  await question.waitForNumber(2);
  // One browser, one storage: the second widget offers to resume the same
  // assessment (what is stored is the truth for every frame), but hears and
  // tells nothing of the first one's steps.
  await second.getByRole('link', { name: 'Resume (1 of 21 answered)' }).waitFor();
  await settledHeight(page, 'first');
  await settledHeight(page, 'second');

  const events = await quizEvents(page);
  const ids = await page.evaluate(() => [...document.querySelectorAll('[data-alliance-quiz]')].map((b) => b.getAttribute('data-alliance-quiz-id')));
  assert.equal(new Set(ids).size, 2, `distinct ids: ${ids}`);
  const on = (box) => events.filter((e) => e.on === box);
  assert.deepEqual(on('first').map((e) => e.type.replace('alliance-quiz:', '')), ['ready', 'language', 'question', 'started', 'question']);
  assert.ok(on('first').every((e) => e.detail.id === ids[0]));
  assert.deepEqual(on('second').map((e) => [e.type, e.detail.id]), [['alliance-quiz:ready', ids[1]], ['alliance-quiz:language', ids[1]]]);
  assert.deepEqual(page.errors, []);
});

test('forged messages from the host window are ignored', async () => {
  const page = await openHost('/one');
  await waitForEvent(page, 'ready');
  await page.frameLocator('#quiz iframe').getByRole('heading', { level: 1 }).waitFor();
  const height = await settledHeight(page);
  const before = (await quizEvents(page)).length;
  await page.evaluate(() => new Promise((done) => {
    let seen = 0;
    // Same window, so this listener runs after the loader's has seen both.
    addEventListener('message', () => { seen += 1; if (seen === 2) setTimeout(done, 0); });
    window.postMessage({ type: 'alliance-quiz:height', version: 1, id: '1', height: 5 }, '*');
    window.postMessage({ type: 'alliance-quiz:completed', version: 1, id: '1', overall: 100 }, '*');
  }));
  assert.equal(await page.evaluate(() => document.querySelector('#quiz iframe').getBoundingClientRect().height), height);
  assert.equal((await quizEvents(page)).length, before);
  assert.deepEqual(page.errors, []);
});

test('a frame whose declared host is not its embedder sends nothing', async () => {
  // Chromium logs the height messages it refused to deliver to the declared origin.
  app.expectConsole(/does not match the recipient window/);
  const page = await openHost('/liar');
  await page.frameLocator('#f9').getByRole('heading', { level: 1 }).waitFor();
  await page.waitForFunction(() => allMessages.some((m) => m.id === '8' && m.type === 'alliance-quiz:height'));
  await page.waitForFunction(() => allMessages.some((m) => m.id === '8' && m.type === 'alliance-quiz:ready'));
  // Frame 9 reports its height to the origin it declared, which the browser
  // refuses to deliver here and warns about: once it has, frame 9 has sent
  // what it sends (its results go nowhere, as its host is not confirmed).
  const refused = (text) => text.includes("('http://127.0.0.1:9')");
  if (!page.messages.some(refused)) await page.waitForEvent('console', (message) => refused(message.text()));
  assert.deepEqual(await page.evaluate(() => allMessages.filter((m) => m.id !== '8')), []);
  assert.deepEqual(app.unexpected(page.errors), []);
});

test('in the sandboxed frame with storage blocked, the quiz still runs to its result', async () => {
  const page = await openHost('/one', { prepare: blockStorage });
  const quiz = page.frameLocator('#quiz iframe');
  await quiz.getByTestId('storage-notice').filter({ hasText: 'will be lost when you close this page' }).waitFor();
  const frame = await appFrame(page, 'quiz');
  assert.equal(await frame.evaluate(() => { try { return typeof localStorage; } catch { return 'blocked'; } }), 'blocked');
  await quiz.getByRole('link', { name: 'Start the assessment' }).click();
  const results = await finishInFrame(page, quiz, 2);
  assert.equal((await results.overallScore.textContent()).trim(), '50');
  await waitForEvent(page, 'completed');
  assert.deepEqual(page.errors, []);
});

test('“Embed this quiz” builds the snippet, copies it and previews it, with no axe violations', async () => {
  const context = await app.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const page = await app.openIn(context, '/');
  await page.getByRole('link', { name: 'Embed this quiz on your site' }).click();
  const embed = new EmbedQuizPage(page);
  await embed.heading.waitFor();
  // By default each visitor gets their own language; the choice names the languages.
  assert.equal(await embed.code.inputValue(), `<div data-alliance-quiz></div>\n<script src="${app.origin}/embed.js" async></script>`);
  assert.deepEqual(await embed.language.locator('option').allTextContents(), ["Each visitor's own", 'English', 'Nederlands']);
  await embed.language.selectOption('nl');
  await page.waitForFunction(() => document.getElementById('embed-code').value.includes('data-language="nl"'));

  await embed.theme.selectOption('dark');
  await embed.compact.check();
  await embed.startScreen.uncheck();
  await embed.fill(embed.accent, 'red');
  await page.getByText('This is not a hex colour').waitFor();
  await embed.fill(embed.accent, '#C05000');
  await embed.fill(embed.shareBase, 'https://training.example/quiz');
  await embed.fill(embed.frameTitle, 'Our quiz');
  await page.waitForFunction(() => document.getElementById('embed-code').value.includes('data-title'));
  const code = await embed.code.inputValue();
  assert.equal(code, `<div data-alliance-quiz data-language="nl" data-theme="dark" data-accent="#c05000" data-compact="on" data-start-screen="off" data-share-base="https://training.example/quiz" data-title="Our quiz"></div>\n<script src="${app.origin}/embed.js" async></script>`);
  await embed.copy.click();
  await embed.status.filter({ hasText: 'Code copied.' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);

  const preview = new URL(await embed.preview.getAttribute('src'));
  assert.equal(preview.searchParams.get('theme'), 'dark');
  assert.equal(preview.searchParams.get('start'), 'off');
  assert.equal(preview.searchParams.get('lang'), 'nl');
  // In the language chosen for it.
  await page.frameLocator('[data-testid="embed-preview"]').getByTestId('progress-label').filter({ hasText: /^\s*Vraag 1 van \d+\s*$/ }).waitFor();
  // The preview takes its content's height, as on a host page.
  const previewFrame = await (await embed.preview.elementHandle()).contentFrame();
  const content = await previewFrame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await page.waitForFunction((h) => document.querySelector('[data-testid="embed-preview"]').getBoundingClientRect().height === h, content);
  assert.deepEqual(await axeViolations(page), []);

  // The copied snippet works as it is on another site.
  pages['/copied'] = hostPage(app.origin, code.replace('<div ', '<div id="quiz" ').split('\n')[0], { loader: true });
  const hostPageWithCode = await openHost('/copied');
  await hostPageWithCode.frameLocator('#quiz iframe').getByTestId('progress-label').filter({ hasText: /^\s*Vraag 1 van \d+\s*$/ }).waitFor();
  assert.equal(await hostPageWithCode.locator('#quiz iframe').getAttribute('title'), 'Our quiz');
  assert.deepEqual([...page.errors, ...hostPageWithCode.errors], []);
});
