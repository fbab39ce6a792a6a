// What the benchmark measures in Chromium, one fresh browser context at a time:
// first-visit transfer, start-up, answer latency, memory after the results and
// share-link opening in the page. Debian's Chromium driven by playwright-core,
// with CDP for throttling, garbage collection and heap figures.
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROME_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];
/** Anything but the loopback server fails at once instead of waiting on DNS. */
const LOOPBACK_ONLY = '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1';
export const MARK = 'quiz:first-question-interactive';
/** The phone size the e2e tests use; the throttled profile is a phone's. */
export const VIEWPORT = { width: 375, height: 740 };
export const CPU_SLOWDOWN = 4;
/** Slow 4G as in Lighthouse's mobile preset: 150 ms RTT, 1.6 Mbps down, 750 kbps up. */
export const SLOW_4G = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 };

export function launchBrowser() {
  return chromium.launch({ executablePath: CHROMIUM, args: [...CHROME_ARGS, LOOPBACK_ONLY], headless: true });
}

/** Keeps trunk's wasm exports (their `memory`) when the app starts. */
function keepWasmExports() {
  addEventListener('TrunkApplicationStarted', (event) => {
    window.__benchWasm = event.detail?.wasm ?? null;
  }, { once: true });
}

/**
 * A fresh context and page. `throttle` (before any navigation): 'cpu' for the
 * CPU slowdown alone, 'cpu+network' for it plus slow 4G, null for none.
 */
export async function freshPage(browser, { throttle = null } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(keepWasmExports);
  const page = await context.newPage();
  page.errors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
  page.on('pageerror', (error) => page.errors.push(error.message));
  const cdp = await context.newCDPSession(page);
  if (throttle) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
  if (throttle === 'cpu+network') {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
  }
  return { context, page, cdp };
}

/**
 * Records what the page transfers, from CDP's Network events (call before the
 * navigation). `files()` lists each finished response: its URL path, status,
 * content-encoding, body bytes (content-length) and encodedDataLength (body
 * plus headers, as received).
 */
export async function watchTransfer(cdp) {
  const responses = new Map();
  const finished = new Map();
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    responses.set(requestId, {
      url: response.url,
      status: response.status,
      encoding: headers['content-encoding'] ?? null,
      body: headers['content-length'] === undefined ? null : Number(headers['content-length']),
    });
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => finished.set(requestId, encodedDataLength));
  await cdp.send('Network.enable');
  return {
    files: () => [...responses].filter(([, r]) => !r.url.startsWith('data:'))
      .map(([requestId, r]) => ({ ...r, url: new URL(r.url).pathname, transferred: finished.get(requestId) ?? null })),
  };
}

/**
 * Navigation start to `MARK` (when `mark`) and to first-contentful-paint, in ms,
 * read in the page with buffered PerformanceObservers (no polling). A figure
 * that does not appear within `timeoutMs` is null.
 */
export async function readStartup(page, { mark, timeoutMs }) {
  return page.evaluate(({ markName, wantMark, timeoutMs }) => new Promise((resolve) => {
    const found = { mark: wantMark ? undefined : null, fcp: undefined };
    const finish = () => resolve({ mark: found.mark ?? null, fcp: found.fcp ?? null });
    const timer = setTimeout(finish, timeoutMs);
    const check = () => {
      if (found.mark !== undefined && found.fcp !== undefined) { clearTimeout(timer); finish(); }
    };
    const watch = (type, name, key) => new PerformanceObserver((list, observer) => {
      for (const entry of list.getEntries()) {
        if (entry.name === name) { found[key] = entry.startTime; observer.disconnect(); check(); }
      }
    }).observe({ type, buffered: true });
    if (wantMark) watch('mark', markName, 'mark');
    watch('paint', 'first-contentful-paint', 'fcp');
  }), { markName: MARK, wantMark: mark, timeoutMs });
}

/**
 * Runs in the page: answers questions 1 to `transitions` (option by
 * `choiceFor(position)`, then Next, both with element.click()) and times each
 * from the click on the option to the next question painted: the next
 * question in the DOM (MutationObserver), then requestAnimationFrame and a
 * setTimeout(0) after it (and, as a second figure, to the next question in
 * the DOM, before the browser's frame). Between questions it waits for a paint and an idle
 * period, so one step's leftover work is not charged to the next.
 */
async function answerInPage({ kind, ids, transitions, timeoutMs }) {
  // The app and the floor page share the markup the selectors below look for.
  const app = kind !== 'surveyjs';
  const questionId = () => (app
    ? document.querySelector('[data-testid="question"]')?.getAttribute('data-question-id')
    : document.querySelector('.sd-question[data-name]')?.getAttribute('data-name')) ?? null;
  const progress = () => document.querySelector('[data-testid="progress-label"]')?.textContent.trim();
  const radios = () => [...document.querySelectorAll(app ? '[data-testid="question"] input[type="radio"]' : '.sd-question input[type="radio"]')];
  const nextButton = () => (app
    ? [...document.querySelectorAll('[data-testid="question"] button')].find((b) => /^(Next|Review answers)$/.test(b.textContent.trim()))
    : document.querySelector('.sd-navigation__next-btn'));
  const shows = (position) => questionId() === ids[position] && radios().length === 6
    && (!app || progress() === `Question ${position + 1} of ${ids.length}`);
  const waitFor = (predicate, what) => new Promise((resolve, reject) => {
    if (predicate()) { resolve(performance.now()); return; }
    const observer = new MutationObserver(() => {
      if (predicate()) { observer.disconnect(); clearTimeout(timer); resolve(performance.now()); }
    });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`timed out waiting for ${what} (showing ${questionId()})`)); }, timeoutMs);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const idle = () => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 100 }));

  const samples = [];
  const domSamples = [];
  for (let position = 0; position < transitions; position += 1) {
    await waitFor(() => shows(position), `question ${position + 1}`);
    await nextPaint();
    await idle();
    const choice = position % 6; // 0 to 4 the anchored options, 5 "Not sure"
    const start = performance.now();
    radios()[choice].click();
    nextButton().click();
    const inDom = await waitFor(() => shows(position + 1), `question ${position + 2}`);
    await nextPaint();
    samples.push(performance.now() - start);
    domSamples.push(inDom - start);
  }
  return { samples, domSamples };
}

export function answerQuestions(page, { kind, ids, transitions, timeoutMs = 10_000 }) {
  return page.evaluate(answerInPage, { kind, ids, transitions, timeoutMs });
}

/**
 * Runs in the page: from the app's last question through the review to the
 * results page, with element.click() like `answerInPage`. Playwright's
 * locators are not used in measured pages: their injected script adds about
 * 600 KB to the page's JS heap. Resolves to the overall score shown and the
 * share link.
 */
async function finishInPage({ timeoutMs }) {
  const waitFor = (find, what) => new Promise((resolve, reject) => {
    const found = find();
    if (found) { resolve(found); return; }
    const observer = new MutationObserver(() => {
      const now = find();
      if (now) { observer.disconnect(); clearTimeout(timer); resolve(now); }
    });
    const timer = setTimeout(() => { observer.disconnect(); reject(new Error(`timed out waiting for ${what}`)); }, timeoutMs);
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  const button = (name) => () => [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === name);
  const radios = document.querySelectorAll('[data-testid="question"] input[type="radio"]');
  radios[2].click();
  (await waitFor(button('Review answers'), 'the Review answers button')).click();
  const seeResults = await waitFor(button('See my results'), 'the review page');
  // From the click to the results painted (the frame after they are in the
  // DOM): with code splitting, what finishing waits for when the results part
  // was not prefetched.
  const clicked = performance.now();
  seeResults.click();
  await waitFor(() => [...document.querySelectorAll('h1')].some((h) => h.textContent.trim() === 'Your alliance readiness')
    && document.querySelector('[data-testid="overall-score"]') && document.querySelector('[data-testid="share-link"]'), 'the results page');
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return {
    resultsMs: performance.now() - clicked,
    score: Number(document.querySelector('[data-testid="overall-score"]').textContent.trim()),
    link: document.querySelector('[data-testid="share-link"]').value,
  };
}

export function finishAppQuiz(page, { timeoutMs = 10_000 } = {}) {
  return page.evaluate(finishInPage, { timeoutMs });
}

/** JS heap in use after two forced garbage collections, and the wasm memory's size (null when unknown). */
export async function memoryNow(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__benchWasm?.memory?.buffer?.byteLength ?? null);
  return { jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, wasmMemory: wasm };
}

/**
 * Times `window.wasmBindings.bench_open_share_link(code)` over `runs` calls in
 * the page (after 50 warm-up calls); null when the page has no such export.
 */
export async function openShareLinkInPage(page, code, runs = 1000) {
  return page.evaluate(({ code, runs }) => {
    const open = window.wasmBindings?.bench_open_share_link;
    if (typeof open !== 'function') return null;
    let result;
    for (let i = 0; i < 50; i += 1) result = open(code);
    const start = performance.now();
    for (let i = 0; i < runs; i += 1) result = open(code);
    const elapsed = performance.now() - start;
    return { runs, totalMs: elapsed, perRunMs: elapsed / runs, result, invalid: open('not-a-share-code') };
  }, { code, runs });
}
